/// Finds countries, organisations, people, dates, figures and commitments in every kept paragraph,
/// sentence by sentence, each finding with its provenance.
///
/// ```yaml
/// - enrich:
///     countries: Pipelines/data/countries.yaml         # extra country aliases and demonyms
///     organisations: Pipelines/data/organisations.yaml
///     themes: Pipelines/data/themes.yaml
/// ```
public struct EnrichStage: DocumentStage {
    public static let kind = "enrich"
    public static let unit = "paragraphs"
    public let settings: EnrichSettings
    /// Year for dates without one when the document has no date.
    public let defaultYear: Int?
    private let extractors: [any Extractor]

    /// Builds the extractors, loading the data files the settings name.
    /// - Throws: `ConfigError` for a data file that cannot be read or decoded.
    public init(settings: EnrichSettings = EnrichSettings(), defaultYear: Int? = nil) throws {
        self.settings = settings
        self.defaultYear = defaultYear
        self.extractors = [
            try EntityExtractor(countriesFile: settings.countries, organisationsFile: settings.organisations),
        ]
    }

    public mutating func process(_ document: inout Document, stats: inout StageStats) {
        stats.input += document.paragraphs.count
        var findings = Findings()
        var sentences = 0
        for p in document.paragraphs {
            for sentence in Tokenizer.sentences(p.text) {
                sentences += 1
                let context = SentenceContext(documentID: document.id, paragraphID: p.id, documentDate: document.date,
                                              defaultYear: defaultYear, sentence: sentence)
                for extractor in extractors { extractor.extract(context, into: &findings) }
            }
        }
        document.findings = findings
        stats.output += document.paragraphs.count
        stats.extra["sentences", default: 0] += sentences
        stats.extra["findings", default: 0] += findings.count
    }
}
