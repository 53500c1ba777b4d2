import Foundation
import Testing
@testable import BriefingKit

/// The per-document work runs on several threads; the outputs must not depend on how many.
@Suite struct ParallelRunTests {
    /// A project whose corpus is the seeds and the development set together: near-duplicates across
    /// documents, two languages, a Windows-1252 and a CRLF+BOM file.
    static func project() throws -> (TempProject, PipelineConfig, Int) {
        let project = try seedsProject()
        let corpus = project.root + "/corpus"
        let fm = FileManager.default
        try fm.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let devset = Repo.root.appendingPathComponent("Tests/BriefingKitTests/Fixtures/devset/articles").path
        for folder in [Repo.seeds.path, devset] {
            for name in try fm.contentsOfDirectory(atPath: folder) where name.hasSuffix(".txt") {
                try fm.copyItem(atPath: folder + "/" + name, toPath: corpus + "/" + name)
            }
        }
        var config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        config.input.folder = corpus
        return (project, config, try fm.contentsOfDirectory(atPath: corpus).count)
    }

    @Test func oneWorkerAndSeveralGiveByteIdenticalOutputs() throws {
        let (project, config, corpusFiles) = try Self.project()
        defer { project.remove() }
        var outputs: [[String: Data]] = []
        for workers in [1, 3] {
            var runner = PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761523200"])
            runner.workers = workers
            runner.previousBriefingPath = project.root + "/no-previous-run/briefing.json"
            let result = try runner.run()
            var files: [String: Data] = [:]
            for file in result.files where file != "run.json" && file != "manifest.json" {
                files[file] = try Data(contentsOf: URL(fileURLWithPath: result.outputFolder + "/" + file))
            }
            outputs.append(files)
            let parse = try #require(result.briefing.run.stages.first { $0.stage == "parse" })
            #expect(parse.output == corpusFiles && corpusFiles > 30)
        }
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        for (file, data) in outputs[0] {
            #expect(outputs[1][file] == data, "\(file) differs between 1 and 3 workers")
        }
    }
}
