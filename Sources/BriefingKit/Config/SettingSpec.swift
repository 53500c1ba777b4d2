/// One setting of a stage, declared as data: its key in the pipeline file, its kind, its default,
/// what it does and the values it accepts.
///
/// The same declaration decodes the setting (`PipelineFile`: types, ranges and choices checked with
/// the file, line and column; unknown keys refused), resolves it (`PipelineLoader`: data files made
/// absolute and checked), documents it (`briefing stages`, the README's settings table) and lints
/// it (`StageRegistryTests`). A stage declares its settings as a list of `Setting`, each a
/// `SettingSpec` bound to the property of the stage's settings type that it sets.
public struct SettingSpec: Sendable, Equatable {
    /// What a setting holds.
    public enum Kind: Sendable, Equatable {
        /// `true` or `false`.
        case bool
        /// A whole number.
        case int
        /// A number.
        case double
        /// Non-empty text.
        case string
        /// One of a fixed list of words.
        case choice([String])
        /// The path of a data file, relative to the project root or absolute; it must exist.
        case dataFile
    }

    /// The key in the pipeline file: `shingle_size`.
    public var key: String
    public var kind: Kind
    /// The value when the key is left out; `nil` when the setting is then unset (no data file, no year).
    public var defaultValue: SettingValue?
    /// What the setting does, one or two sentences.
    public var summary: String
    /// The numbers a numeric setting accepts; `nil` for any.
    public var range: SettingRange?

    public init(key: String, kind: Kind, defaultValue: SettingValue?, summary: String, range: SettingRange? = nil) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.range = range
    }

    /// The kind as the documentation names it: `true or false`, `lines or blank-lines`, `data file`.
    public var kindText: String {
        switch kind {
        case .bool: return "true or false"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "text"
        case .choice(let words):
            guard words.count > 1 else { return words.first ?? "" }
            return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        case .dataFile: return "data file"
        }
    }
}

/// A setting's value as written in the pipeline file, checked against its `SettingSpec`.
///
/// A choice and a data file are `.string`; a data file's path is made absolute by the loader.
public enum SettingValue: Sendable, Hashable, Encodable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)

    /// The value as YAML shows it: `true`, `8`, `0.7`, `corpus`.
    public var description: String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try c.encode(value)
        case .int(let value): try c.encode(value)
        case .double(let value): try c.encode(value)
        case .string(let value): try c.encode(value)
        }
    }
}

/// The numbers a numeric setting accepts: an optional lower and upper bound, each inclusive or not.
public struct SettingRange: Sendable, Equatable {
    /// One end of the range.
    public struct Bound: Sendable, Equatable {
        public var value: Double
        public var inclusive: Bool
    }

    public var lower: Bound?
    public var upper: Bound?
    /// How error messages and the documentation say it: `between 1 and 10`, `a four-digit year`.
    public var text: String

    public init(lower: Bound?, upper: Bound?, text: String? = nil) {
        self.lower = lower
        self.upper = upper
        self.text = text ?? Self.describe(lower: lower, upper: upper)
    }

    /// `lower...upper`, said `between lower and upper` unless `text` says it better.
    public static func between(_ range: ClosedRange<Int>, _ text: String? = nil) -> SettingRange {
        SettingRange(lower: Bound(value: Double(range.lowerBound), inclusive: true),
                     upper: Bound(value: Double(range.upperBound), inclusive: true), text: text)
    }

    /// `lower` or more.
    public static func atLeast(_ lower: Int) -> SettingRange {
        SettingRange(lower: Bound(value: Double(lower), inclusive: true), upper: nil)
    }

    /// More than `lower`, and at most `upper`.
    public static func above(_ lower: Double, atMost upper: Double) -> SettingRange {
        SettingRange(lower: Bound(value: lower, inclusive: false), upper: Bound(value: upper, inclusive: true))
    }

    /// Whether `value` is in the range (never for NaN).
    public func contains(_ value: Double) -> Bool {
        if let lower, !(lower.inclusive ? value >= lower.value : value > lower.value) { return false }
        if let upper, !(upper.inclusive ? value <= upper.value : value < upper.value) { return false }
        return !value.isNaN
    }

    private static func describe(lower: Bound?, upper: Bound?) -> String {
        let number = { (bound: Bound) in Cell.format(bound.value) }
        switch (lower, upper) {
        case let (lower?, upper?) where lower.inclusive && upper.inclusive:
            return "between \(number(lower)) and \(number(upper))"
        case let (lower?, upper?):
            return (lower.inclusive ? "at least " : "greater than ") + number(lower)
                + (upper.inclusive ? " and at most " : " and less than ") + number(upper)
        case let (lower?, nil):
            return (lower.inclusive ? "at least " : "greater than ") + number(lower)
        case let (nil, upper?):
            return (upper.inclusive ? "at most " : "less than ") + number(upper)
        case (nil, nil):
            return "any number"
        }
    }
}

// MARK: - Decoding

extension SettingSpec {
    /// The setting's value in the stage's mapping `container`; `nil` when the key is absent or null.
    ///
    /// Errors are positioned at the value: a wrong type (`expected a number, found 'high'`), a
    /// number out of range (`must be between 1 and 10, found 11`), a word not in the choice, empty text.
    func decode(from container: KeyedDecodingContainer<AnyKey>) throws -> SettingValue? {
        let key = AnyKey(self.key)
        switch kind {
        case .bool:
            return try container.decodeIfPresent(Bool.self, forKey: key).map(SettingValue.bool)
        case .int:
            guard let value = try container.decodeIfPresent(Int.self, forKey: key) else { return nil }
            try check(Double(value), shown: String(value), key: key, in: container)
            return .int(value)
        case .double:
            guard let value = try container.decodeIfPresent(Double.self, forKey: key) else { return nil }
            try check(value, shown: String(value), key: key, in: container)
            return .double(value)
        case .string, .dataFile:
            return try container.decodeTextIfPresent(key).map(SettingValue.string)
        case .choice(let words):
            guard let word = try container.decodeTextIfPresent(key) else { return nil }
            guard words.contains(word) else {
                throw container.invalid(key, KeyedDecodingContainer<AnyKey>.badChoice(word, allowed: words))
            }
            return .string(word)
        }
    }

    private func check(_ value: Double, shown: String, key: AnyKey,
                       in container: KeyedDecodingContainer<AnyKey>) throws {
        guard let range, !range.contains(value) else { return }
        throw container.invalid(key, "must be \(range.text), found \(shown)")
    }

    /// Decodes the settings of one stage from its mapping: unknown keys are refused (with a
    /// suggestion), every declared key is checked; the result holds only the keys the file sets.
    static func decodeValues(_ specs: [SettingSpec], from decoder: any Decoder) throws -> [String: SettingValue] {
        try rejectUnknownKeys(in: decoder, allowed: specs.map(\.key))
        let container = try decoder.container(keyedBy: AnyKey.self)
        var values: [String: SettingValue] = [:]
        for spec in specs {
            if let value = try spec.decode(from: container) { values[spec.key] = value }
        }
        return values
    }
}
