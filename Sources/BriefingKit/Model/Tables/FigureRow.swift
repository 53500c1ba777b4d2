/// A row of `figures`: one stated figure, with the figures of its metric that disagree with it.
public struct FigureRow: Sendable, Hashable {
    /// What is counted (a metric id of the metrics data file).
    public var metric = ""
    /// Who is counted, when the metric distinguishes it (`speakers`).
    public var role: String?
    public var value = 0.0
    /// `more-than`, `at-least`, `less-than`, `at-most`, `up-to`, `nearly`, `about`; `nil` for an exact figure.
    public var qualifier: String?
    /// The date the figure speaks for: its own as-of date, else its document's date.
    public var asOf: PartialDate?
    /// `disagrees with 72 (as of 2025-10-26) in <document>; …`, `nil` when no figure disagrees.
    public var conflict: String?
    /// The figure as the text writes it.
    public var statedAs = ""
    public var documentID = ""
    public var documentDate: PartialDate?
    public var paragraphID = ""
    public var sentence = ""
}

extension FigureRow: TableRow {
    public enum Columns {
        public static let metric = TableColumn<FigureRow>(
            "metric", "What is counted (a metric of the metrics data file).") { .text($0.metric) }
        public static let role = TableColumn<FigureRow>(
            "role", "Who is counted, when the metric tells (speakers among the delegates).", nullable: true) {
            .textOrNull($0.role)
        }
        public static let value = TableColumn<FigureRow>(
            "value", .number, "The figure (null in JSON when it is not a finite number).", nullable: true) {
            .double($0.value)
        }
        public static let qualifier = TableColumn<FigureRow>(
            "qualifier", "more-than, at-least, less-than, at-most, up-to, nearly or about; empty for an exact figure.",
            nullable: true) { .textOrNull($0.qualifier) }
        public static let asOf = TableColumn<FigureRow>(
            "as_of", .date, "The date the figure speaks for: its own, else its document's.", nullable: true) {
            .dateOrNull($0.asOf)
        }
        public static let conflict = TableColumn<FigureRow>(
            "conflict", "The figures of the same metric and role that disagree with this one, side by side.",
            nullable: true) { .textOrNull($0.conflict) }
        public static let statedAs = TableColumn<FigureRow>(
            "stated_as", "The figure as the text writes it.") { .text($0.statedAs) }
        public static let documentID = TableColumn<FigureRow>(
            "document_id", "The article that states it.",
            references: DocumentRow.reference(DocumentRow.Columns.documentID)) { .text($0.documentID) }
        public static let documentDate = TableColumn<FigureRow>(
            "document_date", .date, "The article's date.", nullable: true) { .dateOrNull($0.documentDate) }
        public static let paragraphID = TableColumn<FigureRow>(
            "paragraph_id", "The paragraph that states it.") { .text($0.paragraphID) }
        public static let sentence = TableColumn<FigureRow>(
            "sentence", "The sentence that states it.", long: true) { .text($0.sentence) }
    }

    public static let table = TableDeclaration<FigureRow>(
        "figures", description: "One row per stated figure, with the figures of its metric that disagree with it.",
        columns: [Columns.metric, Columns.role, Columns.value, Columns.qualifier, Columns.asOf, Columns.conflict,
                  Columns.statedAs, Columns.documentID, Columns.documentDate, Columns.paragraphID, Columns.sentence])
}
