import BriefingKit
import Foundation

/// The exporters on arbitrary cells.
///
/// Input layout: byte 0 is flags (bit 0 Excel dialect, bit 1 no formula neutralisation); the rest is
/// UTF-8 (invalid sequences become U+FFFD) split into rows at U+001E and cells at U+001F. The first
/// row is the table name then the column names; a column name's first character sets the column
/// type (U+0001 url, U+0002 integer, U+0003 number, U+0004 date, U+0005 boolean, otherwise text), and
/// each cell is made of that type from its text (an empty or unreadable cell is null). Repeated column
/// names get `_2`, `_3`, … as in the real tables, whose column names are unique.
public struct FuzzTable: Sendable {
    public var table: Table
    public var flags: UInt8

    public init(_ bytes: [UInt8]) {
        flags = bytes.first ?? 0
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let rows = text.split(separator: "\u{1E}", omittingEmptySubsequences: false)
            .map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
        let header = rows.first ?? [""]
        let name = header.first ?? ""
        var columns = header.dropFirst().map { Self.column($0) }
        if columns.isEmpty { columns = [Column("text")] }
        // Column names are unique in every table the stages build (the JSON rows are objects keyed by them).
        var taken = Set<String>()
        for i in columns.indices {
            var name = columns[i].name
            var n = 2
            while taken.contains(name) {
                name = columns[i].name + "_\(n)"
                n += 1
            }
            taken.insert(name)
            columns[i].name = name
        }
        let cells: [[Cell]] = rows.dropFirst().map { row in
            columns.indices.map { i in i < row.count ? Self.cell(row[i], columns[i].type) : .null }
        }
        table = Table(name: name, columns: columns, rows: cells)
    }

    static func column(_ name: String) -> Column {
        let types: [Character: ColumnType] = ["\u{1}": .url, "\u{2}": .integer, "\u{3}": .number, "\u{4}": .date, "\u{5}": .boolean]
        if let first = name.first, let type = types[first] { return Column(String(name.dropFirst()), type) }
        return Column(name, .text, long: name.hasPrefix("long"))
    }

    static func cell(_ text: String, _ type: ColumnType) -> Cell {
        if text.isEmpty { return .null }
        switch type {
        case .text: return .text(text)
        case .url: return .url(text)
        case .integer: return Int(text).map { .int($0) } ?? .null
        case .number: return Double(text).map { .double($0) } ?? .null
        case .boolean: return .bool(text == "true")
        case .date:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 2 || parts.count == 3, let y = parts[0], let m = parts[1] else { return .null }
            let d: Int? = parts.count == 3 ? parts[2] : nil
            if parts.count == 3 && d == nil { return .null }
            // Any numbers, not only valid dates: the exporters must cope with what a table can hold.
            return .date(PartialDate(year: y, month: m, day: d))
        }
    }

    /// A briefing holding the table, with run fields taken from the cells too.
    public var briefing: Briefing {
        let first = table.count > 0 ? table.cell(0, 0).plain : ""
        let run = RunInfo(pipeline: table.name, description: first, pipelineFile: "Pipelines/" + table.name + ".yaml",
                          corpus: first, runAt: "2025-10-26T06:00:00Z", toolVersion: "fuzz",
                          warnings: table.count > 0 ? table.row(table.count - 1).map(\.plain) : [], changes: [first])
        return Briefing(run: run, tables: [table])
    }
}

extension FuzzHarness {
    static func textExports(_ bytes: [UInt8]) -> FuzzFailure? {
        let input = FuzzTable(bytes)
        let table = input.table
        for dialect in CSVSettings.Dialect.allCases {
            for neutralise in [true, false] {
                let settings = CSVSettings(dialect: dialect, neutraliseFormulas: neutralise)
                if let failure = checkCSV(table, settings: settings) { return failure }
            }
        }
        return checkJSON(input.briefing)
    }

    /// The CSV bytes read back (RFC 4180 reading, with the dialect's separator) give the header and the cells.
    static func checkCSV(_ table: Table, settings: CSVSettings) -> FuzzFailure? {
        var bytes = CSVExporter.bytes(of: table, settings: settings)
        if settings.dialect == .excel {
            guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return FuzzFailure("excel CSV without its BOM") }
            bytes.removeFirst(3)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return FuzzFailure("CSV is not UTF-8") }
        let separator: Unicode.Scalar = settings.dialect == .excel ? ";" : ","
        let records = readCSV(text, separator: separator)
        var expected = [table.columns.map(\.name)]
        for r in 0..<table.count {
            expected.append(table.row(r).map { settings.neutraliseFormulas ? CSVExporter.neutralised($0) : $0.plain })
        }
        guard records == expected else {
            return FuzzFailure("CSV (\(settings.dialect), neutralise \(settings.neutraliseFormulas)) reads back as \(records), not \(expected)")
        }
        if settings.neutraliseFormulas {
            for r in 0..<table.count {
                for (c, cell) in table.row(r).enumerated() {
                    switch cell {
                    case .text, .url:
                        let field = records[r + 1][c]
                        if let first = field.utf8.first, formulaStarts.contains(first) {
                            return FuzzFailure("CSV field '\(field)' still starts like a formula")
                        }
                    default: continue
                    }
                }
            }
        }
        return nil
    }

    /// First bytes that make a spreadsheet read a cell as a formula (OWASP CSV injection), written out
    /// here rather than taken from the exporter: `=`, `+`, `-`, `@`, tab, CR.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// RFC 4180 reading: records end at CRLF (or LF) outside quotes; quotes doubled inside quoted fields.
    static func readCSV(_ text: String, separator: Unicode.Scalar) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        while let ch = scalars.popFirst() {
            if inQuotes {
                if ch == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.append("\"") } else { inQuotes = false }
                } else {
                    field.append(ch)
                }
            } else if ch == "\"" {
                inQuotes = true
            } else if ch == separator {
                record.append(String(field))
                field = String.UnicodeScalarView()
            } else if ch == "\r" && scalars.first == "\n" || ch == "\n" {
                if ch == "\r" { scalars.removeFirst() }
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
            } else {
                field.append(ch)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(field))
            records.append(record)
        }
        return records
    }

    /// The JSON parses, and every text cell comes back as the same string.
    static func checkJSON(_ briefing: Briefing) -> FuzzFailure? {
        let bytes = JSONExporter.bytes(of: briefing)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return FuzzFailure("briefing.json does not parse: \(String(decoding: bytes.prefix(2000), as: UTF8.self))")
        }
        let table = briefing.tables[0]
        var texts: [String] = []
        for r in 0..<table.count {
            for cell in table.row(r) {
                switch cell {
                case .text(let s), .url(let s): texts.append(s)
                default: continue
                }
            }
        }
        var found: [String] = []
        collectStrings(object, into: &found)
        let all = Set(found)
        for s in texts where !all.contains(s) {
            return FuzzFailure("briefing.json lost the cell text \(s.debugDescription)")
        }
        return checkPreviousRun(briefing)
    }

    /// The change report's reader (`PreviousRun`: the exporter's line layout, `FlatJSON`) gives back
    /// the cells of a compared table as `Cell.plain` shows them, whatever their text; and arbitrary
    /// bytes given as a previous briefing never crash it.
    static func checkPreviousRun(_ briefing: Briefing) -> FuzzFailure? {
        var renamed = briefing
        renamed.tables[0].name = DocumentRow.table.name
        let bytes = JSONExporter.bytes(of: renamed)
        guard let read = try? PreviousRun(json: Data(bytes)) else {
            return FuzzFailure("the exported briefing.json does not read back as a previous run")
        }
        let expected = PreviousRun(briefing: renamed)
        guard read.rows(DocumentRow.self) == expected.rows(DocumentRow.self) else {
            return FuzzFailure("the previous run's documents rows differ: \(read.rows(DocumentRow.self)) vs \(expected.rows(DocumentRow.self))")
        }
        _ = try? PreviousRun(json: Data(bytes.reversed()))
        _ = try? PreviousRun(json: Data(bytes.prefix(bytes.count / 2)))
        return nil
    }

    private static func collectStrings(_ value: Any, into found: inout [String]) {
        if let s = value as? String {
            found.append(s)
        } else if let a = value as? [Any] {
            for v in a { collectStrings(v, into: &found) }
        } else if let d = value as? [String: Any] {
            for (k, v) in d {
                found.append(k)
                collectStrings(v, into: &found)
            }
        }
    }

    static func xlsx(_ bytes: [UInt8]) -> FuzzFailure? {
        let input = FuzzTable(bytes)
        guard let folder = FuzzFiles.outputFolder("xlsx") else { return nil }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let report = try XLSXExporter(created: 1_761_458_400).write(input.briefing, to: folder)
            let path = folder + "/" + report.file
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? Int, size > 0 else {
                return FuzzFailure("briefing.xlsx was reported written but \(path) is missing or empty")
            }
            if Set(report.sheets.map { $0.lowercased() }).count != report.sheets.count {
                return FuzzFailure("briefing.xlsx has two sheets with the same name: \(report.sheets)")
            }
            for sheet in report.sheets where sheet.isEmpty || sheet.count > 31
                || sheet.contains(where: { "[]:*?/\\".contains($0) }) || sheet.hasPrefix("'") || sheet.hasSuffix("'")
                || sheet.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                return FuzzFailure("briefing.xlsx has a sheet name Excel refuses: \(sheet.debugDescription)")
            }
        } catch {
            // A RunError (the workbook could not be written) is a reported failure, not a crash;
            // but an input table should always be writable, so say which.
            return FuzzFailure("XLSXExporter threw for table \(input.table.name.debugDescription): \(error)")
        }
        return nil
    }
}
