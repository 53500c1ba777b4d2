/// A pipeline file, decoded and checked: what the runner executes.
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
    public var stages: [StageConfig]
    public var outputs: OutputSettings
    /// When to run it, from the file's `schedule:`; `nil` when it has none.
    public var schedule: CronSchedule?

    public init(version: Int = 1, name: String, description: String = "", file: String, root: String,
                input: InputSettings, stages: [StageConfig], outputs: OutputSettings,
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

    public var parse: ParseSettings? {
        for case .parse(let s) in stages { return s }
        return nil
    }
    public var dedupe: DedupeSettings? {
        for case .dedupe(let s) in stages { return s }
        return nil
    }
    public var enrich: EnrichSettings? {
        for case .enrich(let s) in stages { return s }
        return nil
    }
    public var aggregate: AggregateSettings? {
        for case .aggregate(let s) in stages { return s }
        return nil
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

/// One entry of `stages:`, in the fixed order parse, dedupe, enrich, aggregate.
public enum StageConfig: Sendable {
    case parse(ParseSettings)
    case dedupe(DedupeSettings)
    case enrich(EnrichSettings)
    case aggregate(AggregateSettings)

    /// The YAML key of the stage.
    public var kind: String {
        switch self {
        case .parse: return "parse"
        case .dedupe: return "dedupe"
        case .enrich: return "enrich"
        case .aggregate: return "aggregate"
        }
    }

    /// Stage kinds in the only order they may appear.
    public static let order = ["parse", "dedupe", "enrich", "aggregate"]
}

public struct ParseSettings: Sendable, Equatable {
    /// How paragraphs are delimited: every non-empty line (`lines`) or blank lines (`blank-lines`).
    public enum Split: String, Sendable, CaseIterable { case lines, blankLines = "blank-lines" }
    public var split: Split
    /// Year given to day-and-month dates in the text (`le 26 octobre`) when nothing else tells it.
    public var defaultYear: Int?
    /// Remove captions, banners, widgets and related-article lists.
    public var stripBoilerplate: Bool
    /// Longest paragraph kept, in Unicode scalars; the rest of a longer one is cut with a warning
    /// (`paragraph-too-long`), so that one huge line cannot make the run slow or large.
    public var maxParagraphChars: Int

    public init(split: Split = .lines, defaultYear: Int? = nil, stripBoilerplate: Bool = true,
                maxParagraphChars: Int = 100_000) {
        self.split = split
        self.defaultYear = defaultYear
        self.stripBoilerplate = stripBoilerplate
        self.maxParagraphChars = maxParagraphChars
    }
}

public struct DedupeSettings: Sendable, Equatable {
    public enum Scope: String, Sendable, CaseIterable { case document, corpus }
    /// Remove paragraphs equal after normalising case, white space and punctuation.
    public var exact: Bool
    /// Remove paragraphs whose word-shingle similarity with a kept one (see `DedupeStage`) is at least `threshold`.
    public var near: Bool
    public var threshold: Double
    /// Words per shingle.
    public var shingleSize: Int
    /// Paragraphs with fewer words are only compared exactly.
    public var minWords: Int
    /// Compare inside each document only, or across the corpus too.
    public var scope: Scope

    public init(exact: Bool = true, near: Bool = true, threshold: Double = 0.7, shingleSize: Int = 2,
                minWords: Int = 8, scope: Scope = .corpus) {
        self.exact = exact
        self.near = near
        self.threshold = threshold
        self.shingleSize = shingleSize
        self.minWords = minWords
        self.scope = scope
    }
}

/// The data files of the enrich stage, as absolute paths; `nil` when the pipeline names none.
///
/// Countries are found from ICU's names alone when `countries` is not given, and dates need no
/// data file; the other extractors run only when their data file is named.
public struct EnrichSettings: Sendable, Equatable {
    /// ISO alpha-3 codes, extra aliases and demonyms, country groups.
    public var countries: String?
    /// Canonical organisations with their aliases and role triggers.
    public var organisations: String?
    /// Titles and offices that introduce people.
    public var titles: String?
    /// Counted things (metrics) and qualifiers for figures.
    public var metrics: String?
    /// Commitment and call-to-action triggers.
    public var commitments: String?
    /// Themes of commitments with their keywords and labels.
    public var themes: String?

    public init(countries: String? = nil, organisations: String? = nil, titles: String? = nil,
                metrics: String? = nil, commitments: String? = nil, themes: String? = nil) {
        self.countries = countries
        self.organisations = organisations
        self.titles = titles
        self.metrics = metrics
        self.commitments = commitments
        self.themes = themes
    }
}

public struct AggregateSettings: Sendable, Equatable {
    /// Absolute path of the events data file for the timeline, `nil` for no timeline events.
    public var events: String?

    public init(events: String? = nil) {
        self.events = events
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
