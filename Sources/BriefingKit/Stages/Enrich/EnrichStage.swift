import Foundation

/// Finds countries, organisations, people, dates, figures and commitments in every kept paragraph,
/// sentence by sentence, each finding with its provenance.
///
/// ```yaml
/// - enrich:
///     countries: Pipelines/data/countries.yaml         # extra country aliases and demonyms
///     organisations: Pipelines/data/organisations.yaml
///     themes: Pipelines/data/themes.yaml
/// ```
public struct EnrichStage: DocumentStage, Sendable {
    public static let kind = "enrich"
    public static let unit = "paragraphs"
    public let settings: EnrichSettings
    /// Year for dates without one when the document has no date.
    public let defaultYear: Int?
    private let extractors: [any Extractor]
    /// Runs last on each sentence: it reads the entities, people and dates found before it.
    private let commitments: CommitmentExtractor?

    /// Builds the extractors, loading the data files the settings name.
    /// - Throws: `ConfigError` for a data file that cannot be read or decoded.
    public init(settings: EnrichSettings = EnrichSettings(), defaultYear: Int? = nil) throws {
        self.settings = settings
        self.defaultYear = defaultYear
        // The data files are read and indexed on every core: on a small corpus that is most of a run.
        enum Built: Sendable { case entities(EntityExtractor), people(PersonExtractor), figures(FigureExtractor) }
        let jobs: [@Sendable () throws -> Built?] = [
            { .entities(try EntityExtractor(countriesFile: settings.countries, organisationsFile: settings.organisations)) },
            { try settings.titles.map { .people(try PersonExtractor(titlesFile: $0)) } },
            { try settings.metrics.map { .figures(try FigureExtractor(metricsFile: $0)) } },
        ]
        let commitmentJob: @Sendable () throws -> CommitmentExtractor? = {
            switch (settings.commitments, settings.themes) {
            case let (commitments?, themes?):
                return try CommitmentExtractor(commitmentsFile: commitments, themesFile: themes)
            case (nil, nil):
                return nil
            default:
                throw ConfigError(location: SourceLocation(file: settings.commitments ?? settings.themes ?? ""),
                                  message: "the enrich stage needs both a commitments and a themes data file to find commitments")
            }
        }
        enum Outcome: Sendable { case built(Built?), commitments(CommitmentExtractor?), failed(ConfigErrorBox) }
        let outcomes = parallelMap(jobs.count + 1, workers: ProcessInfo.processInfo.activeProcessorCount) { i -> Outcome in
            do {
                return i < jobs.count ? .built(try jobs[i]()) : .commitments(try commitmentJob())
            } catch {
                return .failed(ConfigErrorBox(error: error))
            }
        }
        // the first failure in declaration order, as a serial load would report it
        var extractors: [any Extractor] = []
        var people: PersonExtractor?, figures: FigureExtractor?, commitments: CommitmentExtractor?
        for outcome in outcomes {
            switch outcome {
            case .failed(let box): throw box.error
            case .built(.entities(let e)): extractors = [e, DateExtractor()]
            case .built(.people(let p)): people = p
            case .built(.figures(let f)): figures = f
            case .built(nil): break
            case .commitments(let c): commitments = c
            }
        }
        if let people { extractors.append(people) }
        if let figures { extractors.append(figures) }
        self.extractors = extractors
        self.commitments = commitments
    }

    /// An error thrown while loading a data file, carried across threads.
    private struct ConfigErrorBox: @unchecked Sendable {
        var error: any Error
    }

    /// Names a person's affiliation by the organisation or country the entity extractor found inside
    /// the person's mention: `ministère de la Police` → `Ministère de la Sécurité publique`,
    /// `… (ONUDC)` → `ONUDC`. An entity the affiliation text contains wins, then an organisation.
    static func normaliseAffiliations(_ findings: inout Findings, from first: Int) {
        guard first < findings.people.count else { return }
        let fold = TextFolder.shared
        for i in first..<findings.people.count {
            let person = findings.people[i]
            guard let affiliation = person.affiliation else { continue }
            let inside = findings.entities.filter { e in
                e.kind != .group && e.provenance.paragraphID == person.provenance.paragraphID
                    && e.provenance.sentenceIndex == person.provenance.sentenceIndex
                    && e.provenance.start >= person.provenance.start && e.provenance.end <= person.provenance.end
            }
            let text = fold.fold(affiliation)
            let entity = inside.last { text.contains(fold.fold($0.surface)) }
                ?? inside.last { $0.kind == .organisation } ?? inside.last
            if let entity { findings.people[i].affiliation = entity.name }
        }
    }

    public mutating func process(_ document: inout Document, stats: inout StageStats) {
        stats.input += document.paragraphs.count
        var findings = Findings()
        var sentences = 0
        var commitments = self.commitments
        for p in document.paragraphs {
            var previous: Sentence?
            for sentence in Tokenizer.sentences(p.text) {
                sentences += 1
                let context = SentenceContext(documentID: document.id, paragraphID: p.id, documentDate: document.date,
                                              defaultYear: defaultYear, sentence: sentence)
                let firstPerson = findings.people.count
                for extractor in extractors { extractor.extract(context, into: &findings) }
                Self.normaliseAffiliations(&findings, from: firstPerson)
                // `je` and `nous` are the document's first named person: the speaker of a speech
                commitments?.speaker = findings.people.first?.name
                commitments?.extract(context, previous: previous, into: &findings)
                previous = sentence
            }
        }
        findings.people = PersonIdentity.unify(findings.people)
        document.findings = findings
        stats.output += document.paragraphs.count
        stats.extra["sentences", default: 0] += sentences
        stats.extra["findings", default: 0] += findings.count
    }
}
