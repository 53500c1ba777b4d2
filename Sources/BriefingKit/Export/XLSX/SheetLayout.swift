/// Column widths and row heights for a sheet, estimated from character counts
/// (libxlsxwriter 1.1.4 has no autofit, and Excel does not size rows of wrapped text on open).
enum SheetLayout {
    static let minWidth = 8.0
    static let maxWidth = 60.0
    /// Long-text columns are wider and wrap.
    static let maxLongTextWidth = 80.0
    /// Points per line of the default 11-point font.
    static let lineHeight = 15.0
    /// Room for the autofilter button next to a header.
    static let headerPadding = 3

    /// One width per column (in characters): the longest header or value line of `rows` of `table`
    /// plus padding, within limits; `columns` are the table's, with the headers as written.
    static func columnWidths(_ columns: [Column], of table: Table, rows: Range<Int>) -> [Double] {
        let caps = columns.map { $0.isLongText ? maxLongTextWidth : maxWidth }
        var longest = columns.map { $0.name.count + headerPadding }
        // the columns whose width can still grow
        var open = columns.indices.filter { longest[$0] < Int(caps[$0]) }
        table.forEachRow(in: rows) { cells in
            guard !open.isEmpty else { return }
            open.removeAll { c in
                let limit = Int(caps[c])
                if c < cells.count { longest[c] = max(longest[c], displayLength(cells[c], atLeast: longest[c], limit: limit)) }
                return longest[c] >= limit
            }
        }
        return columns.indices.map { min(max(Double(longest[$0] + 2), minWidth), caps[$0]) }
    }

    /// Lines the tallest wrapped cell of a row needs at the given widths (1 when nothing wraps).
    static func lines(of cells: [Cell], columns: [Column], widths: [Double]) -> Int {
        let maxLines = Int(ExcelLimits.maxRowHeight / lineHeight) + 1
        var tallest = 1
        for (c, cell) in cells.enumerated() where c < columns.count && c < widths.count {
            guard columns[c].isLongText || hasNewline(cell), let text = text(of: cell) else { continue }
            tallest = max(tallest, wrappedLines(text, width: Int(widths[c]) - 1, limit: maxLines))
        }
        return tallest
    }

    /// Whether a text or URL cell holds a line break (and so needs wrapping to show it).
    static func hasNewline(_ cell: Cell) -> Bool {
        guard let text = text(of: cell) else { return false }
        return text.utf8.contains(0x0A)
    }

    // MARK: - Private

    private static func text(of cell: Cell) -> String? {
        switch cell {
        case .text(let s), .url(let s): return s
        default: return nil
        }
    }

    /// Characters of the longest line of a cell as shown, counting at most to `limit`.
    /// Skips the count when the value cannot beat `atLeast` (a character is at least one UTF-8 byte).
    private static func displayLength(_ cell: Cell, atLeast: Int, limit: Int) -> Int {
        switch cell {
        case .text(let s), .url(let s):
            guard s.utf8.count > atLeast else { return 0 }
            var longest = 0
            var current = 0
            for ch in s {
                if ch.isNewline {
                    current = 0
                    continue
                }
                current += 1
                longest = max(longest, current)
                if longest >= limit { break }
            }
            return longest
        case .int(let i): return String(i).count
        case .double(let d): return min(Cell.format(d).count, 11)  // Excel's General shows ~11 characters
        case .date(let d): return d.iso.count
        case .bool: return 5
        case .null: return 0
        }
    }

    /// Lines `text` takes when wrapped at `width` characters, counting at most to `limit`.
    private static func wrappedLines(_ text: String, width: Int, limit: Int) -> Int {
        let width = max(width, 1)
        var lines = 0
        var current = 0
        for ch in text {
            if ch.isNewline {
                lines += max((current + width - 1) / width, 1)
                current = 0
                if lines >= limit { return limit }
            } else {
                current += 1
            }
        }
        lines += max((current + width - 1) / width, 1)
        return min(lines, limit)
    }
}
