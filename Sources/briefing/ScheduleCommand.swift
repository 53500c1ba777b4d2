import ArgumentParser
import BriefingKit
import Foundation

extension BriefingCommand {
    /// `briefing schedule <pipeline> --systemd DIR | --cron`.
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write systemd units, or print a crontab line, that run a pipeline on its schedule.",
            discussion: """
                The pipeline file must have a top-level `schedule:`, a cron expression such as \
                "0 6 * * 1-5" (minute hour day-of-month month day-of-week, local time) or a macro \
                such as "@daily". Both forms run `briefing run --quiet --if-changed <pipeline>` from \
                the project root with this very executable.

                --systemd DIR writes briefing-<name>.service and briefing-<name>.timer into DIR and \
                prints the systemctl commands that enable them. --cron prints one crontab line that \
                appends the output to out/<name>.cron.log.

                Exit codes: 0 success, 1 the unit files cannot be written, 2 usage or configuration error.
                """
        )

        @Argument(help: "The pipeline file, e.g. Pipelines/hanoi-convention.yaml.")
        var pipeline: String

        @Option(help: ArgumentHelp("Write the .service and .timer units into this folder.", valueName: "DIR"))
        var systemd: String?

        @Flag(help: "Print one crontab line instead.")
        var cron = false

        func validate() throws {
            if systemd != nil && cron {
                throw ValidationError("use either --systemd DIR or --cron, not both")
            }
            if systemd == nil && !cron {
                throw ValidationError("say what to generate: --systemd DIR (systemd timer and service) or --cron (a crontab line)")
            }
        }

        func run() throws {
            let config = try PipelineLoader.load(path: pipeline)
            guard let units = ScheduleUnits(config: config, binary: Self.executablePath()) else {
                throw ScheduleUnits.missingSchedule(file: pipeline)
            }
            if let systemd {
                let written = try units.write(to: systemd)
                print("wrote \(written.service)")
                print("wrote \(written.timer)")
                let calendar = units.schedule.onCalendar.map { "OnCalendar=\($0)" }.joined(separator: ", ")
                print("schedule '\(units.schedule.expression)' → \(calendar)")
                print(units.enableInstructions(folder: systemd))
            } else {
                print(units.crontabLine)
            }
        }

        /// The absolute path of the running executable: `argv[0]` made absolute when it names a
        /// file, else what `/proc/self/exe` points at.
        static func executablePath() -> String {
            let fm = FileManager.default
            let first = CommandLine.arguments.first ?? ""
            if first.contains("/") {
                let absolute = URL(fileURLWithPath: first).standardizedFileURL.path
                if fm.isExecutableFile(atPath: absolute) { return absolute }
            }
            if let target = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = "\(folder)/\(first)"
                if !first.isEmpty, fm.isExecutableFile(atPath: candidate) { return candidate }
            }
            return first
        }
    }
}
