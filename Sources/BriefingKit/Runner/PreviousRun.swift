import Foundation

/// The previous run's `briefing.json`, read back into plain strings: what `ChangeReport` compares
/// the current briefing with.
///
/// Every cell is rendered as `Cell.plain` renders it: strings as they are, integers without a
/// decimal point, other numbers in their shortest form, `true`/`false`, `null` as "".
public struct PreviousRun: Sendable, Equatable {
    /// The previous run's `run.run_at`, when it had one.
    public var runAt: String?
    /// The previous run's `run.pipeline`, when it had one.
    public var pipeline: String?
    /// Table name → rows, each row column name → value.
    public var tables: [String: [[String: String]]]

    /// A previous run from its parts (for tests and tools).
    public init(runAt: String? = nil, pipeline: String? = nil, tables: [String: [[String: String]]] = [:]) {
        self.runAt = runAt
        self.pipeline = pipeline
        self.tables = tables
    }

    /// The rows of one table; none when the run did not have it.
    public func rows(_ table: String) -> [[String: String]] { tables[table] ?? [] }

    /// Whether the run had the table (possibly empty).
    public func has(_ table: String) -> Bool { tables[table] != nil }

    /// What reading a previous briefing gave.
    public enum Loaded: Sendable, Equatable {
        /// No file: the first run, nothing to compare.
        case missing
        /// A briefing, read.
        case loaded(PreviousRun)
        /// A file that is not a briefing; the reason reads as a run warning.
        case unreadable(String)

        /// The previous run, when there is one.
        public var previous: PreviousRun? {
            if case .loaded(let p) = self { return p }
            return nil
        }

        /// The warning to record, when the file was there but could not be used.
        public var warning: String? {
            if case .unreadable(let w) = self { return w }
            return nil
        }
    }

    /// Reads the `briefing.json` at `path`. Never throws: a missing file is `.missing`, anything
    /// else that cannot be read as a briefing is `.unreadable` with a warning naming the file
    /// (as `shownAs`, e.g. relative to the project root, when given).
    public static func load(path: String, shownAs: String? = nil) -> Loaded {
        let name = shownAs ?? path
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        // the exporter's layout, read line by line: only the compared tables are kept
        if let file = fopen(path, "r") {
            var buffer: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(buffer); fclose(file) }
            let sliced = slices(lines: {
                let n = getline(&buffer, &capacity, file)
                guard n >= 0, let buffer else { return nil }
                let length = n > 0 && buffer[n - 1] == 0x0A ? n - 1 : n
                return buffer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
            })
            if let sliced {
                do {
                    return .loaded(try PreviousRun(sliced: sliced))
                } catch {
                    let reason = (error as? Malformed)?.reason ?? String(describing: error)
                    return .unreadable("previous briefing \(name) is not a briefing (\(reason)): nothing to compare")
                }
            }
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .unreadable("previous briefing \(name) cannot be read (\(error.localizedDescription)): nothing to compare")
        }
        do {
            return .loaded(try PreviousRun(json: data))
        } catch {
            let reason = (error as? Malformed)?.reason ?? String(describing: error)
            return .unreadable("previous briefing \(name) is not a briefing (\(reason)): nothing to compare")
        }
    }

    /// Why a document is not a briefing.
    struct Malformed: Error {
        var reason: String
    }

    /// The tables the change report compares; the others (row-level detail, hundreds of thousands
    /// of rows on a large corpus) are neither read nor kept.
    public static let compared: Set<String> = [
        DocumentRow.table.name, ParticipationRow.table.name, FigureRow.table.name, CommitmentRow.table.name,
        PersonRow.table.name,
    ]

    /// The rows of the declared table of `Row`s, each row column name → value (read with the
    /// declared columns: `row[FigureRow.Columns.metric]`); none when the run did not have it.
    public func rows<Row: TableRow>(_ type: Row.Type) -> [[String: String]] { rows(Row.table.name) }

    /// Whether the run had the declared table of `Row`s (possibly empty).
    public func has<Row: TableRow>(_ type: Row.Type) -> Bool { has(Row.table.name) }

    /// Parses a `briefing.json` document (only its `compared` tables).
    /// - Throws: when the data is not JSON or not shaped `{ "run": {…}, "tables": { name: [ {…} ] } }`.
    public init(json data: Data) throws {
        if let sliced = Self.slices(lines: Self.lineReader(data)) {
            try self.init(sliced: sliced)
            return
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw Malformed(reason: "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw Malformed(reason: "the top level is not an object") }
        guard let tables = root["tables"] as? [String: Any] else { throw Malformed(reason: "no \"tables\" object") }
        var parsed: [String: [[String: String]]] = [:]
        for (name, value) in tables where Self.compared.contains(name) {
            guard let rows = value as? [Any] else { throw Malformed(reason: "table \"\(name)\" is not an array") }
            parsed[name] = try Self.rows(rows, table: name)
        }
        let run = root["run"] as? [String: Any]
        self.init(runAt: run?["run_at"] as? String, pipeline: run?["pipeline"] as? String, tables: parsed)
    }

    /// The briefing from `slices(lines:)`.
    init(sliced: (run: Data, tables: [String: Data])) throws {
        var parsed: [String: [[String: String]]] = [:]
        for (name, slice) in sliced.tables {
            // one flat object per line, read without Foundation; JSONSerialization only if one is not
            if let rows = FlatJSON.rows(slice) {
                parsed[name] = rows
                continue
            }
            guard let rows = try? JSONSerialization.jsonObject(with: slice, options: []) as? [Any] else {
                throw Malformed(reason: "table \"\(name)\" is not an array")
            }
            parsed[name] = try Self.rows(rows, table: name)
        }
        let run = (try? JSONSerialization.jsonObject(with: sliced.run, options: [])) as? [String: Any]
        self.init(runAt: run?["run_at"] as? String, pipeline: run?["pipeline"] as? String, tables: parsed)
    }

    static func rows(_ rows: [Any], table name: String) throws -> [[String: String]] {
        try rows.map { row in
            guard let fields = row as? [String: Any] else {
                throw Malformed(reason: "a row of table \"\(name)\" is not an object")
            }
            return fields.mapValues(Self.plain)
        }
    }

    /// The `run` object and the compared tables' arrays, cut out of a file laid out as
    /// `JSONExporter` writes it (`{\n  "run": {…},\n  "tables": {\n    "name": [\n      row\n …    ]`,
    /// one key per line at fixed indents; a raw line break never occurs inside a JSON string, so
    /// these markers cannot come from a cell). Lines are read one at a time and the other tables
    /// skipped, so a large previous briefing is never held whole. `nil` when the layout is not that
    /// one: the caller then parses the whole document.
    static func slices(lines next: () -> [UInt8]?) -> (run: Data, tables: [String: Data])? {
        guard let first = next(), first == Array("{".utf8), let runLine = next() else { return nil }
        let runMark = Array("  \"run\": ".utf8)
        guard runLine.starts(with: runMark) else { return nil }
        var run = Array(runLine[runMark.count...])
        var previous: [UInt8] = runLine
        // the run object ends on the line `  },` just before `  "tables": {`
        while true {
            guard let line = next() else { return nil }
            if line == Array("  \"tables\": {".utf8) {
                guard previous == Array("  },".utf8) else { return nil }
                run.removeLast()  // its comma
                break
            }
            run.append(0x0A)
            run += line
            previous = line
        }
        let open = Array("    \"".utf8), close = Array("    ]".utf8)
        var tables: [String: Data] = [:]
        while let l = next() {
            guard l.count > open.count + 3, l.starts(with: open) else { break }
            guard let q = l[open.count...].firstIndex(of: 0x22) else { return nil }
            let name = String(decoding: l[open.count..<q], as: UTF8.self)
            let rest = Array(l[(q + 1)...])
            if rest == Array(": []".utf8) || rest == Array(": [],".utf8) {
                if compared.contains(name) { tables[name] = Data("[]".utf8) }
                continue
            }
            guard rest == Array(": [".utf8) else { return nil }
            let keep = compared.contains(name)
            var body: [UInt8] = [UInt8(ascii: "[")]
            while true {
                guard let row = next() else { return nil }
                if row.count <= 6, row.starts(with: close) { break }
                if keep { body += row; body.append(0x0A) }
            }
            if keep { body.append(UInt8(ascii: "]")); tables[name] = Data(body) }
        }
        return tables.isEmpty ? nil : (Data(run), tables)
    }

    /// The lines of `data` (without their line breaks), one at a time.
    static func lineReader(_ data: Data) -> () -> [UInt8]? {
        var start = 0
        let count = data.count
        return {
            guard start < count else { return nil }
            return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [UInt8] in
                let base = raw.baseAddress!
                let end = memchr(base + start, 0x0A, count - start).map { $0 - UnsafeMutableRawPointer(mutating: base) } ?? count
                let line = [UInt8](raw[start..<end])
                start = end < count ? end + 1 : end
                return line
            }
        }
    }

    /// A JSON scalar as `Cell.plain` shows it; arrays and objects (never written by the exporter) as "".
    static func plain(_ value: Any) -> String {
        switch value {
        case let s as String:
            return s
        case let n as NSNumber:
            let type = String(cString: n.objCType)
            if type == "c" || type == "B" { return n.boolValue ? "true" : "false" }
            // integers exactly (past 2^53 a Double is not), as `Cell.plain` writes them
            if type == "q" || type == "l" || type == "i" || type == "s" { return String(n.int64Value) }
            return Cell.format(n.doubleValue)
        default:
            return ""
        }
    }
}

extension Dictionary where Key == String, Value == String {
    /// The value of a declared column in a row of a previous run; `nil` when the row lacks it.
    subscript<Row>(_ column: TableColumn<Row>) -> String? { self[column.name] }
}
