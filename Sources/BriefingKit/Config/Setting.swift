/// The settings of one stage: a value type whose `init()` holds every default, and whose `specs`
/// declare, once, each setting's key, kind, range and meaning.
///
/// Implementation requirements: every stored property a pipeline file can set has one `Setting` in
/// `specs`, in the order the documentation lists them; `init()` gives each its default (the only
/// place defaults are written; `SettingSpec.defaultValue` reads them from it).
public protocol StageSettings: Sendable, Equatable {
    /// Every setting at its default.
    init()
    /// The settings a pipeline file may give, in documentation order.
    static var specs: [Setting<Self>] { get }
}

/// A `SettingSpec` bound to the property of `Settings` it sets.
///
/// ```swift
/// static let specs: [Setting<DedupeSettings>] = [
///     .bool("exact", \.exact, "Remove paragraphs equal after normalising case, white space and punctuation."),
///     .int("shingle_size", \.shingleSize, range: .between(1...10), "Words per shingle."),
/// ]
/// ```
public struct Setting<Settings: StageSettings>: Sendable {
    /// The declaration as data: key, kind, default, summary, range.
    public let spec: SettingSpec
    /// The setting's current value in `settings`, `nil` when unset.
    public let read: @Sendable (Settings) -> SettingValue?
    /// Sets the property from a value `spec` accepts (decoding checked it); other values are ignored.
    let write: @Sendable (inout Settings, SettingValue) -> Void

    private init(_ key: String, _ kind: SettingSpec.Kind, _ summary: String, range: SettingRange? = nil,
                 read: @escaping @Sendable (Settings) -> SettingValue?,
                 write: @escaping @Sendable (inout Settings, SettingValue) -> Void) {
        self.spec = SettingSpec(key: key, kind: kind, defaultValue: read(Settings()), summary: summary, range: range)
        self.read = read
        self.write = write
    }

    /// Sets `settings` from the file's `values` (by key), leaving the others as they are.
    static func apply(_ values: [String: SettingValue], to settings: inout Settings) {
        for setting in Settings.specs {
            if let value = values[setting.spec.key] { setting.write(&settings, value) }
        }
    }
}

// MARK: - Declaring settings

extension Setting {
    /// `true` or `false`.
    public static func bool(_ key: String, _ path: WritableKeyPath<Settings, Bool> & Sendable,
                            _ summary: String) -> Setting {
        Setting(key, .bool, summary, read: { .bool($0[keyPath: path]) }, write: { settings, value in
            if case .bool(let flag) = value { settings[keyPath: path] = flag }
        })
    }

    /// A whole number, within `range` when given.
    public static func int(_ key: String, _ path: WritableKeyPath<Settings, Int> & Sendable,
                           range: SettingRange? = nil, _ summary: String) -> Setting {
        Setting(key, .int, summary, range: range, read: { .int($0[keyPath: path]) }, write: { settings, value in
            if case .int(let number) = value { settings[keyPath: path] = number }
        })
    }

    /// A whole number that may be unset (`nil` when the file leaves it out), within `range` when given.
    public static func int(_ key: String, _ path: WritableKeyPath<Settings, Int?> & Sendable,
                           range: SettingRange? = nil, _ summary: String) -> Setting {
        Setting(key, .int, summary, range: range, read: { $0[keyPath: path].map(SettingValue.int) },
                write: { settings, value in
                    if case .int(let number) = value { settings[keyPath: path] = number }
                })
    }

    /// A number, within `range` when given.
    public static func double(_ key: String, _ path: WritableKeyPath<Settings, Double> & Sendable,
                              range: SettingRange? = nil, _ summary: String) -> Setting {
        Setting(key, .double, summary, range: range, read: { .double($0[keyPath: path]) }, write: { settings, value in
            switch value {
            case .double(let number): settings[keyPath: path] = number
            case .int(let number): settings[keyPath: path] = Double(number)
            default: break
            }
        })
    }

    /// Non-empty text.
    public static func string(_ key: String, _ path: WritableKeyPath<Settings, String> & Sendable,
                              _ summary: String) -> Setting {
        Setting(key, .string, summary, read: { .string($0[keyPath: path]) }, write: { settings, value in
            if case .string(let text) = value { settings[keyPath: path] = text }
        })
    }

    /// One of the raw values of `E`, in their declaration order.
    public static func choice<E: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Settings, E> & Sendable, _ summary: String
    ) -> Setting where E.RawValue == String {
        Setting(key, .choice(E.allCases.map(\.rawValue)), summary, read: { .string($0[keyPath: path].rawValue) },
                write: { settings, value in
                    if case .string(let word) = value, let choice = E(rawValue: word) { settings[keyPath: path] = choice }
                })
    }

    /// A data file, unset unless the file names it; the loader stores its absolute path.
    public static func dataFile(_ key: String, _ path: WritableKeyPath<Settings, String?> & Sendable,
                                _ summary: String) -> Setting {
        Setting(key, .dataFile, summary, read: { $0[keyPath: path].map(SettingValue.string) },
                write: { settings, value in
                    if case .string(let file) = value { settings[keyPath: path] = file }
                })
    }
}
