import Foundation
import Testing
@testable import BriefingKit

/// A copy of the project's default pipeline, data files and seeds in a throwaway project.
func seedsProject() throws -> TempProject {
    let project = try TempProject()
    let fm = FileManager.default
    try fm.removeItem(atPath: project.root + "/Pipelines")
    try fm.copyItem(atPath: Repo.root.appendingPathComponent("Pipelines").path, toPath: project.root + "/Pipelines")
    try fm.copyItem(atPath: Repo.seeds.path, toPath: project.root + "/seeds")
    return project
}

/// Every sheet of a workbook as rows of strings, read by openpyxl: dates as ISO (`yyyy-mm` when the
/// cell's format shows a month), numbers in their shortest form, empty cells as "".
func readWorkbook(_ path: String) throws -> [String: [[String]]] {
    try requireOpenpyxl()
    let script = """
        import json, sys, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows():
                vals = []
                for c in row:
                    v = c.value
                    if v is None: vals.append("")
                    elif isinstance(v, bool): vals.append("true" if v else "false")
                    elif isinstance(v, datetime.datetime):
                        vals.append(v.strftime("%Y-%m") if c.number_format == "yyyy-mm" else v.strftime("%Y-%m-%d"))
                    elif isinstance(v, float): vals.append(str(int(v)) if v.is_integer() else repr(v))
                    else: vals.append(str(v))
                rows.append(vals)
            out[ws.title] = rows
        print(json.dumps(out, ensure_ascii=False))
        """
    let text = try runPython(script, args: [path])
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return (object as? [String: [[String]]]) ?? [:]
}

@Suite(.serialized) struct SeedsEndToEndTests {
    @Test func runWritesWorkbookCSVAndJSONWithTheSameRows() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        let result = try PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761523200"]).run()
        let out = result.outputFolder
        #expect(out.hasPrefix(project.root + "/out/hanoi-convention/runs/"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.root + "/out/hanoi-convention/latest")
                == "runs/" + URL(fileURLWithPath: out).lastPathComponent)
        #expect(Set(result.files).isSuperset(of: ["briefing.xlsx", "briefing.json", "run.json", "documents.csv", "paragraphs.csv", "removed.csv"]))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/briefing.json"))) as? [String: Any]
        let run = try #require(json?["run"] as? [String: Any])
        #expect(run["pipeline"] as? String == "hanoi-convention")
        #expect(run["run_at"] as? String == "2025-10-27T00:00:00Z")
        let jsonTables = try #require(json?["tables"] as? [String: [[String: Any]]])
        let workbook = try readWorkbook(out + "/briefing.xlsx")

        for table in result.briefing.tables {
            let csv = parseCSV(try String(contentsOfFile: out + "/\(table.name).csv", encoding: .utf8))
            #expect(csv.first == table.columns.map(\.name), "CSV header of \(table.name)")
            #expect(csv.count == table.count + 1, "CSV rows of \(table.name)")
            let sheet = try #require(workbook[table.name], "sheet \(table.name)")
            #expect(sheet == csv, "workbook sheet \(table.name) differs from its CSV")
            let rows = try #require(jsonTables[table.name])
            let fromJSON = rows.map { row in
                table.columns.map { column -> String in
                    switch row[column.name] {
                    case let s as String: return s
                    case let n as NSNumber: return n.stringValue
                    default: return ""
                    }
                }
            }
            #expect([table.columns.map(\.name)] + fromJSON == csv, "JSON table \(table.name) differs from its CSV")
        }
    }

    @Test func seedsGiveFiveDocumentsAndTwoDuplicates() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        let result = try PipelineRunner(config: config).run()
        let documents = try #require(result.briefing.rows(DocumentRow.self))
        #expect(documents.map(\.documentID) == ["000_4f9839d5057eabca", "001_43092094198349f3", "002_519f73f8a069fb80",
                                                 "003_29ee913704c63452", "004_d961580e3a41d7a1"])
        let removed = try #require(result.briefing.rows(RemovedRow.self))
        let duplicates = removed.filter { $0.stage == "dedupe" }
        #expect(duplicates.map(\.paragraphID) == ["000_4f9839d5057eabca#p10", "000_4f9839d5057eabca#p11"])
        #expect(result.briefing.rows(ParagraphRow.self)?.count == 50)
        let dedupe = try #require(result.briefing.run.stages.first { $0.stage == "dedupe" })
        #expect(dedupe.input == 52 && dedupe.output == 50 && dedupe.dropped == ["exact-duplicate/document": 2])
    }

    @Test func twoRunsWithTheSameEpochGiveIdenticalFiles() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        let env = ["SOURCE_DATE_EPOCH": "1761523200"]
        // The very first run has no previous briefing to compare with ("first run: nothing to
        // compare"); from the second on, the same corpus and epoch give the same bytes.
        _ = try PipelineRunner(config: config, environment: env).run()
        let first = try PipelineRunner(config: config, environment: env).run()
        let before = try first.files.filter { $0 != "run.json" && $0 != "manifest.json" }.map { try Data(contentsOf: URL(fileURLWithPath: first.outputFolder + "/" + $0)) }
        let second = try PipelineRunner(config: config, environment: env).run()
        #expect(second.outputFolder != first.outputFolder)
        let after = try second.files.filter { $0 != "run.json" && $0 != "manifest.json" }.map { try Data(contentsOf: URL(fileURLWithPath: second.outputFolder + "/" + $0)) }
        #expect(before.count == after.count && before == after)
    }
}
