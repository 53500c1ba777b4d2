import Foundation

/// A coding key built at run time: any mapping key, or a list index.
public struct AnyKey: CodingKey, Hashable, Sendable {
    /// The key, or the index as text.
    public var stringValue: String
    /// The index, for list items only.
    public var intValue: Int?

    /// A mapping key.
    public init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    /// A list index, rendered as `[index]` in key paths.
    public init(index: Int) {
        self.stringValue = "\(index)"
        self.intValue = index
    }

    public init?(stringValue: String) { self.init(stringValue) }
    public init?(intValue: Int) { self.init(index: intValue) }
}

/// The underlying error of a `DecodingError.dataCorrupted` that says where to point and what to say.
///
/// `YAMLDocument` uses `message` as is, positioned at the last key of the coding path itself when
/// `target` is `.key` (an unknown or misplaced key), or at its value otherwise.
public struct YAMLIssue: Error, Sendable {
    /// The message shown after the key path.
    public var message: String
    /// Whether the position is the key or its value.
    public var target: YAMLDocument.Target

    public init(_ message: String, target: YAMLDocument.Target = .value) {
        self.message = message
        self.target = target
    }

    /// A `DecodingError` carrying this issue at `codingPath`.
    public func decodingError(at codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: message,
                                             underlyingError: self))
    }
}

/// Throws when the mapping being decoded has a key outside `allowed`, positioned at that key.
///
/// The message reads `unknown key 'treshold' (expected one of: exact, near, threshold);
/// did you mean 'threshold'?`. Call it first in `init(from:)`.
public func rejectUnknownKeys(in decoder: any Decoder, allowed: [String]) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    for key in container.allKeys where !allowed.contains(key.stringValue) {
        let message = KeySuggestion.unknownMessage("key", key.stringValue, allowed: allowed)
        throw YAMLIssue(message, target: .key).decodingError(at: decoder.codingPath + [key])
    }
}

/// Suggestions for misspelt names, by edit distance.
public enum KeySuggestion {
    /// The candidate closest to `word`, if close enough to be a likely typo.
    ///
    /// Case is ignored; up to one edit is allowed for words of three letters or fewer, else
    /// up to a third of the word's length (at least two).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let limit = lowered.count <= 3 ? 1 : max(2, lowered.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            guard distance <= limit, distance < (best?.distance ?? Int.max) else { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// The edit distance between `a` and `b` in characters: insertions, deletions, substitutions
    /// and swaps of two neighbours (optimal string alignment).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }

    /// `unknown <what> 'name' (expected one of: a, b); did you mean 'a'?`
    static func unknownMessage(_ what: String, _ name: String, allowed: [String], colon: Bool = true) -> String {
        guard !allowed.isEmpty else { return "unknown \(what) '\(name)' (no keys are allowed here)" }
        var message = "unknown \(what) '\(name)' (expected one of\(colon ? ":" : "") "
        message += allowed.joined(separator: ", ") + ")"
        if let suggestion = closest(to: name, in: allowed) { message += "; did you mean '\(suggestion)'?" }
        return message
    }
}

// MARK: - Checked decoding helpers

extension KeyedDecodingContainer {
    /// A positioned error about the value at `key`.
    func invalid(_ key: Key, _ message: String) -> DecodingError {
        YAMLIssue(message).decodingError(at: codingPath + [key])
    }

    /// A required, non-empty string.
    func decodeText(_ key: Key) throws -> String {
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath,
                                                                      debugDescription: "missing"))
        }
        guard let text = try decodeTextIfPresent(key) else { throw invalid(key, "must not be empty") }
        return text
    }

    /// An optional string: absent or null gives `nil`, an empty string is an error.
    func decodeTextIfPresent(_ key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let text = try decode(String.self, forKey: key)
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw invalid(key, "must not be empty") }
        return text
    }

    /// An optional choice among the raw values of `E`.
    func decodeChoiceIfPresent<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ key: Key) throws -> E?
    where E.RawValue == String {
        guard let raw = try decodeTextIfPresent(key) else { return nil }
        guard let value = E(rawValue: raw) else { throw invalid(key, Self.badChoice(raw, E.self)) }
        return value
    }

    /// An optional number checked against `range`, described as `rangeText` in the error.
    func decodeIfPresent<T: Decodable & Comparable>(_ type: T.Type, _ key: Key, in range: ClosedRange<T>,
                                                    _ rangeText: String) throws -> T? {
        guard let value = try decodeIfPresent(type, forKey: key) else { return nil }
        guard range.contains(value) else { throw invalid(key, "must be \(rangeText), found \(value)") }
        return value
    }

    /// `bad value 'x' (expected one of: a, b); did you mean 'a'?`
    static func badChoice<E: RawRepresentable & CaseIterable>(_ raw: String, _ type: E.Type) -> String
    where E.RawValue == String {
        badChoice(raw, allowed: E.allCases.map(\.rawValue))
    }

    /// `bad value 'x' (expected one of: a, b); did you mean 'a'?`
    static func badChoice(_ raw: String, allowed: [String]) -> String {
        var message = "bad value '\(raw)' (expected one of: \(allowed.joined(separator: ", ")))"
        if let suggestion = KeySuggestion.closest(to: raw, in: allowed) { message += "; did you mean '\(suggestion)'?" }
        return message
    }
}
