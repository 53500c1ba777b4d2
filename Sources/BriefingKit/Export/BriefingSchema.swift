/// The JSON Schema (draft 2020-12) of `briefing.json`, made from the table declarations: the run
/// record, then one row schema per declared table with its columns in order, their JSON types
/// (`null` added for a nullable column), the date pattern, a fixed set of values as `enum`, and
/// the declared descriptions. A table the schema does not know is accepted if its values are plain.
///
/// The checked-in copy, `Sources/BriefingKit/Export/Schemas/briefing.schema.json`, is these bytes:
/// `BriefingSchemaTests` fails when they differ and rewrites the file when run with
/// `BRIEFING_WRITE_SCHEMA=1`.
public enum BriefingSchema {
    /// The checked-in file's path, relative to the package root.
    public static let path = "Sources/BriefingKit/Export/Schemas/briefing.schema.json"

    /// The schema pattern of a date cell: a day or a month.
    static let datePattern = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"

    /// The schema of the declared tables as UTF-8 bytes: two-space indentation, a final newline.
    public static func bytes() -> [UInt8] {
        var w = JSONWriter()
        w.write(schema(tables: Briefing.declared.map { $0.emptyTable }), indent: 0)
        w.out.append(UInt8(ascii: "\n"))
        return w.out
    }

    /// The schema of a `briefing.json` holding `tables` (their names, descriptions and columns).
    static func schema(tables: [Table]) -> JSONValue {
        let tableProperties: [(String, JSONValue)] = tables.map { table in
            (table.name, .object([("type", .string("array")), ("items", ref(table.name + "_row"))]))
        }
        var defs: [(String, JSONValue)] = [
            ("run", runSchema), ("stage", stageSchema), ("counts", countsSchema), ("generic_table", genericTable),
        ]
        defs += tables.map { ($0.name + "_row", rowSchema($0)) }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("briefing.json")),
            ("description", .string("The document Briefing writes as briefing.json: the run's record and every table, "
                                     + "one object per row with keys in column order. Dates are ISO 8601 days "
                                     + "(2025-10-26) or months (2025-04); null is an empty cell; numbers that are not "
                                     + "finite are null.")),
            ("type", .string("object")),
            ("required", strings(["run", "tables"])),
            ("additionalProperties", .bool(false)),
            ("properties", .object([
                ("run", ref("run")),
                ("tables", .object([
                    ("type", .string("object")),
                    ("properties", .object(tableProperties)),
                    ("additionalProperties", ref("generic_table")),
                ])),
            ])),
            ("$defs", .object(defs)),
        ])
    }

    /// One row of `table`: an object with exactly its columns, each required.
    static func rowSchema(_ table: Table) -> JSONValue {
        var fields: [(String, JSONValue)] = [("type", .string("object"))]
        if !table.description.isEmpty { fields.append(("description", .string(table.description))) }
        fields += [
            ("properties", .object(table.columns.map { ($0.name, property($0)) })),
            ("required", strings(table.columns.map(\.name))),
            ("additionalProperties", .bool(false)),
        ]
        return .object(fields)
    }

    /// One cell of `column`.
    static func property(_ column: Column) -> JSONValue {
        let type: String = switch column.type {
        case .text, .url, .date: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        }
        var fields: [(String, JSONValue)] = [("type", column.isNullable ? strings([type, "null"]) : .string(type))]
        if column.type == .date { fields.append(("pattern", .string(datePattern))) }
        if !column.values.isEmpty { fields.append(("enum", strings(column.values))) }
        if !column.description.isEmpty { fields.append(("description", .string(column.description))) }
        return .object(fields)
    }

    // MARK: - The run record

    private static let runSchema: JSONValue = .object([
        ("type", .string("object")),
        ("required", strings(["pipeline", "description", "pipeline_file", "corpus", "run_at", "tool_version", "stages",
                              "warnings", "changes"])),
        ("additionalProperties", .bool(false)),
        ("properties", .object([
            ("pipeline", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9_-]+$"))])),
            ("description", .object([("type", .string("string"))])),
            ("pipeline_file", nonEmptyString),
            ("corpus", nonEmptyString),
            ("run_at", .object([("type", .string("string")),
                                ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"))])),
            ("tool_version", nonEmptyString),
            ("stages", .object([("type", .string("array")), ("items", ref("stage"))])),
            ("warnings", .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])),
            ("changes", .object([("type", .string("array")), ("items", .object([("type", .string("string"))])),
                                 ("description", .string("What changed since the previous run, in short lines."))])),
        ])),
    ])

    private static let stageSchema: JSONValue = .object([
        ("type", .string("object")),
        ("required", strings(["stage", "unit", "input", "output", "dropped", "extra"])),
        ("additionalProperties", .bool(false)),
        ("properties", .object([
            ("stage", nonEmptyString),
            ("unit", .object([("type", .string("string"))])),
            ("input", count),
            ("output", count),
            ("dropped", ref("counts")),
            ("extra", ref("counts")),
        ])),
    ])

    private static let countsSchema: JSONValue = .object([("type", .string("object")), ("additionalProperties", count)])

    private static let genericTable: JSONValue = .object([
        ("type", .string("array")),
        ("items", .object([
            ("type", .string("object")),
            ("additionalProperties", .object([("type", strings(["string", "number", "boolean", "null"]))])),
        ])),
    ])

    private static let nonEmptyString: JSONValue = .object([("type", .string("string")), ("minLength", .number("1"))])
    private static let count: JSONValue = .object([("type", .string("integer")), ("minimum", .number("0"))])

    private static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/" + name))]) }
    private static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
}
