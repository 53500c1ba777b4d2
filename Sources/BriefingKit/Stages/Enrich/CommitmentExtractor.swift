/// Finds commitments and calls to action (`Le Vietnam s'engage à …`, `j'appelle toutes les nations à …`,
/// `The United States pledged to …`): who acts, the trigger, a short action and its themes.
///
/// The actor is the grammatical subject of the trigger (or the owner in `l'engagement du Vietnam à`),
/// normalised with the entities and people earlier extractors found in the same sentence, and
/// without them by a small noun-phrase reading of its own. `je`/`nous` become `speaker` when set;
/// `ils`/`il` are resolved from the previous sentence when the caller gives it (or from a commitment
/// found in it). Several triggers of one actor in one sentence make one commitment.
public struct CommitmentExtractor: Extractor {
    public let lexicon: CommitmentLexicon
    public let themes: ThemeLexicon
    /// The person speaking in the document (the author of a speech), for `je` and `nous`.
    public var speaker: String?

    /// Loads the triggers data file and the themes data file.
    public init(commitmentsFile: String, themesFile: String, speaker: String? = nil) throws {
        self.init(lexicon: try CommitmentLexicon(file: commitmentsFile), themes: try ThemeLexicon(file: themesFile),
                  speaker: speaker)
    }

    /// Builds the extractor from loaded data.
    public init(lexicon: CommitmentLexicon, themes: ThemeLexicon, speaker: String? = nil) {
        self.lexicon = lexicon
        self.themes = themes
        self.speaker = speaker
    }

    /// Extracts from one sentence without knowing the previous one.
    public func extract(_ context: SentenceContext, into findings: inout Findings) {
        extract(context, previous: nil, into: &findings)
    }

    /// Extracts from each sentence of a paragraph, giving each the sentence before it.
    public func extract(paragraph contexts: [SentenceContext], into findings: inout Findings) {
        var previous: Sentence?
        for context in contexts {
            extract(context, previous: previous, into: &findings)
            previous = context.sentence
        }
    }

    /// Extracts from one sentence; `previous` (the sentence before it in the paragraph) resolves `ils`/`il`.
    public func extract(_ context: SentenceContext, previous: Sentence?, into findings: inout Findings) {
        let tokens = context.sentence.tokens
        let matches = lexicon.matches(in: tokens)
        guard !matches.isEmpty else { return }
        let finder = SubjectFinder(tokens: tokens, triggerStarts: Set(matches.map { $0.match.range.lowerBound }))
        let here = SentenceMentions(findings, context: context, sentenceIndex: context.sentence.index)
        var resolver = ActorResolver(lexicon: lexicon, context: context, tokens: tokens, mentions: here)
        resolver.findings = findings

        // 1. the action of each trigger: up to the next trigger, punctuation or 14 words
        let starts = matches.map { $0.match.range.lowerBound }
        var actions: [Range<Int>] = []
        for (k, (p, m)) in matches.enumerated() {
            if lexicon.triggers[p].subjectAfter {
                // `…, comme le proposent X`: X proposes what the clause before says
                actions.append(k > 0 ? actions[k - 1] : wordsBefore(m.range.lowerBound, tokens: tokens))
            } else {
                let next = k + 1 < starts.count ? starts[k + 1] : tokens.count
                actions.append(actionRange(from: m.actionStart, until: next, tokens: tokens))
            }
        }

        // 2. one actor (or several coordinated ones) per trigger
        var hits: [Hit] = []
        var previousActors: [ResolvedActor] = []
        for (k, (p, match)) in matches.enumerated() {
            let first = match.range.lowerBound
            // `She promised that Nairobi would host …`: what a clause after `that`/`que` promises is the first trigger's
            if k > 0, !lexicon.triggers[p].subjectAfter, Self.insideComplement(of: matches[k - 1].match, next: first, tokens: tokens) {
                continue
            }
            var end = max(match.range.upperBound, actions[k].upperBound)
            var scope = first..<tokens.count
            let ref: SubjectRef?
            if let slot = match.actor {
                // `said it would …`, `a fait savoir qu'il respecterait …`: a pronoun in the slot is resolved like a subject
                ref = slot.count == 1 && CommitmentGrammar.pronouns.contains(tokens[slot.lowerBound].folded)
                    ? .pronoun(slot.lowerBound) : .span(slot)
            } else if lexicon.triggers[p].subjectAfter {
                ref = finder.nounPhrase(startingAt: match.range.upperBound)
                if case .span(let span)? = ref { end = max(end, span.upperBound) }
                scope = (k > 0 ? starts[k - 1] : 0)..<first
            } else if Self.firstPersonPronouns.contains(tokens[first].folded) {
                // a phrase that starts with its own subject (`we will …`, `nous …rons`): the speaker
                ref = .pronoun(first)
            } else {
                // `s'engageant`, `urging`, `calling on`: a participle takes the subject of the main clause
                let participial = (first..<min(first + 2, match.range.upperBound)).contains {
                    tokens[$0].folded.count > 4 && (tokens[$0].folded.hasSuffix("ant") || tokens[$0].folded.hasSuffix("ing"))
                }
                ref = finder.subject(ofTriggerAt: first, participial: participial)
            }
            var actors: [ResolvedActor]
            // `Peru was committed to … and would work with …`: a verb coordinated with the trigger before shares its subject
            if k > 0, !previousActors.isEmpty, match.actor == nil, !lexicon.triggers[p].subjectAfter,
               Self.coordinatedVerb(at: first, after: matches[k - 1].match, tokens: tokens) {
                for actor in previousActors {
                    hits.append(Hit(actor: actor, match: match, action: actions[k], scope: scope, end: end))
                }
                continue
            }
            switch ref {
            case .span(let span)?:
                // `The group urged …`: the organisation (or country) the previous sentence is about
                if let kind = resolver.anaphora(span),
                   let a = pronounActor(span.lowerBound, word: kind == .country ? "it-country" : "it-organisation",
                                        context: context, previous: previous, findings: findings) {
                    actors = [ResolvedActor(text: context.text(tokens: span), name: a.name, kind: a.kind, tokenStart: span.lowerBound)]
                } else {
                    actors = resolver.actors(span: span, searchUntil: first)
                }
            case .pronoun(let i)?:
                actors = coordinatedSpeakers(of: i, finder: finder, resolver: resolver, context: context, here: here)
                    ?? pronounActor(i, context: context, previous: previous, findings: findings).map { [$0] } ?? []
            case nil: actors = []
            }
            // `promet que Rome financera`: the one who gives the word, when the main clause names one
            if lexicon.triggers[p].speakerFirst, !actors.isEmpty {
                switch finder.subject(ofTriggerAt: first, participial: false) {
                case .span(let span)?:
                    if let a = resolver.actors(span: span, searchUntil: first).first { actors = [a] }
                case .pronoun(let i)?:
                    if let a = pronounActor(i, context: context, previous: previous, findings: findings) { actors = [a] }
                case nil: break
                }
            }
            // `…, which brokered the deal in 2011, issued a statement urging`: the participle's main clause
            if actors.isEmpty, match.actor == nil, !lexicon.triggers[p].subjectAfter, Self.isParticiple(tokens[first].folded),
               case .span(let span)? = finder.mainSubject(before: first), span.upperBound <= first {
                actors = resolver.actors(span: span, searchUntil: first)
            }
            for actor in actors {
                hits.append(Hit(actor: actor, match: match, action: actions[k], scope: scope, end: end))
            }
            previousActors = actors
        }
        guard !hits.isEmpty else { return }
        // a trigger's themes stop where another actor's trigger starts
        for h in hits.indices where hits[h].scope.upperBound == tokens.count {
            let lower = hits[h].scope.lowerBound
            if let stop = hits.filter({ !$0.sameActor(hits[h]) && $0.match.range.lowerBound > lower })
                .map({ $0.match.range.lowerBound }).min() {
                hits[h].scope = lower..<stop
            }
        }

        // 3. one commitment per actor, in order of first trigger
        var groups: [[Hit]] = []
        for hit in hits {
            if let g = groups.firstIndex(where: { $0[0].sameActor(hit) }) { groups[g].append(hit) } else { groups.append([hit]) }
        }
        let date = here.dates.first(where: { $0.date != nil })?.date
        for group in groups {
            var ids: [String] = []
            var texts: [String] = []
            for hit in group {
                for id in themes.themes(in: tokens, range: hit.scope) where !ids.contains(id) { ids.append(id) }
                let text = context.text(tokens: hit.action)
                if !text.isEmpty, !texts.contains(text) { texts.append(text) }
            }
            if ids.isEmpty { ids = [themes.fallback] }
            let actor = group[0].actor
            let firstTrigger = group[0].match.range.lowerBound
            let start = min(actor.tokenStart ?? firstTrigger, firstTrigger)
            let end = group.map(\.end).max() ?? group[0].match.range.upperBound
            findings.commitments.append(CommitmentMention(
                actorText: actor.text, actor: actor.name, actorKind: actor.kind,
                trigger: triggerText(group[0].match, tokens: tokens, context: context),
                action: texts.joined(separator: "; "), themes: ids, date: date,
                provenance: context.provenance(tokens: start..<end)))
        }
    }

    private struct Hit {
        var actor: ResolvedActor
        var match: KeywordPattern.Match
        var action: Range<Int>
        /// Tokens whose keywords give the themes.
        var scope: Range<Int>
        /// End of everything the commitment covers (trigger, action, inverted subject).
        var end: Int

        func sameActor(_ other: Hit) -> Bool { actor.name == other.actor.name && actor.kind == other.actor.kind }
    }

    // MARK: - pieces

    /// True when the trigger at `t` is a verb coordinated with the trigger `previous` of the same
    /// sentence (`… and would work`, `… et a promis`): only the verb group between `and`/`et` and it,
    /// no punctuation other than commas and no other subject since `previous`.
    static func coordinatedVerb(at t: Int, after previous: KeywordPattern.Match, tokens: [Token]) -> Bool {
        var p = t - 1
        while p >= previous.range.upperBound, CommitmentGrammar.verbGroup.contains(tokens[p].folded), tokens[p].text != "à" { p -= 1 }
        guard p >= previous.range.upperBound, ["and", "et"].contains(tokens[p].folded) else { return false }
        // a modal or an auxiliary of its own (`and would work`, `et a promis`); a bare past (`X said Y would … and
        // committed to …`) may belong to the main clause
        guard (p + 1...t).contains(where: { CommitmentGrammar.auxiliaries.contains(tokens[$0].folded) && tokens[$0].text != "à" }) else {
            return false
        }
        return !(previous.range.upperBound..<p).contains { KeywordPattern.isStop(tokens[$0]) }
    }

    /// `Sweden and Denmark said they would …`: a plural pronoun right after a verb of saying stands for every
    /// coordinated name of that verb's subject. Nil unless there are several and each is a name found in the sentence.
    private func coordinatedSpeakers(of p: Int, finder: SubjectFinder, resolver: ActorResolver, context: SentenceContext,
                                     here: SentenceMentions) -> [ResolvedActor]? {
        let tokens = context.sentence.tokens
        guard CommitmentGrammar.plural.contains(tokens[p].folded), p >= 2, CommitmentGrammar.reporting.contains(tokens[p - 1].folded),
              case .span(let span)? = finder.nounPhrase(endingAt: p - 2) else { return nil }
        let found = resolver.actors(span: span, searchUntil: span.upperBound)
        guard found.count > 1, found.allSatisfy({ $0.kind == "country" || $0.kind == "organisation" || $0.kind == "person" }),
              here.names(within: tokens[span.lowerBound].start..<tokens[span.upperBound - 1].end) else { return nil }
        return found.map { ResolvedActor(text: tokens[p].text, name: $0.name, kind: $0.kind, tokenStart: p) }
    }

    /// Subject pronouns a trigger phrase may start with (first person: the speaker acts).
    static let firstPersonPronouns: Set<String> = ["we", "i", "nous", "je", "j'"]

    /// `urging`, `appelant`: a present participle.
    static func isParticiple(_ folded: String) -> Bool {
        folded.count > 4 && (folded.hasSuffix("ant") || folded.hasSuffix("ing"))
    }

    /// True when the trigger at `next` stands in a `that`/`que` clause right after the trigger `m`
    /// (`promised that Nairobi would host`), with no punctuation between.
    static func insideComplement(of m: KeywordPattern.Match, next: Int, tokens: [Token]) -> Bool {
        let e = m.range.upperBound
        guard e < next, ["that", "que", "qu'"].contains(tokens[e].folded) else { return false }
        return !(e..<next).contains { tokens[$0].kind == .punctuation }
    }

    /// The trigger as written, with the verb group before it (`a réaffirmé son soutien`) and `…`
    /// for what a gap of more than 3 words skipped.
    private func triggerText(_ m: KeywordPattern.Match, tokens: [Token], context: SentenceContext) -> String {
        var first = m.range.lowerBound
        while first > 0, CommitmentGrammar.verbGroup.contains(tokens[first - 1].folded), tokens[first - 1].text != "à" {
            first -= 1
        }
        var pieces: [String] = []
        var i = first
        for gap in m.gaps where gap.count > 3 {
            if gap.lowerBound > i { pieces.append(context.text(tokens: i..<gap.lowerBound)) }
            i = gap.upperBound
        }
        if m.range.upperBound > i { pieces.append(context.text(tokens: i..<m.range.upperBound)) }
        return pieces.joined(separator: " … ")
    }

    /// The action: from `start`, cut at punctuation (a comma only after 4 words), at the next
    /// trigger or after 14 words, trimmed.
    private func actionRange(from start: Int, until limit: Int, tokens: [Token]) -> Range<Int> {
        var i = start
        while i < limit, CommitmentGrammar.adverbs.contains(tokens[i].folded) { i += 1 }
        var j = i
        var words = 0
        while j < limit {
            // `4.5 million`, `$1,200`: the signs of a written number are part of the action
            if tokens[j].kind == .punctuation, !KeywordPattern.isNumeric(tokens, j) {
                guard tokens[j].text == ",", words < 4 else { break }
                j += 1
                continue
            }
            words += 1
            j += 1
            if words == 14 {
                // do not cut a name in two: `la Convention de Hanoï`
                if j + 1 < limit, tokens[j - 1].isCapitalized, ["de", "du", "d'"].contains(tokens[j].folded),
                   tokens[j + 1].isCapitalized { j += 2 }
                break
            }
        }
        return trimmed(i..<j, tokens: tokens)
    }

    /// Up to 12 words before `end`, back to punctuation: the clause an inverted trigger refers to.
    private func wordsBefore(_ end: Int, tokens: [Token]) -> Range<Int> {
        var j = end
        while j > 0, tokens[j - 1].kind == .punctuation { j -= 1 }
        var i = j
        while i > 0, j - i < 12, tokens[i - 1].kind != .punctuation { i -= 1 }
        return trimmed(i..<j, tokens: tokens)
    }

    private func trimmed(_ r: Range<Int>, tokens: [Token]) -> Range<Int> {
        var j = r.upperBound
        while j > r.lowerBound, tokens[j - 1].kind == .punctuation || CommitmentGrammar.dangling.contains(tokens[j - 1].folded)
            || CommitmentGrammar.pronouns.contains(tokens[j - 1].folded) { j -= 1 }
        return r.lowerBound..<j
    }

    /// The actor of a subject pronoun at token `p`: for `je`/`nous`/`we` the speaker the sentence
    /// names (`"…," she said`) or the document's speaker; for the others an actor of the same
    /// sentence before it (`X said it will …`), the subject of the previous sentence, the last
    /// person of the paragraph (`he`, `she`, `il`, `elle`), a commitment of the previous sentence.
    /// Nil for an unresolved `il`/`elle`/`he`/`she`/`it`, the unknown actor for an unresolved `ils`/`they`.
    /// `word` overrides the pronoun read from the token (`a-t-elle` → `elle`).
    private func pronounActor(_ p: Int, word: String? = nil, context: SentenceContext, previous: Sentence?,
                              findings: Findings) -> ResolvedActor? {
        typealias G = CommitmentGrammar
        let tokens = context.sentence.tokens
        let written = tokens[p].folded == "j'" ? "j'" : tokens[p].text
        let w = word ?? tokens[p].folded
        func here(_ a: ResolvedActor) -> ResolvedActor { ResolvedActor(text: written, name: a.name, kind: a.kind, tokenStart: p) }
        if G.firstPerson.contains(w) {
            if let s = colonQuoteSpeaker(p, context: context, previous: previous, findings: findings) { return here(s) }
            if let s = quoteSpeaker(context: context, previous: previous, findings: findings) { return here(s) }
            return ResolvedActor(text: written, name: speaker ?? lexicon.speakerActor, kind: "person", tokenStart: p)
        }
        let plural = G.plural.contains(w)
        func fits(_ a: ResolvedActor) -> Bool {
            if G.personal.contains(w) { return a.kind == "person" }
            if w == "it" { return a.kind != "person" }
            if w == "it-organisation" { return a.kind == "organisation" }
            if w == "it-country" { return a.kind == "country" }
            return true
        }
        // the same sentence: `The agency said it will provide …`
        let finder = SubjectFinder(tokens: tokens, triggerStarts: [])
        let mentionsHere = SentenceMentions(findings, context: context, sentenceIndex: context.sentence.index)
        if case .span(let span)? = finder.mainSubject(before: p), span.upperBound <= p {
            var resolver = ActorResolver(lexicon: lexicon, context: context, tokens: tokens, mentions: mentionsHere)
            resolver.findings = findings
            // a name the extractors found, or one of at least two capitalised words (`The Global Environment Facility`)
            let named = mentionsHere.names(within: tokens[span.lowerBound].start..<tokens[span.upperBound - 1].end)
                || span.filter({ tokens[$0].kind == .word && tokens[$0].isCapitalized && !G.determiners.contains(tokens[$0].folded) }).count >= 2
            if named, let a = resolver.actors(span: span, searchUntil: span.upperBound).first, fits(a) { return here(a) }
        }
        let index = context.sentence.index - 1
        if let previous {
            let prevMatches = lexicon.matches(in: previous.tokens)
            let finder = SubjectFinder(tokens: previous.tokens, triggerStarts: Set(prevMatches.map { $0.match.range.lowerBound }))
            let mentions = SentenceMentions(findings, context: context, sentenceIndex: previous.index)
            var prevContext = context
            prevContext.sentence = previous
            if case .span(let span)? = finder.mainSubject(before: previous.tokens.count) {
                var resolver = ActorResolver(lexicon: lexicon, context: prevContext, tokens: previous.tokens, mentions: mentions)
                resolver.findings = findings
                if let a = resolver.actors(span: span, searchUntil: span.upperBound).first,
                   plural || fits(a) {
                    return here(a)
                }
            }
            if !plural, !w.hasPrefix("it"), let person = mentions.people.first {
                return ResolvedActor(text: tokens[p].text, name: person.name, kind: "person", tokenStart: p)
            }
            // `"…," Mensah said. He urged …`: the speaker of the previous sentence
            if !plural, !w.hasPrefix("it"), word == nil,
               let s = speakerNamed(in: prevContext, previous: nil, findings: findings, quoteOnly: true) {
                return ResolvedActor(text: tokens[p].text, name: s.name, kind: "person", tokenStart: p)
            }
        }
        if let c = findings.commitments.last(where: {
            $0.provenance.documentID == context.documentID && $0.provenance.paragraphID == context.paragraphID
                && $0.provenance.sentenceIndex == index && (plural || $0.actorKind == "person") && !w.hasPrefix("it")
        }) {
            return ResolvedActor(text: tokens[p].text, name: c.actor, kind: c.actorKind, tokenStart: p)
        }
        // the last person named earlier in the paragraph
        if !plural, !w.hasPrefix("it"), let person = findings.people.last(where: {
            $0.provenance.documentID == context.documentID && $0.provenance.paragraphID == context.paragraphID
                && $0.provenance.sentenceIndex < context.sentence.index
        }) {
            return ResolvedActor(text: tokens[p].text, name: person.name, kind: "person", tokenStart: p)
        }
        // `He`, `Elle` opening a paragraph of a news story: the last person the document named
        if G.personal.contains(w) || ((w == "il" || w == "elle") && word == nil), let person = findings.people.last(where: {
            $0.provenance.documentID == context.documentID
                && !($0.provenance.paragraphID == context.paragraphID && $0.provenance.sentenceIndex >= context.sentence.index)
        }) {
            return ResolvedActor(text: tokens[p].text, name: person.name, kind: "person", tokenStart: p)
        }
        return plural ? ResolvedActor(text: tokens[p].text, name: lexicon.unknownActor, kind: "group", tokenStart: p) : nil
    }

    /// `Elle a appelé ses partisans au calme : « Nous nous battrons … »`: a quote opened right after a colon
    /// is the words of the main clause's subject before the colon. Nil when `p` is not in such a quote.
    private func colonQuoteSpeaker(_ p: Int, context: SentenceContext, previous: Sentence?, findings: Findings) -> ResolvedActor? {
        let tokens = context.sentence.tokens
        let quotes: Set<String> = ["«", "\"", "“"]
        guard let open = (0..<p).last(where: { tokens[$0].kind == .punctuation && quotes.contains(tokens[$0].text) }),
              open > 1, tokens[open - 1].text == ":",
              !(open + 1..<p).contains(where: { tokens[$0].kind == .punctuation && ["»", "”"].contains(tokens[$0].text) })
        else { return nil }
        let finder = SubjectFinder(tokens: tokens, triggerStarts: [])
        switch finder.mainSubject(before: open - 1) {
        case .pronoun(let i)? where !CommitmentGrammar.firstPerson.contains(tokens[i].folded):
            return pronounActor(i, context: context, previous: previous, findings: findings)
        case .span(let span)? where span.upperBound < open:
            var resolver = ActorResolver(lexicon: lexicon, context: context, tokens: tokens,
                                         mentions: SentenceMentions(findings, context: context, sentenceIndex: context.sentence.index))
            resolver.findings = findings
            return resolver.actors(span: span, searchUntil: span.upperBound).first
        default:
            return nil
        }
    }

    /// The speaker a sentence names around a verb of saying (`"…," said Marcus Feld`, `Mensah said`,
    /// `"…," she said`, `», a-t-elle ajouté`, `selon le ministre X`), else the one of the previous sentence.
    private func quoteSpeaker(context: SentenceContext, previous: Sentence?, findings: Findings) -> ResolvedActor? {
        if let s = speakerNamed(in: context, previous: previous, findings: findings) { return s }
        guard let previous else { return nil }
        var prevContext = context
        prevContext.sentence = previous
        return speakerNamed(in: prevContext, previous: nil, findings: findings)
    }

    /// `quoteOnly`: only a name right before or after the verb of saying (no pronoun), with a name
    /// read from capitalised words when no extractor found one (`Mensah said`).
    private func speakerNamed(in context: SentenceContext, previous: Sentence?, findings: Findings,
                              quoteOnly: Bool = false) -> ResolvedActor? {
        typealias G = CommitmentGrammar
        let tokens = context.sentence.tokens
        let mentions = SentenceMentions(findings, context: context, sentenceIndex: context.sentence.index)
        let thirdPerson: [String: String] = ["he": "he", "she": "she", "il": "il", "elle": "elle",
                                             "a-t-il": "il", "a-t-elle": "elle"]
        for k in tokens.indices where G.reporting.contains(tokens[k].folded) || tokens[k].folded == "selon"
            || tokens[k].folded == "according" {
            let from = k + 1 < tokens.count ? tokens[k + 1].start : Int.max
            let to = tokens[min(k + 8, tokens.count - 1)].end
            if let person = mentions.people.first(where: { $0.provenance.start >= from && $0.provenance.start <= to }) {
                return ResolvedActor(text: person.surface, name: person.name, kind: "person", tokenStart: nil)
            }
            let back = tokens[max(0, k - 4)].start
            if let person = mentions.people.last(where: { $0.provenance.end <= tokens[k].start && $0.provenance.end >= back }) {
                return ResolvedActor(text: person.surface, name: person.name, kind: "person", tokenStart: nil)
            }
            if quoteOnly {
                var resolver = ActorResolver(lexicon: lexicon, context: context, tokens: tokens, mentions: mentions)
                resolver.findings = findings
                var a = k
                while a > 0, tokens[a - 1].kind == .word, tokens[a - 1].isCapitalized, k - a < 4 { a -= 1 }
                var b = k + 1
                while b < tokens.count, tokens[b].kind == .word, tokens[b].isCapitalized, b - k <= 4 { b += 1 }
                for span in [a..<k, (k + 1)..<b] where !span.isEmpty {
                    if let r = resolver.actors(span: span, searchUntil: span.upperBound).first, r.kind == "person" { return r }
                }
                continue
            }
            for j in [k - 1, k + 1, k - 2] where j >= 0 && j < tokens.count {
                guard let pronoun = thirdPerson[tokens[j].folded] else { continue }
                if let a = pronounActor(j, word: pronoun, context: context, previous: previous, findings: findings),
                   a.kind == "person" { return a }
            }
        }
        return nil
    }
}
