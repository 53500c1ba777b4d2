import Foundation
import Logging

/// Writes log records to standard error, one line each: readable text for people, or JSON objects
/// for machines (`--log-format json`).
public struct BriefingLogHandler: LogHandler {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public let label: String
    public let format: Format
    /// Where lines go; standard error unless a test collects them.
    private let sink: @Sendable (String) -> Void

    public init(label: String, format: Format, level: Logger.Level,
                sink: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let time = Self.timestamp()
        switch format {
        case .text:
            // one record, one line: a line break in a file name or an error cannot forge another record
            let fields = all.sorted { $0.key < $1.key }.map { " \($0.key)=\(SafeText.oneLine("\($0.value)"))" }.joined()
            sink("\(time) \(event.level) \(label): \(SafeText.oneLine("\(event.message)"))\(fields)")
        case .json:
            var object: [(String, JSONValue)] = [("time", .string(time)), ("level", .string(event.level.rawValue)),
                                                 ("logger", .string(label)), ("message", .string("\(event.message)"))]
            for (key, value) in all.sorted(by: { $0.key < $1.key }) { object.append((key, .string("\(value)"))) }
            var writer = JSONWriter()
            writer.compact = true
            writer.write(.object(object), indent: 0)
            sink(String(decoding: writer.out, as: UTF8.self))
        }
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}

/// A one-line progress bar on a terminal: `parse ████████░░░░ 812/1,000 documents`.
public struct ProgressBar: Sendable {
    public let total: Int
    public let width = 30

    public init(total: Int) {
        self.total = total
    }

    /// The line for `done` items, starting with a carriage return so it overwrites itself.
    public func line(_ done: Int, label: String) -> String {
        let filled = total == 0 ? width : min(width, done * width / max(total, 1))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\r\(label) \(bar) \(done)/\(total) documents"
    }
}
