/// Turns the stream of enriched documents into the briefing tables. The only stage that sees
/// the whole corpus: `consume` is called once per document, `finish` once at the end.
///
/// Tables: `documents`, `participation`, `figures` (with conflicts), `commitments`, `themes`,
/// `people`, `timeline`, then the row-level `paragraphs` and `removed`, each of typed rows
/// (`DocumentRow`, …) declared in `Model/Tables/`.
///
/// ```yaml
/// - aggregate:
///     events: Pipelines/data/events.yaml   # the events the timeline knows
/// ```
public struct AggregateStage: Aggregator {
    public static let kind = "aggregate"
    public static let unit = "documents"
    public let settings: AggregateSettings

    private var documents: [DocumentRow] = []
    private var paragraphs: [ParagraphRow] = []
    private var removed: [RemovedRow] = []

    private var participation = ParticipationTable()
    private var figures = FiguresTable()
    private var commitments: CommitmentsTable
    private var people: PeopleTable
    private var timeline: TimelineTable

    /// - Parameters:
    ///   - themeLabel: the display label of a theme id (from the themes data file).
    /// - Throws: `ConfigError` for an events data file that cannot be read or decoded.
    public init(settings: AggregateSettings = AggregateSettings(),
                themeLabel: @escaping @Sendable (String) -> String = { $0 }) throws {
        self.settings = settings
        commitments = CommitmentsTable(themeLabel: themeLabel)
        people = PeopleTable()
        timeline = TimelineTable(lexicon: try settings.events.map { try EventLexicon(file: $0) } ?? EventLexicon(events: []))
    }

    /// Adds one document's rows.
    public mutating func consume(_ doc: Document, stats: inout StageStats) {
        stats.input += 1
        participation.consume(doc)
        figures.consume(doc)
        commitments.consume(doc)
        people.consume(doc)
        timeline.consume(doc)
        var words = 0
        for (i, p) in doc.paragraphs.enumerated() {
            let n = ParagraphFingerprint(p.text).words.count
            words += n
            paragraphs.append(ParagraphRow(documentID: doc.id, position: i + 1, paragraphID: p.id, line: p.line,
                                           words: n, text: p.text))
        }
        let f = doc.findings
        var boilerplate = 0, duplicates = 0
        for r in doc.removed.sorted(by: { ($0.line, $0.stage) < ($1.line, $1.stage) }) {
            if r.stage == DedupeStage.kind { duplicates += 1 } else { boilerplate += 1 }
            removed.append(RemovedRow(documentID: r.documentID, line: r.line, stage: r.stage, reason: r.reason,
                                      scope: r.scope, similarity: r.similarity, paragraphID: r.paragraphID,
                                      keptParagraphID: r.keptParagraphID, excerpt: Self.excerpt(r.text)))
        }
        documents.append(DocumentRow(
            documentID: doc.id, file: doc.fileName, title: doc.title, date: doc.date, dateOrigin: doc.dateOrigin,
            sourceURL: doc.sourceURL, publisher: doc.publisher, language: doc.language, encoding: doc.encoding,
            paragraphs: doc.paragraphs.count, boilerplateRemoved: boilerplate, duplicatesRemoved: duplicates,
            words: words, bytes: doc.byteCount,
            countries: Set(f.entities.filter { $0.kind == .country }.map(\.name)).count,
            organisations: Set(f.entities.filter { $0.kind == .organisation }.map(\.name)).count,
            people: Set(f.people.map(\.name)).count, figures: f.figures.count, commitments: f.commitments.count,
            dates: f.dates.count))
        stats.output += 1
    }

    /// The first `RemovedRow.excerptLength` characters of `text`, with `…` when it is longer.
    static func excerpt(_ text: String) -> String {
        let length = RemovedRow.excerptLength
        guard text.utf8.count > length, text.count > length else { return text }
        return String(text.prefix(length - 1)) + "…"
    }

    /// The tables of typed rows, in the order the outputs show them.
    public func finish(stats: inout StageStats) -> [Table] {
        let tables = [
            Table(documents), Table(participation.makeRows()), Table(figures.makeRows()), Table(commitments.rows),
            Table(commitments.makeThemeRows()), Table(people.makeRows()), Table(timeline.makeRows()), Table(paragraphs),
            Table(removed),
        ]
        stats.extra["tables"] = tables.count
        stats.extra["rows"] = tables.reduce(0) { $0 + $1.count }
        return tables
    }
}
