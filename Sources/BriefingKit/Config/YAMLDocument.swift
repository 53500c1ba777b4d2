import Foundation
import Yams

/// Decodes YAML files into `Decodable` types, reporting every problem as a positioned `ConfigError`.
public enum YAMLLoader {
    /// Decodes `type` from the YAML `text` of `file`; throws only `ConfigError`.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        try YAMLDocument(text: text, file: file).decode(type)
    }

    /// Reads and decodes the YAML file at `path` (a data file, read as written: no `${VAR}`
    /// substitution, which is for pipeline files only); throws only `ConfigError`.
    public static func load<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        try decode(type, from: try read(path), file: path)
    }

    /// The text of a data file; `ConfigError` when it cannot be read or is not UTF-8.
    public static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(location: SourceLocation(file: path), message: "cannot read the data file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(location: SourceLocation(file: path), message: "the data file is not UTF-8")
        }
        return text
    }

    /// A `ConfigError` positioned at `path` inside the YAML `text` of `file`, for checks made after decoding.
    public static func error(_ message: String, at path: [any CodingKey], text: String, file: String) -> ConfigError {
        guard let document = try? YAMLDocument(text: text, file: file) else {
            return ConfigError(location: SourceLocation(file: file), keyPath: YAMLDocument.keyPath(path), message: message)
        }
        return document.error(message, at: path)
    }

    /// A positioned error about the value at `key` of the mapping `decoder` is decoding.
    public static func invalid(_ decoder: any Decoder, _ key: String, _ message: String) -> DecodingError {
        YAMLIssue(message).decodingError(at: decoder.codingPath + [AnyKey(key)])
    }
}

/// A parsed YAML file that keeps the line and column of every node, for precise error messages.
///
/// Decode with `decode(_:)`, then check values that depend on each other and report problems with
/// `error(_:at:target:)`, which finds the position of any key path in the node tree.
public struct YAMLDocument {
    /// Which part of a mapping entry a position refers to.
    public enum Target: Sendable {
        /// The entry's key, as for an unknown or misplaced key.
        case key
        /// The entry's value, as for a wrong type or a value out of range.
        case value
    }

    /// The file name shown in error messages, as the user gave it.
    public let file: String
    /// The YAML source text.
    public let text: String
    /// The root node; every node carries its `Mark`.
    public let root: Node

    /// Parses `text`; throws a `ConfigError` for a syntax error, a duplicate key or an empty file.
    public init(text: String, file: String) throws {
        self.file = file
        self.text = text
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw Self.syntaxError(error, text: text, file: file)
        } catch {
            throw ConfigError(location: SourceLocation(file: file), message: "cannot parse the file: \(error)")
        }
        guard let parsed else {
            throw ConfigError(location: SourceLocation(file: file, line: 1, column: 1),
                              message: "the file is empty (expected a YAML mapping)")
        }
        self.root = parsed
    }

    /// Decodes `type` from the whole document, the decoder carrying `userInfo`; throws only `ConfigError`.
    public func decode<T: Decodable>(_ type: T.Type, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> T {
        do {
            return try YAMLDecoder().decode(type, from: root, userInfo: userInfo)
        } catch let error as DecodingError {
            throw configError(for: error)
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            throw Self.syntaxError(error, text: text, file: file)
        } catch {
            throw ConfigError(location: SourceLocation(file: file), message: "\(error)")
        }
    }

    /// The node at `path` and, when the path ends in a mapping, that entry's key node.
    ///
    /// Returns `nil` when some component of the path does not exist in the file.
    public func node(at path: [any CodingKey]) -> (node: Node, key: Node?)? {
        let found = walk(path)
        return found.depth == path.count ? (found.node, found.key) : nil
    }

    /// An error positioned at `path`, or at the deepest part of it that exists in the file.
    ///
    /// With `.key` the position is the key itself and the reported key path is its mapping's,
    /// so the message should name the key.
    public func error(_ message: String, at path: [any CodingKey], target: Target = .value) -> ConfigError {
        let found = walk(path)
        var mark = found.node.mark
        if target == .key, found.depth == path.count, let keyMark = found.key?.mark { mark = keyMark }
        let shownPath = target == .key && !path.isEmpty ? Array(path.dropLast()) : path
        return makeError(message, mark: mark, keyPath: Self.keyPath(shownPath))
    }

    /// Renders a coding path as `stages[1].dedupe.threshold`.
    public static func keyPath(_ path: [any CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                if !result.isEmpty { result += "." }
                result += key.stringValue
            }
        }
        return result
    }

    // MARK: - Positions

    /// Follows `path` from the root as far as it exists.
    private func walk(_ path: [any CodingKey]) -> (node: Node, key: Node?, depth: Int) {
        var node = root
        var key: Node?
        var depth = 0
        for component in path {
            if case .sequence(let sequence) = node, let index = component.intValue,
               sequence.indices.contains(index) {
                node = sequence[index]
                key = nil
            } else if case .mapping(let mapping) = node,
                      let pair = mapping.reversed().first(where: { $0.key.string == component.stringValue }) {
                node = pair.value
                key = pair.key
            } else {
                break
            }
            depth += 1
        }
        return (node, key, depth)
    }

    private func makeError(_ message: String, mark: Mark?, keyPath: String) -> ConfigError {
        Self.makeError(message, mark: mark, keyPath: keyPath, text: text, file: file)
    }

    private static func makeError(_ message: String, mark: Mark?, keyPath: String = "",
                                  text: String, file: String) -> ConfigError {
        guard let mark else {
            return ConfigError(location: SourceLocation(file: file), keyPath: keyPath, message: message)
        }
        return ConfigError(location: SourceLocation(file: file, line: mark.line, column: mark.column),
                           keyPath: keyPath, message: message,
                           snippet: snippet(text: text, line: mark.line, column: mark.column))
    }

    /// The source line and a caret under `column` (counted in Unicode scalars, tabs kept).
    static func snippet(text: String, line: Int, column: Int) -> String? {
        let lines = sourceLines(text)
        guard line >= 1, line <= lines.count else { return nil }
        var scalars = lines[line - 1]
        if scalars.last == "\r" { scalars.removeLast() }
        guard !scalars.isEmpty else { return nil }
        let prefix = scalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        var source = String.UnicodeScalarView()
        source.append(contentsOf: scalars)
        return String(source) + "\n" + prefix + "^"
    }

    /// The Unicode scalar at `mark`, if the text has one there.
    private static func character(in text: String, at mark: Mark) -> Unicode.Scalar? {
        let lines = sourceLines(text)
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1,
              mark.column <= lines[mark.line - 1].count else { return nil }
        return lines[mark.line - 1][mark.column - 1]
    }

    /// The text split at line feeds, each line as Unicode scalars (a CRLF line keeps its `\r`).
    private static func sourceLines(_ text: String) -> [[Unicode.Scalar]] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    }

    // MARK: - Decoding errors

    private func configError(for error: DecodingError) -> ConfigError {
        switch error {
        case .typeMismatch(let type, let context):
            let found = walk(context.codingPath)
            let reality = found.depth == context.codingPath.count ? Self.describe(found.node) : "nothing"
            return self.error("expected \(Self.describe(type)), found \(reality)", at: context.codingPath)
        case .valueNotFound(let type, let context):
            return self.error("missing value (expected \(Self.describe(type)))", at: context.codingPath)
        case .keyNotFound(let key, let context):
            return self.error("missing key '\(key.stringValue)'", at: context.codingPath)
        case .dataCorrupted(let context):
            if let issue = context.underlyingError as? YAMLIssue {
                return self.error(issue.message, at: context.codingPath, target: issue.target)
            }
            return self.error(context.debugDescription, at: context.codingPath)
        @unknown default:
            return ConfigError(location: SourceLocation(file: file), message: "\(error)")
        }
    }

    /// A type as a reader would name it: `a number`, `a list`…
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "true or false"
        case is Double.Type, is Float.Type, is Decimal.Type: return "a number"
        case is any FixedWidthInteger.Type: return "an integer"
        case is String.Type, is Node.Scalar.Type: return "a single value"
        case is Node.Mapping.Type: return "a mapping"
        case is Node.Sequence.Type: return "a list"
        default: return "a value of type \(type)"
        }
    }

    /// A node as a reader would name it: its text for a scalar, else its kind.
    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if node.null != nil && scalar.style == .plain { return "null" }
            return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: - Syntax errors

    private static func syntaxError(_ error: YamlError, text: String, file: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context, context.text.hasPrefix("while ") {
                message += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
            } else if let context {
                message += " (\(context.text))"
            }
            if problem.contains("cannot start any token"), character(in: text, at: mark) == "\t" {
                message += "; YAML does not allow tabs for indentation"
            }
            return makeError(message, mark: mark, text: text, file: file)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyError(duplicates.first ?? "?", first: context.mark, text: text, file: file)
        case .reader(let problem, _, _, _):
            return ConfigError(location: SourceLocation(file: file), message: "cannot read the text: \(problem)")
        default:
            return ConfigError(location: SourceLocation(file: file), message: "YAML error: \(error)")
        }
    }

    /// Yams reports a duplicate at its first occurrence; find the second one to point at it.
    ///
    /// NB: the first occurrence is overwritten with private-use characters of the same length,
    /// so columns stay put, and the text is parsed again: the mapping that still holds the
    /// duplicated key next to the placeholder is the one that had it twice.
    private static func duplicateKeyError(_ name: String, first: Mark, text: String, file: String) -> ConfigError {
        let firstAt = "line \(first.line), column \(first.column)"
        let message = "duplicate key '\(name)' (first defined at \(firstAt))"
        var lines = sourceLines(text)
        let nameScalars = Array(name.unicodeScalars)
        guard first.line >= 1, first.line <= lines.count, !nameScalars.isEmpty else {
            return makeError(message, mark: first, text: text, file: file)
        }
        var line = lines[first.line - 1]
        var start = first.column - 1
        if start >= 0, start < line.count, line[start] == "\"" || line[start] == "'" { start += 1 }
        guard start >= 0, start + nameScalars.count <= line.count,
              Array(line[start ..< start + nameScalars.count]) == nameScalars,
              let placeholderScalar = Unicode.Scalar(0xE000) else {
            return makeError(message, mark: first, text: text, file: file)
        }
        for offset in 0 ..< nameScalars.count { line[start + offset] = placeholderScalar }
        lines[first.line - 1] = line
        let placeholder = String(repeating: Character(placeholderScalar), count: nameScalars.count)
        var patched = String.UnicodeScalarView()
        for (index, scalars) in lines.enumerated() {
            if index > 0 { patched.append("\n") }
            patched.append(contentsOf: scalars)
        }
        do {
            if let tree = try Yams.compose(yaml: String(patched)),
               let found = findKey(name, besides: placeholder, in: tree, path: []) {
                return makeError(message, mark: found.mark, keyPath: keyPath(found.path), text: text, file: file)
            }
        } catch YamlError.duplicatedKeysInMapping(let again, let context) where again.first == name {
            return makeError(message, mark: context.mark, text: text, file: file)
        } catch {}
        return makeError(message, mark: first, text: text, file: file)
    }

    /// The key `name` in the mapping that also holds the key `placeholder`, searched depth first.
    private static func findKey(_ name: String, besides placeholder: String, in node: Node,
                                path: [AnyKey]) -> (mark: Mark?, path: [AnyKey])? {
        switch node {
        case .mapping(let mapping):
            if mapping.keys.contains(where: { $0.string == placeholder }),
               let key = mapping.keys.first(where: { $0.string == name }) {
                return (key.mark, path)
            }
            for (key, value) in mapping {
                let component = AnyKey(key.string ?? "?")
                if let found = findKey(name, besides: placeholder, in: value, path: path + [component]) {
                    return found
                }
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                if let found = findKey(name, besides: placeholder, in: item, path: path + [AnyKey(index: index)]) {
                    return found
                }
            }
        case .scalar, .alias:
            break
        }
        return nil
    }
}
