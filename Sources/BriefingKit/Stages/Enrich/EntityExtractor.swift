import Foundation

/// Finds countries, organisations and groups of countries in a sentence, with the roles it gives them.
///
/// Names come from three sources, matched on folded tokens, longest first, in three passes that
/// never share a token: blocked phrases (the treaty's own name, `Convention de Hanoï`, which is no
/// organisation), then organisations (`Parti communiste du Vietnam`, so that its `Vietnam` is no
/// country mention), then countries and groups. Country names are ICU's, in French and English;
/// the data files add aliases, demonyms, groups and organisations. How a data alias is written sets
/// the case the text must have (see `EntityCaseRule`). A mention's `surface` is the name without
/// its article (`Équateur` in `l'Équateur`) unless the article belongs to the name (`La Réunion`);
/// an acronym in parentheses right after the name of the same entity (`… du Vietnam (PCV)`) is
/// part of that one mention.
public struct EntityExtractor: Extractor {
    private let targets: [EntityTarget]
    private let index: EntityPhraseIndex
    private let roles: EntityRoleFinder
    /// Organisations found by their shape, acronyms and references: only with an organisations file.
    private let shapes: Bool
    /// The lexicon's organisation ids: an acronym among them is the lexicon's to match.
    private let lexiconCodes: Set<String>

    /// Builds the extractor from the two data files; nil means ICU country names only (without
    /// alpha-3 codes, which only the countries file gives) and no organisations.
    /// - Throws: `ConfigError` with file, line and column when a file cannot be read or is malformed.
    public init(countriesFile: String?, organisationsFile: String?) throws {
        let countries = try countriesFile.map { try YAMLLoader.load(CountriesFile.self, path: $0) }
        let organisations = try organisationsFile.map { try YAMLLoader.load(OrganisationsFile.self, path: $0) }
        self.init(countries: countries, organisations: organisations)
    }

    /// Builds the extractor from the data files of the project at `root` (`Pipelines/data/…`).
    public init(projectRoot root: String) throws {
        let data = URL(fileURLWithPath: root).appendingPathComponent("Pipelines/data")
        try self.init(countriesFile: data.appendingPathComponent("countries.yaml").path,
                      organisationsFile: data.appendingPathComponent("organisations.yaml").path)
    }

    init(countries: CountriesFile?, organisations: OrganisationsFile?) {
        var targets: [EntityTarget] = []
        var index = EntityPhraseIndex()
        if let organisations { OrganisationLexicon.build(organisations, targets: &targets, index: &index) }
        CountryLexicon.build(countries, targets: &targets, index: &index)
        index.finish()
        self.targets = targets
        self.index = index
        self.roles = EntityRoleFinder(organisations?.roles ?? [])
        self.shapes = organisations != nil
        self.lexiconCodes = Set(targets.compactMap { $0.kind == .organisation ? $0.code : nil })
    }

    /// Appends one `EntityMention` per country, organisation or group named in the sentence.
    public func extract(_ context: SentenceContext, into findings: inout Findings) {
        let tokens = context.sentence.tokens
        guard !tokens.isEmpty else { return }
        var hits = self.hits(in: tokens, earlier: findings.entities)
        guard !hits.isEmpty else { return }
        roles.assign(tokens, to: &hits)
        let english = OrganisationMemory.isEnglish(tokens)
        for hit in hits {
            var roles = hit.target >= 0 ? targets[hit.target].roles : []
            for role in hit.roles where !roles.contains(role) { roles.append(role) }
            roles.sort { Self.roleOrder($0) < Self.roleOrder($1) }
            var surface = context.text(tokens: hit.range), provenance = context.provenance(tokens: hit.range)
            // `Vietnam's`: the name is `Vietnam`, without the possessive's apostrophe
            if let last = hit.range.last, last + 1 < tokens.count, tokens[last + 1].folded == "s",
               surface.hasSuffix("'") || surface.hasSuffix("\u{2019}"), tokens[last].text.count > 1 {
                surface.removeLast()
                provenance.end -= 1
            }
            guard hit.target >= 0 else {
                findings.entities.append(EntityMention(kind: .organisation, name: hit.name ?? surface, code: hit.code,
                                                       surface: surface, roles: roles, provenance: provenance))
                continue
            }
            let target = targets[hit.target]
            let name = english ? (target.englishName ?? target.name) : target.name
            findings.entities.append(EntityMention(
                kind: target.kind, name: name, alpha2: target.alpha2, code: target.code,
                surface: surface, roles: roles, provenance: provenance))
        }
    }

    /// The entities of `tokens`, in sentence order; `earlier` are the entities of the document's
    /// earlier sentences, which define acronyms and names that a bare `the Commission` refers to.
    func hits(in tokens: [Token], earlier: [EntityMention] = []) -> [EntityHit] {
        let n = tokens.count
        // `Chile's`: the tokenizer ends the word at the apostrophe; the name is `Chile`
        var keys = tokens.map(\.folded)
        for i in 0..<n where i + 1 < n && tokens[i + 1].folded == "s" && keys[i].count > 2 && keys[i].hasSuffix("'") {
            keys[i].removeLast()
        }
        var candidates = [Range<Int32>](repeating: 0..<0, count: n)
        for i in 0..<n where tokens[i].kind != .number {
            if let range = index.candidates(keys[i]) { candidates[i] = range }
        }
        var taken = [Bool](repeating: false, count: n)
        var hits: [EntityHit] = []
        for layer in [EntityPattern.Layer.blocked, .organisation] { match(layer, tokens, keys, candidates, &taken, &hits) }
        hits.sort { $0.range.lowerBound < $1.range.lowerBound }
        if shapes {
            // tokens that start a country or a demonym (`Chinese AI firms`: no company named `Chinese AI`)
            var place = [Bool](repeating: false, count: n)
            for i in 0..<n where !taken[i] && !candidates[i].isEmpty {
                place[i] = candidates[i].contains { c in
                    let p = Int(index.order[Int(c)])
                    return index.layers[p] == .place && wordsMatch(p, at: i, tokens, keys, taken)
                }
            }
            OrganisationMemory.findShapes(tokens, keys: keys, taken: &taken, hits: &hits, earlier: earlier,
                                          lexiconCodes: lexiconCodes, isMedia: { targets[$0].category == "media" },
                                          isCompany: { targets[$0].category == "media" || targets[$0].category == "company" },
                                          isPlace: { place[$0] },
                                          isLexiconName: { targets[$0].name == $1 || targets[$0].englishName == $1 })
        }
        match(.place, tokens, keys, candidates, &taken, &hits)
        hits.sort { $0.range.lowerBound < $1.range.lowerBound }
        hits.removeAll { hit in
            shapes && hit.target >= 0 && targets[hit.target].kind == .country
                && OrganisationMemory.isAffiliation(hit.range, tokens, demonym: isDemonym(hit, keys))
        }
        return hits
    }

    private func isDemonym(_ hit: EntityHit, _ keys: [String]) -> Bool {
        guard let range = index.candidates(keys[hit.range.lowerBound]) else { return false }
        for c in range {
            let p = index.patterns[Int(index.order[Int(c)])]
            if p.target == hit.target, p.folded.count == hit.range.count, p.demonym { return true }
        }
        return false
    }

    /// Matches the patterns of `layer` left to right over the tokens no earlier layer took.
    private func match(_ layer: EntityPattern.Layer, _ tokens: [Token], _ keys: [String], _ candidates: [Range<Int32>],
                       _ taken: inout [Bool], _ hits: inout [EntityHit]) {
        let n = tokens.count
        var i = 0
        while i < n {
            guard !taken[i], let p = firstMatch(candidates[i], layer, at: i, tokens, keys, taken) else {
                i += 1
                continue
            }
            let pattern = index.patterns[p]
            let end = i + pattern.folded.count
            var last = end
            if pattern.target >= 0, end + 1 < n, tokens[end].text == "(",
               let gloss = firstMatch(candidates[end + 1], layer, at: end + 1, tokens, keys, taken, target: pattern.target) {
                let close = end + 1 + index.patterns[gloss].folded.count
                if close < n, tokens[close].text == ")" { last = close + 1 }
            }
            for k in i..<last { taken[k] = true }
            if pattern.target >= 0 {
                hits.append(EntityHit(range: i..<end, taken: i..<last, target: pattern.target, roles: []))
            }
            i = last
        }
    }

    /// The longest pattern of `layer` among `candidates` that matches at `i` (for `target` if given).
    private func firstMatch(_ candidates: Range<Int32>, _ layer: EntityPattern.Layer, at i: Int, _ tokens: [Token],
                            _ keys: [String], _ taken: [Bool], target: Int? = nil) -> Int? {
        for c in candidates {
            let p = Int(index.order[Int(c)])
            if index.layers[p] == layer, wordsMatch(p, at: i, tokens, keys, taken), contextAllows(index.patterns[p], at: i, tokens),
               layer != .place || !Self.isCurrencyPrefix(at: i + index.patterns[p].folded.count, tokens),
               target == nil || index.patterns[p].target == target {
                return p
            }
        }
        return nil
    }

    @inline(__always)
    private func wordsMatch(_ p: Int, at i: Int, _ tokens: [Token], _ keys: [String], _ taken: [Bool]) -> Bool {
        let from = index.wordStart[p], to = index.wordStart[p + 1]
        guard i + (to - from) <= tokens.count else { return false }
        var k = i
        for w in from..<to {
            guard !taken[k], keys[k] == index.words[w], index.rules[w].accepts(tokens[k]) else { return false }
            k += 1
        }
        return true
    }

    private func contextAllows(_ p: EntityPattern, at i: Int, _ tokens: [Token]) -> Bool {
        let end = i + p.folded.count
        let before = i > 0 ? tokens[i - 1] : nil
        let after = end < tokens.count ? tokens[end] : nil
        if let previous = p.previous {
            guard let before, previous.contains(before.folded) else { return false }
        }
        if let next = p.next, let after, !next.contains(after.folded) { return false }
        if p.guarded {
            if let before, before.kind == .word, before.isCapitalized, !entityFunctionWords.contains(before.folded) { return false }
            if let after, after.kind == .word, after.isCapitalized { return false }
        }
        if p.demonym {
            // `en vietnamien`, `in Vietnamese`: a language, not the country
            if let before, before.folded == "en" || before.folded == "in" { return false }
            // `parler le français`, `traduit du chinois`: a lower-case demonym right after an article is the language
            if let before, ["le", "du", "au"].contains(before.folded), !tokens[i].isCapitalized { return false }
            // a stray heading word glued to the sentence: `Français Les commentaires …`
            if i == 0, p.rules.allSatisfy({ $0 == .any }), tokens[0].isCapitalized,
               let after, after.kind == .word, after.isCapitalized { return false }
        }
        return true
    }

    /// `US$1.2bn`, `HK$ 40m`, `NZ$5`: a country's letters glued to a currency sign name the currency, not the country.
    private static func isCurrencyPrefix(at end: Int, _ tokens: [Token]) -> Bool {
        guard end > 0, end < tokens.count else { return false }
        let sign = tokens[end]
        return sign.start == tokens[end - 1].end && ["$", "\u{A3}", "\u{A5}", "\u{20AC}"].contains(sign.text)
    }

    private static func roleOrder(_ role: String) -> Int {
        OrganisationsFile.roleNames.firstIndex(of: role) ?? OrganisationsFile.roleNames.count
    }
}
