import Foundation
import Testing
@testable import BriefingKit

/// `make spark`'s path: spark-submit in local mode (scripts/spark.sh, spark/briefing_spark.py)
/// shards the corpus, shuffles the duplicate keys and merges; it must publish what `briefing run`
/// publishes. Needs PySpark and a Java runtime (`scripts/setup.sh --test` installs them).
@Suite(.serialized) struct SparkRunTests {
    static let epoch = "1761523200"

    /// The published files that two runs over the same corpus share byte for byte.
    static func published(_ project: TempProject) throws -> [String: Data] {
        let latest = project.root + "/out/hanoi-convention/latest"
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: latest) where name != "run.json" && name != "manifest.json" {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: latest + "/" + name))
        }
        return files
    }

    static func spark(_ pipeline: String, corpus: String, partials: String) throws -> ProcessResult {
        try runProcess("/bin/bash", [Repo.root.appendingPathComponent("scripts/spark.sh").path, pipeline,
                                     "--shards", "3", "--quiet", "--partials", partials],
                       environment: ["BRIEFING_BINARY": try briefingBinary(), "BRIEFING_CORPUS": corpus,
                                     "SOURCE_DATE_EPOCH": epoch])
    }

    @Test func aSparkRunPublishesWhatBriefingRunPublishes() throws {
        let (project, config) = try ShardedRunTests.project()
        defer { project.remove() }
        let pipeline = project.root + "/Pipelines/hanoi-convention.yaml"
        let corpus = config.input.folder
        let local = try runProcess(try briefingBinary(), ["run", pipeline, "--quiet"],
                                   environment: ["BRIEFING_CORPUS": corpus, "SOURCE_DATE_EPOCH": Self.epoch])
        #expect(local.code == 0, "\(local.err)")
        let expected = try Self.published(project)
        let expectedSheets = try readWorkbook(project.root + "/out/hanoi-convention/latest/briefing.xlsx")
        try FileManager.default.removeItem(atPath: project.root + "/out/hanoi-convention")

        let partials = project.root + "/partials"
        let run = try Self.spark(pipeline, corpus: corpus, partials: partials)
        try #require(run.code == 0, "spark run failed: \(run.output)")
        let files = try Self.published(project)
        #expect(files.keys.sorted() == expected.keys.sorted())
        for (name, data) in expected where name.hasSuffix(".csv") || name.hasSuffix(".json") {
            #expect(files[name] == data, "\(name) differs between briefing run and the Spark run")
        }
        let sheets = try readWorkbook(project.root + "/out/hanoi-convention/latest/briefing.xlsx")
        #expect(sheets == expectedSheets, "the workbooks differ cell by cell")
        #expect(expectedSheets.count > 5 && expectedSheets.values.contains { $0.count > 100 })
        #expect(!FileManager.default.fileExists(atPath: partials), "the partial results are removed after the merge")

        // a shard that fails fails the job, named with its message; the published run is untouched
        let failed = try Self.spark(pipeline, corpus: project.root + "/no-such-corpus", partials: partials)
        #expect(failed.code == 1)
        // whichever shard fails first is named (all three would)
        #expect(failed.err.hasPrefix("spark: error: briefing shard prepare (shard ") && failed.err.contains(" of 3) failed (exit 1)"), "\(failed.err)")
        #expect(failed.err.contains("corpus folder \(project.root)/no-such-corpus does not exist"))
        #expect(try Self.published(project) == files)
        #expect(!FileManager.default.fileExists(atPath: partials))
    }
}
