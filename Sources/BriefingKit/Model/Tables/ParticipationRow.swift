/// A row of `participation`: one country, organisation or group, with its mentions, documents and roles.
public struct ParticipationRow: Sendable, Hashable {
    public var type = EntityMention.Kind.country
    public var name = ""
    /// ISO 3166 alpha-3, for a country.
    public var isoAlpha3: String?
    public var isoAlpha2: String?
    public var mentions = 0
    /// The documents that name it, in corpus order.
    public var documentIDs: [String] = []
    /// The roles the text gives it (signatory, speaker, host, organiser…), sorted.
    public var roles: [String] = []
    /// The first and last date of the documents that name it.
    public var firstDate: PartialDate?
    public var lastDate: PartialDate?
    /// How the text names it, in order of appearance.
    public var forms: [String] = []
    public var exampleSentence = ""
}

extension ParticipationRow: TableRow {
    public enum Columns {
        public static let type = TableColumn<ParticipationRow>(
            "type", "country, organisation or group.", key: true) { .text($0.type.rawValue) }
        public static let name = TableColumn<ParticipationRow>(
            "name", "Its name, as the data files give it.", key: true) { .text($0.name) }
        public static let isoAlpha3 = TableColumn<ParticipationRow>(
            "iso_alpha3", "A country's ISO 3166 alpha-3 code.", nullable: true) { .textOrNull($0.isoAlpha3) }
        public static let isoAlpha2 = TableColumn<ParticipationRow>(
            "iso_alpha2", "Its ISO 3166 alpha-2 code.", nullable: true) { .textOrNull($0.isoAlpha2) }
        public static let mentions = TableColumn<ParticipationRow>(
            "mentions", .integer, "Times the corpus names it.") { .int($0.mentions) }
        public static let documents = TableColumn<ParticipationRow>(
            "documents", .integer, "Documents that name it.") { .int($0.documentIDs.count) }
        public static let roles = TableColumn<ParticipationRow>(
            "roles", "The roles the text gives it (signatory, speaker, host, organiser…), comma separated.") {
            .text($0.roles.joined(separator: ", "))
        }
        public static let firstDate = TableColumn<ParticipationRow>(
            "first_date", .date, "The earliest date of the documents that name it.", nullable: true) {
            .dateOrNull($0.firstDate)
        }
        public static let lastDate = TableColumn<ParticipationRow>(
            "last_date", .date, "The latest date of the documents that name it.", nullable: true) {
            .dateOrNull($0.lastDate)
        }
        public static let forms = TableColumn<ParticipationRow>(
            "forms", "How the text names it, separated by semicolons.") { .text($0.forms.joined(separator: "; ")) }
        public static let documentIDs = TableColumn<ParticipationRow>(
            "document_ids", "The documents that name it, comma separated.") {
            .text($0.documentIDs.joined(separator: ", "))
        }
        public static let exampleSentence = TableColumn<ParticipationRow>(
            "example_sentence", "The sentence of its first mention.", long: true) { .text($0.exampleSentence) }
    }

    public static let table = TableDeclaration<ParticipationRow>(
        "participation", description: "One row per country, organisation or group the corpus names.",
        columns: [Columns.type, Columns.name, Columns.isoAlpha3, Columns.isoAlpha2, Columns.mentions, Columns.documents,
                  Columns.roles, Columns.firstDate, Columns.lastDate, Columns.forms, Columns.documentIDs,
                  Columns.exampleSentence])
}
