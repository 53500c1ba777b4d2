/// One cell of an output table.
public enum Cell: Sendable, Hashable {
    case text(String)
    case int(Int)
    case double(Double)
    case date(PartialDate)
    case url(String)
    case bool(Bool)
    case null

    /// The cell as CSV and JSON show it when they need a string.
    public var plain: String {
        switch self {
        case .text(let s), .url(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return Cell.format(d)
        case .date(let d): return d.iso
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// Shortest round-tripping decimal form, without a trailing `.0` for integral values.
    public static func format(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}

/// The type of a column, which exporters use to pick a cell format.
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    case text, integer, number, date, url, boolean
}

/// A column as every exporter sees it: its name and type, what it holds, and how it is shown.
public struct Column: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    /// What the column holds, one sentence (`datapackage.json`, the JSON Schema).
    public var description: String
    /// Part of the table's primary key (`datapackage.json`).
    public var isKey: Bool
    /// Long free text (paragraphs, sentences): wrapped in the workbook.
    public var isLongText: Bool
    /// Some rows have no value (a null cell: an empty CSV field, JSON `null`).
    public var isNullable: Bool
    /// The only values the column takes, when they are a fixed set (the JSON Schema's `enum`).
    public var values: [String]
    /// The column of another table whose values this one refers to (a foreign key).
    public var references: ColumnReference?

    /// A column of a table built by hand (tests, tools): only its name, type and wrapping.
    public init(_ name: String, _ type: ColumnType = .text, long: Bool = false) {
        self.init(name, type, description: "", long: long)
    }

    public init(_ name: String, _ type: ColumnType = .text, description: String, key: Bool = false,
                long: Bool = false, nullable: Bool = false, values: [String] = [],
                references: ColumnReference? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.isKey = key
        self.isLongText = long
        self.isNullable = nullable
        self.values = values
        self.references = references
    }
}

/// A column of another table that a column's values refer to.
public struct ColumnReference: Sendable, Hashable {
    public var table: String
    public var column: String

    public init(table: String, column: String) {
        self.table = table
        self.column = column
    }
}

/// A table as every exporter sees it, whatever its rows are: a name, declared columns, a row count
/// and the cell at a row and column. A table the aggregate builds holds typed rows (`TableRow`) and
/// shows them through their declaration; a table built by hand (tests, fuzzing) holds cells.
public struct Table: Sendable {
    public var name: String
    /// What one row is, one sentence.
    public var description: String
    public var columns: [Column]
    /// One row per document, paragraph or removed line: the workbook may show only the first rows.
    public var isDetail: Bool
    private var source: RowSource
    /// Rows shown: all of the source's, or its first ones (`prefix`).
    public private(set) var count: Int

    /// The table of `rows`, as their declaration shows them.
    public init<Row: TableRow>(_ rows: [Row]) {
        let declaration = Row.table
        name = declaration.name
        description = declaration.description
        columns = declaration.columns.map(\.column)
        isDetail = declaration.isDetail
        source = RowSource(rows, cells: declaration.columns.map(\.cell))
        count = rows.count
    }

    /// A table of cells, built by hand; a row shorter than the columns has nulls in the missing cells.
    public init(name: String, columns: [Column], rows: [[Cell]] = [], description: String = "", isDetail: Bool = false) {
        self.name = name
        self.description = description
        self.columns = columns
        self.isDetail = isDetail
        source = RowSource(cells: rows)
        count = rows.count
    }

    /// The cells of data row `row` (0-based), one per column (a hand-built row as it was given).
    public func row(_ row: Int) -> [Cell] {
        var cells: [Cell] = []
        source.append(row, &cells)
        return cells
    }

    /// The cell of data row `row` in column `column`; null past the end of a short row. It makes the
    /// whole row: `forEachRow` is the way through many cells.
    public func cell(_ row: Int, _ column: Int) -> Cell {
        let cells = self.row(row)
        return column < cells.count ? cells[column] : .null
    }

    /// Calls `body` with the cells of each row of `rows` (every row by default), in order, as `row(_:)`
    /// gives them: the fast way through a table, one buffer for every row.
    public func forEachRow(in rows: Range<Int>? = nil, _ body: ([Cell]) throws -> Void) rethrows {
        var buffer: [Cell] = []
        buffer.reserveCapacity(columns.count)
        for r in rows ?? 0..<count {
            buffer.removeAll(keepingCapacity: true)
            source.append(r, &buffer)
            try body(buffer)
        }
    }

    /// The typed rows, when the table holds `Row`s.
    public func rows<Row: TableRow>(_ type: Row.Type) -> [Row]? {
        guard source.type == ObjectIdentifier(Row.self), let rows = source.rows as? [Row] else { return nil }
        return count == rows.count ? rows : Array(rows.prefix(count))
    }

    /// The first `n` rows.
    public func prefix(_ n: Int) -> Table {
        var table = self
        table.count = min(max(n, 0), count)
        return table
    }
}

/// The rows behind a `Table`, and a closure that gives a row's cells. The closure is made where the
/// rows' type is known, so the compiler specialises it for that type: behind a protocol, the same
/// generic code ran unspecialised, and the exports took longer.
private struct RowSource: Sendable {
    /// `[Row]` for typed rows, `[[Cell]]` for a table built by hand.
    let rows: any Sendable
    /// The row type, or `[Cell]`'s.
    let type: ObjectIdentifier
    /// Appends the cells of a row.
    let append: @Sendable (Int, inout [Cell]) -> Void

    init<Row: TableRow>(_ rows: [Row], cells: [@Sendable (Row) -> Cell]) {
        self.rows = rows
        type = ObjectIdentifier(Row.self)
        append = { r, buffer in
            let row = rows[r]
            for cell in cells { buffer.append(cell(row)) }
        }
    }

    init(cells rows: [[Cell]]) {
        self.rows = rows
        type = ObjectIdentifier([Cell].self)
        append = { r, buffer in buffer.append(contentsOf: rows[r]) }
    }
}
