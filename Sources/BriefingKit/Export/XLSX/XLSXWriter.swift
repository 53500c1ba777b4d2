// The only file that talks to libxlsxwriter. Everything outside sees Swift types only:
// `Workbook`, `Worksheet`, `CellFormat`, and the plain descriptions in `XLSXTypes.swift`.
internal import CXLSXWriter
import Foundation

/// A format registered in a workbook, to pass to the write calls of its sheets.
struct CellFormat: Hashable, Sendable {
    fileprivate let index: Int
}

/// An `.xlsx` file being built; owns the libxlsxwriter workbook and frees it on `close()` or `deinit`.
///
/// Not thread-safe: build a workbook in one synchronous function.
final class Workbook {
    let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [UnsafeMutablePointer<lxw_format>] = []
    private var formatIndex: [CellStyle: CellFormat] = [:]
    /// Lowercased names of the sheets so far (Excel compares sheet names case-insensitively).
    private var takenNames: Set<String> = []

    /// Starts a workbook that `close()` writes to `path`.
    /// - Parameter useZip64: allow ZIP64 extensions, needed only for parts over 4 GB.
    init(path: String, useZip64: Bool = false) throws {
        self.path = path
        // libxlsxwriter prints numbers with `%.16G`: any decimal point but "." corrupts the file.
        if let lc = localeconv(), let point = lc.pointee.decimal_point, String(cString: point) != "." {
            throw XLSXError(code: 0, message: "LC_NUMERIC uses '\(String(cString: point))' as decimal point; "
                                + "it must stay \"C\"", operation: "workbook_new")
        }
        var options = lxw_workbook_options()
        options.constant_memory = 0  // write cells in any order; memory grows with the data
        options.use_zip64 = useZip64 ? 1 : 0
        guard let h = workbook_new_opt(path, &options) else {
            throw XLSXError(code: 0, message: "libxlsxwriter could not create the workbook",
                            operation: "workbook_new")
        }
        handle = h
    }

    deinit {
        if let handle { _ = workbook_close(handle) }
    }

    /// Writes the file and frees the workbook; a second call does nothing.
    func close() throws {
        guard let h = handle else { return }
        handle = nil
        try check(workbook_close(h), "workbook_close")
    }

    /// The format for `style`, created on first use.
    func format(_ style: CellStyle) throws -> CellFormat {
        if let known = formatIndex[style] { return known }
        guard let f = workbook_add_format(try open()) else {
            throw XLSXError(code: 0, message: "out of memory", operation: "workbook_add_format")
        }
        if style.bold { format_set_bold(f) }
        if style.wrap { format_set_text_wrap(f) }
        if style.alignTop { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if style.underline { format_set_underline(f, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if style.bottomBorder { format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let color = style.fillColor { format_set_bg_color(f, color) }
        if let color = style.fontColor { format_set_font_color(f, color) }
        if let numberFormat = style.numberFormat { format_set_num_format(f, numberFormat) }
        if let size = style.fontSize { format_set_font_size(f, size) }
        if style.italic { format_set_italic(f) }
        switch style.horizontal {
        case .left?: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center?: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right?: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        let id = CellFormat(index: formats.count)
        formats.append(f)
        formatIndex[style] = id
        return id
    }

    /// Adds a sheet named after `requested`, made valid and unique (see `ExcelLimits.sheetName`).
    func addSheet(named requested: String) throws -> Worksheet {
        let h = try open()
        let name = ExcelLimits.sheetName(requested, taken: takenNames)
        guard let ws = workbook_add_worksheet(h, name) else {
            throw XLSXError(code: 0, message: "libxlsxwriter refused the sheet name", operation: "add_worksheet",
                            sheet: name)
        }
        takenNames.insert(name.lowercased())
        return Worksheet(name: name, workbook: self, handle: ws)
    }

    /// Sets the document properties; libxlsxwriter copies the strings.
    func setProperties(_ p: DocumentProperties) throws {
        let h = try open()
        let owned = [p.title, p.subject, p.author, p.keywords, p.comments].map { text in
            text.withCString { strdup($0) }
        }
        defer { owned.forEach { free($0) } }
        var props = lxw_doc_properties()
        props.title = owned[0]
        props.subject = owned[1]
        props.author = owned[2]
        props.keywords = owned[3]
        props.comments = owned[4]
        props.created = time_t(p.created ?? 0)  // 0: libxlsxwriter uses the current time
        try check(workbook_set_properties(h, &props), "workbook_set_properties")
    }

    // MARK: - Private

    fileprivate func open(_ operation: String = "workbook") throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XLSXError(code: 0, message: "workbook already closed", operation: operation)
        }
        return handle
    }

    fileprivate func pointer(_ format: CellFormat?) -> UnsafeMutablePointer<lxw_format>? {
        guard let format, formats.indices.contains(format.index) else { return nil }
        return formats[format.index]
    }
}

/// One sheet of a `Workbook`; keeps its workbook alive and refuses writes once it is closed.
final class Worksheet {
    /// The sheet name as written (sanitised and unique).
    let name: String
    private let workbook: Workbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Hyperlinks written so far.
    private(set) var hyperlinkCount = 0

    fileprivate init(name: String, workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>) {
        self.name = name
        self.workbook = workbook
        self.handle = handle
    }

    /// Writes text (never a formula, even if it starts with `=`); returns `true` if it was truncated.
    @discardableResult
    func writeString(_ text: String, row: Int, column: Int, format: CellFormat? = nil) throws -> Bool {
        let (r, c) = try cell(row, column, "write_string")
        let cut = ExcelLimits.truncated(text)
        let rc = worksheet_write_string(handle, r, c, cut ?? text, workbook.pointer(format))
        try check(rc, "write_string", sheet: name, row: row, column: column)
        return cut != nil
    }

    /// Writes a finite number.
    func writeNumber(_ value: Double, row: Int, column: Int, format: CellFormat? = nil) throws {
        let (r, c) = try cell(row, column, "write_number")
        guard value.isFinite else {
            throw XLSXError(code: 0, message: "\(value) is not a finite number", operation: "write_number",
                            sheet: name, row: row, column: column)
        }
        try check(worksheet_write_number(handle, r, c, value, workbook.pointer(format)),
                  "write_number", sheet: name, row: row, column: column)
    }

    /// Writes a date as an Excel serial (month dates as their first day) shown with `format`.
    ///
    /// Dates before 1900-03-01 are written as ISO text, because Excel shows them a day off, and so
    /// are dates after 9999, which Excel has no serial for.
    /// - Returns: `false` when the date was written as text.
    @discardableResult
    func writeDate(_ date: PartialDate, row: Int, column: Int, format: CellFormat? = nil) throws -> Bool {
        guard (1900...9999).contains(date.year) else {
            try writeString(date.iso, row: row, column: column, format: format)
            return false
        }
        let serial = date.daysSinceEpoch + ExcelLimits.serialOfUnixEpoch
        guard serial >= ExcelLimits.firstReliableSerial else {
            try writeString(date.iso, row: row, column: column, format: format)
            return false
        }
        try writeNumber(Double(serial), row: row, column: column, format: format)
        return true
    }

    /// Writes a URL as a hyperlink when Excel can hold it, else as plain text with `textFormat`.
    @discardableResult
    func writeURL(_ url: String, row: Int, column: Int, format: CellFormat? = nil,
                  textFormat: CellFormat? = nil) throws -> HyperlinkOutcome {
        let (r, c) = try cell(row, column, "write_url")
        var outcome = HyperlinkOutcome.link
        if !ExcelLimits.isLinkable(url) {
            outcome = .notALink
        } else if url.utf16.count > ExcelLimits.maxURLLength {
            outcome = .tooLong
        } else if hyperlinkCount >= ExcelLimits.maxURLsPerSheet {
            outcome = .tooMany
        } else {
            let rc = worksheet_write_url(handle, r, c, url, workbook.pointer(format))
            // libxlsxwriter measures the escaped URL (spaces become %20), so it can still say no.
            if rc == LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED {
                outcome = .tooLong
            } else if rc == LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED {
                outcome = .tooMany
            } else {
                try check(rc, "write_url", sheet: name, row: row, column: column)
                hyperlinkCount += 1
                // libxlsxwriter shows `mailto:a@b.c` as `a@b.c`; show the URL exactly as given.
                if url.lowercased().hasPrefix("mailto:") {
                    try writeString(url, row: row, column: column, format: format)
                }
                return .link
            }
        }
        try writeString(url, row: row, column: column, format: textFormat)
        return outcome
    }

    /// Writes a boolean, shown by Excel as TRUE or FALSE.
    func writeBool(_ value: Bool, row: Int, column: Int, format: CellFormat? = nil) throws {
        let (r, c) = try cell(row, column, "write_boolean")
        try check(worksheet_write_boolean(handle, r, c, value ? 1 : 0, workbook.pointer(format)),
                  "write_boolean", sheet: name, row: row, column: column)
    }

    /// Writes an empty cell that carries a format (without a format Excel stores nothing).
    func writeBlank(row: Int, column: Int, format: CellFormat? = nil) throws {
        let (r, c) = try cell(row, column, "write_blank")
        try check(worksheet_write_blank(handle, r, c, workbook.pointer(format)),
                  "write_blank", sheet: name, row: row, column: column)
    }

    /// Sets the width of a column, in characters of the default font.
    func setColumnWidth(_ column: Int, _ width: Double) throws {
        let (_, c) = try cell(0, column, "set_column")
        try check(worksheet_set_column(handle, c, c, width, nil), "set_column", sheet: name, column: column)
    }

    /// Sets the height of a row in points (Excel's default is 15); capped at Excel's 409.
    func setRowHeight(_ row: Int, _ height: Double) throws {
        let (r, _) = try cell(row, 0, "set_row")
        try check(worksheet_set_row(handle, r, min(height, ExcelLimits.maxRowHeight), nil),
                  "set_row", sheet: name, row: row)
    }

    /// Freezes the rows above `rows` and the columns left of `columns`.
    func freezePanes(rows: Int, columns: Int) throws {
        let (r, c) = try cell(rows, columns, "freeze_panes")
        _ = try workbook.open("freeze_panes")
        worksheet_freeze_panes(handle, r, c)
    }

    /// Makes rows `0...lastRow` of the first `headers.count` columns an Excel table named `name`,
    /// with `headers` written in row 0, banded rows and filter buttons (a table replaces an autofilter).
    ///
    /// The caller makes the name valid and the headers unique; a table needs at least one data row.
    func addTable(name: String, headers: [String], lastRow: Int, styleNumber: Int = 2,
                  headerFormat: CellFormat? = nil) throws {
        let (r2, c2) = try cell(lastRow, headers.count - 1, "add_table")
        let headerPointer = workbook.pointer(headerFormat)
        var columns = headers.map { header -> lxw_table_column in
            var column = lxw_table_column()
            column.header = strdup(header)
            column.header_format = headerPointer
            return column
        }
        let tableName = strdup(name)
        defer {
            columns.forEach { free($0.header) }
            free(tableName)
        }
        let rc = columns.withUnsafeMutableBufferPointer { buffer -> lxw_error in
            guard let base = buffer.baseAddress else { return LXW_ERROR_NULL_PARAMETER_IGNORED }
            var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { base + $0 } + [nil]
            return pointers.withUnsafeMutableBufferPointer { list in
                var options = lxw_table_options()
                options.name = tableName
                options.columns = list.baseAddress
                options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
                options.style_type_number = UInt8(clamping: styleNumber)
                return worksheet_add_table(handle, 0, 0, r2, c2, &options)
            }
        }
        try check(rc, "add_table '\(name)'", sheet: self.name)
    }

    /// Writes `text` as a link to a place in this workbook, such as `'figures'!A5`.
    /// - Returns: `false` when the sheet holds no more links: the text is then written without one.
    @discardableResult
    func writeInternalLink(to location: String, text: String, row: Int, column: Int,
                           format: CellFormat? = nil, textFormat: CellFormat? = nil) throws -> Bool {
        let (r, c) = try cell(row, column, "write_url")
        guard hyperlinkCount < ExcelLimits.maxURLsPerSheet else {
            try writeString(text, row: row, column: column, format: textFormat)
            return false
        }
        try check(worksheet_write_url(handle, r, c, "internal:" + location, workbook.pointer(format)),
                  "write_url", sheet: name, row: row, column: column)
        hyperlinkCount += 1
        try writeString(text, row: row, column: column, format: format)
        return true
    }

    /// Writes `text` across the cells of a range, merged into one.
    func merge(_ text: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
               format: CellFormat? = nil) throws {
        let (r1, c1) = try cell(firstRow, firstColumn, "merge_range")
        let (r2, c2) = try cell(lastRow, lastColumn, "merge_range")
        let shown = ExcelLimits.truncated(text) ?? text
        try check(worksheet_merge_range(handle, r1, c1, r2, c2, shown, workbook.pointer(format)),
                  "merge_range", sheet: name, row: firstRow, column: firstColumn)
    }

    /// Applies `format` to the cells of a range where `formula` (relative to its first cell, such as
    /// `$G5="yes"`) is true.
    func conditionalFormat(formula: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                           format: CellFormat) throws {
        let (r1, c1) = try cell(firstRow, firstColumn, "conditional_format")
        let (r2, c2) = try cell(lastRow, lastColumn, "conditional_format")
        let criterion = strdup(formula)
        defer { free(criterion) }
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        rule.value_string = criterion
        rule.format = workbook.pointer(format)
        try check(worksheet_conditional_format_range(handle, r1, c1, r2, c2, &rule), "conditional_format",
                  sheet: name, row: firstRow, column: firstColumn)
    }

    /// Draws a bar chart with its top left corner on a cell.
    func insertBarChart(_ spec: BarChartSpec, row: Int, column: Int) throws {
        let (r, c) = try cell(row, column, "insert_chart")
        let (first, categoryColumn) = try cell(spec.firstRow, spec.categoryColumn, "insert_chart")
        let (last, valueColumn) = try cell(spec.lastRow, spec.valueColumn, "insert_chart")
        guard let chart = workbook_add_chart(try workbook.open(), UInt8(LXW_CHART_BAR.rawValue)),
              let series = chart_add_series(chart, nil, nil) else {
            throw XLSXError(code: 0, message: "out of memory", operation: "add_chart", sheet: name)
        }
        chart_series_set_categories(series, spec.sheet, first, categoryColumn, last, categoryColumn)
        chart_series_set_values(series, spec.sheet, first, valueColumn, last, valueColumn)
        chart_series_set_name(series, spec.seriesName)
        var fill = lxw_chart_fill()
        fill.color = spec.color
        chart_series_set_fill(series, &fill)
        chart_series_set_labels(series)
        chart_title_set_name(chart, spec.title)
        var titleFont = lxw_chart_font()
        titleFont.size = 12
        titleFont.bold = 1
        chart_title_set_name_font(chart, &titleFont)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        // In a bar chart x_axis is the horizontal value axis and y_axis the category axis.
        chart_axis_set_name(chart.pointee.x_axis, spec.valueAxisTitle)
        chart_axis_set_min(chart.pointee.x_axis, 0)
        // First category at the top, and the value axis still at the bottom.
        chart_axis_set_reverse(chart.pointee.y_axis)
        chart_axis_set_crossing_max(chart.pointee.y_axis)
        var labelFont = lxw_chart_font()
        labelFont.size = 8
        chart_axis_set_num_font(chart.pointee.y_axis, &labelFont)
        chart_axis_set_interval_unit(chart.pointee.y_axis, 1)
        chart_set_series_gap(chart, 40)
        var options = lxw_chart_options()
        options.x_scale = Double(spec.width) / 480
        options.y_scale = Double(spec.height) / 288
        options.x_offset = 2
        options.y_offset = 2
        try check(worksheet_insert_chart_opt(handle, r, c, chart, &options), "insert_chart", sheet: name,
                  row: row, column: column)
    }

    /// Sets how the sheet prints.
    func setPageSetup(_ page: PageSetup) throws {
        _ = try workbook.open("page_setup")
        if page.landscape { worksheet_set_landscape(handle) }
        if page.a4 { worksheet_set_paper(handle, 9) }
        if let wide = page.fitWide {
            worksheet_fit_to_pages(handle, UInt16(clamping: wide), UInt16(clamping: page.fitTall))
        }
        worksheet_set_margins(handle, page.sideMargin, page.sideMargin, page.topMargin, page.topMargin)
        if page.hideGridlines { worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue)) }
    }

    // MARK: - Private

    /// Checks that the workbook is open and the cell inside Excel's grid; returns C indices.
    private func cell(_ row: Int, _ column: Int, _ operation: String) throws -> (lxw_row_t, lxw_col_t) {
        _ = try workbook.open(operation)
        guard (0..<ExcelLimits.maxRows).contains(row), (0..<ExcelLimits.maxColumns).contains(column),
              let r = lxw_row_t(exactly: row), let c = lxw_col_t(exactly: column) else {
            throw XLSXError(code: 0, message: "cell outside Excel's \(ExcelLimits.maxRows) rows × "
                                + "\(ExcelLimits.maxColumns) columns", operation: operation, sheet: name,
                            row: row, column: column)
        }
        return (r, c)
    }
}

/// Throws an `XLSXError` for any libxlsxwriter result but `LXW_NO_ERROR`.
private func check(_ rc: lxw_error, _ operation: String, sheet: String? = nil, row: Int? = nil,
                   column: Int? = nil) throws {
    guard rc != LXW_NO_ERROR else { return }
    let message = lxw_strerror(rc).map { String(cString: $0) } ?? "libxlsxwriter error \(rc.rawValue)"
    throw XLSXError(code: Int(rc.rawValue), message: message, operation: operation, sheet: sheet,
                    row: row, column: column)
}
