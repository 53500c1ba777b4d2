import Foundation
import Testing
@testable import BriefingKit

/// Runs nobody watches: interrupted, concurrent, failing, pruned.
@Suite(.serialized) struct UnattendedRunTests {
    let pipeline = """
        version: 1
        name: t
        input:
          folder: corpus
        stages:
          - parse: {}
          - dedupe: {}
          - aggregate: {}
        outputs:
          folder: out/t
          formats: [csv, json]
          keep: 2

        """

    func project() throws -> (TempProject, String) {
        let project = try TempProject()
        let path = try project.write(pipeline)
        try project.write("Le Vietnam a signé la Convention à Hanoï.", to: "corpus/a.txt")
        return (project, path)
    }

    /// Every file of the latest run, by name.
    func latestFiles(_ root: String) throws -> [String: Data] {
        let folder = root + "/out/t/latest"
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    /// Starts `briefing run --quiet <path>` paused for `pause` seconds before publishing.
    func startPausedRun(_ path: String, pause: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try briefingBinary())
        process.arguments = ["run", "--quiet", path]
        process.environment = ProcessInfo.processInfo.environment.merging(["BRIEFING_PAUSE_BEFORE_PUBLISH": "\(pause)"]) { $1 }
        try process.run()
        return process
    }

    /// Waits (up to 15 s) until `condition` holds.
    func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<300 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    /// True when the lock file of pipeline `t` names `process`.
    func holdsLock(_ process: Process, _ root: String) -> Bool {
        (try? String(contentsOfFile: root + "/out/t/.lock", encoding: .utf8))?.hasPrefix("\(process.processIdentifier)") == true
    }

    @Test func aRunKilledBeforePublishingLeavesThePreviousOutputsByteIdentical() throws {
        let (project, path) = try project()
        defer { project.remove() }
        #expect(try runBriefing(["run", path]).code == 0)
        let before = try latestFiles(project.root)
        try project.write("Le Ghana a signé la Convention.", to: "corpus/b.txt")

        let process = try startPausedRun(path, pause: 30)
        // wait until the run has written everything into its temporary folder
        let runs = project.root + "/out/t/runs"
        let written = eventually {
            let temps = (try? FileManager.default.contentsOfDirectory(atPath: runs))?.filter { $0.hasPrefix(".tmp-") } ?? []
            return temps.contains { FileManager.default.fileExists(atPath: "\(runs)/\($0)/manifest.json") }
        }
        #expect(written, "the run never finished writing")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try latestFiles(project.root) == before)

        // the next run removes the leftover and publishes
        #expect(try runBriefing(["run", path]).code == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: runs)
        #expect(!left.contains { $0.hasPrefix(".tmp-") })
        #expect(try latestFiles(project.root)["documents.csv"].map { String(decoding: $0, as: UTF8.self) }?.contains("b.txt") == true)
    }

    @Test func twoConcurrentRunsOneRunsOneExitsWith75() throws {
        let (project, path) = try project()
        defer { project.remove() }
        // the first run holds the lock while it pauses before publishing
        let first = try startPausedRun(path, pause: 2)
        #expect(eventually { holdsLock(first, project.root) })
        let second = try runBriefing(["run", path])
        #expect(second.code == 75)
        #expect(second.err.hasPrefix("error: another run of this pipeline is in progress (pid \(first.processIdentifier))"), "\(second.err)")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let runs = try FileManager.default.contentsOfDirectory(atPath: project.root + "/out/t/runs")
        #expect(runs.count == 1, "only the first run published: \(runs)")
        #expect(try runBriefing(["run", path]).code == 0)
    }

    @Test func waitBlocksUntilTheLockIsFree() throws {
        let (project, path) = try project()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.root + "/out/t", withIntermediateDirectories: true)
        let lock = try RunLock(path: project.root + "/out/t/.lock", wait: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try briefingBinary())
        process.arguments = ["run", "--quiet", "--wait", path]
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(process.isRunning, "--wait should wait for the lock")
        withExtendedLifetime(lock) {}
        _ = consume lock
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: project.root + "/out/t/latest/documents.csv"))
    }

    @Test func theLockOfAKilledRunDoesNotBlockTheNextOne() throws {
        let (project, path) = try project()
        defer { project.remove() }
        let process = try startPausedRun(path, pause: 30)
        // wait until it holds the lock (its pid is in the lock file)
        #expect(eventually { holdsLock(process, project.root) })
        let lockFile = project.root + "/out/t/.lock"
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // the lock file still names the dead process, but the lock died with it
        #expect((try? String(contentsOfFile: lockFile, encoding: .utf8))?.hasPrefix("\(process.processIdentifier)") == true)
        #expect(try runBriefing(["run", path]).code == 0)
    }

    @Test func keepTwoLeavesTwoRuns() throws {
        let (project, path) = try project()
        defer { project.remove() }
        for _ in 0..<4 { #expect(try runBriefing(["run", "--quiet", path]).code == 0) }
        let runs = try FileManager.default.contentsOfDirectory(atPath: project.root + "/out/t/runs").sorted()
        #expect(runs.count == 2)
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: project.root + "/out/t/latest")
        #expect(latest == "runs/" + (runs.last ?? ""))
    }

    @Test func jsonLogsAreOneObjectPerLine() throws {
        let (project, path) = try project()
        defer { project.remove() }
        let r = try runBriefing(["run", "--log-format", "json", path])
        #expect(r.code == 0)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count >= 3)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil && object?["message"] != nil, "\(line)")
        }
        #expect(lines.contains { $0.contains("\"message\":\"published\"") })
        #expect(r.out.isEmpty)
        let quiet = try runBriefing(["run", "--quiet", path])
        #expect(quiet.code == 0 && quiet.out.isEmpty && quiet.err.isEmpty)
    }
}

/// `--if-changed`: skip when nothing changed, run when an input's content did.
@Suite(.serialized) struct IfChangedTests {
    @Test func skipsWhenNothingChangedThenRunsAfterASeedChangesInContent() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let path = project.root + "/Pipelines/hanoi-convention.yaml"
        let runs = project.root + "/out/hanoi-convention/runs"
        #expect(try runBriefing(["run", "--quiet", "--if-changed", path]).code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: runs).count == 1)

        let skipped = try runBriefing(["run", "--if-changed", path])
        #expect(skipped.code == 0)
        #expect(skipped.out.hasPrefix("briefing: hanoi-convention: up to date"), "\(skipped.out)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: runs).count == 1)

        // a touch that changes no byte is still up to date
        let seed = project.root + "/seeds/003_29ee913704c63452.txt"
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: seed)
        #expect(try runBriefing(["run", "--if-changed", path]).out.contains("up to date"))

        // one changed byte in a seed: the run happens
        let original = try Data(contentsOf: URL(fileURLWithPath: seed))
        try (original + Data("\nUn paragraphe ajouté.".utf8)).write(to: URL(fileURLWithPath: seed))
        let ran = try runBriefing(["run", "--if-changed", path])
        #expect(ran.code == 0 && ran.out.contains("5 document(s)"), "\(ran.out)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: runs).count == 2)

        // a changed data file counts too
        let themes = project.root + "/Pipelines/data/themes.yaml"
        try (try Data(contentsOf: URL(fileURLWithPath: themes)) + Data("\n# a comment\n".utf8)).write(to: URL(fileURLWithPath: themes))
        #expect(!(try runBriefing(["run", "--if-changed", path]).out.contains("up to date")))
    }
}
