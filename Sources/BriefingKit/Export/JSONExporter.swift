/// Writes `briefing.json`: `{ "run": {…}, "tables": { "<name>": [ {column: value, …}, … ], … } }`.
///
/// Hand-written so that keys keep a stable, meaningful order: run keys in a fixed order, tables in
/// briefing order, row keys in column order. Two-space indentation, each table row on one line
/// (`{"key":value,…}`), a final newline. Integers are JSON
/// numbers, doubles use `Cell.format` (non-finite ones become `null`), dates are ISO 8601 strings
/// (`2025-04` for a month), nulls `null`, booleans `true`/`false`.
public struct JSONExporter: Exporter {
    public static let format: OutputSettings.Format = .json
    public static let fileName = "briefing.json"

    public init() {}

    /// Writes `briefing.json` and returns its name.
    /// - Throws: `RunError("cannot write <path>: <reason>")`.
    public func export(_ briefing: Briefing, to folder: String) throws -> [String] {
        try OutputFile.prepare(folder: folder)
        try OutputFile.write(to: OutputFile.join(folder, Self.fileName)) { flush in
            try Self.write(briefing, flush: flush)
        }
        return [Self.fileName]
    }

    /// The whole document, as UTF-8 bytes.
    public static func bytes(of briefing: Briefing) -> [UInt8] {
        var out: [UInt8] = []
        try? write(briefing) { out += $0 }
        return out
    }

    /// The whole document, handed to `flush` in chunks of about `OutputFile.chunkSize` bytes.
    static func write(_ briefing: Briefing, flush: ([UInt8]) throws -> Void) throws {
        var w = JSONWriter()
        w.out.append(contentsOf: "{\n  \"run\": ".utf8)
        w.write(runValue(briefing.run), indent: 1)
        w.out.append(contentsOf: ",\n  \"tables\": ".utf8)
        if briefing.tables.isEmpty {
            w.out.append(contentsOf: "{}".utf8)
        } else {
            w.out.append(contentsOf: "{".utf8)
            for (t, table) in briefing.tables.enumerated() {
                w.out.append(contentsOf: (t == 0 ? "\n    " : ",\n    ").utf8)
                w.string(table.name)
                w.out.append(contentsOf: ": ".utf8)
                try writeRows(of: table, to: &w, flush: flush)
            }
            w.out.append(contentsOf: "\n  }".utf8)
        }
        w.out.append(contentsOf: "\n}\n".utf8)
        try flush(w.out)
    }

    /// The run record alone (`run.json`): what the run did, stage by stage.
    public static func runRecord(_ run: RunInfo) -> [UInt8] {
        var w = JSONWriter()
        guard case .object(var fields) = runValue(run, timings: true) else { return [] }
        fields.insert(("status", .string(run.status)), at: 0)
        fields.insert(("error", run.error.map { .string($0) } ?? .null), at: 1)
        fields.insert(("fingerprint", run.fingerprint.map { .string($0) } ?? .null), at: 2)
        w.write(.object(fields), indent: 0)
        w.out.append(UInt8(ascii: "\n"))
        return w.out
    }

    /// The document as a string (for tests and previews).
    public static func text(of briefing: Briefing) -> String {
        String(decoding: bytes(of: briefing), as: UTF8.self)
    }

    private static func writeRows(of table: Table, to w: inout JSONWriter, flush: ([UInt8]) throws -> Void) throws {
        guard table.count > 0 else {
            w.out.append(contentsOf: "[]".utf8)
            return
        }
        w.out.append(UInt8(ascii: "["))
        var first = true
        try table.forEachRow { row in
            w.out.append(contentsOf: (first ? "\n      " : ",\n      ").utf8)
            first = false
            let fields = table.columns.enumerated().map { (c, column) in
                (column.name, c < row.count ? cellValue(row[c]) : JSONValue.null)
            }
            // one row per line: tables run to hundreds of thousands of rows
            w.compact = true
            w.write(.object(fields), indent: 3)
            w.compact = false
            if w.out.count >= OutputFile.chunkSize {
                try flush(w.out)
                w.out.removeAll(keepingCapacity: true)
            }
        }
        w.out.append(contentsOf: "\n    ]".utf8)
    }

    static func cellValue(_ cell: Cell) -> JSONValue {
        switch cell {
        case .text(let s), .url(let s): return .string(s)
        case .int(let i): return .number(String(i))
        case .double(let d): return d.isFinite ? .number(Cell.format(d)) : .null
        case .date(let d): return .string(d.iso)
        case .bool(let b): return .bool(b)
        case .null: return .null
        }
    }

    /// The run's metadata and counters; `timings` adds each stage's seconds, which differ between
    /// two runs, so `briefing.json` leaves them to `run.json` and stays reproducible.
    static func runValue(_ run: RunInfo, timings: Bool = false) -> JSONValue {
        .object([
            ("pipeline", .string(run.pipeline)),
            ("description", .string(run.description)),
            ("pipeline_file", .string(run.pipelineFile)),
            ("corpus", .string(run.corpus)),
            ("run_at", .string(run.runAt)),
            ("tool_version", .string(run.toolVersion)),
            ("stages", .array(run.stages.map { stageValue($0, timings: timings) })),
            ("warnings", .array(run.warnings.map { .string($0) })),
            ("changes", .array(run.changes.map { .string($0) })),
        ])
    }

    static func stageValue(_ s: StageStats, timings: Bool) -> JSONValue {
        let counts = { (d: [String: Int]) in
            JSONValue.object(d.sorted { $0.key < $1.key }.map { ($0.key, .number(String($0.value))) })
        }
        let seconds = (s.seconds * 1000).rounded() / 1000
        var fields: [(String, JSONValue)] = [
            ("stage", .string(s.stage)),
            ("unit", .string(s.unit)),
            ("input", .number(String(s.input))),
            ("output", .number(String(s.output))),
            ("dropped", counts(s.dropped)),
        ]
        if timings { fields.append(("seconds", seconds.isFinite ? .number(Cell.format(seconds)) : .null)) }
        fields.append(("extra", counts(s.extra)))
        return .object(fields)
    }
}

/// A JSON value whose objects keep their keys in the order given.
enum JSONValue {
    case string(String)
    /// Already formatted as a JSON number.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
}

/// Serialises `JSONValue`s with two-space indentation (or on one line when `compact`) into a byte buffer.
struct JSONWriter {
    private static let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    /// One line, no spaces: for JSON log records.
    var compact = false

    /// Writes `value` as if it started at nesting level `indent`.
    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .string(let s): string(s)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(item, indent: indent + 1)
            }
            newline(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (i, (key, item)) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                string(key)
                out.append(contentsOf: (compact ? ":" : ": ").utf8)
                write(item, indent: indent + 1)
            }
            newline(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Writes a quoted string: `"` and `\` escaped, `\n` `\r` `\t` as such, other controls as `\u00XX`.
    mutating func string(_ s: String) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)],
                                        Self.hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    private mutating func newline(_ indent: Int) {
        guard !compact else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
}
