import ArgumentParser
import BriefingKit
import Foundation
import Logging

extension BriefingCommand {
    struct Shard: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the per-document stages over one shard of a pipeline's corpus and write its partial results.",
            discussion: """
                Shard INDEX of COUNT is a contiguous range of the corpus's sorted entries. Parse, dedupe \
                inside each document and enrich run on it; the partial results (documents, the prints of \
                their paragraphs, counters, warnings, input digests) go to the folder given by --out, in \
                the format `briefing merge` reads (README, "Running on Apache Spark"). Nothing is published. \
                Exit codes: 0 written, 1 the shard failed (the message names the file or the cause), 2 usage \
                or configuration error.
                """
        )

        @Argument(help: "The pipeline file, e.g. Pipelines/hanoi-convention.yaml.")
        var pipeline: String

        @Option(help: "The shard's index, from 0.")
        var index: Int

        @Option(help: "How many shards the corpus is split in.")
        var count: Int

        @Option(help: "The folder the partial results are written to (created).")
        var out: String

        @Option(help: "Threads for the per-document work (default: every core); the results do not depend on it.")
        var workers: Int?

        func validate() throws {
            if count < 1 { throw ValidationError("--count must be at least 1") }
            if index < 0 || index >= count { throw ValidationError("--index must be at least 0 and less than --count") }
            if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        }

        func run() throws {
            Interruption.install([SIGTERM, SIGINT])
            let plan = try PipelineLoader.plan(path: pipeline)
            var runner = PipelineRunner(plan: plan)
            if let workers { runner.workers = workers }
            let header = try runner.shard(index, of: count, to: out)
            print("briefing: shard \(index) of \(count): entries \(header.first)..<\(header.first + header.count) of \(header.corpusEntries), \(header.documents) documents -> \(out)")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the partial results of every shard of a corpus and publish the outputs as `briefing run` does.",
            discussion: """
                Reads the shard-NNNNN folders `briefing shard` wrote under --partials (every shard of one \
                split is needed), removes the paragraphs that repeat an earlier document's, aggregates, \
                exports and publishes a new run under out/<pipeline>/runs/, with the same lock, run record, \
                manifest and exit codes as `briefing run`. --candidates gives the prints that share a key \
                with another (computed by a cluster's shuffle), one reference per line; only their prints are read.
                """
        )

        @Argument(help: "The pipeline file the shards ran.")
        var pipeline: String

        @Option(help: "The folder holding the shards' partial results.")
        var partials: String

        @Option(help: "The paragraphs the corpus-wide duplicate check must look up (one reference per line, e.g. 0:12:3).")
        var candidates: String?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        @Flag(help: "Wait for another run of the same pipeline to finish instead of exiting with code 75.")
        var wait = false

        func run() throws {
            Interruption.install([SIGTERM, SIGINT])
            let plan = try PipelineLoader.plan(path: pipeline)
            let config = plan.config
            var runner = PipelineRunner(plan: plan)
            runner.logger = Logger(label: "briefing") { label in
                BriefingLogHandler(label: label, format: .text, level: quiet ? .error : .warning)
            }
            try runner.history.createRoot()
            let lock = try RunLock(path: config.outputs.folder + "/.lock", wait: wait)
            defer { withExtendedLifetime(lock) {} }
            let result = try runner.merge(partials: partials, candidates: candidates)
            if !quiet {
                print(RunSummary.render(result.briefing.run, outputFolder: runner.relative(result.outputFolder), files: result.files))
            }
        }
    }
}
