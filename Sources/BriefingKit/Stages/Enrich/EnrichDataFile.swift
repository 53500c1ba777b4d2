import Foundation
import Yams

/// Reads the small YAML data files of the enrich extractors and turns every problem into a
/// `ConfigError` with `file:line:column` (stand-in until the shared YAML loader is merged).
enum EnrichDataFile {
    /// Reads `path` as UTF-8 text.
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(location: SourceLocation(file: path), message: "cannot read data file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(location: SourceLocation(file: path), message: "data file is not UTF-8")
        }
        return text
    }

    /// Decodes `text` (the contents of `file`) as `T`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as DecodingError {
            throw configError(error, text: text, file: file)
        } catch let error as YamlError {
            throw configError(yaml: error, file: file)
        }
    }

    /// A `ConfigError` at `path` (keys and indices) inside the YAML `text`.
    static func error(at path: [CodingKey], text: String, file: String, message: String) -> ConfigError {
        let mark = locate(path, in: text)
        return ConfigError(location: SourceLocation(file: file, line: mark?.line, column: mark?.column),
                           keyPath: keyPath(path), message: message)
    }

    private static func configError(_ error: DecodingError, text: String, file: String) -> ConfigError {
        switch error {
        case .dataCorrupted(let context):
            if let yaml = context.underlyingError as? YamlError { return configError(yaml: yaml, file: file) }
            return Self.error(at: context.codingPath, text: text, file: file, message: context.debugDescription)
        case .keyNotFound(let key, let context):
            return Self.error(at: context.codingPath, text: text, file: file,
                              message: "missing key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return Self.error(at: context.codingPath, text: text, file: file,
                              message: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return Self.error(at: context.codingPath, text: text, file: file,
                              message: "expected \(typeName(type)), found nothing")
        @unknown default:
            return ConfigError(location: SourceLocation(file: file), message: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is [String].Type: return "a list of strings"
        default: return "\(type)"
        }
    }

    private static func configError(yaml: YamlError, file: String) -> ConfigError {
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigError(location: SourceLocation(file: file, line: mark.line, column: mark.column),
                               message: problem)
        case .duplicatedKeysInMapping(let duplicates, _):
            return ConfigError(location: SourceLocation(file: file),
                               message: "duplicated key(s) \(duplicates.sorted().joined(separator: ", "))")
        default:
            return ConfigError(location: SourceLocation(file: file), message: "\(yaml)")
        }
    }

    /// `triggers[3].pattern` for a coding path.
    static func keyPath(_ path: [CodingKey]) -> String {
        var s = ""
        for key in path {
            if let i = key.intValue { s += "[\(i)]" } else { s += s.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        return s
    }

    /// The position of the node at `path` (of the key itself when the path ends at a mapping key).
    private static func locate(_ path: [CodingKey], in text: String) -> Mark? {
        guard var node = try? Yams.compose(yaml: text) else { return nil }
        for (n, key) in path.enumerated() {
            if let i = key.intValue, let seq = node.sequence, i < seq.count {
                node = seq[i]
            } else if let map = node.mapping, let pair = map.first(where: { $0.key.string == key.stringValue }) {
                if n == path.count - 1 { return pair.key.mark ?? pair.value.mark }
                node = pair.value
            } else {
                break
            }
        }
        return node.mark
    }
}

/// A coding key for any string or index, to list the keys a mapping really has.
struct EnrichAnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }

    /// Throws `dataCorrupted` at the first key of the decoder's mapping that is not in `allowed`.
    static func rejectUnknownKeys(in decoder: Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: EnrichAnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [key],
                debugDescription: "unknown key '\(key.stringValue)' (expected one of: \(allowed.sorted().joined(separator: ", ")))"))
        }
    }
}
