import Foundation
import Testing
@testable import BriefingKit

@Suite struct JSONExporterTests {
    static var tiny: Briefing {
        var stage = StageStats(stage: "parse", unit: "files")
        stage.input = 3
        stage.output = 2
        stage.drop("empty-file")
        stage.drop("binary", 2)
        stage.seconds = 0.01234
        stage.extra = ["findings": 4]
        var run = ExportFixtures.run
        run.stages = [stage]
        run.warnings = ["1 file skipped"]
        run.changes = ["new country: Ghana (GHA)", "signatory-countries: 69 → 72"]
        let table = Table(
            name: "people",
            columns: [Column("name"), Column("n", .integer), Column("share", .number), Column("seen", .date),
                      Column("month", .date), Column("ok", .boolean), Column("site", .url)],
            rows: [[.text("Tô \"Lâm\"\\\n\t\u{01}"), .int(12), .double(0.25),
                    .date(PartialDate(year: 2025, month: 4, day: 2)), .date(PartialDate(year: 2025, month: 4)),
                    .bool(true), .null]])
        return Briefing(run: run, tables: [table, Table(name: "empty", columns: [Column("x")])])
    }

    @Test func textIsExact() {
        let expected = #"""
        {
          "run": {
            "pipeline": "vietnam-weekly",
            "description": "Semaine « Việt Nam », test",
            "pipeline_file": "Pipelines/vn.yaml",
            "corpus": "seeds/vn",
            "run_at": "2025-04-14T06:00:00Z",
            "tool_version": "0.1.0",
            "stages": [
              {
                "stage": "parse",
                "unit": "files",
                "input": 3,
                "output": 2,
                "dropped": {
                  "binary": 2,
                  "empty-file": 1
                },
                "extra": {
                  "findings": 4
                }
              }
            ],
            "warnings": [
              "1 file skipped"
            ],
            "changes": [
              "new country: Ghana (GHA)",
              "signatory-countries: 69 → 72"
            ]
          },
          "tables": {
            "people": [
              {"name":"Tô \"Lâm\"\\\n\t\u0001","n":12,"share":0.25,"seen":"2025-04-02","month":"2025-04","ok":true,"site":null}
            ],
            "empty": []
          }
        }

        """#
        #expect(JSONExporter.text(of: Self.tiny) == expected)
    }

    @Test func parsesBackToTheSameValues() throws {
        let data = Data(JSONExporter.bytes(of: Self.tiny))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try #require(root["run"] as? [String: Any])
        #expect(run["pipeline"] as? String == "vietnam-weekly")
        #expect(run["description"] as? String == "Semaine « Việt Nam », test")
        let stages = try #require(run["stages"] as? [[String: Any]])
        #expect(stages.first?["dropped"] as? [String: Int] == ["binary": 2, "empty-file": 1])
        #expect(stages.first?["seconds"] == nil, "timings would make briefing.json differ between runs")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(JSONExporter.runRecord(Self.tiny.run))) as? [String: Any])
        let recorded = try #require(record["stages"] as? [[String: Any]])
        #expect(recorded.first?["seconds"] as? Double == 0.012)
        #expect(record["pipeline"] as? String == "vietnam-weekly")
        #expect(record["changes"] as? [String] == ["new country: Ghana (GHA)", "signatory-countries: 69 → 72"])
        #expect(run["changes"] as? [String] == ["new country: Ghana (GHA)", "signatory-countries: 69 → 72"])
        let tables = try #require(root["tables"] as? [String: Any])
        let rows = try #require(tables["people"] as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(row["name"] as? String == "Tô \"Lâm\"\\\n\t\u{01}")
        #expect(row["n"] as? Int == 12)
        #expect(row["share"] as? Double == 0.25)
        #expect(row["seen"] as? String == "2025-04-02")
        #expect(row["month"] as? String == "2025-04")
        #expect(row["ok"] as? Bool == true)
        #expect(row["site"] is NSNull)
        #expect((tables["empty"] as? [Any])?.isEmpty == true)
    }

    @Test func fullFixtureIsValidJSONAndWrittenAtomically() throws {
        let folder = try makeTemporaryFolder("json")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try JSONExporter().export(ExportFixtures.briefing, to: folder) == ["briefing.json"])
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/briefing.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let articles = try #require((root["tables"] as? [String: Any])?["articles"] as? [[String: Any]])
        #expect(articles.count == 2)
        #expect(articles[1]["note"] as? String == "=HYPERLINK(\"http://x\",\"y\")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["briefing.json"])
    }

    @Test func nonFiniteDoublesBecomeNull() {
        #expect(JSONExporter.text(of: Briefing(run: ExportFixtures.run, tables: [
            Table(name: "t", columns: [Column("x", .number)], rows: [[.double(.nan)]]),
        ])).contains("\"x\":null"))
    }
}
