import Foundation
import Testing
@testable import BriefingKit

/// SHA-256 of files by coreutils' `sha256sum`, independent of the code under test.
private func sha256sum(_ paths: [String]) throws -> [String: String] {
    guard let tool = findOnPath("sha256sum") else {
        throw PythonError(message: "sha256sum (coreutils) is not on PATH; it checks the manifest's hashes")
    }
    let scratch = try makeTemporaryFolder("sha")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    _ = FileManager.default.createFile(atPath: scratch + "/out", contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + "/out"))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = ["--"] + paths
    p.standardOutput = out
    try p.run()
    p.waitUntilExit()
    try out.close()
    guard p.terminationStatus == 0 else { throw PythonError(message: "sha256sum exited with \(p.terminationStatus)") }
    var hashes: [String: String] = [:]
    for line in try String(contentsOfFile: scratch + "/out", encoding: .utf8).split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { continue }
        hashes[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
    }
    return hashes
}

private func fileSize(_ path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
}

private func readManifest(_ path: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
}

/// A file entry of the manifest: path, size, sha256.
private func entries(_ manifest: [String: Any], _ key: String) -> [[String: Any]] {
    manifest[key] as? [[String: Any]] ?? []
}

@Suite(.serialized) struct ManifestTests {
    let env = ["SOURCE_DATE_EPOCH": "1761523200"]

    @Test func seedsManifestListsInputsWithTheirSizesAndHashes() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        let result = try PipelineRunner(config: config, environment: env).run()
        #expect(result.files.last == "manifest.json" && result.files.contains("briefing.md"))
        let manifest = try readManifest(result.outputFolder + "/manifest.json")
        #expect(manifest["pipeline"] as? String == "hanoi-convention")
        #expect(manifest["tool_version"] as? String == PipelineRunner.toolVersion)
        #expect(manifest["run_at"] as? String == "2025-10-27T00:00:00Z")
        let text = try String(contentsOfFile: result.outputFolder + "/manifest.json", encoding: .utf8)
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys == ["manifest_version", "pipeline", "tool_version", "run_at", "fingerprint", "pipeline_file",
                         "data_files", "inputs", "outputs", "warnings", "timings"])

        let seeds = try FileManager.default.contentsOfDirectory(atPath: project.root + "/seeds").filter { $0.hasSuffix(".txt") }.sorted()
        let expected = try sha256sum(seeds.map { project.root + "/seeds/" + $0 })
        let inputs = entries(manifest, "inputs")
        #expect(inputs.count == 5)
        #expect(inputs.compactMap { $0["path"] as? String } == seeds.map { "seeds/" + $0 })
        for input in inputs {
            let path = project.root + "/" + (input["path"] as? String ?? "?")
            #expect(input["sha256"] as? String == expected[path], "hash of \(path)")
            let size = try fileSize(path)
            #expect(input["size"] as? Int == size, "size of \(path)")
        }

        let pipeline = try #require(manifest["pipeline_file"] as? [String: Any])
        #expect(pipeline["path"] as? String == "Pipelines/hanoi-convention.yaml")
        let pipelineHash = try sha256sum([config.file])[config.file]
        #expect(pipeline["sha256"] as? String == pipelineHash)
        let data = entries(manifest, "data_files")
        #expect(data.compactMap { $0["key"] as? String } == ["enrich.countries", "enrich.organisations", "enrich.titles",
                                                            "enrich.metrics", "enrich.commitments", "enrich.themes",
                                                            "aggregate.events"])
        let dataHashes = try sha256sum(data.map { project.root + "/" + ($0["path"] as? String ?? "?") })
        for d in data {
            let path = project.root + "/" + (d["path"] as? String ?? "?")
            let size = try fileSize(path)
            #expect(d["sha256"] as? String == dataHashes[path] && d["size"] as? Int == size, "\(path)")
        }
    }

    @Test func seedsManifestListsEveryOutputWithItsRealHashAndRowCounts() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        let result = try PipelineRunner(config: config, environment: env).run()
        let out = result.outputFolder
        let manifest = try readManifest(out + "/manifest.json")
        let outputs = entries(manifest, "outputs")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != "manifest.json" }
        #expect(Set(outputs.compactMap { $0["path"] as? String }) == Set(onDisk))
        #expect(Set(onDisk).isSuperset(of: ["briefing.xlsx", "briefing.json", "briefing.md", "run.json", "figures.csv"]))
        let hashes = try sha256sum(onDisk.map { out + "/" + $0 })
        for o in outputs {
            let path = out + "/" + (o["path"] as? String ?? "?")
            #expect(o["sha256"] as? String == hashes[path], "hash of \(path)")
            let size = try fileSize(path)
            #expect(o["size"] as? Int == size, "size of \(path)")
        }

        let rows = { (file: String) in outputs.first { $0["path"] as? String == file }?["rows"] as? [String: Int] ?? [:] }
        let tables = result.briefing.tables
        #expect(tables.count == 10)
        let all = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.count) })
        #expect(rows("briefing.json") == all)
        #expect(rows("briefing.xlsx") == all)
        // 12 figures: the seeds' gold figures and "trois résultats convenus" (a borderline gold entry, read since number words are)
        #expect(all["figures"] == 12 && all["documents"] == 5)
        let workbook = try readWorkbook(out + "/briefing.xlsx")
        for table in tables {
            let csv = parseCSV(try String(contentsOfFile: out + "/\(table.name).csv", encoding: .utf8))
            #expect(rows("\(table.name).csv") == [table.name: table.count])
            #expect(csv.count - 1 == table.count, "CSV data rows of \(table.name)")
            #expect((workbook[table.name]?.count ?? 0) - 1 == table.count, "sheet rows of \(table.name)")
        }
        #expect(rows("briefing.md").isEmpty && rows("run.json").isEmpty)
        #expect(manifest["warnings"] as? [String] == result.briefing.run.warnings)
        let timings = try #require(manifest["timings"] as? [String: Double])
        #expect(Set(timings.keys) == ["parse", "dedupe", "enrich", "aggregate", "export"])
    }

    @Test func fingerprintFollowsInputsNotTheRunDate() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        let path = config.outputs.folder + "/latest/manifest.json"
        #expect(Manifest.readFingerprint(path: path) == nil)
        _ = try PipelineRunner(config: config, environment: env).run()
        let first = try #require(Manifest.readFingerprint(path: path))
        #expect(first.count == 64 && first.allSatisfy { "0123456789abcdef".contains($0) })
        let current = try Manifest.currentFingerprint(of: config)
        #expect(current == first)
        let firstManifest = try readManifest(path)

        _ = try PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761609600"]).run()
        #expect(Manifest.readFingerprint(path: path) == first)

        // Same epoch and same previous run: only the timings and run.json's entry (it holds timings)
        // may differ. (The changes section names the previous run, so runs are compared in pairs
        // whose previous runs have the same date too.)
        _ = try PipelineRunner(config: config, environment: env).run()
        _ = try PipelineRunner(config: config, environment: env).run()
        let fourth = try readManifest(path)
        _ = try PipelineRunner(config: config, environment: env).run()
        let stable = { (manifest: [String: Any]) -> NSDictionary in
            var m = manifest
            m["timings"] = nil
            m["outputs"] = entries(m, "outputs").filter { $0["path"] as? String != "run.json" }
            return NSDictionary(dictionary: m)
        }
        let fifth = try readManifest(path)
        #expect(stable(fourth) == stable(fifth))
        #expect(NSDictionary(dictionary: fourth) != NSDictionary(dictionary: fifth), "timings differ")
        #expect(firstManifest["fingerprint"] as? String == fifth["fingerprint"] as? String)

        // One changed byte in one seed, or in a data file, changes the fingerprint.
        let seed = project.root + "/seeds/003_29ee913704c63452.txt"
        let original = try Data(contentsOf: URL(fileURLWithPath: seed))
        try (original + Data(" ".utf8)).write(to: URL(fileURLWithPath: seed))
        let changed = try Manifest.currentFingerprint(of: config)
        #expect(changed != first)
        try original.write(to: URL(fileURLWithPath: seed))
        let restored = try Manifest.currentFingerprint(of: config)
        #expect(restored == first)
        try "\n".appendingToFile(project.root + "/Pipelines/data/events.yaml")
        let dataChanged = try Manifest.currentFingerprint(of: config)
        #expect(dataChanged != first)
    }

    @Test func fingerprintIsOrderIndependentAndCoversEveryPart() {
        let a = FileDigest(path: "seeds/a.txt", bytes: Array("a".utf8))
        let b = FileDigest(path: "seeds/b.txt", bytes: Array("b".utf8))
        let pipeline = FileDigest(path: "Pipelines/p.yaml", bytes: Array("p".utf8))
        let data = FileDigest(path: "Pipelines/data/x.yaml", bytes: Array("x".utf8))
        let base = Manifest.fingerprint(inputs: [a, b], pipelineFile: pipeline, dataFiles: [data], toolVersion: "1")
        #expect(base == Manifest.fingerprint(inputs: [b, a], pipelineFile: pipeline, dataFiles: [data], toolVersion: "1"))
        #expect(base != Manifest.fingerprint(inputs: [a], pipelineFile: pipeline, dataFiles: [data], toolVersion: "1"))
        #expect(base != Manifest.fingerprint(inputs: [a, b], pipelineFile: data, dataFiles: [pipeline], toolVersion: "1"))
        #expect(base != Manifest.fingerprint(inputs: [a, b], pipelineFile: pipeline, dataFiles: [], toolVersion: "1"))
        #expect(base != Manifest.fingerprint(inputs: [a, b], pipelineFile: pipeline, dataFiles: [data], toolVersion: "2"))
        // The well-known SHA-256 of "abc".
        #expect(FileDigest(path: "x", bytes: Array("abc".utf8)).sha256
                    == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func readFingerprintIsNilForAFileWithoutOne() throws {
        let folder = try makeTemporaryFolder("manifest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "not json".write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        try "{\"pipeline\": \"x\"}".write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        #expect(Manifest.readFingerprint(path: folder + "/a.json") == nil)
        #expect(Manifest.readFingerprint(path: folder + "/b.json") == nil)
        #expect(Manifest.readFingerprint(path: folder + "/missing.json") == nil)
    }

    @Test func workbookRowCountsFollowSheetsSplitPastTheRowLimit() throws {
        let folder = try makeTemporaryFolder("manifest-xlsx")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let big = Table(name: "big", columns: [Column("n", .integer)], rows: (1...5).map { [.int($0)] })
        let empty = Table(name: "empty", columns: [Column("n", .integer)])
        let b = Briefing(run: RunInfo(pipeline: "t", description: "", pipelineFile: "p", corpus: "c",
                                      runAt: "2026-01-02T03:04:05Z", toolVersion: "0.1.0"), tables: [big, empty])
        var exporter = XLSXExporter()
        exporter.rowsPerSheet = 2
        let report = try exporter.write(b, to: folder)
        let counts = Manifest.rowCounts(tables: b.tables, sheets: report.dataSheets)["briefing.xlsx"] ?? []
        #expect(counts.map(\.name) == report.sheets.filter { $0 != "Summary" })
        #expect(counts.map(\.rows) == [2, 2, 1, 0])
        let workbook = try readWorkbook(folder + "/briefing.xlsx")
        for c in counts {
            #expect((workbook[c.name]?.count ?? 0) - 1 == c.rows, "sheet \(c.name)")
        }
    }
}

private extension String {
    func appendingToFile(_ path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
