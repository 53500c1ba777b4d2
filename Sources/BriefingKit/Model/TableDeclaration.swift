/// A row of an output table: a plain struct with typed fields whose `table` declares, once, the
/// table's name and columns. Every output (workbook, CSV, JSON, `datapackage.json`, the JSON Schema)
/// reads that declaration; the note, the workbook's Summary and the change report read the fields.
///
/// Implementation requirements: `table.name` is unique among the declared tables, and so are the
/// column names within a table; a column's `cell` gives a cell of the column's type, or null only
/// when the column is nullable.
public protocol TableRow: Sendable {
    static var table: TableDeclaration<Self> { get }
}

/// A declared table: its name, what one row is, and its columns in output order.
public struct TableDeclaration<Row>: Sendable {
    /// The table's name: its sheet, its CSV file, its key in `briefing.json`.
    public let name: String
    /// What one row is, one sentence.
    public let description: String
    /// One row per document, paragraph or removed line: the workbook may show only the first rows
    /// (`outputs.xlsx_detail_rows`).
    public let isDetail: Bool
    public let columns: [TableColumn<Row>]

    public init(_ name: String, description: String, isDetail: Bool = false, columns: [TableColumn<Row>]) {
        self.name = name
        self.description = description
        self.isDetail = isDetail
        self.columns = columns
    }

    /// The columns of the primary key, in column order.
    public var key: [Column] { columns.map(\.column).filter(\.isKey) }
}

/// A declared column: the column every exporter shows, and how a row gives its cell.
public struct TableColumn<Row>: Sendable {
    public let column: Column
    public let cell: @Sendable (Row) -> Cell

    /// - Parameters:
    ///   - key: part of the table's primary key.
    ///   - long: long free text, wrapped in the workbook.
    ///   - nullable: some rows have no value.
    ///   - values: the only values the column takes, when they are a fixed set.
    ///   - references: the column of another table its values refer to.
    ///   - cell: the row's cell in this column.
    public init(_ name: String, _ type: ColumnType, _ description: String, key: Bool = false,
                long: Bool = false, nullable: Bool = false, values: [String] = [],
                references: ColumnReference? = nil, cell: @escaping @Sendable (Row) -> Cell) {
        column = Column(name, type, description: description, key: key, long: long, nullable: nullable,
                        values: values, references: references)
        self.cell = cell
    }

    /// A text column.
    public init(_ name: String, _ description: String, key: Bool = false, long: Bool = false, nullable: Bool = false,
                values: [String] = [], references: ColumnReference? = nil, cell: @escaping @Sendable (Row) -> Cell) {
        self.init(name, .text, description, key: key, long: long, nullable: nullable, values: values,
                  references: references, cell: cell)
    }

    /// The column's name: what `briefing.json` calls it, for reading a previous run's file.
    public var name: String { column.name }
}

extension TableRow {
    /// The table without rows: its name, description and columns as exporters see them.
    public static var emptyTable: Table { Table([Self]()) }

    /// A reference to this table's `column`, for a foreign key.
    static func reference(_ column: TableColumn<Self>) -> ColumnReference {
        ColumnReference(table: table.name, column: column.name)
    }
}

/// Cells of optional values, for declarations: null for `nil`.
extension Cell {
    static func textOrNull(_ s: String?) -> Cell { s.map { .text($0) } ?? .null }
    static func urlOrNull(_ s: String?) -> Cell { s.map { .url($0) } ?? .null }
    static func dateOrNull(_ d: PartialDate?) -> Cell { d.map { .date($0) } ?? .null }
    static func numberOrNull(_ d: Double?) -> Cell { d.map { .double($0) } ?? .null }
    /// The raw value of an enumeration.
    static func rawOrNull<T: RawRepresentable>(_ value: T?) -> Cell where T.RawValue == String {
        value.map { .text($0.rawValue) } ?? .null
    }
}
