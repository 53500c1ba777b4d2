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
public enum ColumnType: String, Sendable, Codable {
    case text, integer, number, date, url, boolean
}

public struct Column: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    /// Long free text (paragraphs, sentences): wrapped in the workbook.
    public var isLongText: Bool

    public init(_ name: String, _ type: ColumnType = .text, long: Bool = false) {
        self.name = name
        self.type = type
        self.isLongText = long
    }
}

/// A named table with typed columns: what every exporter writes.
public struct Table: Sendable, Hashable {
    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(name: String, columns: [Column], rows: [[Cell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
