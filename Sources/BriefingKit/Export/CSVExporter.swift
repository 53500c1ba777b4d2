/// Writes one RFC 4180 CSV file per table, `<table>.csv`.
///
/// Comma separated, CRLF line ends, UTF-8 without BOM, a header row of column names. A field is quoted
/// when it holds a comma, a quote, CR or LF, and quotes inside are doubled. Cells are written as
/// `Cell.plain` shows them: C-locale numbers, ISO dates (`2025-04` for a month), `true`/`false`,
/// nothing for null. Text is written as is: a value starting with `=` is not defused.
public struct CSVExporter: Exporter {
    public static let format: OutputSettings.Format = .csv

    public init() {}

    /// Writes every table and returns the file names, in table order.
    /// - Throws: `RunError("cannot write <path>: <reason>")`.
    public func export(_ briefing: Briefing, to folder: String) throws -> [String] {
        try OutputFile.prepare(folder: folder)
        var names: [String] = []
        var taken: Set<String> = []
        for table in briefing.tables {
            let name = Self.fileName(for: table.name, taken: taken)
            taken.insert(name.lowercased())
            try OutputFile.write(Self.bytes(of: table), to: OutputFile.join(folder, name))
            names.append(name)
        }
        return names
    }

    /// The CSV file of one table, as bytes.
    public static func bytes(of table: Table) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (table.rows.count + 1) * max(table.columns.count, 1))
        appendRecord(table.columns.map(\.name), to: &out)
        for row in table.rows {
            appendRecord(row.map(\.plain), to: &out)
        }
        return out
    }

    /// `<table>.csv` with unsafe characters replaced, made unique (case-insensitively) by `-2`, `-3`, ….
    static func fileName(for table: String, taken: Set<String>) -> String {
        let base = OutputFile.safeFileName(table)
        var name = base + ".csv"
        var n = 2
        while taken.contains(name.lowercased()) {
            name = "\(base)-\(n).csv"
            n += 1
        }
        return name
    }

    private static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(field, to: &out)
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
    }

    private static func appendField(_ field: String, to out: inout [UInt8]) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
