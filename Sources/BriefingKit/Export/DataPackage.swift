/// `datapackage.json`: the Frictionless Tabular Data Package (v1) that describes the CSV files of a run.
///
/// One `tabular-data-resource` per CSV file written, with its CSV dialect and a Table Schema:
/// - types from the column types: text → `string`, integer → `integer`, number → `number`,
///   boolean → `boolean`, url → `string` with format `uri`, and date → `string` constrained to
///   `YYYY-MM-DD` or `YYYY-MM`, because a date column mixes day and month precision and a Table Schema
///   `date` accepts only days (nor does `yearmonth` accept days);
/// - each column's declared description;
/// - `missingValues: [""]`, since a null cell is an empty field;
/// - the primary key of a table that has one: its columns declared as keys (`documents.document_id`,
///   `paragraphs.paragraph_id`, `participation` type and name, `people.name`, `themes.theme_id`,
///   `timeline` date and event id);
/// - a foreign key for each column that refers to another table's (every `document_id` but that of
///   `documents` refers to `documents.document_id`), when that table is written too.
///
/// Keys are written in a fixed order with the JSON exporter's writer, so the file is reproducible.
public enum DataPackage {
    /// The descriptor's file name, beside the CSV files.
    public static let fileName = "datapackage.json"

    /// The Table Schema pattern of a date field: a day or a month (implicitly anchored, as in XML Schema).
    public static let datePattern = #"\d{4}-\d{2}(-\d{2})?"#

    /// The descriptor of `files` (each table with the name of its CSV file), as UTF-8 bytes.
    public static func bytes(run: RunInfo, files: [(table: Table, file: String)], settings: CSVSettings) -> [UInt8] {
        var w = JSONWriter()
        w.write(descriptor(run: run, files: files, settings: settings), indent: 0)
        w.out.append(UInt8(ascii: "\n"))
        return w.out
    }

    static func descriptor(run: RunInfo, files: [(table: Table, file: String)], settings: CSVSettings) -> JSONValue {
        let names = resourceNames(files.map(\.table.name))
        // The resource of a referenced column: the first file whose table has it.
        let resource = { (reference: ColumnReference) -> String? in
            files.indices.first { i in
                files[i].table.name == reference.table && files[i].table.columns.contains { $0.name == reference.column }
            }.map { names[$0] }
        }
        var fields: [(String, JSONValue)] = [
            ("profile", .string("tabular-data-package")),
            ("name", .string(resourceName(run.pipeline))),
        ]
        if !run.description.isEmpty { fields.append(("title", .string(run.description))) }
        fields.append(("created", .string(run.runAt)))
        fields.append(("resources", .array(files.indices.map { i in
            self.resource(files[i].table, file: files[i].file, name: names[i], resource: resource, settings: settings)
        })))
        return .object(fields)
    }

    private static func resource(_ table: Table, file: String, name: String, resource: (ColumnReference) -> String?,
                                 settings: CSVSettings) -> JSONValue {
        let excel = settings.dialect == .excel
        let dialect: JSONValue = .object([
            ("delimiter", .string(excel ? ";" : ",")),
            ("lineTerminator", .string("\r\n")),
            ("quoteChar", .string("\"")),
            ("doubleQuote", .bool(true)),
            ("header", .bool(true)),
        ])
        return .object([
            ("name", .string(name)),
            ("path", .string(file)),
            ("profile", .string("tabular-data-resource")),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            // Also for the excel dialect: `utf-8` is the IANA name, and Frictionless (like pandas and
            // readr) skips a UTF-8 BOM; Python's `utf-8-sig` is not a name other readers know.
            ("encoding", .string("utf-8")),
            ("dialect", dialect),
            ("schema", schema(of: table, resource: resource)),
        ])
    }

    /// The Table Schema of one table: its declared columns, primary key and foreign keys; `resource`
    /// names the resource that holds a referenced column, `nil` when none was written.
    static func schema(of table: Table, resource: (ColumnReference) -> String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("fields", .array(table.columns.map(field))),
            ("missingValues", .array([.string("")])),
        ]
        let key = table.columns.filter(\.isKey).map(\.name)
        if !key.isEmpty {
            fields.append(("primaryKey", key.count == 1 ? .string(key[0]) : .array(key.map { .string($0) })))
        }
        let foreignKeys: [JSONValue] = table.columns.compactMap { column in
            guard let reference = column.references, reference.table != table.name,
                  let target = resource(reference) else { return nil }
            return .object([("fields", .string(column.name)),
                            ("reference", .object([("resource", .string(target)), ("fields", .string(reference.column))]))])
        }
        if !foreignKeys.isEmpty { fields.append(("foreignKeys", .array(foreignKeys))) }
        return .object(fields)
    }

    /// A Table Schema field for a column.
    static func field(_ column: Column) -> JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(column.name))]
        switch column.type {
        case .text: fields.append(("type", .string("string")))
        case .integer: fields.append(("type", .string("integer")))
        case .number: fields.append(("type", .string("number")))
        case .boolean: fields.append(("type", .string("boolean")))
        case .url:
            fields.append(("type", .string("string")))
            fields.append(("format", .string("uri")))
        case .date:
            fields.append(("type", .string("string")))
            fields.append(("constraints", .object([("pattern", .string(datePattern))])))
        }
        if !column.description.isEmpty { fields.append(("description", .string(column.description))) }
        return .object(fields)
    }

    /// Resource names for tables, in order: lower case, `a-z 0-9 - _ .` only, unique.
    static func resourceNames(_ tables: [String]) -> [String] {
        var taken: Set<String> = []
        return tables.map { table in
            let base = resourceName(table)
            var name = base
            var n = 2
            while taken.contains(name) {
                name = "\(base)-\(n)"
                n += 1
            }
            taken.insert(name)
            return name
        }
    }

    /// A Data Package name from any text: lower-cased, characters outside `a-z 0-9 - _ .` become `-`.
    static func resourceName(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        let name = String(text.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return name.isEmpty ? "-" : name
    }
}
