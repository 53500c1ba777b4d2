import ArgumentParser
import BriefingKit
import Foundation

/// Exit codes, as `--help` and the README list them.
enum Exit {
    static let success: Int32 = 0
    static let runFailed: Int32 = 1
    static let usage: Int32 = 2
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
              0  success
              1  the run failed; the previous outputs are left untouched
              2  usage or configuration error (file, line and column are given)

            """,
        subcommands: [Run.self, Validate.self, Schedule.self]
    )

    /// Parses the command line and maps every error to a documented exit code, never a crash.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(Exit.usage)
        } catch let error as RunError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(Exit.runFailed)
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
            abstract: "Run a pipeline and write its outputs under out/.",
            discussion: "Exit codes: 0 success, 1 the run failed, 2 usage or configuration error."
        )

        @Argument(help: "The pipeline file, e.g. Pipelines/hanoi-convention.yaml.")
        var pipeline: String

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            let config = try PipelineLoader.load(path: pipeline)
            let result = try PipelineRunner(config: config).run()
            if !quiet {
                print(RunSummary.render(result.briefing.run, outputFolder: result.outputFolder, files: result.files))
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
            let config = try PipelineLoader.load(path: pipeline)
            if let enrich = config.enrich {
                _ = try EnrichStage(settings: enrich, defaultYear: config.parse?.defaultYear)
            }
            let stages = config.stages.map(\.kind).joined(separator: " → ")
            print("\(pipeline): valid pipeline '\(config.name)': \(stages); outputs \(config.outputs.formats.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
