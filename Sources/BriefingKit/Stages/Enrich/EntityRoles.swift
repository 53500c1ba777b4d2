/// An entity found in a sentence, before it becomes an `EntityMention`.
struct EntityHit: Sendable {
    /// The name as written (tokens of the sentence).
    var range: Range<Int>
    /// The tokens the hit took, with a glossing acronym in parentheses: `Parti … du Vietnam (PCV)`.
    var taken: Range<Int>
    /// Index into the extractor's targets; -1 for an organisation found by its shape.
    var target: Int
    var roles: [String]
    /// For an organisation found by its shape or through an acronym: its canonical name and acronym.
    var name: String? = nil
    var code: String? = nil
}

/// Gives entities the roles the sentence states, from trigger words of the organisations data file.
///
/// A trigger of `entity_first` (`a signé`, `a souligné`, `organisateur`) gives its role to the
/// nearest entity before it, at most `window` tokens away in the same clause; after a quotation
/// (`« … », a souligné le ministre …`) it looks after itself instead. A trigger of `trigger_first`
/// (`signé par`, `discours du`, `pays hôte`) gives its role to the entity that starts at most three
/// tokens after it. Entities joined to the chosen one by `et`, `,` or `de` share the role.
struct EntityRoleFinder: Sendable {
    struct Trigger: Sendable {
        var folded: [String]
        var role: String
        var entityFirst: Bool
    }

    /// Triggers grouped by first word, longest first; `table` maps a first word to its group.
    private let triggers: [Trigger]
    private let table: EntityTokenTable
    let isEmpty: Bool

    static let window = 12
    static let afterWindow = 3
    private static let barriers: Set<String> = [";", ":", "«", "»", "“", "”", "\"", ".", "!", "?"]
    private static let closingQuotes: Set<String> = ["»", "”", "\""]
    private static let links: Set<String> = [
        "et", "and", ",", "ainsi", "que", "le", "la", "les", "l'", "the", "du", "de", "des", "d'", "of",
    ]

    init(_ roles: [OrganisationsFile.RoleTriggers]) {
        var groups: [UInt64: [Trigger]] = [:]
        for entry in roles {
            for (words, entityFirst) in entry.entityFirst.map({ ($0, true) }) + entry.triggerFirst.map({ ($0, false) }) {
                let folded = Tokenizer.tokens(words).map(\.folded)
                guard let first = folded.first else { continue }
                groups[EntityTokenTable.hash(first), default: []]
                    .append(Trigger(folded: folded, role: entry.role, entityFirst: entityFirst))
            }
        }
        var triggers: [Trigger] = []
        var ranges: [UInt64: Range<Int32>] = [:]
        for (hash, list) in groups.sorted(by: { $0.key < $1.key }) {
            let start = Int32(triggers.count)
            // longest first; a stable sort keeps the file's order among equals
            triggers += list.enumerated().sorted { a, b in
                a.element.folded.count != b.element.folded.count ? a.element.folded.count > b.element.folded.count : a.offset < b.offset
            }.map(\.element)
            ranges[hash] = start..<Int32(triggers.count)
        }
        self.triggers = triggers
        self.table = EntityTokenTable(ranges)
        isEmpty = triggers.isEmpty
    }

    /// Adds to `hits` (in sentence order) the roles the triggers of `tokens` give them.
    func assign(_ tokens: [Token], to hits: inout [EntityHit]) {
        guard !isEmpty, !hits.isEmpty else { return }
        var i = 0
        var hitIndex = 0
        while i < tokens.count {
            while hitIndex < hits.count, hits[hitIndex].taken.upperBound <= i { hitIndex += 1 }
            if hitIndex < hits.count, hits[hitIndex].taken.contains(i) { i = hits[hitIndex].taken.upperBound; continue }
            guard let trigger = match(tokens, at: i) else { i += 1; continue }
            let end = i + trigger.folded.count
            if trigger.entityFirst {
                if let h = nearestBefore(i, tokens, hits) {
                    give(trigger.role, from: h, backwards: true, tokens, &hits)
                } else if quotationBefore(i, tokens), let h = firstAfter(end, tokens, hits, within: 6) {
                    give(trigger.role, from: h, backwards: false, tokens, &hits)
                }
            } else if let h = firstAfter(end, tokens, hits, within: Self.afterWindow) {
                give(trigger.role, from: h, backwards: false, tokens, &hits)
            }
            i = end
        }
    }

    private func match(_ tokens: [Token], at i: Int) -> Trigger? {
        guard let range = table.lookup(tokens[i].folded) else { return nil }
        for t in range {
            let trigger = triggers[Int(t)]
            guard i + trigger.folded.count <= tokens.count else { continue }
            var ok = true
            for (k, word) in trigger.folded.enumerated() where tokens[i + k].folded != word { ok = false; break }
            if ok { return trigger }
        }
        return nil
    }

    private func nearestBefore(_ i: Int, _ tokens: [Token], _ hits: [EntityHit]) -> Int? {
        guard let h = hits.lastIndex(where: { $0.taken.upperBound <= i }) else { return nil }
        let gap = hits[h].taken.upperBound..<i
        guard gap.count <= Self.window, !gap.contains(where: { Self.barriers.contains(tokens[$0].text) }) else { return nil }
        return h
    }

    private func firstAfter(_ end: Int, _ tokens: [Token], _ hits: [EntityHit], within: Int) -> Int? {
        guard let h = hits.firstIndex(where: { $0.range.lowerBound >= end }) else { return nil }
        let gap = end..<hits[h].range.lowerBound
        guard gap.count <= within, !gap.contains(where: { Self.barriers.contains(tokens[$0].text) }) else { return nil }
        return h
    }

    /// True when a quotation ends right before `i`: `» , a souligné` or `», a souligné`.
    private func quotationBefore(_ i: Int, _ tokens: [Token]) -> Bool {
        var k = i - 1
        if k >= 0, tokens[k].text == "," { k -= 1 }
        return k >= 0 && Self.closingQuotes.contains(tokens[k].text)
    }

    /// Gives `role` to hit `h` and to the hits chained to it by link words, going the given way.
    private func give(_ role: String, from h: Int, backwards: Bool, _ tokens: [Token], _ hits: inout [EntityHit]) {
        var current = h
        while true {
            if !hits[current].roles.contains(role) { hits[current].roles.append(role) }
            let other = backwards ? current - 1 : current + 1
            guard hits.indices.contains(other) else { return }
            let gap = backwards ? hits[other].taken.upperBound..<hits[current].range.lowerBound
                                : hits[current].taken.upperBound..<hits[other].range.lowerBound
            guard gap.count <= 4, gap.allSatisfy({ Self.links.contains(tokens[$0].folded) }) else { return }
            current = other
        }
    }
}
