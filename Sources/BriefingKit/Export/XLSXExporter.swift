/// What writing the workbook produced: the file, its sheets, and what Excel could not hold as given.
public struct XLSXReport: Sendable, Hashable {
    /// The workbook's name, relative to the output folder.
    public var file: String
    /// The sheet names as written, in order.
    public var sheets: [String]
    /// One line per problem (truncated texts, links written as text, renamed or split sheets, …).
    public var warnings: [String]
}

/// Writes `briefing.xlsx`: one sheet per table, in briefing order.
///
/// Each sheet has a bold, shaded, frozen header row and an autofilter over the data; column widths
/// fit the content (8 to 60 characters; long-text columns up to 80, wrapped, with row heights set so
/// LibreOffice does not draw over the next row). Cells keep their types:
/// - integers and numbers are numbers (integers beyond 15 digits, which Excel would round, and
///   non-finite doubles are written as text);
/// - day dates are real dates shown `yyyy-mm-dd`; month dates are real dates of the month's first day
///   shown `yyyy-mm`, so the column still sorts and filters as dates;
/// - URLs are hyperlinks (plain text past Excel's limits or for non-web schemes);
/// - booleans are Excel booleans, shown TRUE / FALSE;
/// - nulls are empty cells; text is always text, never a formula.
///
/// A table over 1,048,575 data rows continues on a sheet `name (2)`, and so on.
/// The workbook's creation time comes from the run's `runAt`, so the same run gives the same bytes.
public struct XLSXExporter: Exporter {
    public static let format: OutputSettings.Format = .xlsx
    public static let fileName = "briefing.xlsx"

    /// Creation time in seconds since 1970; `nil` takes the run's `runAt` (or now, if it does not parse).
    public var created: Int?
    /// Data rows per sheet before a table continues on the next sheet (lowered in tests).
    var rowsPerSheet = ExcelLimits.maxRows - 1

    public init(created: Int? = nil) {
        self.created = created
    }

    /// Writes `briefing.xlsx` and returns its name; `write(_:to:)` also gives the warnings.
    public func export(_ briefing: Briefing, to folder: String) throws -> [String] {
        [try write(briefing, to: folder).file]
    }

    /// Writes `briefing.xlsx` into `folder` and reports sheets and warnings.
    /// - Throws: `RunError("cannot write <path>: <reason>")`.
    public func write(_ briefing: Briefing, to folder: String) throws -> XLSXReport {
        try OutputFile.prepare(folder: folder)
        let path = OutputFile.join(folder, Self.fileName)
        let tmp = OutputFile.temporary(for: path)
        var report = XLSXReport(file: Self.fileName, sheets: [], warnings: [])
        do {
            let workbook = try Workbook(path: tmp, useZip64: Self.needsZip64(briefing))
            let styles = try Styles(workbook)
            for table in briefing.tables {
                try writeTable(table, into: workbook, styles: styles, report: &report)
            }
            try workbook.setProperties(properties(of: briefing))
            try workbook.close()
        } catch let error as XLSXError {
            OutputFile.discard(tmp)
            throw RunError("cannot write \(path): \(error)")
        }
        try OutputFile.commit(tmp, to: path)
        return report
    }

    // MARK: - Sheets

    private func writeTable(_ table: Table, into workbook: Workbook, styles: Styles,
                            report: inout XLSXReport) throws {
        guard table.columns.count <= ExcelLimits.maxColumns else {
            throw XLSXError(code: 0, message: "table '\(table.name)' has \(table.columns.count) columns; "
                                + "Excel allows \(ExcelLimits.maxColumns)", operation: "add_worksheet")
        }
        let perSheet = max(rowsPerSheet, 1)
        var start = 0
        repeat {
            let end = min(start + perSheet, table.rows.count)
            let sheet = try workbook.addSheet(named: table.name)
            report.sheets.append(sheet.name)
            if start == 0, sheet.name != table.name {
                report.warnings.append("xlsx: table '\(table.name)' is on sheet '\(sheet.name)' (Excel sheet "
                                       + "names have at most 31 characters, none of []:*?/\\, and are unique)")
            } else if start > 0 {
                report.warnings.append("xlsx: table '\(table.name)' has \(table.rows.count) rows, more than a "
                                       + "sheet holds; rows from \(start + 1) on are on sheet '\(sheet.name)'")
            }
            var tally = Tally()
            try writePart(table, rows: table.rows[start..<end], to: sheet, styles: styles, tally: &tally)
            report.warnings += tally.messages(sheet: sheet.name, columns: table.columns)
            start = end
        } while start < table.rows.count
    }

    private func writePart(_ table: Table, rows: ArraySlice<[Cell]>, to sheet: Worksheet, styles: Styles,
                           tally: inout Tally) throws {
        let columns = table.columns
        guard !columns.isEmpty else { return }
        let widths = SheetLayout.columnWidths(columns, rows: rows)
        for (c, column) in columns.enumerated() {
            try sheet.setColumnWidth(c, widths[c])
            try sheet.writeString(column.name, row: 0, column: c, format: styles.header)
        }
        for (offset, cells) in rows.enumerated() {
            let r = offset + 1
            for (c, cell) in cells.prefix(columns.count).enumerated() {
                let wrap = columns[c].isLongText || SheetLayout.hasNewline(cell)
                try writeCell(cell, row: r, column: c, wrap: wrap, sheet: sheet, styles: styles, tally: &tally)
            }
            let lines = SheetLayout.lines(of: cells, columns: columns, widths: widths)
            if lines > 1 { try sheet.setRowHeight(r, SheetLayout.lineHeight * Double(lines)) }
        }
        try sheet.freezePanes(rows: 1, columns: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: rows.count, lastColumn: columns.count - 1)
    }

    private func writeCell(_ cell: Cell, row r: Int, column c: Int, wrap: Bool, sheet: Worksheet,
                           styles: Styles, tally: inout Tally) throws {
        let textFormat = wrap ? styles.wrapped : styles.text
        switch cell {
        case .text(let s):
            if try sheet.writeString(s, row: r, column: c, format: textFormat) { tally.add(.truncated, r, c) }
        case .int(let i):
            if i.magnitude <= 999_999_999_999_999 {
                try sheet.writeNumber(Double(i), row: r, column: c, format: styles.text)
            } else {
                try sheet.writeString(String(i), row: r, column: c, format: styles.text)
                tally.add(.longInteger, r, c)
            }
        case .double(let d):
            if d.isFinite {
                try sheet.writeNumber(d, row: r, column: c, format: styles.text)
            } else {
                try sheet.writeString(Cell.format(d), row: r, column: c, format: styles.text)
                tally.add(.nonFinite, r, c)
            }
        case .date(let d):
            let format = d.precision == .day ? styles.day : styles.month
            if try !sheet.writeDate(d, row: r, column: c, format: format) { tally.add(.earlyDate, r, c) }
        case .url(let u):
            switch try sheet.writeURL(u, row: r, column: c, format: styles.link, textFormat: textFormat) {
            case .link, .notALink: break
            case .tooLong: tally.add(.longURL, r, c)
            case .tooMany: tally.add(.tooManyURLs, r, c)
            }
        case .bool(let b):
            try sheet.writeBool(b, row: r, column: c, format: styles.text)
        case .null:
            break
        }
    }

    // MARK: - Workbook

    private func properties(of briefing: Briefing) -> DocumentProperties {
        let run = briefing.run
        return DocumentProperties(
            title: "Briefing: \(run.pipeline)",
            subject: run.description,
            author: "briefing \(run.toolVersion)",
            keywords: briefing.tables.map(\.name).joined(separator: ", "),
            comments: "pipeline \(run.pipelineFile), corpus \(run.corpus), run at \(run.runAt)",
            created: created ?? Self.seconds(fromISO: run.runAt))
    }

    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds or an offset are not accepted).
    static func seconds(fromISO text: String) -> Int? {
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).map { Int($0) }
        guard text.utf8.count == 20, text.hasSuffix("Z"), parts.count == 6,
              let y = parts[0], let mo = parts[1], let d = parts[2], let h = parts[3], let mi = parts[4],
              let s = parts[5], let date = PartialDate.valid(year: y, month: mo, day: d),
              (0..<24).contains(h), (0..<60).contains(mi), (0..<61).contains(s) else { return nil }
        return date.daysSinceEpoch * 86_400 + h * 3_600 + mi * 60 + s
    }

    /// ZIP64 only when a part could pass 4 GB (a rough upper bound on the XML written).
    static func needsZip64(_ briefing: Briefing) -> Bool {
        var bytes = 0
        for table in briefing.tables {
            for row in table.rows {
                for cell in row {
                    switch cell {
                    case .text(let s), .url(let s): bytes += s.utf8.count * 2 + 40
                    default: bytes += 40
                    }
                }
            }
        }
        return bytes > 3_000_000_000
    }
}

/// The formats every sheet uses, created once per workbook.
private struct Styles {
    let header, text, wrapped, day, month, link: CellFormat

    init(_ workbook: Workbook) throws {
        header = try workbook.format(CellStyle(bold: true, alignTop: true, bottomBorder: true, fillColor: 0xD9E1F2))
        text = try workbook.format(CellStyle(alignTop: true))
        wrapped = try workbook.format(CellStyle(wrap: true, alignTop: true))
        day = try workbook.format(CellStyle(alignTop: true, numberFormat: "yyyy-mm-dd"))
        month = try workbook.format(CellStyle(alignTop: true, numberFormat: "yyyy-mm"))
        link = try workbook.format(CellStyle(alignTop: true, underline: true, fontColor: 0x0563C1))
    }
}

/// Counts the values a sheet could not hold as given, per column, to report them in a few lines.
private struct Tally {
    enum Kind: Int, CaseIterable {
        case truncated, longURL, tooManyURLs, longInteger, nonFinite, earlyDate

        var what: String {
            switch self {
            case .truncated: return "text(s) over 32,767 characters truncated with \"[… truncated]\""
            case .longURL: return "URL(s) over 2,079 characters written as text, not links"
            case .tooManyURLs: return "URL(s) past 65,530 links per sheet written as text, not links"
            case .longInteger: return "integer(s) over 15 digits written as text"
            case .nonFinite: return "non-finite number(s) written as text"
            case .earlyDate: return "date(s) before 1900-03-01 written as text"
            }
        }
    }

    private struct Key: Hashable { var kind: Kind; var column: Int }
    private var counts: [Key: (count: Int, first: String)] = [:]

    mutating func add(_ kind: Kind, _ row: Int, _ column: Int) {
        let key = Key(kind: kind, column: column)
        let first = counts[key]?.first ?? ExcelLimits.cellName(row: row, column: column)
        counts[key] = ((counts[key]?.count ?? 0) + 1, first)
    }

    func messages(sheet: String, columns: [Column]) -> [String] {
        counts.keys.sorted { ($0.column, $0.kind.rawValue) < ($1.column, $1.kind.rawValue) }.compactMap { key in
            guard let entry = counts[key] else { return nil }
            return "xlsx: sheet '\(sheet)', column '\(columns[key.column].name)': \(entry.count) "
                + "\(key.kind.what) (first at \(entry.first))"
        }
    }
}
