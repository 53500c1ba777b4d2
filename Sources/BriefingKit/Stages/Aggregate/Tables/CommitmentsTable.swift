/// `commitments`: one row per commitment or call to action; `themes`: commitments counted by theme
/// with the actors who made them.
struct CommitmentsTable {
    private var rows: [(CommitmentMention, PartialDate?)] = []
    /// Theme id → label, from the themes data file.
    let themeLabel: @Sendable (String) -> String

    init(themeLabel: @escaping @Sendable (String) -> String = { $0 }) {
        self.themeLabel = themeLabel
    }

    mutating func consume(_ doc: Document) {
        for c in doc.findings.commitments { rows.append((c, c.date ?? doc.date)) }
    }

    static let columns = [
        Column("actor"), Column("actor_type"), Column("themes"), Column("action", long: true),
        Column("actor_as_written"), Column("trigger"), Column("date", .date), Column("document_id"),
        Column("paragraph_id"), Column("sentence", long: true),
    ]

    func table() -> Table {
        Table(name: "commitments", columns: Self.columns, rows: rows.map { c, date in
            [.text(c.actor), .text(c.actorKind), .text(c.themes.map(themeLabel).joined(separator: "; ")),
             .text(c.action), .text(c.actorText), .text(c.trigger), date.map { .date($0) } ?? .null,
             .text(c.provenance.documentID), .text(c.provenance.paragraphID), .text(c.provenance.sentence)]
        })
    }

    static let themeColumns = [
        Column("theme"), Column("theme_id"), Column("commitments", .integer), Column("actors"),
        Column("documents", .integer), Column("document_ids"),
    ]

    /// Themes by number of commitments (most first), each with its actors by number of commitments.
    func themesTable() -> Table {
        var byTheme: [String: (count: Int, actors: [String: Int], docs: [String])] = [:]
        for (c, _) in rows {
            for theme in c.themes {
                var entry = byTheme[theme] ?? (0, [:], [])
                entry.count += 1
                entry.actors[c.actor, default: 0] += 1
                if !entry.docs.contains(c.provenance.documentID) { entry.docs.append(c.provenance.documentID) }
                byTheme[theme] = entry
            }
        }
        let sorted = byTheme.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        return Table(name: "themes", columns: Self.themeColumns, rows: sorted.map { id, e in
            let actors = e.actors.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .map { $0.value > 1 ? "\($0.key) (\($0.value))" : $0.key }
            return [.text(themeLabel(id)), .text(id), .int(e.count), .text(actors.joined(separator: ", ")),
                    .int(e.docs.count), .text(e.docs.sorted().joined(separator: ", "))]
        })
    }
}
