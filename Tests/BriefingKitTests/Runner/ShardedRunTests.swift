import Foundation
import Testing
@testable import BriefingKit

/// `briefing shard` then `briefing merge` must publish what `briefing run` publishes.
@Suite struct ShardedRunTests {
    /// The outputs that are the same for two runs over the same corpus with `SOURCE_DATE_EPOCH`
    /// (`run.json` and the manifest record timings).
    static func reproducibleFiles(_ result: RunResult) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in result.files where file != "run.json" && file != "manifest.json" {
            files[file] = try Data(contentsOf: URL(fileURLWithPath: result.outputFolder + "/" + file))
        }
        return files
    }

    static func runner(_ config: PipelineConfig, _ project: TempProject) -> PipelineRunner {
        var runner = PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761523200"])
        runner.previousBriefingPath = project.root + "/no-previous-run/briefing.json"
        return runner
    }

    /// The seeds and the development set (near-duplicates across documents, two languages, a
    /// Windows-1252 and a CRLF+BOM file), with an empty file and a folder named like an article
    /// (skipped with a warning and a counter, in a shard as in a run).
    static func project() throws -> (TempProject, PipelineConfig) {
        let (project, config, _) = try ParallelRunTests.project()
        let corpus = config.input.folder
        _ = FileManager.default.createFile(atPath: corpus + "/en-00-empty.txt", contents: Data())
        try FileManager.default.createDirectory(atPath: corpus + "/fr-00-folder.txt", withIntermediateDirectories: false)
        return (project, config)
    }

    /// Every step of a split run in `shards` shards, the shards on alternating numbers of threads.
    static func split(_ config: PipelineConfig, _ project: TempProject, shards: Int, partials: String,
                      candidates: String? = nil) throws -> RunResult {
        var covered = 0
        for index in 0..<shards {
            var runner = Self.runner(config, project)
            runner.workers = 1 + index % 2
            let header = try runner.prepareShard(index, of: shards, partials: partials)
            #expect(header.shard == index && header.shards == shards && header.first == covered && header.phase == .prepared)
            covered += header.count
        }
        _ = try Self.runner(config, project).decide(partials: partials, candidates: candidates)
        for index in 0..<shards {
            var runner = Self.runner(config, project)
            runner.workers = 2 - index % 2
            #expect(try runner.finishShard(index, partials: partials).phase == .finished)
        }
        return try Self.runner(config, project).merge(partials: partials)
    }

    @Test func shardsMergedGiveTheOutputsOfOneRun() throws {
        let (project, config) = try Self.project()
        defer { project.remove() }
        let whole = try Self.runner(config, project).run()
        let expected = try Self.reproducibleFiles(whole)
        #expect(whole.briefing.run.warnings.contains { $0.contains("fr-00-folder.txt") })
        #expect(!whole.briefing.removed.isEmpty)
        for shards in [1, 4] {
            let merged = try Self.split(config, project, shards: shards, partials: project.root + "/partials-\(shards)")
            let files = try Self.reproducibleFiles(merged)
            #expect(files.keys.sorted() == expected.keys.sorted())
            for (file, data) in expected {
                #expect(files[file] == data, "\(file) differs between one run and \(shards) shard(s) merged")
            }
            #expect(merged.briefing.run.stages.map(\.input) == whole.briefing.run.stages.map(\.input))
            #expect(merged.briefing.run.stages.map(\.dropped) == whole.briefing.run.stages.map(\.dropped))
        }
    }

    @Test func aMergeLooksUpOnlyTheCandidatesItIsGiven() throws {
        // the candidates a cluster's shuffle finds: every paragraph that shares a key with another
        let (project, config) = try Self.project()
        defer { project.remove() }
        let expected = try Self.reproducibleFiles(try Self.runner(config, project).run())
        let partials = project.root + "/partials"
        var owners: [UInt64: Set<String>] = [:]
        for index in 0..<3 {
            _ = try Self.runner(config, project).prepareShard(index, of: 3, partials: partials)
            try Partials.readPrints(Partials.folder(partials, shard: index) + "/" + Partials.printsFile) { line in
                for key in [line.print.exactKey] + line.print.bandKeys { owners[key, default: []].insert(line.ref) }
            }
        }
        let candidates = owners.values.filter { $0.count > 1 }.reduce(into: Set<String>()) { $0.formUnion($1) }
        let all = owners.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(!candidates.isEmpty && candidates.count < all.count)
        let file = project.root + "/candidates.txt"
        try candidates.sorted().joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let (lookedUp, repeats) = try Self.runner(config, project).decide(partials: partials, candidates: file)
        #expect(lookedUp == candidates.count && repeats > 0)
        for index in 0..<3 { _ = try Self.runner(config, project).finishShard(index, partials: partials) }
        #expect(try Self.reproducibleFiles(try Self.runner(config, project).merge(partials: partials)) == expected)
        // without the repeats' references, nothing is found to repeat: the candidates are what decides
        let none = project.root + "/no-candidates.txt"
        try "".write(toFile: none, atomically: true, encoding: .utf8)
        #expect(try Self.runner(config, project).decide(partials: partials, candidates: none) == (0, 0))
    }

    @Test func eachStepRefusesAnIncompleteForeignOrStaleSplit() throws {
        let (project, config) = try Self.project()
        defer { project.remove() }
        let partials = project.root + "/partials"
        for index in 0..<3 { _ = try Self.runner(config, project).prepareShard(index, of: 3, partials: partials) }
        func error(_ step: (PipelineRunner) throws -> Void) -> String {
            do {
                try step(Self.runner(config, project))
                return ""
            } catch {
                return "\(error)"
            }
        }
        let decide = { (r: PipelineRunner) in _ = try r.decide(partials: partials) }
        let finish = { (r: PipelineRunner) in _ = try r.finishShard(1, partials: partials) }
        let merge = { (r: PipelineRunner) in _ = try r.merge(partials: partials) }
        #expect(error(finish).contains("decisions.jsonl: missing: run `briefing shard decide` first"))
        #expect(error(merge).contains("finished.json: missing: the shard did not finish its finish step"))
        let fm = FileManager.default
        let header = Partials.folder(partials, shard: 1) + "/" + Partials.headerFile
        let saved = try Data(contentsOf: URL(fileURLWithPath: header))
        func rewrite(_ change: (inout Partials.Header) -> Void) throws {
            var h = try JSONDecoder().decode(Partials.Header.self, from: saved)
            change(&h)
            try JSONEncoder().encode(h).write(to: URL(fileURLWithPath: header))
        }
        try rewrite { $0.pipeline = "another" }
        #expect(error(decide).contains("a shard of pipeline 'another', not 'hanoi-convention'"))
        try rewrite { $0.version = 99 }
        #expect(error(decide).contains("version 99; this briefing reads briefing-shard version 1"))
        try rewrite { $0.corpusEntries += 1 }
        #expect(error(decide).contains("the corpus changed during the run"))
        try rewrite { $0.phase = .finished }
        #expect(error(decide).contains("a finished shard, where a prepared one is needed"))
        try rewrite { _ in }
        _ = try Self.runner(config, project).decide(partials: partials)
        try rewrite { $0.documents += 1 }
        #expect(error(finish).contains("documents, the shard's header says"))
        try rewrite { _ in }
        try fm.removeItem(atPath: header)
        #expect(error(decide).contains("shard.json: missing: the shard did not finish its prepare step"))
        try fm.removeItem(atPath: Partials.folder(partials, shard: 1))
        #expect(error(decide).contains("shards [0, 2] of 3: every shard of one split is needed, once"))
        try fm.createDirectory(atPath: Partials.folder(partials, shard: 1), withIntermediateDirectories: false)
        try saved.write(to: URL(fileURLWithPath: header))
        #expect(error(decide).contains("documents.jsonl: missing: the shard did not finish"))
        #expect(fm.fileExists(atPath: project.root + "/out/hanoi-convention/latest") == false, "nothing published")
    }

    @Test func aShardIndexOutsideTheSplitIsRefused() throws {
        let (project, config) = try Self.project()
        defer { project.remove() }
        #expect(throws: RunError.self) { try Self.runner(config, project).prepareShard(3, of: 3, partials: project.root + "/p") }
        #expect(Partials.range(shard: 0, of: 4, total: 10) == 0..<2)
        #expect((0..<4).map { Partials.range(shard: $0, of: 4, total: 10).count }.reduce(0, +) == 10)
        #expect(Partials.range(shard: 2, of: 3, total: 1) == 0..<1)
    }

    @Test func aPrintLineReadsBackAsItWasWritten() throws {
        let print = ParagraphPrint(exactKey: .max, shingles: [0, 1, 0xDEAD_BEEF_0000_0001], bandKeys: [42, .max - 1])
        // a file name may hold quotes, backslashes and control characters
        let line = Partials.PrintLine(ref: "2:17:3", paragraphID: "a\"b\\c\u{1}#p4", documentID: "a\"b\\c\u{1}", print: print)
        #expect(try Partials.parsePrintLine(Partials.printLine(line)) == line)
        let short = Partials.PrintLine(ref: "0:0:0", paragraphID: "x#p1", documentID: "x", print: ParagraphPrint(exactKey: 7))
        #expect(try Partials.parsePrintLine(Partials.printLine(short)) == short)
        #expect(throws: RunError.self) {
            try Partials.parsePrintLine(Array(#"{"ref":"0:0:0","p":"x#p1","d":"x","x":"zz","b":[],"s":""}"#.utf8))
        }
        // the same fields laid out otherwise (another writer) read the same, through a JSON parser
        let spaced = #"{ "s": "0000000000000001", "b": ["000000000000002a"], "x": "0000000000000007", "d": "x", "p": "x#p\u0031", "ref": "0:0:0" }"#
        #expect(try Partials.parsePrintLine(Array(spaced.utf8)) == Partials.PrintLine(
            ref: "0:0:0", paragraphID: "x#p1", documentID: "x", print: ParagraphPrint(exactKey: 7, shingles: [1], bandKeys: [42])))
    }
}
