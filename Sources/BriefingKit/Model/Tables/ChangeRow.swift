/// A row of `changes`: one change since the previous run.
public struct ChangeRow: Sendable, Hashable {
    /// The kinds of change, as the `change` column writes them.
    public enum Kind: String, Sendable, CaseIterable {
        case newDocument = "new-document"
        case removedDocument = "removed-document"
        case figureChanged = "figure-changed"
        case newFigure = "new-figure"
        case newCountry = "new-country"
        case newOrganisation = "new-organisation"
        case newGroup = "new-group"
        case newPerson = "new-person"
        case newCommitment = "new-commitment"
    }

    public var change = Kind.newDocument
    /// What changed: a document id, a metric, a name, an actor and action.
    public var item = ""
    public var detail: String?
    /// The source document, when there is one.
    public var documentID: String?
}

extension ChangeRow: TableRow {
    public enum Columns {
        public static let change = TableColumn<ChangeRow>(
            "change", "The kind of change.", values: ChangeRow.Kind.allCases.map(\.rawValue)) { .text($0.change.rawValue) }
        public static let item = TableColumn<ChangeRow>(
            "item", "What changed: a document id, a metric, a name, an actor and action.") { .text($0.item) }
        public static let detail = TableColumn<ChangeRow>(
            "detail", "How: a title, the values before and after, where it is named.", long: true, nullable: true) {
            .textOrNull($0.detail)
        }
        /// No foreign key to `documents`: a removed document is a row of the previous run's, not this one's.
        public static let documentID = TableColumn<ChangeRow>(
            "document_id", "The source document, when there is one (a removed document's is the previous run's).",
            nullable: true) { .textOrNull($0.documentID) }
    }

    public static let table = TableDeclaration<ChangeRow>(
        "changes", description: "One change since the previous run.",
        columns: [Columns.change, Columns.item, Columns.detail, Columns.documentID])
}
