/// The `enrich:` settings: its data files, as absolute paths once loaded; `nil` when the pipeline
/// names none.
///
/// Countries are found from ICU's names alone when `countries` is not given, and dates need no
/// data file; the other extractors run only when their data file is named.
///
/// ```yaml
/// - enrich:
///     countries: Pipelines/data/countries.yaml         # extra country aliases and demonyms
///     organisations: Pipelines/data/organisations.yaml
///     themes: Pipelines/data/themes.yaml
/// ```
public struct EnrichSettings: StageSettings {
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

    /// No data file.
    public init() {}

    public init(countries: String? = nil, organisations: String? = nil, titles: String? = nil,
                metrics: String? = nil, commitments: String? = nil, themes: String? = nil) {
        self.countries = countries
        self.organisations = organisations
        self.titles = titles
        self.metrics = metrics
        self.commitments = commitments
        self.themes = themes
    }

    public static let specs: [Setting<EnrichSettings>] = [
        .dataFile("countries", \.countries,
                  "ISO alpha-3 codes, extra aliases, demonyms and country groups; without it, countries are found by their ICU names alone."),
        .dataFile("organisations", \.organisations, "Canonical organisations with their aliases and role triggers."),
        .dataFile("titles", \.titles, "Titles and offices that introduce people; without it, no people are found."),
        .dataFile("metrics", \.metrics, "What figures count, and their qualifiers; without it, no figures are found."),
        .dataFile("commitments", \.commitments,
                  "Commitment and call-to-action triggers; commitments are found when both this and `themes` are given (one without the other is an error)."),
        .dataFile("themes", \.themes, "Themes of commitments, with their keywords and the labels the tables show; goes with `commitments`."),
    ]
}

extension EnrichStage {
    public static let summary = "Finds countries, organisations and groups (with roles), people, dates, figures and commitments in every kept sentence, each with its provenance."
    /// Each document is enriched on its own, on any core.
    public static let runsInCorpusOrder = false

    /// The enrich stage of `pipeline`, its data files loaded; dates without a year take parse's `default_year`.
    public init(settings: EnrichSettings, pipeline: PipelineConfig) throws {
        try self.init(settings: settings, defaultYear: pipeline.settings(ParseStage.self)?.defaultYear)
    }
}
