import Foundation

/// The stages of a registry and their settings, described from their declarations: what
/// `briefing stages` prints, and (`markdown`) the README's settings table.
public struct StageCatalog: Sendable {
    /// One stage, as documented.
    public struct Entry: Sendable, Equatable {
        public var kind: String
        public var unit: String
        public var summary: String
        public var isRequired: Bool
        public var settings: [SettingSpec]
    }

    public let entries: [Entry]

    public init(_ registry: StageRegistry = .standard) {
        entries = registry.stages.map { stage in
            Entry(kind: stage.kind, unit: stage.unit, summary: stage.summary, isRequired: stage.isRequired,
                  settings: stage.settingSpecs)
        }
    }

    /// A setting's default as the documentation shows it: the value, or `none`.
    public static func defaultText(_ spec: SettingSpec) -> String {
        spec.defaultValue.map(\.description) ?? "none"
    }

    /// A setting's accepted values: its kind, and its range when it has one.
    public static func typeText(_ spec: SettingSpec) -> String {
        guard let range = spec.range else { return spec.kindText }
        return spec.kindText + ", " + range.text
    }

    // MARK: - Text

    /// For a terminal: each stage with its summary, then a line per setting (key, values, default)
    /// and its meaning below.
    public func text() -> String {
        var lines = ["Stages, in the order they run (parse and aggregate in every pipeline):"]
        for entry in entries {
            lines.append("")
            lines.append("\(entry.kind) (\(entry.isRequired ? "required" : "optional"); counts \(entry.unit))")
            lines += Self.wrap(entry.summary, width: 96, indent: "  ")
            guard !entry.settings.isEmpty else {
                lines.append("  no settings")
                continue
            }
            let keyWidth = entry.settings.map(\.key.count).max().map { $0 + 2 } ?? 0
            let typeWidth = entry.settings.map { Self.typeText($0).count }.max().map { $0 + 2 } ?? 0
            for spec in entry.settings {
                let row = "  " + Self.pad(spec.key, keyWidth) + Self.pad(Self.typeText(spec), typeWidth)
                    + "default: " + Self.defaultText(spec)
                lines.append(row)
                lines += Self.wrap(spec.summary, width: 96, indent: String(repeating: " ", count: 4))
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Markdown

    /// The settings as one Markdown table, a row per setting, the stage named on its first row.
    public func markdown() -> String {
        var lines = ["| stage | setting | values | default | what it does |", "|---|---|---|---|---|"]
        for entry in entries {
            let stage = "`\(entry.kind)`" + (entry.isRequired ? " (required)" : "")
            guard !entry.settings.isEmpty else {
                lines.append("| \(stage) | – | | | |")
                continue
            }
            for (index, spec) in entry.settings.enumerated() {
                let cells = [index == 0 ? stage : "", "`\(spec.key)`", Self.markdownType(spec),
                             spec.defaultValue.map { "`\($0)`" } ?? "none", spec.summary]
                lines.append("| " + cells.map(Self.escapeCell).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func markdownType(_ spec: SettingSpec) -> String {
        var text: String
        if case .choice(let words) = spec.kind {
            let quoted = words.map { "`\($0)`" }
            text = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
                : quoted.joined()
        } else {
            text = spec.kindText
        }
        if let range = spec.range { text += ", " + range.text }
        return text
    }

    private static func escapeCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    // MARK: - Layout

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` in lines of at most `width` characters (a longer word stands alone), each after `indent`.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}
