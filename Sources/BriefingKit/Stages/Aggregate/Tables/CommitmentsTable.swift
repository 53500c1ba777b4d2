/// `commitments`: one row per commitment or call to action; `themes`: commitments counted by theme
/// with the actors who made them.
struct CommitmentsTable {
    private(set) var rows: [CommitmentRow] = []
    /// The theme ids of each row, for `themes`.
    private var themeIDs: [[String]] = []
    /// Theme id → label, from the themes data file.
    let themeLabel: @Sendable (String) -> String

    init(themeLabel: @escaping @Sendable (String) -> String = { $0 }) {
        self.themeLabel = themeLabel
    }

    mutating func consume(_ doc: Document) {
        for c in doc.findings.commitments {
            rows.append(CommitmentRow(
                actor: c.actor, actorType: c.actorKind, themes: c.themes.map(themeLabel), action: c.action,
                actorAsWritten: c.actorText, trigger: c.trigger, date: c.date ?? doc.date,
                documentID: c.provenance.documentID, paragraphID: c.provenance.paragraphID,
                sentence: c.provenance.sentence))
            themeIDs.append(c.themes)
        }
    }

    /// Themes by number of commitments (most first), each with its actors by number of commitments.
    func makeThemeRows() -> [ThemeRow] {
        var byTheme: [String: (count: Int, actors: [String: Int], docs: [String])] = [:]
        for (c, themes) in zip(rows, themeIDs) {
            for theme in themes {
                var entry = byTheme[theme] ?? (0, [:], [])
                entry.count += 1
                entry.actors[c.actor, default: 0] += 1
                if !entry.docs.contains(c.documentID) { entry.docs.append(c.documentID) }
                byTheme[theme] = entry
            }
        }
        let sorted = byTheme.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        return sorted.map { id, e in
            let actors = e.actors.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .map { ThemeRow.Actor(name: $0.key, commitments: $0.value) }
            return ThemeRow(theme: themeLabel(id), themeID: id, commitments: e.count, actors: actors,
                            documentIDs: e.docs.sorted())
        }
    }
}
