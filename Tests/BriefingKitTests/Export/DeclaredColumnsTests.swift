import Foundation
import Testing
@testable import BriefingKit

/// What a run's outputs say about each table's columns, read back by Python (whose JSON objects keep
/// their key order): the keys of every `briefing.json` row, the `datapackage.json` fields and primary
/// key, and the JSON Schema's row properties.
private struct OutputColumns: Decodable {
    struct Field: Decodable, Equatable {
        var name: String
        var type: String
        var format: String?
        var pattern: String?
        var description: String?
    }

    struct Resource: Decodable {
        var fields: [Field]
        var primaryKey: [String]
    }

    struct RowSchema: Decodable {
        var properties: [String]
        var required: [String]
        /// Each property's JSON types, `null` included when it takes one.
        var types: [[String]]
    }

    /// Table → the distinct key lists of its rows, in order.
    var json: [String: [[String]]]
    var datapackage: [String: Resource]
    var schema: [String: RowSchema]
}

private let readColumnsScript = """
    import json, sys
    briefing = json.load(open(sys.argv[1], encoding="utf-8"))
    package = json.load(open(sys.argv[2], encoding="utf-8"))
    schema = json.load(open(sys.argv[3], encoding="utf-8"))
    out = {"json": {}, "datapackage": {}, "schema": {}}
    for name, rows in briefing["tables"].items():
        out["json"][name] = [list(k) for k in dict.fromkeys(tuple(r.keys()) for r in rows)]
    for r in package["resources"]:
        key = r["schema"].get("primaryKey", [])
        out["datapackage"][r["name"]] = {
            "fields": [{"name": f["name"], "type": f["type"], "format": f.get("format"),
                        "pattern": f.get("constraints", {}).get("pattern"), "description": f.get("description")}
                       for f in r["schema"]["fields"]],
            "primaryKey": [key] if isinstance(key, str) else key}
    for name, row in schema["$defs"].items():
        if name.endswith("_row"):
            types = [p["type"] if isinstance(p["type"], list) else [p["type"]] for p in row["properties"].values()]
            out["schema"][name[:-4]] = {"properties": list(row["properties"]), "required": row["required"], "types": types}
    print(json.dumps(out))
    """

@Suite(.serialized) struct DeclaredColumnsTests {
    /// Every exporter writes each declared table with the declared columns, in order, and their types:
    /// the CSV header, the keys of each JSON row, the workbook's header row, the data package's
    /// fields (with their descriptions and the declared primary key) and the JSON Schema's row properties. The run is the
    /// seeds' second, with a new article, so that every table (`changes` too) has rows.
    @Test func everyOutputShowsTheDeclaredColumns() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        _ = try PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761523200"]).run()
        try project.write(ghanaKenyaArticle, to: "seeds/005_7c1e2a9b3d4f5a61.txt")
        let result = try PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761609600"]).run()
        let out = result.outputFolder

        let declared = Briefing.declared.map { $0.emptyTable }
        #expect(result.briefing.tables.map(\.name) == declared.map(\.name))
        #expect(result.briefing.tables.map(\.columns) == declared.map(\.columns))
        for table in result.briefing.tables { #expect(table.count > 0, "\(table.name) has rows") }

        let read = try JSONDecoder().decode(OutputColumns.self, from: Data(try runPython(readColumnsScript, args: [
            out + "/briefing.json", out + "/datapackage.json", BriefingSchemaTests.schemaPath,
        ]).utf8))
        let workbook = try readWorkbook(out + "/briefing.xlsx")
        let jsonType: [ColumnType: String] = [.text: "string", .url: "string", .date: "string", .integer: "integer",
                                              .number: "number", .boolean: "boolean"]
        for table in declared {
            let names = table.columns.map(\.name)
            let csv = parseCSV(try String(contentsOfFile: out + "/\(table.name).csv", encoding: .utf8))
            #expect(csv.first == names, "CSV header of \(table.name)")
            #expect(read.json[table.name] == [names], "JSON keys of \(table.name)")
            #expect(workbook[table.name]?.first == names, "workbook header of \(table.name)")

            let resource = try #require(read.datapackage[table.name], "data package resource \(table.name)")
            #expect(resource.fields.map(\.name) == names, "data package fields of \(table.name)")
            #expect(resource.primaryKey == table.columns.filter(\.isKey).map(\.name), "primary key of \(table.name)")
            for (field, column) in zip(resource.fields, table.columns) {
                #expect(field.type == (jsonType[column.type] ?? "?"), "data package type of \(table.name).\(column.name)")
                #expect((field.format == "uri") == (column.type == .url), "uri format of \(table.name).\(column.name)")
                #expect((field.pattern != nil) == (column.type == .date), "date pattern of \(table.name).\(column.name)")
                #expect(field.description == column.description, "description of \(table.name).\(column.name)")
            }

            let row = try #require(read.schema[table.name], "schema of \(table.name) rows")
            #expect(row.properties == names && row.required == names, "schema properties of \(table.name)")
            #expect(row.types == table.columns.map { [jsonType[$0.type] ?? "?"] + ($0.isNullable ? ["null"] : []) },
                    "schema types of \(table.name)")
        }
        #expect(Set(read.schema.keys) == Set(declared.map(\.name)), "the schema has a row schema per declared table")
    }
}
