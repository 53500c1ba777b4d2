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

    /// Parses a `briefing.json` document.
    /// - Throws: when the data is not JSON or not shaped `{ "run": {…}, "tables": { name: [ {…} ] } }`.
    public init(json data: Data) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw Malformed(reason: "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw Malformed(reason: "the top level is not an object") }
        guard let tables = root["tables"] as? [String: Any] else { throw Malformed(reason: "no \"tables\" object") }
        var parsed: [String: [[String: String]]] = [:]
        for (name, value) in tables {
            guard let rows = value as? [Any] else { throw Malformed(reason: "table \"\(name)\" is not an array") }
            parsed[name] = try rows.map { row in
                guard let fields = row as? [String: Any] else {
                    throw Malformed(reason: "a row of table \"\(name)\" is not an object")
                }
                return fields.mapValues(Self.plain)
            }
        }
        let run = root["run"] as? [String: Any]
        self.init(runAt: run?["run_at"] as? String, pipeline: run?["pipeline"] as? String, tables: parsed)
    }

    /// A JSON scalar as `Cell.plain` shows it; arrays and objects (never written by the exporter) as "".
    static func plain(_ value: Any) -> String {
        switch value {
        case let s as String:
            return s
        case let n as NSNumber:
            let type = String(cString: n.objCType)
            if type == "c" || type == "B" { return n.boolValue ? "true" : "false" }
            return Cell.format(n.doubleValue)
        default:
            return ""
        }
    }
}
