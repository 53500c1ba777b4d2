/// A row of `removed`: one line or paragraph taken out of an article, and why.
public struct RemovedRow: Sendable, Hashable {
    public var documentID = ""
    /// 1-based line of the source file.
    public var line = 0
    /// The stage that removed it: `parse` or `dedupe`.
    public var stage = ""
    public var reason = Removal.Reason.exactDuplicate
    public var scope: Removal.Scope?
    public var similarity: Double?
    public var paragraphID: String?
    public var keptParagraphID: String?
    /// The first `excerptLength` characters of what was removed.
    public var excerpt = ""

    /// Characters of a removed line or paragraph the table keeps: enough to recognise it (its
    /// document and line locate it in the corpus; a duplicate's kept paragraph is in `paragraphs`),
    /// so the audit stays small on a corpus where most paragraphs are syndicated copies.
    public static let excerptLength = 120
}

extension RemovedRow: TableRow {
    public enum Columns {
        public static let documentID = TableColumn<RemovedRow>(
            "document_id", "The article.", references: DocumentRow.reference(DocumentRow.Columns.documentID)) {
            .text($0.documentID)
        }
        public static let line = TableColumn<RemovedRow>(
            "line", .integer, "1-based line of the source file.") { .int($0.line) }
        public static let stage = TableColumn<RemovedRow>(
            "stage", "The stage that removed it: parse or dedupe.") { .text($0.stage) }
        public static let reason = TableColumn<RemovedRow>(
            "reason", "Why: the kind of boilerplate, or exact-duplicate or near-duplicate.") { .text($0.reason.rawValue) }
        public static let scope = TableColumn<RemovedRow>(
            "scope", "For a duplicate: whether the kept paragraph is in the same article (document) or another (corpus).",
            nullable: true) { .rawOrNull($0.scope) }
        public static let similarity = TableColumn<RemovedRow>(
            "similarity", .number, "For a duplicate: its similarity with the kept paragraph (1 for an exact one).",
            nullable: true) { .numberOrNull($0.similarity) }
        public static let paragraphID = TableColumn<RemovedRow>(
            "paragraph_id", "For a duplicate: the removed paragraph's id.", nullable: true) { .textOrNull($0.paragraphID) }
        public static let keptParagraphID = TableColumn<RemovedRow>(
            "kept_paragraph_id", "For a duplicate: the paragraph kept in its place.", nullable: true) {
            .textOrNull($0.keptParagraphID)
        }
        public static let excerpt = TableColumn<RemovedRow>(
            "excerpt", "The first \(RemovedRow.excerptLength) characters of what was removed (… when it was longer).",
            long: true) { .text($0.excerpt) }
    }

    public static let table = TableDeclaration<RemovedRow>(
        "removed", description: "One row per line or paragraph taken out of an article, and why.", isDetail: true,
        columns: [Columns.documentID, Columns.line, Columns.stage, Columns.reason, Columns.scope, Columns.similarity,
                  Columns.paragraphID, Columns.keptParagraphID, Columns.excerpt])
}
