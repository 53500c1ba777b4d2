/// A row of `documents`: one article, its metadata and what was kept, removed and found in it.
public struct DocumentRow: Sendable, Hashable {
    public var documentID = ""
    public var file = ""
    public var title: String?
    public var date: PartialDate?
    public var dateOrigin: DateOrigin?
    public var sourceURL: String?
    public var publisher: String?
    /// `fr` or `en`.
    public var language = ""
    public var encoding = TextEncoding.utf8
    /// Paragraphs kept.
    public var paragraphs = 0
    public var boilerplateRemoved = 0
    public var duplicatesRemoved = 0
    /// Words of the kept paragraphs.
    public var words = 0
    /// Size of the file.
    public var bytes = 0
    /// Distinct countries, organisations and people named; figures, commitments and dates found.
    public var countries = 0
    public var organisations = 0
    public var people = 0
    public var figures = 0
    public var commitments = 0
    public var dates = 0
}

extension DocumentRow: TableRow {
    public enum Columns {
        public static let documentID = TableColumn<DocumentRow>(
            "document_id", "The article's id: its file name without the extension.", key: true) { .text($0.documentID) }
        public static let file = TableColumn<DocumentRow>(
            "file", "The article's file, in the corpus folder.") { .text($0.file) }
        public static let title = TableColumn<DocumentRow>(
            "title", "The headline (or the first caption or sentence when the page has none).", long: true,
            nullable: true) { .textOrNull($0.title) }
        public static let date = TableColumn<DocumentRow>(
            "date", .date, "The article's date: a day, or a month when only the month is known.",
            nullable: true) { .dateOrNull($0.date) }
        public static let datePrecision = TableColumn<DocumentRow>(
            "date_precision", "day or month: how precise the date is.", nullable: true) { .rawOrNull($0.date?.precision) }
        public static let dateOrigin = TableColumn<DocumentRow>(
            "date_origin", "Where the date was found: header, byline, dateline, url or text.",
            nullable: true) { .rawOrNull($0.dateOrigin) }
        public static let sourceURL = TableColumn<DocumentRow>(
            "source_url", .url, "The page the article was taken from.", nullable: true) { .urlOrNull($0.sourceURL) }
        public static let publisher = TableColumn<DocumentRow>(
            "publisher", "The outlet: its masthead, else the URL's host, else the agency.",
            nullable: true) { .textOrNull($0.publisher) }
        public static let language = TableColumn<DocumentRow>(
            "language", "The article's language: fr or en.") { .text($0.language) }
        public static let encoding = TableColumn<DocumentRow>(
            "encoding", "How the file's bytes were read: utf-8, utf-8-bom or windows-1252.") { .text($0.encoding.rawValue) }
        public static let paragraphs = TableColumn<DocumentRow>(
            "paragraphs", .integer, "Paragraphs kept.") { .int($0.paragraphs) }
        public static let boilerplateRemoved = TableColumn<DocumentRow>(
            "boilerplate_removed", .integer, "Lines removed as boilerplate (captions, menus, bylines…).") {
            .int($0.boilerplateRemoved)
        }
        public static let duplicatesRemoved = TableColumn<DocumentRow>(
            "duplicates_removed", .integer, "Paragraphs removed as repeats of another.") { .int($0.duplicatesRemoved) }
        public static let words = TableColumn<DocumentRow>(
            "words", .integer, "Words of the kept paragraphs.") { .int($0.words) }
        public static let bytes = TableColumn<DocumentRow>(
            "bytes", .integer, "Size of the file in bytes.") { .int($0.bytes) }
        public static let countries = TableColumn<DocumentRow>(
            "countries", .integer, "Distinct countries named.") { .int($0.countries) }
        public static let organisations = TableColumn<DocumentRow>(
            "organisations", .integer, "Distinct organisations named.") { .int($0.organisations) }
        public static let people = TableColumn<DocumentRow>(
            "people", .integer, "Distinct people named.") { .int($0.people) }
        public static let figures = TableColumn<DocumentRow>(
            "figures", .integer, "Figures stated.") { .int($0.figures) }
        public static let commitments = TableColumn<DocumentRow>(
            "commitments", .integer, "Commitments and calls to action.") { .int($0.commitments) }
        public static let dates = TableColumn<DocumentRow>(
            "dates", .integer, "Dates stated in the text.") { .int($0.dates) }
    }

    public static let table = TableDeclaration<DocumentRow>(
        "documents", description: "One row per article: its metadata and what was kept, removed and found in it.",
        isDetail: true, columns: [
            Columns.documentID, Columns.file, Columns.title, Columns.date, Columns.datePrecision, Columns.dateOrigin,
            Columns.sourceURL, Columns.publisher, Columns.language, Columns.encoding, Columns.paragraphs,
            Columns.boilerplateRemoved, Columns.duplicatesRemoved, Columns.words, Columns.bytes, Columns.countries,
            Columns.organisations, Columns.people, Columns.figures, Columns.commitments, Columns.dates,
        ])
}
