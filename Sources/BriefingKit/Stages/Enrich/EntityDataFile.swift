import Foundation
import Yams

// NB: a stand-in for the shared `YAMLLoader` (being written on another branch): it decodes a YAML
// data file and turns every problem into a `ConfigError` with the file, line and column. Swap the
// body of `decode` for `YAMLLoader.decode(_:from:file:)` when merging.

/// Decoding of the entity data files, with positioned errors.
enum EntityDataFile {
    /// Reads and decodes `path`; throws only `ConfigError`.
    static func load<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(location: SourceLocation(file: path), message: "cannot read the file: \(error.localizedDescription)")
        }
        return try decode(type, from: text, file: path)
    }

    /// Decodes `type` from the YAML `text` of `file`; throws only `ConfigError`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(location: SourceLocation(file: file, line: 1, column: 1), message: "the file is empty")
            }
            root = node
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            throw withSnippet(syntaxError(error, file: file), text)
        } catch {
            throw ConfigError(location: SourceLocation(file: file), message: "cannot parse the file: \(error)")
        }
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            throw withSnippet(positioned(error, root: root, file: file), text)
        } catch let error as YamlError {
            throw withSnippet(syntaxError(error, file: file), text)
        } catch {
            throw ConfigError(location: SourceLocation(file: file), message: "\(error)")
        }
    }

    /// Adds the offending line of `text` and a caret under the column.
    private static func withSnippet(_ error: ConfigError, _ text: String) -> ConfigError {
        guard let line = error.location.line, let column = error.location.column else { return error }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return error }
        var error = error
        let source = lines[line - 1].hasSuffix("\r") ? String(lines[line - 1].dropLast()) : String(lines[line - 1])
        error.snippet = source + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
        return error
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        var mark: Mark?
        var message = "\(error)"
        switch error {
        case .scanner(_, let problem, let m, _), .parser(_, let problem, let m, _), .composer(_, let problem, let m, _):
            mark = m
            message = problem
        default:
            break
        }
        return ConfigError(location: SourceLocation(file: file, line: mark?.line, column: mark?.column),
                           message: "syntax error: \(message)")
    }

    private static func positioned(_ error: DecodingError, root: Node, file: String) -> ConfigError {
        let path: [any CodingKey]
        let message: String
        var atKey = false
        switch error {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "expected a value of type \(type)"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "missing value of type \(type)"
        case .keyNotFound(let key, let context):
            path = context.codingPath
            message = "missing key '\(key.stringValue)'"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
            atKey = context.underlyingError is EntityDataKeyIssue
        @unknown default:
            return ConfigError(location: SourceLocation(file: file), message: "\(error)")
        }
        let mark = self.mark(of: path, in: root, atKey: atKey)
        let shown = atKey ? Array(path.dropLast()) : path
        return ConfigError(location: SourceLocation(file: file, line: mark?.line, column: mark?.column),
                           keyPath: keyPath(shown), message: message)
    }

    /// The mark of the node at `path` (or of its key), or of the deepest part that exists.
    private static func mark(of path: [any CodingKey], in root: Node, atKey: Bool) -> Mark? {
        var node = root
        var mark = root.mark
        for (i, component) in path.enumerated() {
            if let index = component.intValue, let sequence = node.sequence, sequence.indices.contains(index) {
                node = sequence[index]
                mark = node.mark ?? mark
            } else if let mapping = node.mapping,
                      let pair = mapping.first(where: { $0.key.string == component.stringValue }) {
                node = pair.value
                mark = (atKey && i == path.count - 1 ? pair.key.mark : node.mark) ?? mark
            } else {
                break
            }
        }
        return mark
    }

    static func keyPath(_ path: [any CodingKey]) -> String {
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
}

/// Marks a problem that is about a key rather than its value (an unknown key).
struct EntityDataKeyIssue: Error {}

/// Any string key, to list the keys a mapping really has.
struct EntityDataKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
}

extension Decoder {
    /// Throws when the mapping being decoded has a key outside `known`.
    func rejectUnknownEntityKeys(_ known: Set<String>) throws {
        let container = try self.container(keyedBy: EntityDataKey.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let list = known.sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [key],
                                                    debugDescription: "unknown key '\(key.stringValue)' (expected one of: \(list))",
                                                    underlyingError: EntityDataKeyIssue()))
        }
    }

    /// Throws a positioned error about the value at `key` of the mapping being decoded.
    func invalidEntityValue(_ key: String, _ message: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath + [EntityDataKey(stringValue: key)],
                                          debugDescription: message))
    }
}
