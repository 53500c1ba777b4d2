/// A table read by column name, so that added or reordered columns do not matter to its readers
/// (the workbook's Summary, `briefing.md`). Rows are given either as an index or as the row itself.
struct TableReader {
    let table: Table
    private let index: [String: Int]

    /// `nil` when there is no table.
    init?(_ table: Table?) {
        guard let table else { return nil }
        self.table = table
        var index: [String: Int] = [:]
        for (i, column) in table.columns.enumerated() where index[column.name] == nil { index[column.name] = i }
        self.index = index
    }

    /// The briefing's table `name`; `nil` when it or one of `columns` is missing.
    init?(_ briefing: Briefing, _ name: String, requiring columns: [String] = []) {
        guard let reader = TableReader(briefing.table(name)), columns.allSatisfy({ reader.index[$0] != nil }) else { return nil }
        self = reader
    }

    var rows: [[Cell]] { table.rows }
    var count: Int { table.rows.count }

    // MARK: - By row

    func cell(_ row: [Cell], _ column: String) -> Cell {
        guard let i = index[column], i < row.count else { return .null }
        return row[i]
    }

    /// Text or URL cells that are not blank.
    func text(_ row: [Cell], _ column: String) -> String? {
        switch cell(row, column) {
        case .text(let s), .url(let s): return s.allSatisfy(\.isWhitespace) ? nil : s
        default: return nil
        }
    }

    func int(_ row: [Cell], _ column: String) -> Int? {
        switch cell(row, column) {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }

    func double(_ row: [Cell], _ column: String) -> Double? {
        switch cell(row, column) {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    func date(_ row: [Cell], _ column: String) -> PartialDate? {
        if case .date(let d) = cell(row, column) { return d }
        return nil
    }

    // MARK: - By row index

    /// The cell, or `nil` when the row or the column does not exist.
    func cell(_ row: Int, _ column: String) -> Cell? {
        guard let c = index[column], table.rows.indices.contains(row), c < table.rows[row].count else { return nil }
        return table.rows[row][c]
    }

    func text(_ row: Int, _ column: String) -> String? { table.rows.indices.contains(row) ? text(table.rows[row], column) : nil }
    func int(_ row: Int, _ column: String) -> Int? { table.rows.indices.contains(row) ? int(table.rows[row], column) : nil }
    func double(_ row: Int, _ column: String) -> Double? { table.rows.indices.contains(row) ? double(table.rows[row], column) : nil }
    func date(_ row: Int, _ column: String) -> PartialDate? { table.rows.indices.contains(row) ? date(table.rows[row], column) : nil }

    /// The sum of an integer column; `nil` when the column is missing.
    func sum(_ column: String) -> Int? {
        guard index[column] != nil else { return nil }
        return (0..<count).reduce(0) { $0 + (int($1, column) ?? 0) }
    }

    /// The rows whose `column` holds the text `value`.
    func rows(where column: String, is value: String) -> [Int] {
        (0..<count).filter { text($0, column) == value }
    }
}
