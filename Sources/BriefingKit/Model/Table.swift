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
    private var storage: any TableStorage

    /// The table of `rows`, as their declaration shows them.
    public init<Row: TableRow>(_ rows: [Row]) {
        let declaration = Row.table
        name = declaration.name
        description = declaration.description
        columns = declaration.columns.map(\.column)
        isDetail = declaration.isDetail
        storage = DeclaredRows(rows: rows, cells: declaration.columns.map(\.cell))
    }

    /// A table of cells, built by hand; a row shorter than the columns has nulls in the missing cells.
    public init(name: String, columns: [Column], rows: [[Cell]] = [], description: String = "", isDetail: Bool = false) {
        self.name = name
        self.description = description
        self.columns = columns
        self.isDetail = isDetail
        storage = CellRows(rows: rows)
    }

    /// Data rows, header not counted.
    public var count: Int { storage.count }

    /// The cell of data row `row` (0-based) in column `column`; null past the end of a short row.
    public func cell(_ row: Int, _ column: Int) -> Cell { storage.cell(row, column) }

    /// The cells of data row `row`, one per column (a hand-built row as it was given).
    public func row(_ row: Int) -> [Cell] { storage.row(row) }

    /// The typed rows, when the table holds `Row`s.
    public func rows<Row: TableRow>(_ type: Row.Type) -> [Row]? { (storage as? DeclaredRows<Row>)?.rows }

    /// The first `n` rows.
    public func prefix(_ n: Int) -> Table {
        var table = self
        table.storage = storage.prefix(n)
        return table
    }
}

/// The rows behind a `Table`.
private protocol TableStorage: Sendable {
    var count: Int { get }
    func cell(_ row: Int, _ column: Int) -> Cell
    func row(_ row: Int) -> [Cell]
    func prefix(_ n: Int) -> any TableStorage
}

/// Typed rows and the declared way to get each column's cell.
private struct DeclaredRows<Row: TableRow>: TableStorage {
    var rows: [Row]
    let cells: [@Sendable (Row) -> Cell]

    var count: Int { rows.count }
    func cell(_ row: Int, _ column: Int) -> Cell { cells[column](rows[row]) }
    func row(_ row: Int) -> [Cell] {
        let r = rows[row]
        return cells.map { $0(r) }
    }
    func prefix(_ n: Int) -> any TableStorage { DeclaredRows(rows: Array(rows.prefix(n)), cells: cells) }
}

/// Cells given row by row.
private struct CellRows: TableStorage {
    var rows: [[Cell]]

    var count: Int { rows.count }
    func cell(_ row: Int, _ column: Int) -> Cell { column < rows[row].count ? rows[row][column] : .null }
    func row(_ row: Int) -> [Cell] { rows[row] }
    func prefix(_ n: Int) -> any TableStorage { CellRows(rows: Array(rows.prefix(n))) }
}
