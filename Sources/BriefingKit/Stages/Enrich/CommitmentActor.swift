/// An actor as the commitment row shows it.
struct ResolvedActor {
    /// As written (`Les pays développés`, `je`, `Ils`).
    var text: String
    /// Normalised (`Vietnam`, `ONUDC`, `Luong Tam Quang`, `pays développés`).
    var name: String
    /// `country`, `organisation`, `person` or `group`.
    var kind: String
    /// First token of the actor in the current sentence, when it is there.
    var tokenStart: Int?
}

/// What earlier extractors found in one sentence.
struct SentenceMentions {
    var entities: [EntityMention]
    var people: [PersonMention]
    var dates: [DateMention]

    init(_ findings: Findings, context: SentenceContext, sentenceIndex: Int) {
        func same(_ p: Provenance) -> Bool {
            p.sentenceIndex == sentenceIndex && p.paragraphID == context.paragraphID && p.documentID == context.documentID
        }
        entities = findings.entities.filter { same($0.provenance) }.sorted { $0.provenance.start < $1.provenance.start }
        people = findings.people.filter { same($0.provenance) }.sorted { $0.provenance.start < $1.provenance.start }
        dates = findings.dates.filter { same($0.provenance) }.sorted { $0.provenance.start < $1.provenance.start }
    }

    /// True when an entity or a person found by an earlier extractor lies within `range` (scalar offsets).
    func names(within range: Range<Int>) -> Bool {
        entities.contains { range.lowerBound <= $0.provenance.start && $0.provenance.end <= range.upperBound }
            || people.contains { range.lowerBound <= $0.provenance.start && $0.provenance.end <= range.upperBound }
    }
}

/// Turns a subject noun phrase into actors: the entity or person found there by earlier
/// extractors, else a reading of the phrase itself (acronym → organisation, `Le Vietnam` →
/// country, title → person, common noun → group).
struct ActorResolver {
    typealias G = CommitmentGrammar
    let lexicon: CommitmentLexicon
    let context: SentenceContext
    let tokens: [Token]
    let mentions: SentenceMentions
    /// Everything found so far in the corpus (earlier sentences of the document included), for
    /// `the minister`, `the organisation` and a surname alone.
    var findings: Findings = Findings()

    /// People of the document found before this sentence, last first.
    private func earlierPeople() -> [PersonMention] {
        findings.people.reversed().filter {
            $0.provenance.documentID == context.documentID
                && !($0.provenance.paragraphID == context.paragraphID && $0.provenance.sentenceIndex >= context.sentence.index)
        }
    }

    /// The last organisation (or country) named before token `before` of this sentence, in this paragraph first, then in the document.
    private func lastEntity(_ kind: EntityMention.Kind, before: Int) -> EntityMention? {
        let limit = before < tokens.count ? tokens[before].start : Int.max
        if let e = mentions.entities.last(where: { $0.kind == kind && $0.provenance.end <= limit }) { return e }
        let earlier = findings.entities.filter {
            $0.kind == kind && $0.provenance.documentID == context.documentID
                && !($0.provenance.paragraphID == context.paragraphID && $0.provenance.sentenceIndex >= context.sentence.index)
        }
        return earlier.last(where: { $0.provenance.paragraphID == context.paragraphID }) ?? earlier.last
    }

    /// Actors named by `span`; several for `Le Vietnam et l'ONUDC`, none for a non-actor (`la Convention`).
    /// `searchUntil` bounds the search for a person in apposition after a title (`le ministre, M. X,`).
    func actors(span: Range<Int>, searchUntil: Int) -> [ResolvedActor] {
        guard !span.isEmpty else { return [] }
        if let each = conjuncts(span: span, searchUntil: searchUntil) { return each }
        var h = span.lowerBound
        while h < span.upperBound {
            let w = tokens[h].folded
            let lead = w == "de" && h + 1 < span.upperBound && G.quantifiers.contains(tokens[h + 1].folded)
            guard G.determiners.contains(w) || G.quantifiers.contains(w) || G.possessives.contains(w) || lead else { break }
            h += 1
        }
        guard h < span.upperBound else { return [] }
        let head = tokens[h].folded
        if lexicon.nonActors.contains(head) || G.pronouns.contains(head) { return [] }
        let text = context.text(tokens: span)
        let start = span.lowerBound
        let lo = tokens[span.lowerBound].start
        let hi = tokens[span.upperBound - 1].end
        // English puts the title last: `Madagascar's health minister, Fanja Rakotomalala,`
        let last = tokens[span.upperBound - 1].folded
        let isTitle = lexicon.personHeads.contains(head) || lexicon.personHeads.contains(last)

        // a person named in the phrase, or right after a title (`le ministre, Luong Tam Quang,`)
        let headStart = tokens[h].start
        if let person = mentions.people.first(where: { $0.provenance.start >= lo && $0.provenance.end <= hi }),
           isTitle || person.provenance.start <= headStart {
            return [ResolvedActor(text: text, name: person.name, kind: "person", tokenStart: start)]
        }
        // `UNODC Executive Director Ghada Waly`: a person named at the end of the phrase
        if let person = mentions.people.first(where: { $0.provenance.start >= lo && $0.provenance.end == hi }) {
            return [ResolvedActor(text: text, name: person.name, kind: "person", tokenStart: start)]
        }
        // a person mention that covers the head (its title before it: `minister, Fanja Rakotomalala`)
        if let person = mentions.people.first(where: { $0.provenance.start <= headStart && $0.provenance.end > headStart }) {
            return [ResolvedActor(text: text, name: person.name, kind: "person", tokenStart: start)]
        }
        if isTitle {
            let until = searchUntil < tokens.count ? tokens[searchUntil].start : Int.max
            if let person = mentions.people.first(where: { $0.provenance.start >= lo && $0.provenance.end <= until }) {
                return [ResolvedActor(text: text, name: person.name, kind: "person", tokenStart: start)]
            }
        }

        // entities: several coordinated ones, or the one at the head of the phrase
        let inside = mentions.entities.filter { $0.provenance.start >= lo && $0.provenance.end <= hi }
        if inside.count >= 2, onlyGlue(span, around: inside) {
            var seen = Set<String>()
            return inside.filter { seen.insert($0.name).inserted }.map {
                ResolvedActor(text: $0.surface, name: $0.name, kind: kindName($0.kind), tokenStart: start)
            }
        }
        if let e = mentions.entities.first(where: { $0.provenance.start <= headStart && $0.provenance.end > headStart }),
           !partOfLongerName(e, span: span) {
            return [ResolvedActor(text: text, name: e.name, kind: kindName(e.kind), tokenStart: start)]
        }

        // `the minister` alone: the last person of the document with that title
        // (`le secrétaire général de l'ONU`: a title with its organisation)
        if isTitle, span.upperBound - h <= 3 || (span.upperBound - h <= 6 && (h + 1..<span.upperBound).contains {
               G.complementPreps.contains(tokens[$0].folded) && ["de", "du", "des", "of"].contains(tokens[$0].folded) }),
           !tokens[h].isCapitalized || h == span.lowerBound,
           let person = earlierPeople().first(where: { p in
               guard let title = p.title else { return false }
               let t = TextFolder.shared.fold(title)
               return t.contains(head) || t.contains(last)
           }) {
            return [ResolvedActor(text: text, name: person.name, kind: "person", tokenStart: start)]
        }
        // `the Kenyan government`, `le gouvernement du Niger`: the country named in the phrase
        if lexicon.countryHeads.contains(head),
           let e = inside.first(where: { $0.kind == .country }) ?? mentions.entities.first(where: {
               $0.kind == .country && $0.provenance.start >= lo && $0.provenance.start < hi }) {
            return [ResolvedActor(text: text, name: e.name, kind: "country", tokenStart: start)]
        }
        // `the organisation`, `l'agence`, `the country`, `his country`: the last one named
        if let kind = anaphora(span), let e = lastEntity(kind, before: span.lowerBound) {
            return [ResolvedActor(text: text, name: e.name, kind: kindName(e.kind), tokenStart: start)]
        }
        // a surname alone (`Mensah urged`): the person named in full earlier in the document
        if tokens[h].isCapitalized, tokens[h].kind == .word, span.upperBound - h <= 3,
           (h..<span.upperBound).allSatisfy({ tokens[$0].isCapitalized || tokens[$0].kind == .punctuation }) {
            let written = TextFolder.shared.fold(context.text(tokens: h..<span.upperBound))
            if let person = earlierPeople().first(where: { p in
                let name = TextFolder.shared.fold(p.name)
                return name != written && name.hasSuffix(" " + written)
            }) {
                return [ResolvedActor(text: text, name: person.name, kind: "person", tokenStart: start)]
            }
        }

        // no mention: read the phrase
        guard let (name, kind) = reading(span: span, head: h) else { return [] }
        return [ResolvedActor(text: text, name: name, kind: kind, tokenStart: start)]
    }
    /// Describing words that usually make part of a body's own name (`the Central Bank`, `the World Bank`).
    static let nameForming: Set<String> = ["central", "national", "federal", "world", "development", "reserve", "monetary",
                                           "centrale", "nationale", "mondiale", "federale", "supreme", "constitutional",
                                           "constitutionnel", "constitutionnelle", "electoral", "electorale", "same", "meme",
                                           "other", "autre", "first", "premier", "premiere", "second", "seconde", "last", "dernier", "derniere",
                                           "main", "principal", "principale", "largest", "biggest", "public", "publique", "private", "privee"]
    /// Endings of nationality adjectives (`British`, `Kenyan`, `Japanese`, `Swiss`, `Danish`).
    static let nationalityEndings: [String] = ["ish", "an", "ese", "ian", "ss", "ch", "ic", "i"]

    /// The kind of entity a definite description stands for (`the agency` → organisation,
    /// `le pays` → country), nil for any other phrase.
    func anaphora(_ span: Range<Int>) -> EntityMention.Kind? {
        // `the medical charity`, `the British charity`, `l'organisation panafricaine`: one describing word
        // beside the head, when the phrase is no name of its own
        if span.count == 3, G.definite.contains(tokens[span.lowerBound].folded),
           !mentions.names(within: tokens[span.lowerBound].start..<tokens[span.upperBound - 1].end) {
            let middle = tokens[span.lowerBound + 1], last = tokens[span.lowerBound + 2]
            func describing(_ t: Token) -> Bool {
                t.kind == .word && t.folded.count > 3 && !Self.nameForming.contains(t.folded)
                    && !G.determiners.contains(t.folded) && !G.nameParticles.contains(t.folded)
            }
            // English order: the describing word before the head (a capitalised one only as a nationality)
            if describing(middle), !last.isCapitalized, lexicon.organisationHeads.contains(last.folded),
               !middle.isCapitalized || Self.nationalityEndings.contains(where: { middle.folded.hasSuffix($0) }) {
                return .organisation
            }
            // French order: the head, then a lower-case adjective
            if !middle.isCapitalized, lexicon.organisationHeads.contains(middle.folded), describing(last), !last.isCapitalized {
                return .organisation
            }
        }
        guard span.count == 2 else { return nil }
        let first = tokens[span.lowerBound].folded
        let head = tokens[span.lowerBound + 1].folded
        if G.definite.contains(first), lexicon.organisationHeads.contains(head) { return .organisation }
        // `his country`, `son pays`: the country of the person speaking
        if G.definite.contains(first) || G.possessives.contains(first), lexicon.countryHeads.contains(head) { return .country }
        return nil
    }

    /// Actors of coordinated phrases (`l'armée et les FSR`, `the army and the RSF`), one per phrase,
    /// when the span holds `et`/`and` outside any name and every phrase names an actor (a list of more
    /// than two: one of them at least a name, an entity, a person or a capitalised phrase). A phrase that opens with a possessive
    /// (`the UN and its partners`) stands for the same actor and is left out. Nil otherwise.
    private func conjuncts(span: Range<Int>, searchUntil: Int) -> [ResolvedActor]? {
        func inName(_ i: Int) -> Bool {
            let t = tokens[i]
            return mentions.entities.contains { $0.provenance.start <= t.start && t.end <= $0.provenance.end }
                || mentions.people.contains { $0.provenance.start <= t.start && t.end <= $0.provenance.end }
        }
        var cuts: [Int] = []
        for i in span where (tokens[i].folded == "et" || tokens[i].folded == "and") && !inName(i) { cuts.append(i) }
        guard !cuts.isEmpty, cuts.count <= 3 else { return nil }
        // `Maersk, MSC and CMA CGM`: commas before the last coordinator separate phrases too
        let last = cuts[cuts.count - 1]
        for i in span where i < last && tokens[i].text == "," && !inName(i) && !KeywordPattern.isNumeric(tokens, i) { cuts.append(i) }
        cuts.sort()
        guard cuts.count <= 5 else { return nil }
        var parts: [Range<Int>] = []
        var from = span.lowerBound
        for c in cuts {
            parts.append(from..<c)
            from = c + 1
        }
        parts.append(from..<span.upperBound)
        var out: [ResolvedActor] = []
        var named = false
        for var part in parts {
            // `par la Banque … et par l'AFD`: the agent's preposition repeated before the second agent
            if !part.isEmpty, ["par", "by"].contains(tokens[part.lowerBound].folded) { part = part.lowerBound + 1..<part.upperBound }
            guard !part.isEmpty else { return nil }
            if G.possessives.contains(tokens[part.lowerBound].folded) { continue }
            let found = actors(span: part, searchUntil: searchUntil)
            guard let a = found.first, found.count == 1 else { return nil }
            if a.kind != "group" { named = true }
            if !out.contains(where: { $0.name == a.name && $0.kind == a.kind }) { out.append(a) }
        }
        guard named || parts.count == 2, out.count >= 2 else { return nil }
        return out
    }

    /// True when the entity is only the start of a longer capitalised name in the span
    /// (`Asia` in `The Asia Internet Coalition`).
    private func partOfLongerName(_ e: EntityMention, span: Range<Int>) -> Bool {
        guard let next = span.first(where: { tokens[$0].start >= e.provenance.end }) else { return false }
        let t = tokens[next]
        return t.kind == .word && t.isCapitalized && !t.text.hasPrefix("'") && !t.text.hasPrefix("’")
            && !mentions.entities.contains(where: { $0.provenance.start <= t.start && $0.provenance.end >= t.end })
    }

    private func kindName(_ kind: EntityMention.Kind) -> String {
        switch kind {
        case .country: return "country"
        case .organisation: return "organisation"
        case .group: return "group"
        }
    }

    /// True when every token of `span` outside the entities is a determiner, `et`, `and` or a comma.
    private func onlyGlue(_ span: Range<Int>, around entities: [EntityMention]) -> Bool {
        for i in span {
            let t = tokens[i]
            if entities.contains(where: { t.start >= $0.provenance.start && t.end <= $0.provenance.end }) { continue }
            if t.text == "," || t.folded == "et" || t.folded == "and" || G.determiners.contains(t.folded) { continue }
            return false
        }
        return true
    }

    /// Name and kind of a phrase no extractor recognised; nil when a lower-case head names no acting group.
    private func reading(span: Range<Int>, head h: Int) -> (String, String)? {
        let headToken = tokens[h]
        let comma = span.first { tokens[$0].text == "," }
        if headToken.isCapitalized {
            // `Le Vietnam, fort de …`: the name ends at the first comma
            let end = comma ?? span.upperBound
            let fromHead = context.text(tokens: h..<end)
            if lexicon.personHeads.contains(headToken.folded) { return (lowerFirst(fromHead), "person") }
            let letters = headToken.text.unicodeScalars.filter { $0.properties.isAlphabetic }
            if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) { return (fromHead, "organisation") }
            let words = span.lowerBound..<end
            let capitalised = words.filter { tokens[$0].isCapitalized && tokens[$0].kind == .word }
            if h == span.lowerBound, (2...4).contains(words.count), capitalised.count == words.count {
                return (fromHead, "person")
            }
            if h == end - 1 { return (fromHead, "country") }
            return (fromHead, "organisation")
        }
        if lexicon.personHeads.contains(headToken.folded) {
            return comma == nil ? (lowerFirst(context.text(tokens: h..<span.upperBound)), "person") : (lexicon.listActor, "group")
        }
        // English puts the head last: `foreign ministers`, `small island developing states`
        let headLast = span.upperBound - h <= 5 && comma == nil
            && (h..<span.upperBound).allSatisfy { tokens[$0].kind == .word && !G.complementPreps.contains(tokens[$0].folded) }
            && lexicon.groupHeads.contains(tokens[span.upperBound - 1].folded)
        guard lexicon.groupHeads.contains(headToken.folded) || headLast else { return nil }
        if comma != nil { return (lexicon.listActor, "group") }
        var n = span.lowerBound
        while n < span.upperBound, G.determiners.contains(tokens[n].folded) { n += 1 }
        // a bare noun keeps its article (`les pays`, `les délégués`); longer phrases drop it
        if n == span.upperBound - 1, n > span.lowerBound { n = span.lowerBound }
        var name = context.text(tokens: n..<span.upperBound)
        let first = tokens[n].folded
        if first == "de" || G.quantifiers.contains(first) || G.determiners.contains(first) { name = lowerFirst(name) }
        return (name, "group")
    }

    private func lowerFirst(_ s: String) -> String {
        guard let c = s.first else { return s }
        return c.lowercased() + s.dropFirst()
    }
}
