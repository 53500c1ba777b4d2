/// A row of `paragraphs`: one paragraph kept, with its place in its article.
public struct ParagraphRow: Sendable, Hashable {
    public var documentID = ""
    /// 1-based position among the article's kept paragraphs.
    public var position = 0
    public var paragraphID = ""
    /// 1-based line of the source file where the paragraph starts.
    public var line = 0
    public var words = 0
    public var text = ""
}

extension ParagraphRow: TableRow {
    public enum Columns {
        public static let documentID = TableColumn<ParagraphRow>(
            "document_id", "The article.", references: DocumentRow.reference(DocumentRow.Columns.documentID)) {
            .text($0.documentID)
        }
        public static let position = TableColumn<ParagraphRow>(
            "position", .integer, "1-based position among the article's kept paragraphs.") { .int($0.position) }
        public static let paragraphID = TableColumn<ParagraphRow>(
            "paragraph_id", "The paragraph's id: the document id, #p and its position.", key: true) { .text($0.paragraphID) }
        public static let line = TableColumn<ParagraphRow>(
            "line", .integer, "1-based line of the source file where the paragraph starts.") { .int($0.line) }
        public static let words = TableColumn<ParagraphRow>(
            "words", .integer, "Words in the paragraph.") { .int($0.words) }
        public static let text = TableColumn<ParagraphRow>(
            "text", "The paragraph.", long: true) { .text($0.text) }
    }

    public static let table = TableDeclaration<ParagraphRow>(
        "paragraphs", description: "One row per paragraph kept, with its place in its article.", isDetail: true,
        columns: [Columns.documentID, Columns.position, Columns.paragraphID, Columns.line, Columns.words, Columns.text])
}
