import Foundation
import Testing
@testable import BriefingKit

/// Fails (throws) with a clear message unless the tests' python3 can import `module`; returns its version.
@discardableResult
func requirePythonModule(_ module: String, install: String) throws -> String {
    do {
        return try runPython("import importlib.metadata, \(module)\nprint(importlib.metadata.version('\(module)'))")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    } catch let error as PythonError {
        throw PythonError(message: "Python's \(module) is required by this test (`bash scripts/setup.sh --test` "
                              + "installs it: \(install)).\n\(error.message)")
    }
}

/// Runs the seeds pipeline into a throwaway project with `outputs.csv` set to `csv` (YAML flow mapping
/// text), and returns the project and the output folder.
func runSeeds(csv: String) throws -> (project: TempProject, out: String, result: RunResult) {
    let project = try seedsProject()
    let path = project.root + "/Pipelines/hanoi-convention.yaml"
    let yaml = try String(contentsOfFile: path, encoding: .utf8)
    let lines = yaml.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix("  csv:") }) else {
        project.remove()
        throw PythonError(message: "no outputs.csv block in \(path)")
    }
    // Replace the documented block (the `csv:` line and its indented settings and comments).
    var end = start + 1
    while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
    let edited = Array(lines[..<start]) + ["  csv: \(csv)"] + Array(lines[end...])
    try edited.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let config = try PipelineLoader.load(path: path)
    let result = try PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761523200"]).run()
    return (project, result.outputFolder, result)
}

/// `frictionless validate` of a descriptor through the Python API: validity and error types with messages.
func frictionlessValidate(_ descriptor: String) throws -> (valid: Bool, errors: [String]) {
    try requirePythonModule("frictionless", install: "pip install frictionless==5.18.1")
    let script = """
        import json, sys
        from frictionless import validate
        report = validate(sys.argv[1])
        errors = [f"{e.type}: {e.message}" for e in report.errors]
        for task in report.tasks:
            errors += [f"{e.type}: {e.message}" for e in task.errors]
        print(json.dumps({"valid": report.valid, "errors": errors}))
        """
    let text = try runPython(script, args: [descriptor])
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return (object?["valid"] as? Bool ?? false, object?["errors"] as? [String] ?? ["unreadable report: \(text)"])
}

@Suite(.serialized) struct DataPackageTests {
    @Test(arguments: ["{dialect: rfc4180}", "{dialect: excel}", "{dialect: excel, neutralise_formulas: false}"])
    func seedsPackageValidatesWithFrictionless(csv: String) throws {
        let (project, out, result) = try runSeeds(csv: csv)
        defer { project.remove() }
        #expect(result.files.contains("datapackage.json"))
        let report = try frictionlessValidate(out + "/datapackage.json")
        #expect(report.valid, "frictionless: \(report.errors.joined(separator: "\n"))")
        #expect(report.errors.isEmpty)
    }

    /// Neutralised text (`'=1+1`, `'-x`) is still a valid string; negative numbers stay numbers.
    @Test(arguments: [CSVSettings.Dialect.rfc4180, .excel])
    func neutralisedCellsValidate(dialect: CSVSettings.Dialect) throws {
        let folder = try makeTemporaryFolder("datapackage")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A primary key and a foreign key to it, declared by the columns.
        let reference = ColumnReference(table: "documents", column: "document_id")
        let documents = Table(name: "documents", columns: [Column("document_id", description: "", key: true),
                                                           Column("date", .date)], rows: [
            [.text("a"), .date(PartialDate(year: 2025, month: 10, day: 26))],
            [.text("-b"), .date(PartialDate(year: 2025, month: 4))],
        ])
        let notes = Table(name: "notes", columns: [Column("document_id", description: "", references: reference),
                                                   Column("note"), Column("link", .url),
                                                   Column("n", .integer), Column("x", .number), Column("ok", .boolean)],
                          rows: [
                              [.text("a"), .text("=1+1"), .url("https://example.com/a;b"), .int(-3), .double(-0.5), .bool(true)],
                              [.text("-b"), .text("@cmd; \"x\""), .null, .int(0), .null, .bool(false)],
                          ])
        let briefing = Briefing(run: ExportFixtures.run, tables: [documents, notes])
        let files = try CSVExporter(settings: CSVSettings(dialect: dialect)).export(briefing, to: folder)
        #expect(files == ["documents.csv", "notes.csv", "datapackage.json"])
        let csv = try String(contentsOfFile: folder + "/notes.csv", encoding: .utf8)
        #expect(csv.contains("'=1+1"))
        #expect(csv.contains("-3"))
        let report = try frictionlessValidate(folder + "/datapackage.json")
        #expect(report.valid, "frictionless (\(dialect)): \(report.errors.joined(separator: "\n"))")
    }

    @Test func frictionlessCatchesBrokenKeysAndTypes() throws {
        let (project, out, _) = try runSeeds(csv: "{dialect: excel}")
        defer { project.remove() }
        // A repeated document id (primary key), a paragraph of an unknown document (foreign key),
        // and a word count that is not an integer.
        let documents = out + "/documents.csv"
        var lines = try String(contentsOfFile: documents, encoding: .utf8).components(separatedBy: "\r\n")
        lines.insert(lines[1], at: 2)
        try lines.joined(separator: "\r\n").write(toFile: documents, atomically: true, encoding: .utf8)
        let paragraphs = out + "/paragraphs.csv"
        var para = try String(contentsOfFile: paragraphs, encoding: .utf8).components(separatedBy: "\r\n")
        var fields = para[1].components(separatedBy: ";")
        fields[0] = "no-such-document"
        fields[4] = "many"
        para[1] = fields.joined(separator: ";")
        try para.joined(separator: "\r\n").write(toFile: paragraphs, atomically: true, encoding: .utf8)

        let report = try frictionlessValidate(out + "/datapackage.json")
        #expect(!report.valid)
        let types = Set(report.errors.compactMap { $0.split(separator: ":").first.map(String.init) })
        #expect(types.isSuperset(of: ["primary-key", "foreign-key", "type-error"]), "\(report.errors)")
    }

    @Test func descriptorListsEveryCSVWithTypesAndKeys() throws {
        let (project, out, result) = try runSeeds(csv: "{dialect: excel}")
        defer { project.remove() }
        let text = try String(contentsOfFile: out + "/datapackage.json", encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"profile\": \"tabular-data-package\",\n  \"name\": \"hanoi-convention\",\n  \"title\": "))
        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(package["created"] as? String == "2025-10-27T00:00:00Z")
        #expect(package["title"] as? String == result.briefing.run.description)
        let resources = try #require(package["resources"] as? [[String: Any]])

        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }
        #expect(Set(resources.compactMap { $0["path"] as? String }) == Set(csvFiles))
        #expect(resources.compactMap { $0["name"] as? String } == result.briefing.tables.map(\.name))
        let byName = Dictionary(uniqueKeysWithValues: resources.compactMap { r in (r["name"] as? String).map { ($0, r) } })

        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/documents.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the excel dialect starts with a BOM")
        #expect(String(decoding: bytes.dropFirst(3).prefix(17), as: UTF8.self) == "document_id;file;")
        let documents = try #require(byName["documents"])
        #expect(documents["encoding"] as? String == "utf-8")
        #expect(documents["mediatype"] as? String == "text/csv")
        let dialect = try #require(documents["dialect"] as? [String: Any])
        #expect(dialect["delimiter"] as? String == ";")
        #expect(dialect["lineTerminator"] as? String == "\r\n")
        #expect(dialect["header"] as? Bool == true)
        let docSchema = try #require(documents["schema"] as? [String: Any])
        #expect(docSchema["primaryKey"] as? String == "document_id")
        #expect(docSchema["missingValues"] as? [String] == [""])
        #expect(docSchema["foreignKeys"] == nil)
        let fields = try #require(docSchema["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["name"] as? String } == DocumentRow.table.columns.map(\.name))
        let field = { (name: String) in fields.first { $0["name"] as? String == name } ?? [:] }
        #expect(field("words")["type"] as? String == "integer")
        #expect(field("words")["description"] as? String == "Words of the kept paragraphs.")
        #expect(field("source_url")["type"] as? String == "string")
        #expect(field("source_url")["format"] as? String == "uri")
        #expect(field("date")["type"] as? String == "string")
        #expect((field("date")["constraints"] as? [String: String])?["pattern"] == #"\d{4}-\d{2}(-\d{2})?"#)

        let keys: [String: [String]] = ["paragraphs": ["paragraph_id"], "participation": ["type", "name"],
                                        "people": ["name"], "themes": ["theme_id"], "timeline": ["date", "event_id"]]
        for (name, key) in keys {
            let schema = try #require((byName[name]?["schema"]) as? [String: Any], "schema of \(name)")
            let found = (schema["primaryKey"] as? [String]) ?? (schema["primaryKey"] as? String).map { [$0] }
            #expect(found == key, "primary key of \(name)")
        }
        // `changes` names removed documents too, which this run's `documents` does not hold: no foreign key
        for table in result.briefing.tables where table.name != "documents" && table.name != "changes" {
            let schema = try #require((byName[table.name]?["schema"]) as? [String: Any])
            let foreign = schema["foreignKeys"] as? [[String: Any]]
            if table.columns.contains(where: { $0.name == "document_id" }) {
                let reference = foreign?.first?["reference"] as? [String: String]
                #expect(foreign?.first?["fields"] as? String == "document_id", "foreign key of \(table.name)")
                #expect(reference == ["resource": "documents", "fields": "document_id"], "reference of \(table.name)")
            } else {
                #expect(foreign == nil, "no foreign key on \(table.name)")
            }
        }
        #expect(["figures", "commitments", "paragraphs", "removed"].allSatisfy { name in
            (byName[name]?["schema"] as? [String: Any])?["foreignKeys"] != nil
        })
        #expect((byName["changes"]?["schema"] as? [String: Any])?["foreignKeys"] == nil)
    }

    @Test func rfcDescriptorAndNamesAreSafe() {
        let reference = ColumnReference(table: "documents", column: "document_id")
        let tables = [Table(name: "Documents", columns: [Column("document_id", description: "", references: reference)]),
                      Table(name: "a/b c", columns: [Column("x", .number), Column("ok", .boolean)]),
                      Table(name: "documents", columns: [Column("document_id", description: "", key: true),
                                                         Column("when", .date)])]
        let files = [(table: tables[0], file: "Documents.csv"), (table: tables[1], file: "a_b c.csv"),
                     (table: tables[2], file: "documents-2.csv")]
        #expect(DataPackage.resourceNames(tables.map(\.name)) == ["documents", "a-b-c", "documents-2"])
        let text = String(decoding: DataPackage.bytes(run: ExportFixtures.run, files: files, settings: CSVSettings()),
                          as: UTF8.self)
        #expect(text.contains("\"encoding\": \"utf-8\","))
        #expect(text.contains("\"delimiter\": \",\","))
        #expect(text.contains("\"type\": \"number\""))
        #expect(text.contains("\"type\": \"boolean\""))
        #expect(text.contains("\"pattern\": \"\\\\d{4}-\\\\d{2}(-\\\\d{2})?\""))
        // The documents table proper is the third; only its resource is referred to, and the other
        // table's document_id, which refers to it, gets a foreign key to it.
        #expect(text.contains("\"resource\": \"documents-2\""))
        #expect(text.hasSuffix("}\n"))
    }
}
