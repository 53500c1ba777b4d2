import Foundation
import Testing
@testable import BriefingKit

/// The `briefing` executable that `swift test` built beside the test bundle.
func briefingBinary() throws -> String {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [dir, dir.deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent("briefing").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    throw PythonError(message: "the briefing executable is not beside \(CommandLine.arguments[0]); run `swift build` first")
}

/// Runs `briefing args…` and returns exit code, stdout and stderr.
func runBriefing(_ args: [String], in folder: String? = nil) throws -> ProcessResult {
    try runProcess(try briefingBinary(), args, in: folder)
}

@Suite(.serialized) struct CLITests {
    let minimal = """
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

        """

    @Test func runOnSeedsSucceedsAndPrintsTheSummary() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let r = try runBriefing(["run", project.root + "/Pipelines/hanoi-convention.yaml"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("briefing: hanoi-convention: 5 document(s) from seeds/"))
        #expect(r.out.contains("dedupe    paragraphs       52      50  2 exact-duplicate/document"))
        #expect(FileManager.default.fileExists(atPath: project.root + "/out/hanoi-convention/latest/briefing.xlsx"))
        #expect(r.err.isEmpty)
    }

    @Test func missingPipelineFileIsAUsageError() throws {
        let r = try runBriefing(["run", "/nonexistent/Pipelines/nope.yaml"])
        #expect(r.code == 2)
        #expect(r.err == "/nonexistent/Pipelines/nope.yaml: error: no such file\n")
    }

    @Test func brokenYAMLNamesLineAndColumn() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write(minimal.replacingOccurrences(of: "[csv, json]", with: "[csv, json"))
        let r = try runBriefing(["validate", path])
        #expect(r.code == 2)
        #expect(r.err.hasPrefix(path + ":12:1: error:"), "\(r.err)")
        #expect(!r.err.contains("Fatal") && !r.err.contains("Stack"))
    }

    @Test func unknownKeyAndUnknownStageAreConfigurationErrors() throws {
        let project = try TempProject()
        defer { project.remove() }
        let unknownKey = try project.write(minimal.replacingOccurrences(of: "  - dedupe: {}", with: "  - dedupe: {treshold: 0.9}"))
        var r = try runBriefing(["run", unknownKey])
        #expect(r.code == 2)
        #expect(r.err.hasPrefix(unknownKey + ":7:14: error: stages[1].dedupe: unknown key 'treshold'"), "\(r.err)")
        #expect(r.err.contains("did you mean 'threshold'?"))
        let unknownStage = try project.write(minimal.replacingOccurrences(of: "  - dedupe: {}", with: "  - dedup: {}"))
        r = try runBriefing(["run", unknownStage])
        #expect(r.code == 2)
        #expect(r.err.hasPrefix(unknownStage + ":7:5: error: stages[1]: unknown stage 'dedup'"), "\(r.err)")
    }

    @Test func missingOrEmptyCorpusFailsTheRun() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write(minimal)
        var r = try runBriefing(["run", path])
        #expect(r.code == 1)
        #expect(r.err == "error: corpus folder \(project.root)/corpus does not exist\n")
        try FileManager.default.createDirectory(atPath: project.root + "/corpus", withIntermediateDirectories: true)
        r = try runBriefing(["run", path])
        #expect(r.code == 1)
        #expect(r.err == "error: no file matching '*.txt' in corpus folder corpus\n")
    }

    @Test func nonUTF8AndBinaryFilesAreWarningsNotFailures() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write(minimal)
        try project.write("Le Vietnam a signé la Convention à Hanoï.", to: "corpus/a.txt")
        try Data([0x48, 0x61, 0x6E, 0x6F, 0xEF, 0x20, 0x61, 0x63, 0x63, 0x75, 0x65, 0x69, 0x6C, 0x6C, 0x65, 0x2E])
            .write(to: URL(fileURLWithPath: project.root + "/corpus/b.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
            .write(to: URL(fileURLWithPath: project.root + "/corpus/c.txt"))
        let r = try runBriefing(["run", path])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("warning: b.txt: not valid UTF-8, read as Windows-1252"))
        #expect(r.out.contains("warning: c.txt: skipped, the file is binary, not text"))
        let csv = try String(contentsOfFile: project.root + "/out/t/latest/paragraphs.csv", encoding: .utf8)
        #expect(csv.contains("Hanoï accueille."))
    }

    @Test func aFailedRunLeavesThePreviousOutputsUntouched() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write(minimal)
        try project.write("Le Vietnam a signé la Convention à Hanoï.", to: "corpus/a.txt")
        #expect(try runBriefing(["run", path]).code == 0)
        let fm = FileManager.default
        let latest = try fm.destinationOfSymbolicLink(atPath: project.root + "/out/t/latest")
        let published = project.root + "/out/t/" + latest
        let before = try fm.contentsOfDirectory(atPath: published).sorted()
        let csv = try Data(contentsOf: URL(fileURLWithPath: published + "/paragraphs.csv"))
        try fm.removeItem(atPath: project.root + "/corpus/a.txt")
        try project.write("", to: "corpus/empty.txt")
        let r = try runBriefing(["run", path])
        #expect(r.code == 1)
        #expect(r.err == "error: no readable document in corpus folder corpus (1 file(s) skipped)\n")
        // latest still points at the good run, whose files are untouched
        #expect(try fm.destinationOfSymbolicLink(atPath: project.root + "/out/t/latest") == latest)
        #expect(try fm.contentsOfDirectory(atPath: published).sorted() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: published + "/paragraphs.csv")) == csv)
        // the failed run left its record, and no temporary folder
        let runs = try fm.contentsOfDirectory(atPath: project.root + "/out/t/runs").sorted()
        #expect(runs.count == 2 && !runs.contains { $0.hasPrefix(".") })
        let failed = try #require(runs.first { "runs/" + $0 != latest })
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: project.root + "/out/t/runs/\(failed)/run.json"))) as? [String: Any]
        #expect(record?["status"] as? String == "failed")
        #expect(record?["error"] as? String == "error: no readable document in corpus folder corpus (1 file(s) skipped)")
        #expect((record?["fingerprint"] as? String)?.count == 64, "the failed run's record names its inputs")
        #expect((record?["stages"] as? [Any])?.isEmpty == true, "no stage finished")
    }

    @Test func helpListsVerbsAndExitCodes() throws {
        let r = try runBriefing(["--help"])
        #expect(r.code == 0)
        for text in ["run", "validate", "0  success", "1  the run failed", "2  usage or configuration error"] {
            #expect(r.out.contains(text), "help lacks '\(text)'")
        }
        #expect(try runBriefing(["run"]).code == 2)
        #expect(try runBriefing(["frobnicate"]).code == 2)
    }
}
