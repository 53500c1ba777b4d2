import Foundation
import Yams

/// Loads the YAML data files of the people, date and figure extractors (`titles.yaml`, `metrics.yaml`).
///
/// NB: a stand-in until the shared `YAMLLoader` lands; errors map to `ConfigError` with file:line:column.
enum EnrichDataFiles {
    /// Decodes `type` from the YAML file at `path`.
    static func decode<T: Decodable>(_ type: T.Type, file path: String) throws -> T {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(location: SourceLocation(file: path), message: "cannot read data file: \(error.localizedDescription)")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw configError(error, yaml: text, file: path)
        } catch let error as YamlError {
            throw configError(yamlError: error, file: path)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(location: SourceLocation(file: path), message: "\(error)")
        }
    }

    /// The absolute path of a data file given relative to the project root (`Pipelines/data/x.yaml`):
    /// looked up from the current directory, then from the root of the source tree this file was built from.
    static func defaultPath(_ relative: String) throws -> String {
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent(relative).path
        if fm.fileExists(atPath: cwd) { return cwd }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let candidate = dir.appendingPathComponent(relative).path
                if fm.fileExists(atPath: candidate) { return candidate }
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        throw ConfigError(location: SourceLocation(file: relative), message: "default data file not found")
    }

    /// Throws a decoding error naming the first key of `container` that is not in `allowed`.
    static func rejectUnknownKeys(_ decoder: Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [key],
                debugDescription: "unknown key '\(key.stringValue)' (expected one of: \(allowed.sorted().joined(separator: ", ")))"))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
    }

    // MARK: - Error positions

    private static func configError(yamlError: YamlError, file: String) -> ConfigError {
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(location: SourceLocation(file: file, line: mark.line, column: mark.column), message: problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigError(location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                               message: "duplicated keys: \(duplicates.joined(separator: ", "))")
        default:
            return ConfigError(location: SourceLocation(file: file), message: "\(yamlError)")
        }
    }

    private static func configError(_ error: DecodingError, yaml: String, file: String) -> ConfigError {
        let path: [CodingKey]
        let message: String
        switch error {
        case let .dataCorrupted(ctx):
            if let yamlError = ctx.underlyingError as? YamlError { return configError(yamlError: yamlError, file: file) }
            path = ctx.codingPath; message = ctx.debugDescription
        case let .keyNotFound(key, ctx):
            path = ctx.codingPath; message = "missing key '\(key.stringValue)'"
        case let .typeMismatch(type, ctx):
            path = ctx.codingPath; message = "expected a value of type \(type)"
        case let .valueNotFound(type, ctx):
            path = ctx.codingPath; message = "missing value of type \(type)"
        @unknown default:
            path = []; message = "\(error)"
        }
        let mark = position(of: path, in: yaml)
        return ConfigError(location: SourceLocation(file: file, line: mark?.line, column: mark?.column),
                           keyPath: keyPath(path), message: message)
    }

    /// `titles[3].phrase` for a coding path.
    static func keyPath(_ path: [CodingKey]) -> String {
        var s = ""
        for key in path {
            if let i = key.intValue { s += "[\(i)]" } else { s += s.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return s
    }

    /// Walks `path` in the composed YAML and returns the deepest node's position.
    private static func position(of path: [CodingKey], in yaml: String) -> Mark? {
        guard var node = try? Yams.compose(yaml: yaml) else { return nil }
        var mark = node.mark
        for key in path {
            var next: Node?
            if let i = key.intValue, let seq = node.sequence, i < seq.count {
                next = seq[i]
            } else if let mapping = node.mapping {
                for (k, v) in mapping where k.string == key.stringValue {
                    next = v
                    // point at the key itself: that is where an unknown key is written
                    if k.mark != nil { mark = k.mark }
                }
            }
            guard let n = next else { break }
            node = n
            if case .scalar = n, let m = n.mark { mark = m } else if key.intValue != nil, let m = n.mark { mark = m }
        }
        return mark
    }
}

/// Phrases of one or more words looked up by their folded first token, longest first.
struct FoldedPhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(tokens: [String], value: Value)]] = [:]

    init() {}

    /// Adds `phrase` (tokenized and folded like the text) with its value; empty phrases are ignored.
    mutating func add(_ phrase: String, _ value: Value) {
        let tokens = Tokenizer.tokens(phrase).map(\.folded)
        guard let first = tokens.first else { return }
        var list = byFirst[first, default: []]
        list.removeAll { $0.tokens == tokens }
        list.append((tokens, value))
        list.sort { $0.tokens.count > $1.tokens.count }
        byFirst[first] = list
    }

    /// True when no phrase was added.
    var isEmpty: Bool { byFirst.isEmpty }

    /// The longest phrase starting at `tokens[i]`: its length in tokens and its value.
    func match(_ tokens: [Token], at i: Int) -> (length: Int, value: Value)? {
        guard i < tokens.count, let list = byFirst[tokens[i].folded] else { return nil }
        outer: for entry in list {
            let n = entry.tokens.count
            guard i + n <= tokens.count else { continue }
            for k in 1..<max(n, 1) where tokens[i + k].folded != entry.tokens[k] { continue outer }
            return (n, entry.value)
        }
        return nil
    }
}
