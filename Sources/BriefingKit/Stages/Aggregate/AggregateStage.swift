/// Turns the stream of enriched documents into the briefing tables. The only stage that sees
/// the whole corpus: `consume` is called once per document, `finish` once at the end.
///
/// ```yaml
/// - aggregate: {}
/// ```
public struct AggregateStage {
    public static let kind = "aggregate"
    public static let unit = "documents"
    public let settings: AggregateSettings

    private var documents = Table(name: "documents", columns: [
        Column("document_id"), Column("file"), Column("title", long: true), Column("date", .date),
        Column("date_precision"), Column("date_origin"), Column("source_url", .url), Column("publisher"),
        Column("language"), Column("encoding"), Column("paragraphs", .integer), Column("boilerplate_removed", .integer),
        Column("duplicates_removed", .integer), Column("words", .integer), Column("bytes", .integer),
    ])
    private var paragraphs = Table(name: "paragraphs", columns: [
        Column("document_id"), Column("position", .integer), Column("paragraph_id"), Column("line", .integer),
        Column("words", .integer), Column("text", long: true),
    ])
    private var removed = Table(name: "removed", columns: [
        Column("document_id"), Column("line", .integer), Column("stage"), Column("reason"),
        Column("scope"), Column("similarity", .number), Column("paragraph_id"), Column("kept_paragraph_id"),
        Column("text", long: true),
    ])

    public init(settings: AggregateSettings = AggregateSettings()) {
        self.settings = settings
    }

    /// Adds one document's rows.
    public mutating func consume(_ doc: Document, stats: inout StageStats) {
        stats.input += 1
        var words = 0
        for (i, p) in doc.paragraphs.enumerated() {
            let n = ParagraphFingerprint(p.text).words.count
            words += n
            paragraphs.rows.append([.text(doc.id), .int(i + 1), .text(p.id), .int(p.line), .int(n), .text(p.text)])
        }
        var boilerplate = 0, duplicates = 0
        for r in doc.removed.sorted(by: { ($0.line, $0.stage) < ($1.line, $1.stage) }) {
            if r.stage == DedupeStage.kind { duplicates += 1 } else { boilerplate += 1 }
            removed.rows.append([
                .text(r.documentID), .int(r.line), .text(r.stage), .text(r.reason.rawValue),
                r.scope.map { .text($0.rawValue) } ?? .null, r.similarity.map { .double($0) } ?? .null,
                r.paragraphID.map { .text($0) } ?? .null, r.keptParagraphID.map { .text($0) } ?? .null,
                .text(r.text),
            ])
        }
        documents.rows.append([
            .text(doc.id), .text(doc.fileName), doc.title.map { .text($0) } ?? .null,
            doc.date.map { .date($0) } ?? .null, doc.date.map { .text($0.precision.rawValue) } ?? .null,
            doc.dateOrigin.map { .text($0.rawValue) } ?? .null, doc.sourceURL.map { .url($0) } ?? .null,
            doc.publisher.map { .text($0) } ?? .null, .text(doc.language), .text(doc.encoding.rawValue),
            .int(doc.paragraphs.count), .int(boilerplate), .int(duplicates), .int(words), .int(doc.byteCount),
        ])
        stats.output += 1
    }

    /// The tables, in the order the outputs show them.
    public func finish(stats: inout StageStats) -> [Table] {
        let tables = [documents, paragraphs, removed]
        stats.extra["tables"] = tables.count
        stats.extra["rows"] = tables.reduce(0) { $0 + $1.rows.count }
        return tables
    }
}
