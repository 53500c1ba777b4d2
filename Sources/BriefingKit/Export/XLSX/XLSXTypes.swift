// Plain Swift descriptions of what the workbook writer draws; `XLSXWriter.swift` turns them into
// libxlsxwriter calls.

/// An error libxlsxwriter reported, with what was being written when it happened.
struct XLSXError: Error, Sendable, CustomStringConvertible {
    /// The `lxw_error` code (0 for errors raised by this wrapper itself).
    var code: Int
    /// `lxw_strerror`'s message, or the wrapper's own.
    var message: String
    /// The call that failed, such as `write_string`.
    var operation: String
    var sheet: String?
    /// 0-based position of the cell, when a cell was being written.
    var row: Int?
    var column: Int?

    /// `write_string on sheet 'articles' at C2 (row 2, column 3): String exceeds Excel's limit…`.
    var description: String {
        var s = operation
        if let sheet { s += " on sheet '\(sheet)'" }
        if let row, let column {
            s += " at \(ExcelLimits.cellName(row: row, column: column)) (row \(row + 1), column \(column + 1))"
        } else if let row {
            s += " at row \(row + 1)"
        } else if let column {
            s += " at column \(ExcelLimits.columnName(column))"
        }
        return s + ": " + message
    }
}

/// How a cell looks; the workbook turns each distinct style into one format.
struct CellStyle: Hashable, Sendable {
    var bold = false
    var wrap = false
    var alignTop = false
    var underline = false
    var bottomBorder = false
    /// Background fill, `0xRRGGBB`.
    var fillColor: UInt32?
    /// Font colour, `0xRRGGBB`.
    var fontColor: UInt32?
    /// An Excel number format such as `yyyy-mm-dd`.
    var numberFormat: String?
    /// Font size in points (Excel's default is 11).
    var fontSize: Double?
    var italic = false
    /// Horizontal alignment; `nil` is Excel's default (text left, numbers right).
    var horizontal: Alignment?

    enum Alignment: Sendable, Hashable { case left, center, right }
}

/// Document properties (File › Properties in Excel).
struct DocumentProperties: Sendable {
    var title = ""
    var subject = ""
    var author = ""
    var keywords = ""
    var comments = ""
    /// Creation time in seconds since 1970; `nil` stamps the current time, so files differ between runs.
    var created: Int?
}

/// What became of a URL written with `Worksheet.writeURL`.
enum HyperlinkOutcome: Sendable {
    case link
    /// Not an `http(s)://`, `ftp://` or `mailto:` URL: written as text.
    case notALink
    /// Longer than Excel's 2,079 characters: written as text.
    case tooLong
    /// Past the 65,530 hyperlinks a sheet can hold: written as text.
    case tooMany
}

/// A one-series horizontal bar chart over a range of a sheet: categories in one column, values in another.
///
/// The first category is drawn at the top (the category axis is reversed), each bar carries its value.
struct BarChartSpec: Sendable, Hashable {
    var title: String
    /// The series name (shown in tooltips; the legend is hidden).
    var seriesName: String
    /// Title of the value axis (for a bar chart, the horizontal axis).
    var valueAxisTitle: String
    /// Sheet that holds the data, as written.
    var sheet: String
    /// 0-based rows of the first and last data point.
    var firstRow: Int
    var lastRow: Int
    var categoryColumn: Int
    var valueColumn: Int
    /// Bar colour, `0xRRGGBB`.
    var color: UInt32 = 0x4F81BD
    /// Size in pixels.
    var width = 480
    var height = 288
}

/// How a sheet prints.
struct PageSetup: Sendable {
    var landscape = false
    /// Fit the sheet to this many pages wide (0 = as many as needed); `nil` prints at 100 %.
    var fitWide: Int?
    /// With `fitWide`: pages tall (0 = as many as needed).
    var fitTall = 0
    /// ISO A4 rather than the printer's default paper.
    var a4 = true
    /// Left and right margins, in inches.
    var sideMargin = 0.5
    /// Top and bottom margins, in inches.
    var topMargin = 0.6
    /// Hide the grid on screen (it never prints).
    var hideGridlines = false
}
