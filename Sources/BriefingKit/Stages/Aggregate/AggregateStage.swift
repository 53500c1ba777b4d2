/// Turns the stream of enriched documents into the briefing tables. The only stage that sees
/// the whole corpus: `consume` is called once per document, `finish` once at the end.
///
/// Tables: `documents`, `participation`, `figures` (with conflicts), `commitments`, `themes`,
/// `people`, `timeline`, then the row-level `paragraphs` and `removed`.
///
/// ```yaml
/// - aggregate:
///     events: Pipelines/data/events.yaml   # the events the timeline knows
/// ```
public struct AggregateStage: Aggregator {
    public static let kind = "aggregate"
    public static let unit = "documents"
    public let settings: AggregateSettings

    private var documents = Table(name: "documents", columns: [
        Column("document_id"), Column("file"), Column("title", long: true), Column("date", .date),
        Column("date_precision"), Column("date_origin"), Column("source_url", .url), Column("publisher"),
        Column("language"), Column("encoding"), Column("paragraphs", .integer), Column("boilerplate_removed", .integer),
        Column("duplicates_removed", .integer), Column("words", .integer), Column("bytes", .integer),
        Column("countries", .integer), Column("organisations", .integer), Column("people", .integer),
        Column("figures", .integer), Column("commitments", .integer), Column("dates", .integer),
    ])
    private var paragraphs = Table(name: "paragraphs", columns: [
        Column("document_id"), Column("position", .integer), Column("paragraph_id"), Column("line", .integer),
        Column("words", .integer), Column("text", long: true),
    ])
    private var removed = Table(name: "removed", columns: [
        Column("document_id"), Column("line", .integer), Column("stage"), Column("reason"),
        Column("scope"), Column("similarity", .number), Column("paragraph_id"), Column("kept_paragraph_id"),
        Column("excerpt", long: true),
    ])
    /// Characters of a removed line or paragraph the `removed` table keeps: enough to recognise it
    /// (its document and line locate it in the corpus; a duplicate's kept paragraph is in `paragraphs`),
    /// so the audit stays small on a corpus where most paragraphs are syndicated copies.
    static let excerptLength = 120

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
            paragraphs.rows.append([.text(doc.id), .int(i + 1), .text(p.id), .int(p.line), .int(n), .text(p.text)])
        }
        let f = doc.findings
        var boilerplate = 0, duplicates = 0
        for r in doc.removed.sorted(by: { ($0.line, $0.stage) < ($1.line, $1.stage) }) {
            if r.stage == DedupeStage.kind { duplicates += 1 } else { boilerplate += 1 }
            removed.rows.append([
                .text(r.documentID), .int(r.line), .text(r.stage), .text(r.reason.rawValue),
                r.scope.map { .text($0.rawValue) } ?? .null, r.similarity.map { .double($0) } ?? .null,
                r.paragraphID.map { .text($0) } ?? .null, r.keptParagraphID.map { .text($0) } ?? .null,
                .text(Self.excerpt(r.text)),
            ])
        }
        documents.rows.append([
            .text(doc.id), .text(doc.fileName), doc.title.map { .text($0) } ?? .null,
            doc.date.map { .date($0) } ?? .null, doc.date.map { .text($0.precision.rawValue) } ?? .null,
            doc.dateOrigin.map { .text($0.rawValue) } ?? .null, doc.sourceURL.map { .url($0) } ?? .null,
            doc.publisher.map { .text($0) } ?? .null, .text(doc.language), .text(doc.encoding.rawValue),
            .int(doc.paragraphs.count), .int(boilerplate), .int(duplicates), .int(words), .int(doc.byteCount),
            .int(Set(f.entities.filter { $0.kind == .country }.map(\.name)).count),
            .int(Set(f.entities.filter { $0.kind == .organisation }.map(\.name)).count),
            .int(Set(f.people.map(\.name)).count), .int(f.figures.count), .int(f.commitments.count), .int(f.dates.count),
        ])
        stats.output += 1
    }

    /// The first `excerptLength` characters of `text`, with `…` when it is longer.
    static func excerpt(_ text: String) -> String {
        guard text.utf8.count > excerptLength, text.count > excerptLength else { return text }
        return String(text.prefix(excerptLength - 1)) + "…"
    }

    /// The tables, in the order the outputs show them.
    public func finish(stats: inout StageStats) -> [Table] {
        let tables = [documents, participation.table(), figures.table(), commitments.table(), commitments.themesTable(),
                      people.table(), timeline.table(), paragraphs, removed]
        stats.extra["tables"] = tables.count
        stats.extra["rows"] = tables.reduce(0) { $0 + $1.rows.count }
        return tables
    }
}
