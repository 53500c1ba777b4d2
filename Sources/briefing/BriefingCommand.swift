import ArgumentParser
import BriefingKit
import Foundation
import Logging

/// Exit codes, as `--help` and the README list them.
enum Exit {
    static let success: Int32 = 0
    static let runFailed: Int32 = 1
    static let usage: Int32 = 2
    /// EX_TEMPFAIL: another run of the pipeline holds the lock.
    static let locked: Int32 = 75
    // 128 + the signal number when SIGTERM (143) or SIGINT (130) stopped a run: `Interrupted.exitCode`.
}

@main
struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turn a corpus of news articles into briefing tables (XLSX, CSV, JSON).",
        discussion: """
            A pipeline file (YAML) names the corpus, the stages (parse, dedupe, enrich, aggregate) \
            and the outputs. Relative paths in it are resolved against the project root, the folder \
            that holds the pipeline file's folder.

            EXIT CODES:
              0  success, or up to date with --if-changed
              1  the run failed; the previous outputs are left untouched
              2  usage or configuration error (file, line and column are given)
              75 another run of the same pipeline is in progress (try again, or use --wait)
              130, 143 the run was stopped by SIGINT or SIGTERM; the previous outputs are left untouched

            """,
        subcommands: [Run.self, Validate.self, Schedule.self, Score.self, ListStages.self, Shard.self, Merge.self]
    )

    /// Parses the command line and maps every error to a documented exit code, never a crash.
    static func main() {
        // Past a file-size limit (ulimit -f), write() then fails with EFBIG, which the run reports
        // like any other write error, instead of the signal killing the process mid-write.
        _ = signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(Exit.usage)
        } catch let error as RunError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(Exit.runFailed)
        } catch let error as Interrupted {
            FileHandle.standardError.write(Data(("error: \(error)\n").utf8))
            Foundation.exit(error.exitCode)
        } catch let error as RunLock.Busy {
            FileHandle.standardError.write(Data(("error: \(error)\n").utf8))
            Foundation.exit(Exit.locked)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(Exit.success)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(Exit.usage)
        }
    }
}

extension BriefingCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline and publish its outputs as a new run under out/<pipeline>/runs/.",
            discussion: """
                Outputs go to out/<pipeline>/runs/<UTC time>/ and out/<pipeline>/latest points at the newest \
                complete run. One run of a pipeline at a time: a second run exits with code 75, or waits \
                with --wait. Exit codes: 0 success, 1 the run failed, 2 usage or configuration error, \
                75 another run is in progress, 143 or 130 stopped by SIGTERM or SIGINT (the temporary \
                outputs are removed and the run is recorded as failed).
                """
        )

        @Argument(help: "The pipeline file, e.g. Pipelines/hanoi-convention.yaml.")
        var pipeline: String

        @Flag(name: .shortAndLong, help: "Print nothing but errors (for cron).")
        var quiet = false

        @Flag(help: "Wait for another run of the same pipeline to finish instead of exiting with code 75.")
        var wait = false

        @Flag(help: """
            Skip the run, and exit 0 with "up to date", when the pipeline file, its data files and every \
            input file are the same as in the latest run's manifest.
            """)
        var ifChanged = false

        @Option(help: "Log lines on standard error: text or json.")
        var logFormat: BriefingLogHandler.Format = .text

        @Option(help: "Threads for reading, parsing and enriching documents (default: every core); the outputs do not depend on it.")
        var workers: Int?

        func validate() throws {
            if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        }

        func run() throws {
            // SIGTERM and SIGINT stop the run between documents or before publishing, cleanly
            Interruption.install([SIGTERM, SIGINT])
            // every stage built and every data file read before anything else happens
            let plan = try PipelineLoader.plan(path: pipeline)
            let config = plan.config
            let level: Logger.Level = quiet ? .error : (logFormat == .json ? .info : .warning)
            let format = logFormat
            var runner = PipelineRunner(plan: plan)
            if let workers { runner.workers = workers }
            runner.logger = Logger(label: "briefing") { label in BriefingLogHandler(label: label, format: format, level: level) }
            if !quiet, logFormat == .text, isatty(STDERR_FILENO) == 1 {
                runner.progress = { done, total in
                    let line = ProgressBar(total: total).line(done, label: "parse") + (done == total ? "\n" : "")
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            try runner.history.createRoot()
            let lock = try RunLock(path: config.outputs.folder + "/.lock", wait: wait)
            defer { withExtendedLifetime(lock) {} }
            if ifChanged, let latest = runner.history.latestRun,
               let previous = Manifest.readFingerprint(path: latest + "/manifest.json"),
               try Manifest.currentFingerprint(of: config) == previous {
                runner.logger.info("up to date", metadata: ["latest": "\(runner.relative(latest))"])
                if !quiet, logFormat == .text {
                    print("briefing: \(config.name): up to date (inputs, pipeline and data files unchanged since \(runner.relative(latest)))")
                }
                return
            }
            let result: RunResult
            do {
                result = try runner.run()
            } catch {
                // a person reads the error on standard error; a machine gets it as a JSON record too
                if logFormat == .json { runner.logger.error("run failed", metadata: ["error": "\(error)"]) }
                throw error
            }
            if !quiet, logFormat == .text {
                print(RunSummary.render(result.briefing.run, outputFolder: runner.relative(result.outputFolder), files: result.files))
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a pipeline file and its data files without running it.",
            discussion: "Exit codes: 0 valid, 2 invalid (the error names the file, line, column and key)."
        )

        @Argument(help: "The pipeline file, e.g. Pipelines/hanoi-convention.yaml.")
        var pipeline: String

        func run() throws {
            let plan = try PipelineLoader.plan(path: pipeline)
            let config = plan.config
            let stages = plan.kinds.joined(separator: " → ")
            print("\(pipeline): valid pipeline '\(config.name)': \(stages); outputs \(config.outputs.formats.map(\.rawValue).joined(separator: ", "))")
        }
    }
}

extension BriefingCommand {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a pipeline's extraction against hand-made gold files (precision and recall per table and language).",
            discussion: """
                Runs parse, dedupe and enrich over the pipeline's corpus (nothing is published) and compares \
                every document with the gold: countries, organisations, people, figures (with qualifiers and \
                dates), commitments, titles, dates and near-duplicates. Borderline gold entries count neither \
                way unless --strict. Without --gold, the gold is the folder 'gold' beside the corpus folder.
                """
        )

        @Argument(help: "The pipeline file, e.g. Pipelines/devset.yaml.")
        var pipeline: String

        @Option(help: "A gold JSON file or a folder of them.")
        var gold: String?

        @Flag(help: "Count borderline gold entries as required.")
        var strict = false

        @Flag(name: .shortAndLong, help: "List the wrong and missed keys.")
        var verbose = false

        func run() throws {
            let plan = try PipelineLoader.plan(path: pipeline)
            let config = plan.config
            let goldPath = gold ?? (config.input.folder as NSString).deletingLastPathComponent + "/gold"
            let goldSet = try GoldSet.load(path: goldPath)
            let runner = PipelineRunner(plan: plan)
            let documents = try runner.documents()
            let report = Scorer(gold: goldSet, strict: strict).score(documents)
            let title = "briefing score: \(config.name): \(documents.count) document(s) from \(runner.relative(config.input.folder)), gold \(runner.relative(goldPath))"
                + (strict ? " (every entry required)" : " (borderline entries count neither way)")
            print(ScoreReport.render(report, title: title, verbose: verbose))
        }
    }
}

extension BriefingLogHandler.Format: ExpressibleByArgument {}
