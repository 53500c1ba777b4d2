/// `participation`: one row per country, organisation or group, with its mentions, documents,
/// the roles the text gives it and the first and last date of the documents that name it.
struct ParticipationTable {
    private struct Row {
        var kind: EntityMention.Kind
        var name: String
        var alpha2: String?
        var code: String?
        var mentions = 0
        var documents: [String] = []
        var roles: Set<String> = []
        var surfaces: [String] = []
        var first: PartialDate?
        var last: PartialDate?
        var example: Provenance
    }

    private var rows: [String: Row] = [:]
    private var order: [String] = []

    mutating func consume(_ doc: Document) {
        for m in doc.findings.entities {
            let key = "\(m.kind.rawValue)|\(m.code ?? m.name)"
            var row = rows[key] ?? Row(kind: m.kind, name: m.name, alpha2: m.alpha2, code: m.code, example: m.provenance)
            if rows[key] == nil { order.append(key) }
            row.mentions += 1
            if row.documents.last != doc.id { row.documents.append(doc.id) }
            row.roles.formUnion(m.roles)
            if !row.surfaces.contains(m.surface) { row.surfaces.append(m.surface) }
            if let d = doc.date {
                if row.first.map({ d < $0 }) ?? true { row.first = d }
                if row.last.map({ d > $0 }) ?? true { row.last = d }
            }
            rows[key] = row
        }
    }

    /// Countries first, then organisations, then groups; most mentioned first, then by name.
    func makeRows() -> [ParticipationRow] {
        let kindOrder: [EntityMention.Kind: Int] = [.country: 0, .organisation: 1, .group: 2]
        let sorted = order.compactMap { rows[$0] }.sorted {
            (kindOrder[$0.kind] ?? 3, -$0.mentions, $0.name) < (kindOrder[$1.kind] ?? 3, -$1.mentions, $1.name)
        }
        return sorted.map { r in
            ParticipationRow(type: r.kind, name: r.name, isoAlpha3: r.kind == .country ? r.code : nil, isoAlpha2: r.alpha2,
                             mentions: r.mentions, documentIDs: r.documents, roles: r.roles.sorted(),
                             firstDate: r.first, lastDate: r.last, forms: r.surfaces, exampleSentence: r.example.sentence)
        }
    }
}
