/// Writes one briefing table as one or more data sheets, each holding one Excel table.
///
/// A sheet is an Excel table (built-in style Medium 2: banded rows, filter buttons) over a frozen,
/// styled header row; column widths fit the content (8 to 60 characters; long-text columns up to 80,
/// wrapped, with row heights set so LibreOffice does not draw over the next row). Headers are made
/// unique (Excel calls a table with two equal headers corrupt) and table names valid.
/// A table without rows spans its header and one blank row: libxlsxwriter (and Excel) need at least
/// one data row, and Excel itself makes such a table when a new table is inserted on a header alone.
struct DataSheetWriter {
    let workbook: Workbook
    let styles: DataStyles
    /// Data rows per sheet before a table continues on the next sheet.
    let rowsPerSheet: Int
    /// Lowercased table names used so far (table names are unique in a workbook).
    private var tableNames: Set<String> = []

    init(workbook: Workbook, rowsPerSheet: Int) throws {
        self.workbook = workbook
        self.styles = try DataStyles(workbook)
        self.rowsPerSheet = max(rowsPerSheet, 1)
    }

    /// Writes `table` on as many sheets as its rows need; records where its rows went.
    mutating func write(_ table: Table, report: inout XLSXReport, locator: inout SheetLocator) throws {
        guard table.columns.count <= ExcelLimits.maxColumns else {
            throw XLSXError(code: 0, message: "table '\(table.name)' has \(table.columns.count) columns; "
                                + "Excel allows \(ExcelLimits.maxColumns)", operation: "add_worksheet")
        }
        let headers = ExcelLimits.uniqueHeaders(table.columns.map(\.name))
        if headers != table.columns.map(\.name) {
            report.warnings.append("xlsx: table '\(table.name)': column headers made unique for Excel: "
                                   + headers.joined(separator: ", "))
        }
        var start = 0
        repeat {
            let end = min(start + rowsPerSheet, table.count)
            let sheet = try workbook.addSheet(named: table.name)
            report.sheets.append(sheet.name)
            report.dataSheets.append(XLSXReport.SheetRows(name: sheet.name, rows: end - start))
            if start == 0, sheet.name != table.name {
                report.warnings.append("xlsx: table '\(table.name)' is on sheet '\(sheet.name)' (Excel sheet "
                                       + "names have at most 31 characters, none of []:*?/\\, and are unique)")
            } else if start > 0 {
                report.warnings.append("xlsx: table '\(table.name)' has \(table.count) rows, more than a "
                                       + "sheet holds; rows from \(start + 1) on are on sheet '\(sheet.name)'")
            }
            locator.record(table: table.name, sheet: sheet.name, first: start, count: end - start)
            var tally = Tally()
            try writePart(table, headers: headers, rows: start..<end, to: sheet, tally: &tally)
            report.warnings += tally.messages(sheet: sheet.name, headers: headers)
            start = end
        } while start < table.count
    }

    private mutating func writePart(_ table: Table, headers: [String], rows: Range<Int>,
                                    to sheet: Worksheet, tally: inout Tally) throws {
        guard !headers.isEmpty else { return }
        var columns = table.columns
        for c in columns.indices { columns[c].name = headers[c] }
        let widths = SheetLayout.columnWidths(columns, of: table, rows: rows)
        for c in columns.indices { try sheet.setColumnWidth(c, widths[c]) }
        var r = 0
        try table.forEachRow(in: rows) { cells in
            r += 1
            for (c, cell) in cells.prefix(columns.count).enumerated() {
                let wrap = columns[c].isLongText || SheetLayout.hasNewline(cell)
                try writeCell(cell, row: r, column: c, wrap: wrap, sheet: sheet, tally: &tally)
            }
            let lines = SheetLayout.lines(of: cells, columns: columns, widths: widths)
            if lines > 1 { try sheet.setRowHeight(r, SheetLayout.lineHeight * Double(lines)) }
        }
        let name = ExcelLimits.tableName(sheet.name, taken: tableNames)
        tableNames.insert(name.lowercased())
        try sheet.addTable(name: name, headers: headers, lastRow: max(rows.count, 1), headerFormat: styles.header)
        try sheet.freezePanes(rows: 1, columns: 0)
    }

    private func writeCell(_ cell: Cell, row r: Int, column c: Int, wrap: Bool, sheet: Worksheet,
                           tally: inout Tally) throws {
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
}

/// Where each table's rows went: the sheets that hold it and the cell of each data row.
struct SheetLocator {
    private struct Part {
        var sheet: String
        var first: Int
        var count: Int
    }

    private var parts: [String: [Part]] = [:]

    /// Notes that data rows `first..<first+count` of `table` are on `sheet`, from its second row on.
    mutating func record(table: String, sheet: String, first: Int, count: Int) {
        parts[table, default: []].append(Part(sheet: sheet, first: first, count: count))
    }

    /// The (first) sheet that holds `table`.
    func sheet(of table: String) -> String? { parts[table]?.first?.sheet }

    /// `'figures'!A5`: the cell of data row `row` (0-based) of `table`, in `column`.
    func location(table: String, row: Int, column: Int = 0) -> String? {
        guard let part = parts[table]?.first(where: { row >= $0.first && row < $0.first + $0.count }) else {
            return nil
        }
        return ExcelLimits.location(sheet: part.sheet, row: row - part.first + 1, column: column)
    }

    /// `'figures'!A1`: the header of `table`'s first sheet.
    func top(of table: String) -> String? {
        sheet(of: table).map { ExcelLimits.location(sheet: $0, row: 0, column: 0) }
    }
}

/// The formats of the data sheets, created once per workbook.
struct DataStyles {
    let header, text, wrapped, day, month, link: CellFormat

    init(_ workbook: Workbook) throws {
        // The colours of table style Medium 2, also set on the cells: LibreOffice does not draw table styles.
        header = try workbook.format(CellStyle(bold: true, alignTop: true, fillColor: 0x4F81BD, fontColor: 0xFFFFFF))
        text = try workbook.format(CellStyle(alignTop: true))
        wrapped = try workbook.format(CellStyle(wrap: true, alignTop: true))
        day = try workbook.format(CellStyle(alignTop: true, numberFormat: "yyyy-mm-dd"))
        month = try workbook.format(CellStyle(alignTop: true, numberFormat: "yyyy-mm"))
        link = try workbook.format(CellStyle(alignTop: true, underline: true, fontColor: 0x0563C1))
    }
}

/// Counts the values a sheet could not hold as given, per column, to report them in a few lines.
struct Tally {
    enum Kind: Int, CaseIterable {
        case truncated, longURL, tooManyURLs, longInteger, nonFinite, earlyDate

        var what: String {
            switch self {
            case .truncated: return "text(s) over 32,767 characters truncated with \"[… truncated]\""
            case .longURL: return "URL(s) over 2,079 characters written as text, not links"
            case .tooManyURLs: return "URL(s) past 65,530 links per sheet written as text, not links"
            case .longInteger: return "integer(s) over 15 digits written as text"
            case .nonFinite: return "non-finite number(s) written as text"
            case .earlyDate: return "date(s) outside Excel's range (before 1900-03-01 or after 9999) written as text"
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

    func messages(sheet: String, headers: [String]) -> [String] {
        counts.keys.sorted { ($0.column, $0.kind.rawValue) < ($1.column, $1.kind.rawValue) }.compactMap { key in
            guard let entry = counts[key] else { return nil }
            return "xlsx: sheet '\(sheet)', column '\(headers[key.column])': \(entry.count) "
                + "\(key.kind.what) (first at \(entry.first))"
        }
    }
}
