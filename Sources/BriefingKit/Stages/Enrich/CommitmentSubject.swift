/// Grammar words (folded) the commitment extractor uses to find the subject of a trigger.
/// French and English; fixed grammar rather than analyst data, so it lives in code.
enum CommitmentGrammar {
    static let determiners: Set<String> = ["le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cet", "cette", "ces",
                                           "the", "a", "an", "this", "these", "those"]
    static let definite: Set<String> = ["the", "le", "la", "l'", "this", "cette", "ce", "cet"]
    static let quantifiers: Set<String> = ["nombreux", "nombreuses", "plusieurs", "certains", "certaines", "tous", "toutes",
                                           "autres", "d'autres", "divers", "diverses", "chaque",
                                           "many", "several", "some", "all", "most", "each", "other", "numerous",
                                           "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze",
                                           "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
                                           "both", "dozen", "douzaine", "handful"]
    static let pronouns: Set<String> = ["je", "j'", "nous", "il", "elle", "ils", "elles", "i", "we", "he", "she", "they", "it"]
    /// Pronouns that stand for a person (`he`, `she`); `il`/`elle` may also stand for a country or an organisation.
    static let personal: Set<String> = ["he", "she"]
    /// Verbs of saying that end a subject read backwards or forwards (`X said the government …`)
    /// and introduce the speaker of a quote (`"…," she said`, `», a déclaré le ministre`).
    static let reporting: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "adding", "noted", "warned", "explained", "insisted",
        "argued", "wrote", "conceded", "acknowledged", "stressed", "recalled", "replied", "predicted",
        "declare", "dit", "ajoute", "affirme", "souligne", "assure", "indique", "explique", "martele", "precise",
        "insiste", "poursuivi", "conclu", "rappele", "previent", "prevenu", "lance", "estime", "observe", "confie",
        "temoigne", "avertit", "averti", "reconnu", "commente", "resume", "tranche", "promet", "conclut", "poursuit",
        "promised", "vowed", "pledged", "declared", "promis", "jure", "garanti", "garantit"]
    /// Name particles that may stand lower case inside a name (`Vaz da Trindade`, `Ministry of Health`).
    static let nameParticles: Set<String> = ["of", "for", "the", "and", "de", "du", "des", "d'", "la", "le", "les", "da", "do",
                                             "dos", "das", "van", "von", "der", "den", "bin", "al", "el", "y", "et", "s", "l'"]
    static let firstPerson: Set<String> = ["je", "j'", "nous", "i", "we"]
    static let plural: Set<String> = ["ils", "elles", "they"]
    static let relatives: Set<String> = ["qui", "who", "which", "that"]
    static let coordinators: Set<String> = ["et", "and", "puis", "mais", "but"]
    static let possessives: Set<String> = ["son", "sa", "ses", "leur", "leurs", "notre", "nos", "mon", "ma", "mes",
                                           "its", "their", "our", "his", "her", "my"]
    static let auxiliaries: Set<String> = [
        "a", "ont", "ai", "avons", "avez", "avait", "avaient", "aura", "auront", "aurait", "auraient",
        "est", "sont", "suis", "sommes", "etes", "etait", "etaient", "sera", "seront", "serait", "seraient",
        "va", "vont", "veut", "veulent", "doit", "doivent", "peut", "peuvent", "entend", "entendent",
        "souhaite", "souhaitent", "a-t-il", "a-t-elle", "ont-ils",
        "has", "have", "had", "is", "are", "was", "were", "will", "would", "shall", "should", "can", "could",
        "must", "remains", "remain", "remained", "stands", "stand", "been", "be"]
    /// Adverbs that may stand between a subject and its trigger, or open an action.
    static let adverbs: Set<String> = [
        "egalement", "aussi", "ainsi", "encore", "deja", "toujours", "pleinement", "fermement", "activement",
        "resolument", "respectueusement", "solennellement", "officiellement", "publiquement", "clairement",
        "vivement", "unanimement", "collectivement", "conjointement", "notamment", "enfin", "donc", "tous", "toutes",
        "hier", "bien", "d'ailleurs", "toutefois", "cependant", "neanmoins", "pourtant", "desormais", "aussitot",
        "also", "again", "further", "formally", "publicly", "firmly", "fully", "strongly", "jointly", "repeatedly",
        "once", "today", "yesterday", "both", "unanimously", "officially", "clearly", "however", "nonetheless",
        "meanwhile", "now", "swiftly", "quickly"]
    /// Words between a subject and its trigger: auxiliaries, clitics, adverbs, verbs of saying.
    static let verbGroup: Set<String> = auxiliaries.union(adverbs).union([
        "se", "s'", "m'", "me", "ne", "n'", "y", "pas",
        "affirme", "affirment", "reaffirme", "reaffirment", "exprime", "expriment", "souligne", "soulignent",
        "renouvele", "renouvelle", "renouvellent", "confirme", "confirment", "manifeste", "manifestent",
        "annonce", "annoncent", "declare", "declarent", "reitere", "reiterent", "rappele", "rappelle", "rappellent",
        "montre", "montrent", "demontre", "dit", "dits", "dite", "dites", "fait",
        "reaffirmed", "expressed", "renewed", "confirmed", "declared", "announced", "stated", "reiterated", "voiced"])
    /// Words that open an introductory phrase ending at a comma (`Selon lui,`, `Saluant …,`).
    static let introducers: Set<String> = [
        "selon", "dans", "lors", "pour", "en", "apres", "avant", "pendant", "durant", "depuis", "au", "aux", "a", "par",
        "sur", "outre", "parallelement", "cependant", "toutefois", "neanmoins", "ainsi", "enfin", "premierement",
        "deuxiemement", "troisiemement", "concernant", "face", "grace", "malgre", "afin", "hier", "aujourd'",
        "at", "in", "on", "during", "after", "before", "for", "according", "following", "meanwhile", "however",
        "moreover", "furthermore", "speaking", "addressing", "with", "by",
        "si", "s'", "if", "when", "while", "although", "though", "as", "earlier", "later", "separately", "elsewhere",
        "plus", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Words that end a noun phrase read backwards from the verb.
    static let boundaries: Set<String> = ["que", "qu'", "qui", "dont", "ou", "mais", "car", "lorsque", "lorsqu'", "quand",
                                          "si", "alors", "puis", "and", "but", "that", "which", "who", "when", "while",
                                          // `des ONG comme Amnesty International et HRW`: the names after it act
                                          "comme", "notamment", "including", "like"]
    static let complementPreps: Set<String> = ["de", "d'", "du", "des", "en", "a", "au", "aux", "of", "in", "for", "pour",
                                               "sur", "avec", "contre", "entre"]
    /// Words the action may not end with.
    static let dangling: Set<String> = ["et", "ainsi", "que", "and", "de", "d'", "du", "des", "a", "au", "aux", "le", "la",
                                        "les", "l'", "en", "sur", "pour", "of", "to", "the", "with", "avec", "un", "une",
                                        "son", "sa", "ses", "leur", "leurs", "its", "their", "ou", "or", "dans", "par", "contre",
                                        "entre", "vers", "in", "for", "on", "by", "at"]
}

/// Where the actor of a trigger is.
enum SubjectRef: Equatable {
    /// A noun phrase: tokens of the sentence.
    case span(Range<Int>)
    /// A subject pronoun at this token.
    case pronoun(Int)
}

/// Finds the grammatical subject of a trigger in a tokenised sentence, without a parser:
/// walks back over the verb group, skips appositions, and for coordinated or participial
/// clauses (`… et ont appelé`, `…, s'engageant à`) takes the subject of the main clause.
struct SubjectFinder {
    typealias G = CommitmentGrammar
    let tokens: [Token]
    /// Token indices where a trigger starts (they end a subject read forwards).
    let triggerStarts: Set<Int>

    private func f(_ i: Int) -> String { tokens[i].folded }
    /// A comma of the text, not the one of a written number (`1,900`).
    private func isComma(_ i: Int) -> Bool {
        tokens[i].kind == .punctuation && tokens[i].text == "," && !KeywordPattern.isNumeric(tokens, i)
    }
    /// An opening quotation mark (`«`, `"`, `“`) between a subject and its quoted verb.
    private func isOpeningQuote(_ i: Int) -> Bool {
        tokens[i].kind == .punctuation && ["«", "\"", "“", "‘"].contains(tokens[i].text)
    }
    /// In the verb group; `à` folds to `a` but is no auxiliary.
    private func inVerbGroup(_ i: Int) -> Bool {
        G.verbGroup.contains(f(i)) && tokens[i].text != "à" && tokens[i].text != "À"
    }

    /// The subject of the trigger starting at token `t`; `participial` for `s'engageant`-like triggers.
    func subject(ofTriggerAt t: Int, participial: Bool) -> SubjectRef? {
        var p = t - 1
        while p >= 0 {
            if inVerbGroup(p) || G.possessives.contains(f(p)) || isOpeningQuote(p) { p -= 1; continue }
            // `a pour sa part annoncé`, `a de son côté promis`
            if p >= 2, ["part", "cote"].contains(f(p)), G.possessives.contains(f(p - 1)), ["pour", "de"].contains(f(p - 2)) {
                p -= 3
                continue
            }
            break
        }
        guard p >= 0 else { return nil }
        let w = f(p)
        if G.pronouns.contains(w) { return .pronoun(p) }
        if G.relatives.contains(w) {
            // `…, Nadia Haddad, qui invite`: the phrase before the comma, the name of an apposition first
            if p >= 2, isComma(p - 1) {
                guard case .span(let np)? = nounPhrase(endingAt: p - 2) else { return nounPhrase(endingAt: p - 2) }
                if np.lowerBound >= 2, isComma(np.lowerBound - 1), !tokens[np.lowerBound].isCapitalized,
                   let name = nameEnding(at: np.lowerBound - 2) { return .span(name) }
                return .span(np)
            }
            return nounPhrase(endingAt: p - 1)
        }
        if G.coordinators.contains(w) || (w == "que" && p > 0 && f(p - 1) == "ainsi")
            || (w == "as" && p > 1 && f(p - 1) == "well") {
            return mainSubject(before: p)
        }
        if isComma(p) {
            // `Le Maroc, a-t-il ajouté, financera`, `L'Espagne, a précisé la ministre, enverra`: an incise of
            // reported speech between the subject and its verb; the subject stands before it
            if let q = (max(0, p - 7)..<p).last(where: { isComma($0) }), q > 0, q + 1 < p, isIncise(q + 1..<p) {
                if q >= 2, isComma(q), let name = nameEnding(at: q - 1), name.lowerBound > 0, isComma(name.lowerBound - 1) {
                    return .span(name)
                }
                return nounPhrase(endingAt: q - 1)
            }
            // `she said, calling on …`, `Mensah said, urging …`: the one who speaks
            if p >= 2, G.reporting.contains(f(p - 1)) {
                if G.pronouns.contains(f(p - 2)) { return .pronoun(p - 2) }
                if tokens[p - 2].kind == .word { return nounPhrase(endingAt: p - 2) }
            }
            if participial, !f(t).hasSuffix("ing") { return mainSubject(before: p) }
            // apposition: `le Vietnam, fort de son système juridique …, s'engage`
            var q = p - 1
            while q >= 0, p - q < 30, !isComma(q), !KeywordPattern.isStop(tokens[q]) { q -= 1 }
            // `Le ministre de la Santé, Jean Dupont, a promis`: the name between the commas
            if q > 0, isComma(q), isName(q + 1..<p) { return .span(q + 1..<p) }
            if q > 0, isComma(q), let np = nounPhrase(endingAt: q - 1) { return np }
            return mainSubject(before: p)
        }
        if tokens[p].text == ")" { return nounPhrase(endingAt: p) }
        if tokens[p].kind == .punctuation { return nil }
        // `issued a joint statement urging`, `wrote to ministers urging them`: who issued or wrote
        if participial, f(t).hasSuffix("ing"), p == t - 1 { return mainSubject(before: t) }
        return nounPhrase(endingAt: p)
    }

    /// True for an incise of reported speech (`a-t-il ajouté`, `a précisé la ministre`, `précise-t-elle`,
    /// `selon son président`, `according to officials`): no trigger inside, opening with an inverted or auxiliary
    /// verb of saying, or with `selon`/`according`.
    private func isIncise(_ r: Range<Int>) -> Bool {
        guard !r.contains(where: { triggerStarts.contains($0) || KeywordPattern.isStop(tokens[$0]) }) else { return false }
        let first = f(r.lowerBound)
        if first == "selon" || (first == "according" && r.count > 1 && f(r.lowerBound + 1) == "to") { return true }
        if first.hasSuffix("-t-il") || first.hasSuffix("-t-elle") || first.hasSuffix("-il") || first.hasSuffix("-elle") { return true }
        // `a précisé la ministre`: an auxiliary and a verb of saying, then the speaker
        if r.count >= 2, ["a", "ont", "avait"].contains(first), tokens[r.lowerBound].text != "à",
           G.reporting.contains(f(r.lowerBound + 1)) || G.verbGroup.contains(f(r.lowerBound + 1)) { return true }
        return false
    }

    /// A personal name (2 to 6 capitalised tokens) that ends at token `e`.
    private func nameEnding(at e: Int) -> Range<Int>? {
        guard e >= 0, tokens[e].kind == .word, tokens[e].isCapitalized else { return nil }
        var b = e
        while b > 0, e - b < 5, (tokens[b - 1].kind == .word && tokens[b - 1].isCapitalized)
            || tokens[b - 1].text == "." || (G.nameParticles.contains(f(b - 1)) && b - 1 > 0 && tokens[b - 2].isCapitalized) { b -= 1 }
        while b < e, !tokens[b].isCapitalized || tokens[b].kind != .word { b += 1 }
        return isName(b..<(e + 1)) ? b..<(e + 1) : nil
    }

    /// True for a personal name of 2 to 6 tokens: capitalised words, initials, name particles.
    private func isName(_ r: Range<Int>) -> Bool {
        // `Seán Ó Briain T.D.`: a final point of initials
        let r = r.count > 2 && tokens[r.upperBound - 1].text == "." ? r.lowerBound..<(r.upperBound - 1) : r
        guard (2...6).contains(r.count), tokens[r.lowerBound].isCapitalized, tokens[r.upperBound - 1].isCapitalized else { return false }
        var capitals = 0
        for i in r {
            let t = tokens[i]
            if t.kind == .word, t.isCapitalized { capitals += 1; continue }
            if t.text == "." || G.nameParticles.contains(t.folded) { continue }
            return false
        }
        return capitals >= 2 && !G.determiners.contains(f(r.lowerBound))
    }

    /// The noun phrase that ends at token `p`, read backwards to a boundary (at most 8 tokens).
    func nounPhrase(endingAt end: Int) -> SubjectRef? {
        var p = end
        // `The Asia Internet Coalition (AIC)`: the phrase ends before the bracketed acronym
        if p >= 2, tokens[p].text == ")", let open = (max(0, p - 4)..<p).last(where: { tokens[$0].text == "(" }), open > 0 {
            p = open - 1
        }
        guard p >= 0, tokens[p].kind != .punctuation else { return nil }
        if G.pronouns.contains(f(p)) { return .pronoun(p) }
        var q = p
        var coordinated = false
        // past 8 tokens only capitalised words and name glue (`Access Now and the Centre for Internet and Society`)
        while q >= 0, p - q < 8 || (p - q < 14 && (tokens[q].isCapitalized || G.nameParticles.contains(f(q)))) {
            let tk = tokens[q]
            // `le Programme alimentaire mondial (PAM) et le gouvernement`: step over a bracketed acronym
            if tk.text == ")", q < p, let open = (max(0, q - 4)..<q).last(where: { tokens[$0].text == "(" }), open > 0,
               tokens[open - 1].kind == .word {
                q = open - 1
                continue
            }
            if tk.kind == .punctuation { break }
            let w = tk.folded
            if w == "et" || w == "and" {
                // `Le Vietnam et l'ONUDC`, `the UN and its partners`: keep coordinated names, stop elsewhere
                let before = q > 0 ? tokens[q - 1] : nil
                // `l'armée et les FSR`: a determiner and its noun count as a phrase too
                let nounBefore = q > 1 && tokens[q - 1].kind == .word && G.determiners.contains(f(q - 2))
                let nameBefore = nounBefore || (before.map { ($0.isCapitalized && $0.kind == .word) || $0.text == ")" } ?? false)
                let nameAfter = q + 1 <= p && (tokens[q + 1].isCapitalized || G.determiners.contains(f(q + 1))
                    || G.possessives.contains(f(q + 1)))
                if nameBefore && nameAfter { coordinated = true; q -= 1; continue }
                break
            }
            if G.boundaries.contains(w) || G.reporting.contains(w) || (G.auxiliaries.contains(w) && tk.text != "à") { break }
            q -= 1
        }
        // `Maersk, MSC and CMA CGM`: a list of names before the coordinated pair
        if coordinated {
            while q >= 1, isComma(q), tokens[q - 1].kind == .word, tokens[q - 1].isCapitalized {
                var b = q - 1
                while b > 0, q - b < 4, tokens[b - 1].kind == .word, tokens[b - 1].isCapitalized { b -= 1 }
                // `In Geneva, Norway and Japan`: an introductory phrase is no member of the list
                if (b..<q).contains(where: { G.introducers.contains(f($0)) }) { break }
                q = b - 1
            }
        }
        var start = q + 1
        guard start <= p else { return nil }
        if G.introducers.contains(f(start)) || tokens[start].kind == .number {
            // `Lors de la réunion le Vietnam s'engage`: keep the last phrase that is no complement
            var k = p
            var found: Int?
            while k > start {
                let opens = G.determiners.contains(f(k)) || tokens[k].isCapitalized
                if opens, !G.complementPreps.contains(f(k - 1)), !G.determiners.contains(f(k - 1)) { found = k; break }
                k -= 1
            }
            guard let found else { return nil }
            start = found
        }
        return .span(start..<(p + 1))
    }

    /// The subject of the sentence's main clause, read forwards from its start up to `limit`,
    /// skipping introductory phrases that end at a comma.
    func mainSubject(before limit: Int) -> SubjectRef? {
        var i = 0
        var skips = 0
        while i < limit, skips < 5 {
            let w = f(i)
            if G.pronouns.contains(w) { return .pronoun(i) }
            let participle = tokens[i].kind == .word && w.count > 4 && w.hasSuffix("ant")
            let dated = G.determiners.contains(w) && i + 1 < limit && tokens[i + 1].kind == .number
            // `De son côté,`, `Côté allemand,`, `Quant au Ghana,`: a side or topic, not the subject
            let side = w == "cote" || w == "quant"
                || ((w == "de" || w == "du") && i + 2 < limit && G.possessives.contains(f(i + 1)) && f(i + 2) == "cote")
            if G.introducers.contains(w) || participle || dated || side || tokens[i].kind != .word {
                guard let c = (i..<limit).first(where: { isComma($0) }) else { return nil }
                i = c + 1
                skips += 1
                continue
            }
            break
        }
        guard i < limit else { return nil }
        var j = i
        var h = i
        while h < limit, G.determiners.contains(f(h)) { h += 1 }
        let named = h < limit && tokens[h].isCapitalized
        while j < limit, j - i < 9 {
            let tk = tokens[j]
            // `l'AFC/M23`: a slash between two words keeps the phrase
            let slash = tk.text == "/" && j > i && j + 1 < limit && tokens[j - 1].kind == .word && tokens[j + 1].kind == .word
            if (tk.kind == .punctuation && !slash) || triggerStarts.contains(j) { break }
            if j > i, inVerbGroup(j) || G.reporting.contains(tk.folded) { break }
            // `Afonso conceded defeat … and urged`: a name ends at a lower-case verb form
            if named, j > h, tk.kind == .word, !tk.isCapitalized, !G.nameParticles.contains(tk.folded),
               tk.folded.count > 4, tk.folded.hasSuffix("ed") { break }
            // `Amnesty International and 30 other groups wrote …`: the name that leads the list
            if named, j > h, tk.folded == "and" || tk.folded == "et", j + 1 < limit,
               tokens[j + 1].kind == .number || G.quantifiers.contains(f(j + 1)) || ["more", "plus", "some", "about"].contains(f(j + 1)) {
                break
            }
            if j > i, G.boundaries.contains(tk.folded) { return nil }
            j += 1
        }
        guard j > i, j - i < 9 else { return nil }
        // `le porte-parole du mouvement, Jean K. Ndayi, a assuré …`: the name in apposition to a lower-case title
        if j < limit, isComma(j), G.determiners.contains(f(i)), i + 1 < j, !tokens[i + 1].isCapitalized,
           let c = (j + 1..<min(limit, j + 9)).first(where: { isComma($0) }), isName(j + 1..<c) {
            return .span(j + 1..<c)
        }
        if j < limit, isComma(j), let end = enumerationEnd(after: j, limit: limit) { return .span(i..<end) }
        return .span(i..<j)
    }

    /// For `ministres, ambassadeurs, représentants de pays …, ainsi que des entreprises, ont …`:
    /// the end of an enumerated subject that starts before the comma at `j`, or nil when what
    /// follows the comma is not a list of short noun phrases ending at a verb.
    private func enumerationEnd(after j: Int, limit: Int) -> Int? {
        var k = j
        var segments = 0
        var coordinated = false
        while k < limit, k - j < 30 {
            if f(k) == "et" || f(k) == "and" { coordinated = true }
            if isComma(k) || f(k) == "et" || f(k) == "and" { k += 1; continue }
            // `Norway, Britain and the United States, which brokered the deal, urged …`: the list ends at the relative
            if segments > 0, coordinated, isComma(k - 1), ["which", "who", "qui"].contains(f(k)) { return k - 1 }
            if f(k) == "ainsi", k + 1 < limit, f(k + 1) == "que" { k += 2; continue }
            if inVerbGroup(k) || triggerStarts.contains(k) {
                guard segments > 0 else { return nil }
                var e = k
                while e > j, isComma(e - 1) { e -= 1 }
                return e
            }
            var s = k
            while s < limit, !isComma(s), f(s) != "et", f(s) != "and", !inVerbGroup(s), !triggerStarts.contains(s) {
                if tokens[s].kind == .punctuation || G.boundaries.contains(f(s)) { return nil }
                s += 1
                if s - k > 7 { return nil }
            }
            segments += 1
            k = s
        }
        return nil
    }

    /// The noun phrase that starts at token `i` and runs to punctuation or a boundary word (at most 8 tokens),
    /// for inverted subjects (`comme le proposent les pays en développement`).
    func nounPhrase(startingAt i: Int) -> SubjectRef? {
        guard i < tokens.count, tokens[i].kind == .word else { return nil }
        var j = phraseEnd(from: i)
        guard j > i else { return nil }
        // `by the Japan Bank for International Cooperation (JBIC) and the trade insurer NEXI`, `par la Banque … et par
        // l'AFD`: a second agent coordinated with the first (a bracketed acronym may stand between) acts too
        var k = j
        if k + 2 < tokens.count, tokens[k].text == "(", let close = (k + 1..<min(k + 5, tokens.count)).first(where: { tokens[$0].text == ")" }) {
            k = close + 1
        }
        if k + 1 < tokens.count, ["and", "et"].contains(f(k)) {
            var n = k + 1
            if n + 1 < tokens.count, ["by", "par"].contains(f(n)) { n += 1 }
            if n < tokens.count, tokens[n].kind == .word, tokens[n].isCapitalized || G.determiners.contains(f(n)) {
                let e = phraseEnd(from: n)
                if e > n { j = e }
            }
        }
        return .span(i..<j)
    }

    /// The end of a noun phrase of at most 8 tokens from `i`: up to punctuation, a clause boundary, `et` or a verb.
    private func phraseEnd(from i: Int) -> Int {
        var j = i
        while j < tokens.count, j - i < 8, tokens[j].kind != .punctuation, !G.boundaries.contains(f(j)), f(j) != "et",
              !(j > i && inVerbGroup(j)) { j += 1 }
        return j
    }
}
