/// A row of `commitments`: one commitment or call to action, with its actor and themes.
public struct CommitmentRow: Sendable, Hashable {
    /// The actor's canonical name.
    public var actor = ""
    /// `country`, `organisation`, `person`, `group`…
    public var actorType = ""
    /// The labels of its themes.
    public var themes: [String] = []
    public var action = ""
    /// The actor as the sentence names it.
    public var actorAsWritten = ""
    /// The words that make the sentence a commitment.
    public var trigger = ""
    /// Its own date, else its document's.
    public var date: PartialDate?
    public var documentID = ""
    public var paragraphID = ""
    public var sentence = ""
}

extension CommitmentRow: TableRow {
    public enum Columns {
        public static let actor = TableColumn<CommitmentRow>(
            "actor", "Who commits or calls, by canonical name.") { .text($0.actor) }
        public static let actorType = TableColumn<CommitmentRow>(
            "actor_type", "What the actor is: country, organisation, person, group…") { .text($0.actorType) }
        public static let themes = TableColumn<CommitmentRow>(
            "themes", "The themes of the commitment (labels of the themes data file), separated by semicolons.") {
            .text($0.themes.joined(separator: "; "))
        }
        public static let action = TableColumn<CommitmentRow>(
            "action", "What the actor commits to or calls for.", long: true) { .text($0.action) }
        public static let actorAsWritten = TableColumn<CommitmentRow>(
            "actor_as_written", "The actor as the sentence names it.") { .text($0.actorAsWritten) }
        public static let trigger = TableColumn<CommitmentRow>(
            "trigger", "The words that make the sentence a commitment or a call.") { .text($0.trigger) }
        public static let date = TableColumn<CommitmentRow>(
            "date", .date, "Its date: the one the sentence gives, else the article's.", nullable: true) {
            .dateOrNull($0.date)
        }
        public static let documentID = TableColumn<CommitmentRow>(
            "document_id", "The article.", references: DocumentRow.reference(DocumentRow.Columns.documentID)) {
            .text($0.documentID)
        }
        public static let paragraphID = TableColumn<CommitmentRow>(
            "paragraph_id", "The paragraph.") { .text($0.paragraphID) }
        public static let sentence = TableColumn<CommitmentRow>(
            "sentence", "The sentence.", long: true) { .text($0.sentence) }
    }

    public static let table = TableDeclaration<CommitmentRow>(
        "commitments", description: "One row per commitment or call to action.",
        columns: [Columns.actor, Columns.actorType, Columns.themes, Columns.action, Columns.actorAsWritten,
                  Columns.trigger, Columns.date, Columns.documentID, Columns.paragraphID, Columns.sentence])
}
