/// Writes one CSV file per table, `<table>.csv`, and `datapackage.json`, the Frictionless Tabular Data
/// Package that describes them.
///
/// Two dialects (`outputs.csv.dialect`), both UTF-8 with CRLF line ends and a header row of column names:
/// - `rfc4180` (default): comma separated, no BOM;
/// - `excel`: a UTF-8 BOM and `;` separated, which Excel opens as is in locales whose list separator is `;`.
///
/// A field is quoted when it holds the separator, a quote, CR or LF, and quotes inside are doubled.
/// Cells are written as `Cell.plain` shows them: C-locale numbers, ISO dates (`2025-04` for a month),
/// `true`/`false`, nothing for null.
///
/// Formula neutralisation (`outputs.csv.neutralise_formulas`, on by default; OWASP "CSV injection"):
/// a text or URL cell starting with `=`, `+`, `-`, `@`, tab or CR is written with a leading `'`, so a
/// spreadsheet shows it as text instead of running it. Numbers, dates and booleans are never changed
/// (`-3` stays `-3`).
public struct CSVExporter: Exporter {
    public static let format: OutputSettings.Format = .csv

    /// The dialect and neutralisation.
    public var settings: CSVSettings

    public init(settings: CSVSettings = CSVSettings()) {
        self.settings = settings
    }

    /// Writes every table, then `datapackage.json`; returns the file names, CSVs in table order first.
    /// - Throws: `RunError("cannot write <path>: <reason>")`.
    public func export(_ briefing: Briefing, to folder: String) throws -> [String] {
        try OutputFile.prepare(folder: folder)
        var written: [(table: Table, file: String)] = []
        var taken: Set<String> = []
        for table in briefing.tables {
            let name = Self.fileName(for: table.name, taken: taken)
            taken.insert(name.lowercased())
            let settings = self.settings
            try OutputFile.write(to: OutputFile.join(folder, name)) { flush in
                try Self.write(table, settings: settings, flush: flush)
            }
            written.append((table, name))
        }
        let package = DataPackage.bytes(run: briefing.run, files: written, settings: settings)
        try OutputFile.write(package, to: OutputFile.join(folder, DataPackage.fileName))
        return written.map(\.file) + [DataPackage.fileName]
    }

    /// The CSV file of one table, as bytes.
    public static func bytes(of table: Table, settings: CSVSettings = CSVSettings()) -> [UInt8] {
        var out: [UInt8] = []
        try? write(table, settings: settings) { out += $0 }
        return out
    }

    /// The CSV file of one table, handed to `flush` in chunks of about `OutputFile.chunkSize` bytes.
    static func write(_ table: Table, settings: CSVSettings, flush: ([UInt8]) throws -> Void) throws {
        var out: [UInt8] = []
        out.reserveCapacity(OutputFile.chunkSize + 4096)
        if settings.dialect == .excel { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        let separator = settings.dialect.separator
        appendRecord(table.columns.map(\.name), separator: separator, to: &out)
        try table.forEachRow { row in
            let fields = row.map { settings.neutraliseFormulas ? neutralised($0) : $0.plain }
            appendRecord(fields, separator: separator, to: &out)
            if out.count >= OutputFile.chunkSize {
                try flush(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try flush(out)
    }

    /// The cell's text, with `'` in front when it is text or a URL that a spreadsheet would take for a
    /// formula (it starts with `=`, `+`, `-`, `@`, tab or CR); other cells as `Cell.plain`.
    public static func neutralised(_ cell: Cell) -> String {
        switch cell {
        case .text(let s), .url(let s):
            guard let first = s.utf8.first, formulaStarts.contains(first) else { return s }
            return "'" + s
        default:
            return cell.plain
        }
    }

    /// First bytes that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, tab, CR.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

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

    private static func appendRecord(_ fields: [String], separator: UInt8, to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(separator) }
            appendField(field, separator: separator, to: &out)
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
    }

    private static func appendField(_ field: String, separator: UInt8, to out: inout [UInt8]) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
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

extension CSVSettings.Dialect {
    /// The field separator: `,` or `;`.
    var separator: UInt8 { self == .excel ? UInt8(ascii: ";") : UInt8(ascii: ",") }
}
