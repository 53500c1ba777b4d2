/// The `aggregate:` settings.
///
/// ```yaml
/// - aggregate:
///     events: Pipelines/data/events.yaml   # the events the timeline knows
/// ```
public struct AggregateSettings: StageSettings {
    /// Absolute path of the events data file for the timeline, `nil` for no timeline events.
    public var events: String?

    public init() {}

    public init(events: String? = nil) {
        self.events = events
    }

    public static let specs: [Setting<AggregateSettings>] = [
        .dataFile("events", \.events, "The events the timeline knows (adoption, opening, signing, closing…); without it, the timeline is empty."),
    ]
}

extension AggregateStage {
    public static let summary = "Builds the briefing tables from the whole corpus: documents, participation, figures, commitments, themes, people, timeline, paragraphs and removed text."
    public static let isRequired = true

    /// The aggregate stage of `pipeline`, with theme labels (in English) from enrich's themes data file.
    /// - Throws: `ConfigError` for a data file that cannot be read or decoded.
    public init(settings: AggregateSettings, pipeline: PipelineConfig) throws {
        let themes = try pipeline.settings(EnrichStage.self)?.themes.map { try ThemeLexicon(file: $0) }
        try self.init(settings: settings, themeLabel: { id in themes?.label(id, language: "en") ?? id })
    }
}
