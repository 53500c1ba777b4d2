/// A row of `themes`: one theme, with its commitments counted and the actors who made them.
public struct ThemeRow: Sendable, Hashable {
    /// An actor of the theme and how many of its commitments they made.
    public struct Actor: Sendable, Hashable {
        public var name: String
        public var commitments: Int

        public init(name: String, commitments: Int) {
            self.name = name
            self.commitments = commitments
        }
    }

    /// The theme's label.
    public var theme = ""
    public var themeID = ""
    public var commitments = 0
    /// Most commitments first.
    public var actors: [Actor] = []
    /// Sorted.
    public var documentIDs: [String] = []
}

extension ThemeRow: TableRow {
    public enum Columns {
        public static let theme = TableColumn<ThemeRow>(
            "theme", "The theme's label.") { .text($0.theme) }
        public static let themeID = TableColumn<ThemeRow>(
            "theme_id", "The theme's id in the themes data file.", key: true) { .text($0.themeID) }
        public static let commitments = TableColumn<ThemeRow>(
            "commitments", .integer, "Commitments and calls on the theme.") { .int($0.commitments) }
        public static let actors = TableColumn<ThemeRow>(
            "actors", "Who made them, most first, with their count when more than one.") {
            .text($0.actors.map { $0.commitments > 1 ? "\($0.name) (\($0.commitments))" : $0.name }
                .joined(separator: ", "))
        }
        public static let documents = TableColumn<ThemeRow>(
            "documents", .integer, "Documents that hold them.") { .int($0.documentIDs.count) }
        public static let documentIDs = TableColumn<ThemeRow>(
            "document_ids", "Those documents, comma separated.") { .text($0.documentIDs.joined(separator: ", ")) }
    }

    public static let table = TableDeclaration<ThemeRow>(
        "themes", description: "One row per theme of the commitments, most commitments first.",
        columns: [Columns.theme, Columns.themeID, Columns.commitments, Columns.actors, Columns.documents,
                  Columns.documentIDs])
}
