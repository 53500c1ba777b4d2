/// A position in a text file, 1-based, as compilers print it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" ; if let column { s += ":\(column)" } }
        return s
    }
}

/// A configuration problem: a bad pipeline or data file. Exit code 2.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The key path inside the file, such as `stages[1].dedupe.threshold`; empty for the whole file.
    public var keyPath: String
    public var message: String
    /// The offending source line with a caret under the column, when known.
    public var snippet: String?

    public init(location: SourceLocation, keyPath: String = "", message: String, snippet: String? = nil) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.snippet = snippet
    }

    /// `Pipelines/x.yaml:14:7: error: stages[1].dedupe: unknown key 'treshold'` and the caret lines.
    public var description: String {
        var s = "\(location): error: "
        if !keyPath.isEmpty { s += "\(keyPath): " }
        s += message
        if let snippet, !snippet.isEmpty { s += "\n" + snippet }
        return s
    }
}

/// A run that could not complete: unreadable corpus, failed export. Exit code 1.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}
