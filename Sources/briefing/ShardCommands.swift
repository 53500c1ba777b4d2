import ArgumentParser
import BriefingKit
import Foundation
import Logging

extension BriefingCommand {
    /// The steps of a split run (README, "Running on Apache Spark").
    struct Shard: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The steps of a run split in shards, as a cluster runs them (README, \"Running on Apache Spark\").",
            discussion: """
                prepare (one per shard), decide (one), finish (one per shard), then `briefing merge`: \
                the published outputs are those of `briefing run` over the same corpus. The partial results \
                go to one folder (--partials), in the format the README describes. Exit codes: 0 done, 1 the \
                step failed (the message names the file or the cause), 2 usage or configuration error.
                """,
            subcommands: [Prepare.self, Decide.self, Finish.self]
        )

        struct Common: ParsableArguments {
            @Argument(help: "The pipeline file, e.g. Pipelines/hanoi-convention.yaml.")
            var pipeline: String

            @Option(help: "The folder of the partial results (shard-NNNNN folders).")
            var partials: String

            @Option(help: "Threads for the per-document work (default: every core); the results do not depend on it.")
            var workers: Int?

            func validate() throws {
                if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
            }

            func runner() throws -> PipelineRunner {
                Interruption.install([SIGTERM, SIGINT])
                var runner = PipelineRunner(plan: try PipelineLoader.plan(path: pipeline))
                if let workers { runner.workers = workers }
                return runner
            }
        }

        struct Prepare: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Read and parse one shard of the corpus (a contiguous range of its sorted entries) and compute its paragraphs' prints.")

            @OptionGroup var common: Common

            @Option(help: "The shard's index, from 0.")
            var index: Int

            @Option(help: "How many shards the corpus is split in.")
            var count: Int

            func validate() throws {
                if count < 1 { throw ValidationError("--count must be at least 1") }
                if index < 0 || index >= count { throw ValidationError("--index must be at least 0 and less than --count") }
            }

            func run() throws {
                let h = try common.runner().prepareShard(index, of: count, partials: common.partials)
                print("briefing: shard \(index) of \(count) prepared: entries \(h.first)..<\(h.first + h.count) of \(h.corpusEntries), \(h.documents) documents")
            }
        }

        struct Decide: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Find, in corpus order, the paragraphs that repeat one kept earlier, from every prepared shard's prints.")

            @OptionGroup var common: Common

            @Option(help: "The paragraphs to look up, one reference per line (e.g. 0:12:3): those that share a key with another. Default: all.")
            var candidates: String?

            func run() throws {
                let (lookedUp, repeats) = try common.runner().decide(partials: common.partials, candidates: candidates)
                print("briefing: \(lookedUp) paragraphs looked up, \(repeats) repeat an earlier document's")
            }
        }

        struct Finish: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Remove a prepared shard's repeats and run the remaining document stages (enrich).")

            @OptionGroup var common: Common

            @Option(help: "The shard's index, from 0.")
            var index: Int

            func run() throws {
                let h = try common.runner().finishShard(index, partials: common.partials)
                print("briefing: shard \(index) of \(h.shards) finished: \(h.documents) documents")
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge every finished shard of a split run and publish the outputs as `briefing run` does.",
            discussion: """
                Reads the shard-NNNNN folders under --partials (every shard of one split, finished by \
                `briefing shard finish`), aggregates, exports and publishes a new run under \
                out/<pipeline>/runs/, with the same lock, run record, manifest and exit codes as `briefing run`.
                """
        )

        @Argument(help: "The pipeline file the shards ran.")
        var pipeline: String

        @Option(help: "The folder holding the shards' partial results.")
        var partials: String

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
            let result = try runner.merge(partials: partials)
            if !quiet {
                print(RunSummary.render(result.briefing.run, outputFolder: runner.relative(result.outputFolder), files: result.files))
            }
        }
    }
}
