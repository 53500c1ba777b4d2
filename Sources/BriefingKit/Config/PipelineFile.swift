/// A pipeline file as written (`Pipelines/*.yaml`): a Codable mirror of the YAML, keys in snake_case.
///
/// Decoding checks each value on its own (types, enums, ranges, unknown keys at every level);
/// `PipelineLoader` then checks what depends on several values (stage order, paths) and resolves
/// defaults and paths into a `PipelineConfig`.
///
/// ```yaml
/// version: 1
/// name: hanoi-convention
/// input: { folder: seeds }
/// stages:
///   - parse: { default_year: 2025 }
///   - dedupe: { threshold: 0.8 }
///   - aggregate: {}
/// outputs: { folder: out/hanoi-convention, formats: [xlsx, csv, json] }
/// ```
public struct PipelineFile: Codable, Sendable, Equatable {
    /// The file format version; must be 1.
    public var version: Int
    /// The pipeline's name, made of `a-z`, `0-9`, `-` and `_`.
    public var name: String
    /// A sentence on what the pipeline covers.
    public var description: String?
    /// Where the corpus is.
    public var input: Input
    /// The stages, in the order parse, dedupe, enrich, aggregate.
    public var stages: [Stage]
    /// Where and what to write; defaults to `out/<name>` in every format.
    public var outputs: Outputs?
    /// When to run it (`briefing schedule`): a cron expression such as `0 6 * * 1-5`.
    public var schedule: CronSchedule?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, name, description, input, stages, outputs, schedule
    }

    /// The `input:` section.
    public struct Input: Codable, Sendable, Equatable {
        /// The corpus folder, relative to the project root or absolute.
        public var folder: String
        /// A shell-style file name pattern; `*.txt` when left out.
        public var pattern: String?
        /// `fr` when left out.
        public var language: Language?
        /// `follow_links`: follow symbolic links that lead out of the corpus folder; false when left out.
        public var followLinks: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case folder, pattern, language, followLinks = "follow_links"
        }
    }

    /// The language assumed when detection is unsure.
    public enum Language: String, Codable, Sendable, CaseIterable { case fr, en, auto }

    /// One entry of `stages:`, a single-key mapping such as `- dedupe: { threshold: 0.8 }`: the
    /// stage's name and the settings the file gives, as written (checked against the stage's
    /// specs, defaults not filled in, paths not resolved).
    ///
    /// The stages a file may name are those of the `StageRegistry` in the decoder's `userInfo`
    /// (`StageRegistry.userInfo`), `StageRegistry.standard` when there is none.
    public struct Stage: Codable, Sendable, Equatable {
        /// The stage's key in the YAML: `dedupe`.
        public var kind: String
        /// The settings the file gives, by key.
        public var values: [String: SettingValue]

        public init(kind: String, values: [String: SettingValue] = [:]) {
            self.kind = kind
            self.values = values
        }
    }

    /// The `outputs:` section.
    public struct Outputs: Codable, Sendable, Equatable {
        /// The output folder, inside `<root>/out`.
        public var folder: String?
        /// Non-empty, without repeats; all formats when left out.
        public var formats: [OutputSettings.Format]?
        /// How many runs to keep (at least 1); all when left out.
        public var keep: Int?
        /// The CSV dialect and formula neutralisation; defaults when left out.
        public var csv: CSV?
        /// Rows of each row-level sheet of the workbook (documents, paragraphs, removed), at least 1.
        public var xlsxDetailRows: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case folder, formats, keep, csv
            case xlsxDetailRows = "xlsx_detail_rows"
        }
    }

    /// The `outputs.csv:` section.
    public struct CSV: Codable, Sendable, Equatable {
        /// `dialect`: `rfc4180` or `excel`.
        public var dialect: CSVSettings.Dialect?
        /// `neutralise_formulas`: prefix formula-like text with `'`.
        public var neutraliseFormulas: Bool?

        public init(dialect: CSVSettings.Dialect? = nil, neutraliseFormulas: Bool? = nil) {
            self.dialect = dialect
            self.neutraliseFormulas = neutraliseFormulas
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case dialect, neutraliseFormulas = "neutralise_formulas"
        }
    }
}

extension OutputSettings.Format: Codable {}
extension CSVSettings.Dialect: Codable {}

// MARK: - Decoding with checks

extension PipelineFile {
    public init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        guard version == 1 else { throw c.invalid(.version, "unsupported version \(version) (expected 1)") }
        name = try c.decodeText(.name)
        let allowedName = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard name.allSatisfy(allowedName.contains) else {
            throw c.invalid(.name, "bad name '\(name)' (use only a-z, 0-9, '-' and '_')")
        }
        description = try c.decodeIfPresent(String.self, forKey: .description)
        input = try c.decode(Input.self, forKey: .input)
        stages = try c.decode([Stage].self, forKey: .stages)
        outputs = try c.decodeIfPresent(Outputs.self, forKey: .outputs)
        schedule = try c.decodeIfPresent(CronSchedule.self, forKey: .schedule)
    }
}

extension PipelineFile.Input {
    public init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        folder = try c.decodeText(.folder)
        pattern = try c.decodeTextIfPresent(.pattern)
        language = try c.decodeChoiceIfPresent(PipelineFile.Language.self, .language)
        followLinks = try c.decodeIfPresent(Bool.self, forKey: .followLinks)
    }
}

extension PipelineFile.Stage {
    public init(from decoder: any Decoder) throws {
        let example = "such as '- dedupe: {}'"
        guard let c = try? decoder.container(keyedBy: AnyKey.self) else {
            let found: String
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                found = text.isEmpty ? "nothing" : "'\(text)' (add a colon: '- \(text): {}')"
            } else {
                found = "a list"
            }
            throw YAMLIssue("a stage must be a single-key mapping \(example), found \(found)")
                .decodingError(at: decoder.codingPath)
        }
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            let keys = c.allKeys.map(\.stringValue)
            let found = keys.isEmpty ? "an empty mapping"
                : "keys \(keys.joined(separator: ", ")) (indent the settings under the stage name)"
            throw YAMLIssue("a stage must be a single-key mapping \(example), found \(found)")
                .decodingError(at: decoder.codingPath)
        }
        let registry = StageRegistry.from(decoder.userInfo)
        guard let stage = registry.stage(named: key.stringValue) else {
            let message = KeySuggestion.unknownMessage("stage", key.stringValue, allowed: registry.kinds, colon: false)
            throw YAMLIssue(message, target: .key).decodingError(at: decoder.codingPath + [key])
        }
        kind = key.stringValue
        values = try c.decodeNil(forKey: key) ? [:]
            : try stage.decodeValues(from: try c.superDecoder(forKey: key))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        var settings = c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey(kind))
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try settings.encode(value, forKey: AnyKey(key))
        }
    }
}

extension PipelineFile.Outputs {
    public init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        folder = try c.decodeTextIfPresent(.folder)
        keep = try c.decodeIfPresent(Int.self, .keep, in: 1...Int.max, "at least 1")
        xlsxDetailRows = try c.decodeIfPresent(Int.self, .xlsxDetailRows, in: 1...Int.max, "at least 1")
        csv = try c.decodeIfPresent(PipelineFile.CSV.self, forKey: .csv)
        guard c.contains(.formats), try !c.decodeNil(forKey: .formats) else {
            formats = nil
            return
        }
        var list = try c.nestedUnkeyedContainer(forKey: .formats)
        var formats: [OutputSettings.Format] = []
        while !list.isAtEnd {
            let path = list.codingPath + [AnyKey(index: list.currentIndex)]
            let raw = try list.decode(String.self)
            guard let format = OutputSettings.Format(rawValue: raw) else {
                throw YAMLIssue(KeyedDecodingContainer<CodingKeys>.badChoice(raw, OutputSettings.Format.self))
                    .decodingError(at: path)
            }
            guard !formats.contains(format) else {
                throw YAMLIssue("format '\(raw)' is listed twice").decodingError(at: path)
            }
            formats.append(format)
        }
        guard !formats.isEmpty else { throw c.invalid(.formats, "must list at least one format") }
        self.formats = formats
    }
}

extension PipelineFile.CSV {
    public init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dialect = try c.decodeChoiceIfPresent(CSVSettings.Dialect.self, .dialect)
        neutraliseFormulas = try c.decodeIfPresent(Bool.self, forKey: .neutraliseFormulas)
    }

    /// The settings, with defaults for what the file leaves out.
    public var settings: CSVSettings {
        var s = CSVSettings()
        if let dialect { s.dialect = dialect }
        if let neutraliseFormulas { s.neutraliseFormulas = neutraliseFormulas }
        return s
    }
}
