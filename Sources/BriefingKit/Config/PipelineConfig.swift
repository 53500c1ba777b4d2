/// A pipeline file, decoded and checked: what a `PipelinePlan` is built from.
///
/// Paths are absolute: the loader resolves the file's relative paths against the project root,
/// the folder that holds the pipeline file's folder (`<root>/Pipelines/x.yaml`).
public struct PipelineConfig: Sendable {
    public var version: Int
    public var name: String
    public var description: String
    /// The pipeline file itself.
    public var file: String
    /// The project root the relative paths were resolved against.
    public var root: String
    public var input: InputSettings
    /// The stages, in the order they run, with their settings resolved.
    public var stages: [ConfiguredStage]
    public var outputs: OutputSettings
    /// When to run it, from the file's `schedule:`; `nil` when it has none.
    public var schedule: CronSchedule?

    public init(version: Int = 1, name: String, description: String = "", file: String, root: String,
                input: InputSettings, stages: [ConfiguredStage], outputs: OutputSettings,
                schedule: CronSchedule? = nil) {
        self.version = version
        self.name = name
        self.description = description
        self.file = file
        self.root = root
        self.input = input
        self.stages = stages
        self.outputs = outputs
        self.schedule = schedule
    }

    /// The settings of `stage` when the pipeline has it.
    public func settings<S: Stage>(_ stage: S.Type) -> S.Settings? {
        for configured in stages where configured.kind == S.kind {
            return configured.settings as? S.Settings
        }
        return nil
    }

    /// The data files the pipeline names, in pipeline order: the setting as `<stage>.<key>`
    /// (`enrich.countries`) and the absolute path.
    public var dataFiles: [(key: String, path: String)] {
        stages.flatMap { stage in
            stage.values.compactMap { spec, value -> (key: String, path: String)? in
                guard spec.kind == .dataFile, case .string(let path)? = value else { return nil }
                return ("\(stage.kind).\(spec.key)", path)
            }
        }
    }

    /// `path` relative to the project root when it is inside it, else as is.
    public func relative(_ path: String) -> String { Self.relative(path, to: root) }

    /// `path` relative to `root` when it is inside it, else as is.
    public static func relative(_ path: String, to root: String) -> String {
        let root = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

public struct InputSettings: Sendable {
    /// Absolute path of the corpus folder.
    public var folder: String
    /// A shell-style file pattern (`*.txt`) matched against file names.
    public var pattern: String
    /// `fr`, `en` or `auto`: the language assumed when detection is unsure.
    public var language: String
    /// Follow symbolic links that lead out of the corpus folder (`follow_links`, default false).
    public var followLinks: Bool

    public init(folder: String, pattern: String = "*.txt", language: String = "fr", followLinks: Bool = false) {
        self.folder = folder
        self.pattern = pattern
        self.language = language
        self.followLinks = followLinks
    }
}

public struct OutputSettings: Sendable {
    public enum Format: String, Sendable, CaseIterable { case xlsx, csv, json }
    /// Absolute path of the output folder; always inside `<root>/out`.
    public var folder: String
    public var formats: [Format]
    /// How many runs `out/<pipeline>/runs/` keeps (the newest ones); `nil` keeps them all.
    public var keep: Int?
    /// How CSV files are written (`outputs.csv`).
    public var csv: CSVSettings
    /// Rows the workbook shows of each row-level table (documents, paragraphs, removed,
    /// `outputs.xlsx_detail_rows`); the rest are in the CSV and JSON files, and the Summary says so.
    public var xlsxDetailRows: Int

    public static let defaultXLSXDetailRows = 100_000

    public init(folder: String, formats: [Format] = Format.allCases, keep: Int? = nil,
                xlsxDetailRows: Int = OutputSettings.defaultXLSXDetailRows, csv: CSVSettings = CSVSettings()) {
        self.folder = folder
        self.formats = formats
        self.keep = keep
        self.xlsxDetailRows = xlsxDetailRows
        self.csv = csv
    }
}

/// The `outputs.csv` settings: the CSV dialect and formula neutralisation.
public struct CSVSettings: Sendable, Equatable {
    /// `rfc4180`: `,`, CRLF, UTF-8 without BOM. `excel`: UTF-8 BOM, `;`, CRLF (what Excel opens as is).
    public enum Dialect: String, Sendable, CaseIterable { case rfc4180, excel }
    public var dialect: Dialect
    /// Prefix text cells starting with `=`, `+`, `-`, `@`, tab or CR with `'` (OWASP CSV injection).
    public var neutraliseFormulas: Bool

    public init(dialect: Dialect = .rfc4180, neutraliseFormulas: Bool = true) {
        self.dialect = dialect
        self.neutraliseFormulas = neutraliseFormulas
    }
}
