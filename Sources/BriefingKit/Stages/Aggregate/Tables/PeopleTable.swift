/// `people`: one row per person, however the text names them, with titles and affiliation.
struct PeopleTable {
    private struct Row {
        var name: String
        var forms: [String] = []
        var titles: [String] = []
        var affiliation: String?
        var mentions = 0
        var documents: [String] = []
        var example: Provenance
    }

    private var rows: [String: Row] = [:]
    private var order: [String] = []

    mutating func consume(_ doc: Document) {
        for p in doc.findings.people {
            let key = PersonIdentity.key(p.name)
            var row = rows[key] ?? Row(name: p.name, example: p.provenance)
            if rows[key] == nil { order.append(key) }
            row.name = PersonIdentity.preferredName(row.name, p.name)
            row.mentions += 1
            if row.documents.last != doc.id { row.documents.append(doc.id) }
            if !row.forms.contains(p.surface) { row.forms.append(p.surface) }
            for title in (p.title ?? "").split(separator: ";").map({ $0.trimmingCharacters() }) where !title.isEmpty {
                if !row.titles.contains(where: { TextFolder.shared.fold($0) == TextFolder.shared.fold(title) }) {
                    row.titles.append(title)
                }
            }
            if row.affiliation == nil { row.affiliation = p.affiliation }
            rows[key] = row
        }
    }

    func makeRows() -> [PersonRow] {
        let sorted = order.compactMap { rows[$0] }.sorted { (-$0.mentions, $0.name) < (-$1.mentions, $1.name) }
        return sorted.map { r in
            PersonRow(name: r.name, titles: r.titles, affiliation: r.affiliation, mentions: r.mentions,
                      documentIDs: r.documents, forms: r.forms, exampleSentence: r.example.sentence)
        }
    }
}
