import Foundation
import Testing
@testable import BriefingKit

/// `Sources/BriefingKit/Export/Schemas/briefing.schema.json`: made from the table declarations, and
/// checked against what the seeds run writes.
@Suite(.serialized) struct BriefingSchemaTests {
    static let schemaPath = Repo.root.appendingPathComponent(BriefingSchema.path).path

    /// The checked-in schema is the one the declarations give; `BRIEFING_WRITE_SCHEMA=1` rewrites it.
    @Test func checkedInSchemaIsMadeFromTheDeclarations() throws {
        let generated = Data(BriefingSchema.bytes())
        if ProcessInfo.processInfo.environment["BRIEFING_WRITE_SCHEMA"] == "1" {
            try generated.write(to: URL(fileURLWithPath: Self.schemaPath))
        }
        let checkedIn = try Data(contentsOf: URL(fileURLWithPath: Self.schemaPath))
        #expect(checkedIn == generated, """
            \(BriefingSchema.path) is not the schema the table declarations give; \
            rewrite it with BRIEFING_WRITE_SCHEMA=1 swift test --filter BriefingSchemaTests
            """)
    }

    /// Validates each document with Python's jsonschema (draft 2020-12) and returns, per document,
    /// the error messages (empty when valid); the schema itself is checked first.
    private func validate(_ documents: [String]) throws -> [[String]] {
        try requirePythonModule("jsonschema", install: "apt-get install python3-jsonschema")
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            out = []
            for path in sys.argv[2:]:
                doc = json.load(open(path, encoding="utf-8"))
                out.append(["/".join(map(str, e.absolute_path)) + ": " + e.message for e in validator.iter_errors(doc)])
            print(json.dumps(out))
            """
        let text = try runPython(script, args: [Self.schemaPath] + documents)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String]])
    }

    private func load(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    private func write(_ object: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    @Test func seedsBriefingIsValidAndBrokenOnesAreNot() throws {
        let (project, out, _) = try runSeeds(csv: "{}")
        defer { project.remove() }
        let good = out + "/briefing.json"
        let doc = try load(good)
        var tables = try #require(doc["tables"] as? [String: Any])
        let scratch = project.root + "/broken"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)

        // 1. A word count that is a string.
        var paragraphs = try #require(tables["paragraphs"] as? [[String: Any]])
        paragraphs[0]["words"] = "12"
        var wrongType = doc
        tables["paragraphs"] = paragraphs
        wrongType["tables"] = tables
        try write(wrongType, to: scratch + "/wrong-type.json")
        // 2. A row with a column no table has.
        var extra = try load(good)
        var extraTables = try #require(extra["tables"] as? [String: Any])
        var documents = try #require(extraTables["documents"] as? [[String: Any]])
        documents[0]["surprise"] = 1
        extraTables["documents"] = documents
        extra["tables"] = extraTables
        try write(extra, to: scratch + "/extra-column.json")
        // 3. A run without its timestamp, and a null where a cell cannot be null.
        var noRunAt = try load(good)
        var run = try #require(noRunAt["run"] as? [String: Any])
        run.removeValue(forKey: "run_at")
        noRunAt["run"] = run
        try write(noRunAt, to: scratch + "/no-run-at.json")
        var nullID = try load(good)
        var nullTables = try #require(nullID["tables"] as? [String: Any])
        var removed = try #require(nullTables["removed"] as? [[String: Any]])
        removed[0]["document_id"] = NSNull()
        nullTables["removed"] = removed
        nullID["tables"] = nullTables
        try write(nullID, to: scratch + "/null-id.json")
        // 4. A month date is fine, a French date is not.
        var dates = try load(good)
        var dateTables = try #require(dates["tables"] as? [String: Any])
        var timeline = try #require(dateTables["timeline"] as? [[String: Any]])
        timeline[0]["date"] = "26/10/2025"
        dateTables["timeline"] = timeline
        dates["tables"] = dateTables
        try write(dates, to: scratch + "/bad-date.json")
        // 5. An unknown extra table (one a later version adds) with plain values is accepted.
        var later = try load(good)
        var laterTables = try #require(later["tables"] as? [String: Any])
        laterTables["sentiment"] = [["document_id": "x", "change": "added", "count": 2, "flag": true, "note": NSNull()]]
        later["tables"] = laterTables
        try write(later, to: scratch + "/extra-table.json")

        let names = ["wrong-type", "extra-column", "no-run-at", "null-id", "bad-date", "extra-table"]
        let results = try validate([good] + names.map { scratch + "/\($0).json" })
        try #require(results.count == 7)
        #expect(results[0].isEmpty, "seeds briefing.json: \(results[0])")
        #expect(results[1].contains { $0.hasPrefix("tables/paragraphs/0/words:") }, "\(results[1])")
        #expect(results[2].contains { $0.hasPrefix("tables/documents/0:") && $0.contains("surprise") }, "\(results[2])")
        #expect(results[3].contains { $0.hasPrefix("run:") && $0.contains("run_at") }, "\(results[3])")
        #expect(results[4].contains { $0.hasPrefix("tables/removed/0/document_id:") }, "\(results[4])")
        #expect(results[5].contains { $0.hasPrefix("tables/timeline/0/date:") }, "\(results[5])")
        #expect(results[6].isEmpty, "an extra table is allowed: \(results[6])")
    }

    /// The schema names every table the seeds run writes, with exactly its columns, in order, and
    /// JSON types that match the column types; the declared nullable columns, and only they, take
    /// null, and a column that holds a null is declared nullable.
    @Test func schemaFollowsTheTables() throws {
        let schema = try load(Self.schemaPath)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(schema["$defs"] as? [String: Any])
        let tableProps = try #require(((schema["properties"] as? [String: Any])?["tables"] as? [String: Any])?["properties"]
                                      as? [String: Any])
        let (project, _, result) = try runSeeds(csv: "{}")
        defer { project.remove() }
        let produced = result.briefing.tables.map(\.name)
        #expect(Set(tableProps.keys) == Set(produced), "tables in the schema vs the seeds run")
        #expect(produced == ["documents", "participation", "figures", "commitments", "themes", "people", "timeline",
                             "paragraphs", "removed", "changes"])
        let expected: [ColumnType: String] = [.text: "string", .url: "string", .date: "string", .integer: "integer",
                                              .number: "number", .boolean: "boolean"]
        for table in result.briefing.tables {
            let row = try #require(defs["\(table.name)_row"] as? [String: Any], "row schema of \(table.name)")
            #expect(row["additionalProperties"] as? Bool == false)
            #expect(row["required"] as? [String] == table.columns.map(\.name), "required columns of \(table.name)")
            let props = try #require(row["properties"] as? [String: [String: Any]])
            #expect(Set(props.keys) == Set(table.columns.map(\.name)))
            for (c, column) in table.columns.enumerated() {
                let type = props[column.name]?["type"]
                let types = (type as? [String]) ?? (type as? String).map { [$0] } ?? []
                #expect(types.first == expected[column.type], "\(table.name).\(column.name)")
                #expect(types.contains("null") == column.isNullable, "\(table.name).\(column.name) nullable")
                let hasNull = (0..<table.count).contains { table.cell($0, c) == .null }
                if hasNull { #expect(column.isNullable, "\(table.name).\(column.name) holds nulls") }
            }
        }
    }
}
