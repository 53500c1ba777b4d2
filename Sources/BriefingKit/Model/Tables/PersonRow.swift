/// A row of `people`: one person, however the text names them, with titles and affiliation.
public struct PersonRow: Sendable, Hashable {
    public var name = ""
    /// In order of appearance.
    public var titles: [String] = []
    public var affiliation: String?
    public var mentions = 0
    /// The documents that name them, in corpus order.
    public var documentIDs: [String] = []
    /// How the text names them, in order of appearance.
    public var forms: [String] = []
    public var exampleSentence = ""
}

extension PersonRow: TableRow {
    public enum Columns {
        public static let name = TableColumn<PersonRow>(
            "name", "The person's name, in its fullest form.", key: true) { .text($0.name) }
        public static let titles = TableColumn<PersonRow>(
            "titles", "Their titles and offices, separated by semicolons.", long: true) {
            .text($0.titles.joined(separator: "; "))
        }
        public static let affiliation = TableColumn<PersonRow>(
            "affiliation", "The organisation or country they speak for.", nullable: true) { .textOrNull($0.affiliation) }
        public static let mentions = TableColumn<PersonRow>(
            "mentions", .integer, "Times the corpus names them.") { .int($0.mentions) }
        public static let documents = TableColumn<PersonRow>(
            "documents", .integer, "Documents that name them.") { .int($0.documentIDs.count) }
        public static let forms = TableColumn<PersonRow>(
            "forms", "How the text names them, separated by semicolons.") { .text($0.forms.joined(separator: "; ")) }
        public static let documentIDs = TableColumn<PersonRow>(
            "document_ids", "The documents that name them, comma separated.") {
            .text($0.documentIDs.joined(separator: ", "))
        }
        public static let exampleSentence = TableColumn<PersonRow>(
            "example_sentence", "The sentence of their first mention.", long: true) { .text($0.exampleSentence) }
    }

    public static let table = TableDeclaration<PersonRow>(
        "people", description: "One row per person, however the text names them.",
        columns: [Columns.name, Columns.titles, Columns.affiliation, Columns.mentions, Columns.documents, Columns.forms,
                  Columns.documentIDs, Columns.exampleSentence])
}
