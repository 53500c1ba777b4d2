/// Finds people with the title and affiliation the text gives them, in French and English.
///
/// A person is a run of 1–6 capitalised name words (particles `von der`, `de la`, initials `A.`, `al-`, `O'`
/// allowed inside) that something in the sentence supports:
/// - a title before the name: `le général Luong Tam Quang`, `le ministre des Affaires étrangères X`,
///   `Chilean diplomat X`, `Ghana's trade minister X`, `UN Secretary-General X`, `M. X`, `Dr X`;
/// - a title after it, in apposition: `Ghada Waly, directrice exécutive de l'ONUDC`, `X, a Czech economist,`;
/// - a title, its qualifiers and a comma, then the name between commas:
///   `Le porte-parole du ministère des Affaires étrangères, X, a estimé`;
/// - a verb of speech next to it: `said X`, `X told reporters`, `according to X`, `selon X`, `a déclaré X`,
///   `X a affirmé`, `« … », a rappelé samedi X`, `X, 52, a farmer, said`, `X, who …`.
/// A surname alone (`Mensah said`, `Mme de Souza-Agbo`) is the person of that surname already named in the
/// document — with a title, or written in full without one (a candidate) — and never a person of its own.
/// Tokens inside a country or organisation the entity extractor found in the sentence, listed places and
/// institution words, titles, weekdays and sentence-opening words are never name words. Lines that open on a
/// bullet or a byline (`• …`, `Par …`) without a full stop are skipped. Several titles of one occurrence are
/// joined with "; ".
public struct PersonExtractor: Extractor {
    /// The built-in data file, relative to the project root.

    private let lexicon: PersonLexicon

    /// Loads the titles data file (`Pipelines/data/titles.yaml`).
    /// - Throws: `ConfigError` with the file position of a bad entry.
    public init(titlesFile file: String) throws {
        lexicon = PersonLexicon(try YAMLLoader.load(TitlesFile.self, path: file))
    }

    public func extract(_ context: SentenceContext, into findings: inout Findings) {
        let toks = context.sentence.tokens
        guard !Self.isListedHeadlineOrByline(toks) else { return }
        // tokens inside a country or organisation found earlier in this sentence are never names
        var blocked = [Bool](repeating: false, count: toks.count)
        for e in findings.entities.reversed() {
            guard e.provenance.paragraphID == context.paragraphID, e.provenance.sentenceIndex == context.sentence.index else { break }
            // the first token ending after the entity's start (tokens are in text order), then while they overlap it
            var lo = 0, hi = toks.count
            while lo < hi { let mid = (lo + hi) / 2; if toks[mid].end <= e.provenance.start { lo = mid + 1 } else { hi = mid } }
            var k = lo
            while k < toks.count, toks[k].start < e.provenance.end { blocked[k] = true; k += 1 }
        }
        let scan = Scan(lexicon: lexicon, toks: toks, blocked: blocked)
        let (found, candidates) = scan.run()
        for c in candidates {
            findings.personCandidates.append(PersonMention(name: context.text(tokens: c), surface: context.text(tokens: c),
                                                           provenance: context.provenance(tokens: c)))
        }
        for p in found {
            var name = context.text(tokens: p.name)
            // a surname alone ("Mensah said") is the person already named in the document
            if p.nameWords == 1 {
                let earlier = findings.people.filter { $0.provenance.documentID == context.documentID }.map(\.name)
                if let full = PersonIdentity.fullName(ofSurname: name, among: earlier) {
                    name = full
                } else {
                    // or a full name written earlier without a title: "devant Jeanne Roux, qui …" then "Mme Roux a dit"
                    let written = findings.personCandidates.filter { $0.provenance.documentID == context.documentID }
                    if let full = PersonIdentity.fullName(ofSurname: name, among: written.map(\.name)),
                       let first = written.first(where: { $0.name == full }) {
                        findings.people.append(first)
                        name = full
                    }
                }
            }
            findings.people.append(PersonMention(
                name: name, surface: context.text(tokens: p.range),
                title: p.titles.isEmpty ? nil : p.titles.map { context.text(tokens: $0) }.joined(separator: "; "),
                affiliation: p.affiliation.map { a in Self.trimPossessive((a.head.map { $0 + " " } ?? "") + context.text(tokens: a.tokens)) },
                provenance: context.provenance(tokens: p.range)))
        }
    }

    /// A line that opens on a bullet or a list number, or on `By`/`Par`, and ends without a full stop: a
    /// related-article headline (`• Minister X to attend summit`) or a byline (`Par Jeanne Roux, envoyée spéciale`),
    /// whose people are not the article's.
    /// A bullet other than a dash may close on a quote (`› Minister X promises a vote « before 2030 »`); a line
    /// `Name, Economics Editor` (a press job after the first comma, no full stop) is a byline too.
    static func isListedHeadlineOrByline(_ toks: [Token]) -> Bool {
        guard let first = toks.first, let last = toks.last, last.text != "." else { return false }
        if first.kind == .punctuation, ["•", "·", "*", "▪", "►", "›"].contains(first.text), ["»", "\"", "”"].contains(last.text) { return true }
        guard !["»", "\"", "”", "!", "?"].contains(last.text) else { return false }
        if first.kind == .punctuation, ["•", "-", "–", "—", "·", "*", "▪", "►", "›", "»"].contains(first.text) { return true }
        if first.kind == .number, toks.count > 1, [".", ")"].contains(toks[1].text) { return true }
        if first.kind == .word, first.isCapitalized, toks.count <= 12, let comma = toks.firstIndex(where: { $0.text == "," }),
           toks[(comma + 1)...].contains(where: { pressJobs.contains($0.folded) }) { return true }
        return first.kind == .word && first.isCapitalized && ["by", "par"].contains(first.folded)
    }

    private static let pressJobs: Set<String> = ["editor", "correspondent", "reporter", "journalist", "columnist", "writer",
        "redacteur", "redactrice", "correspondant", "correspondante", "journaliste", "chroniqueur", "chroniqueuse", "envoye", "envoyee"]

    /// `Ghana'` (of `Ghana's`) → `Ghana`.
    private static func trimPossessive(_ s: String) -> String {
        guard let last = s.unicodeScalars.last, Tokenizer.isApostrophe(last) else { return s }
        return String(s.unicodeScalars.dropLast())
    }
}

/// One pass over a sentence's tokens.
private struct Scan {
    struct Affiliation { var head: String?; var tokens: Range<Int> }
    struct Found {
        var range: Range<Int>
        var name: Range<Int>
        var titles: [Range<Int>]
        var affiliation: Affiliation?
        /// Name words in `name` (particles and the dots of initials left out).
        var nameWords: Int
    }
    /// A title with its complement: `ministre de la Sécurité publique`.
    struct Title {
        var kind: PersonLexicon.TitleKind
        var range: Range<Int>
        /// The title as reported: `range` without a closing acronym in brackets, with the words before it
        /// that qualify it (`Ghana's trade minister`, `Chilean diplomat`).
        var shown: Range<Int>
        /// `shown`'s start with the article before it, to `range`'s end.
        var phrase: Range<Int>
        var affiliation: Affiliation?
        /// A name closing the complement: `… des Affaires étrangères Nguyen Minh Vu`.
        var trailingName: Range<Int>?
    }

    let lexicon: PersonLexicon
    let toks: [Token]
    var n: Int { toks.count }
    /// Per token: may it belong to a name?
    let nameToken: [Bool]
    /// Per token: inside a country or organisation the entity extractor found.
    let blocked: [Bool]

    init(lexicon: PersonLexicon, toks: [Token], blocked: [Bool]) {
        self.lexicon = lexicon
        self.toks = toks
        self.blocked = blocked
        var flags = [Bool](repeating: false, count: toks.count)
        var i = 0
        while i < toks.count {
            let t = toks[i]
            // "al-Sisi", "bin-Salman": a lower-case Arabic article joined to a capitalised name
            if t.kind == .word, !t.isCapitalized, !blocked[i], Self.isJoinedArticleName(t.text) { flags[i] = true; i += 1; continue }
            // "O'Brien", "D'Souza": the capital and its apostrophe hold to the capitalised word after them
            if t.kind == .word, t.isCapitalized, t.text.scalarCount == 2, let last = t.text.unicodeScalars.last,
               Tokenizer.isApostrophe(last), i + 1 < toks.count, toks[i + 1].start == t.end, toks[i + 1].isCapitalized, !blocked[i + 1] {
                flags[i] = true
                i += 1
                continue
            }
            guard t.kind == .word, t.isCapitalized else { i += 1; continue }
            if let (len, _) = lexicon.notNamePhrases.match(toks, at: i) {
                i += len
                continue
            }
            if lexicon.months.contains(t.folded) {
                flags[i] = i > 0 && flags[i - 1] && !(i + 1 < toks.count && toks[i + 1].kind == .number)
            } else {
                // "Chad Ellison": a country that is also a given name, when a name word follows
                let allowed = lexicon.allowNames.contains(t.folded) && i + 1 < toks.count && toks[i + 1].isCapitalized
                flags[i] = (!blocked[i] || allowed) && Self.mayBeName(t, lexicon)
                // "Hassan Sheikh Mohamud": a title word between two name words
                if !flags[i], lexicon.innerTitleWords.contains(t.folded), i > 0, flags[i - 1], i + 1 < toks.count,
                   toks[i + 1].kind == .word, toks[i + 1].isCapitalized, !blocked[i + 1], Self.mayBeName(toks[i + 1], lexicon) {
                    flags[i] = true
                }
                // "Ibrahim Ould Cheikh", "Salman bin Sheikh": after a patronymic link a name, never a title, follows
                // ("Sidi ould Cheikh": a lower-case link is no name word itself, the word before it is)
                if !flags[i], lexicon.innerTitleWords.contains(t.folded), i > 0, !blocked[i], Self.patronymicLinks.contains(toks[i - 1].folded),
                   toks[i - 1].isCapitalized ? flags[i - 1] : i > 1 && flags[i - 2] {
                    flags[i] = true
                }
            }
            i += 1
        }
        nameToken = flags
    }

    /// `al-Sisi`, `el-Fassi`, `bin-Zayed`: a lower-case article, a hyphen and a capital.
    private static func isJoinedArticleName(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let hyphen = scalars.firstIndex(where: Tokenizer.isHyphen), hyphen + 1 < scalars.count,
              scalars[hyphen + 1].properties.isUppercase else { return false }
        return joinedArticles.contains(String(String.UnicodeScalarView(scalars[0..<hyphen])))
    }

    private static let patronymicLinks: Set<String> = ["ould", "bint", "mint", "bin", "binti", "ben", "ibn", "wa", "anak", "ag"]

    private static let joinedArticles: Set<String> = ["al", "el", "ad", "as", "ash", "ben", "bin", "abu", "ibn", "ould"]

    /// A capitalised word that may belong to a name: not an acronym, a title word, a month or a listed place or institution.
    private static func mayBeName(_ t: Token, _ lexicon: PersonLexicon) -> Bool {
        guard let last = t.text.unicodeScalars.last, !Tokenizer.isApostrophe(last), !lexicon.notNameWords.contains(t.folded) else { return false }
        return !isAcronym(t)
    }

    /// `PCV`, `ONUDC`, `UN`: two letters or more, all upper case (or a digit inside).
    static func isAcronym(_ t: Token) -> Bool {
        var letters = 0
        var upper = 0
        for scalar in t.text.unicodeScalars {
            if Tokenizer.isDigit(scalar) { return true }
            if scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { upper += 1 }
            }
        }
        return letters >= 2 && upper == letters
    }

    /// The people of the sentence, and the full names it writes without a title or a verb of speech.
    func run() -> (found: [Found], candidates: [Range<Int>]) {
        var out: [Found] = []
        var candidates: [Range<Int>] = []
        var pending: Title?
        var i = 0
        while i < n {
            if let t = title(at: i) {
                if var p = person(after: t) {
                    // "Le vice-ministre de la Sécurité publique, le général … Pham The Tung, et …"
                    if let q = pending, q.kind != .honorific, q.range.upperBound < n, toks[q.range.upperBound].text == ",",
                       t.phrase.lowerBound - q.range.upperBound <= 2, closesApposition(p.name.upperBound) {
                        p.titles.insert(q.shown, at: 0)
                        p.affiliation = p.affiliation ?? q.affiliation
                        p.range = q.phrase.lowerBound..<p.range.upperBound
                    }
                    out.append(p)
                    pending = nil
                    i = p.range.upperBound
                    // "les présidents X et Y", "le Premier ministre X et Y Z ont …": full names coordinated with it
                    let plural = isPluralTitle(t)
                    while i + 1 < n, ["et", "and"].contains(toks[i].folded) || (plural && toks[i].text == ","),
                          let other = nameRun(from: toks[i].text == "," && ["et", "and"].contains(toks[i + 1].folded) ? i + 2 : i + 1),
                          nameWords(other) >= 2, lexicon.titles.match(toks, at: other.lowerBound) == nil,
                          lexicon.titles.match(toks, at: other.upperBound) == nil, !opensInstitution(other.upperBound) {
                        out.append(Found(range: other, name: other, titles: plural ? [t.shown] : [], affiliation: plural ? t.affiliation : nil,
                                         nameWords: nameWords(other)))
                        i = other.upperBound
                    }
                } else {
                    pending = t
                    i = t.range.upperBound
                }
                continue
            }
            if let run = nameRun(from: i) {
                let words = nameWords(run)
                if words >= 2, run.upperBound < n, toks[run.upperBound].text == ",",
                   let role = apposition(after: run.upperBound + 1) {
                    out.append(Found(range: run.lowerBound..<role.end, name: run, titles: role.titles,
                                     affiliation: role.affiliation, nameWords: words))
                    i = role.end
                } else {
                    // "said Kwame Mensah", "Mensah told reporters", "selon Jean Dupont", "a déclaré Jean Dupont"
                    // "Chilean diplomat …": a word before a title qualifies it;
                    // "according to Johns Hopkins University": the run opens an institution's name
                    if lexicon.titles.match(toks, at: run.upperBound) != nil || opensInstitution(run.upperBound) {
                        i = run.upperBound
                        continue
                    }
                    if reportingBefore(run.lowerBound) || reportingAfter(run.upperBound)
                        || (words >= 2 && (reportingAfterAside(run.upperBound) || coordinatedSpeaker(after: run.upperBound)
                            || ageAside(run.upperBound) || leadingRelative(run.upperBound) || partyBracket(run)
                            || coordinatedWithTitledPerson(run.upperBound) || nationalityNoun(before: run.lowerBound)
                            || openingViewpoint(run) || knownPerson(run) || opensOnGivenName(run))) {
                        out.append(Found(range: run, name: run, titles: [], affiliation: nil, nameWords: words))
                    } else if words >= 2 {
                        candidates.append(run)
                    }
                    i = run.upperBound
                }
                continue
            }
            i += 1
        }
        return (out, candidates)
    }

    /// The person a title introduces, with what follows the name in apposition.
    private func person(after t: Title) -> Found? {
        var name: Range<Int>?
        var shown = t.shown
        if let trailing = t.trailingName {
            name = trailing
        } else if let run = nameRun(from: t.kind == .honorific ? afterModifiers(t) : pastHonorific(afterModifiers(t)),
                                    leadingParticle: t.kind == .honorific),
                  nameWords(run) >= 2 || (nameWords(run) == 1 && toks[run.upperBound - 1].text.count >= 3) {
            name = run
            // "le président chinois Xi Jinping": the modifier belongs to the title
            if run.lowerBound > t.range.upperBound, t.shown.upperBound == t.range.upperBound { shown = t.shown.lowerBound..<run.lowerBound }
        } else if t.kind != .honorific, let comma = commaAfterQualifiers(t.range.upperBound),
                  let run = nameRun(from: pastHonorific(comma + 1)), nameWords(run) >= 2, closesApposition(run.upperBound) {
            name = run
            // "la ministre de la Coopération au développement, Sophie …": the words up to the comma qualify the title
            if comma > t.range.upperBound, t.shown.upperBound == t.range.upperBound { shown = t.shown.lowerBound..<comma }
        }
        guard let name else { return nil }
        var found = Found(range: t.phrase.lowerBound..<name.upperBound, name: name,
                          titles: t.kind == .honorific ? [] : [shown], affiliation: t.affiliation, nameWords: nameWords(name))
        if name.upperBound < n, toks[name.upperBound].text == ",", let role = apposition(after: name.upperBound + 1) {
            found.titles += role.titles
            found.affiliation = found.affiliation ?? role.affiliation
            found.range = found.range.lowerBound..<role.end
        }
        return found
    }

    /// The comma closing the words that qualify a title before the name it introduces:
    /// `le porte-parole du ministère des Affaires étrangères, Pham …`, `son recteur, Jean …`.
    /// Nil when a verb, a clause or another person's title comes first.
    private func commaAfterQualifiers(_ k: Int) -> Int? {
        var m = k
        while m < n, m - k <= 20 {
            let t = toks[m]
            // "la commissaire aux affaires sociales, à l'emploi et à l'inclusion, Mariama …": a list of portfolios
            if t.text == ",", m + 1 < n, toks[m + 1].kind == .word, !toks[m + 1].isCapitalized,
               Self.portfolioPrepositions.contains(toks[m + 1].text.lowercased()) || ["de", "du", "des", "of"].contains(toks[m + 1].folded) {
                m += 1
                continue
            }
            if t.text == "," { return m }
            // "le porte-parole de l'AFC/M23, …": an acronym written with a slash
            if t.text == "/", m + 1 < n, toks[m + 1].start == t.end, toks[m - 1].end == t.start { m += 1; continue }
            if t.text == "(" || t.text == ")" || t.text == "'" || t.text == "’" { m += 1; continue }
            guard t.kind == .word, t.text != "a", !PersonLexicon.auxiliaries.contains(t.folded) || t.text == "à" else { return nil }
            if PersonLexicon.boundaries.contains(t.folded), !Self.portfolioPrepositions.contains(t.text.lowercased()) { return nil }
            if lexicon.reportingVerbs.contains(t.folded) || lexicon.subjectVerbs.contains(t.folded) { return nil }
            // "… et le ministre des Finances, …": another person's title
            if m > k, ["et", "and"].contains(toks[m - 1].folded) || (m > k + 1 && ["et", "and"].contains(toks[m - 2].folded)),
               lexicon.titles.match(toks, at: m) != nil { return nil }
            m += 1
        }
        return nil
    }

    /// Past a courtesy title at `k`: `…, Mme Corinne …`.
    private func pastHonorific(_ k: Int) -> Int {
        guard k < n, let (len, kind) = lexicon.titles.match(toks, at: k), kind == .honorific else { return k }
        return k + len
    }

    /// Prepositions that stay inside a title's portfolio: `au développement`, `pour le numérique`, `for mining`.
    private static let portfolioPrepositions: Set<String> = ["au", "aux", "à", "en", "pour", "for", "in", "on", "at", "to"]

    /// True when a name ending at `k` closes an apposition: a comma, a bracket or the sentence's end,
    /// possibly after the body the person is from (`…, Jane Roe of the Port Authority, said`).
    private func closesApposition(_ k: Int) -> Bool {
        var k = k
        // past letters after the name: "Seán Ó Briain T.D.,"
        while k + 1 < n, isInitial(k), toks[k + 1].text == "." { k += 2 }
        if k + 1 < n, ["of", "from", "at", "de", "du"].contains(toks[k].text) {
            var m = k + 1
            if ["the", "la", "l'"].contains(toks[m].folded), !toks[m].isCapitalized { m += 1 }
            let start = m
            while m < n, m - k <= 10, toks[m].isCapitalized || (m > start && PersonLexicon.connectors.contains(toks[m].folded)) { m += 1 }
            if m > start, toks[m - 1].isCapitalized, m < n, [",", ")"].contains(toks[m].text) { return true }
        }
        return k >= n || [",", ")", ".", ";", ":", "!", "?"].contains(toks[k].text)
    }

    /// Titles after a name and a comma: `ministre de la Police`, `membre du Bureau politique et ministre …`,
    /// `a Chilean diplomat`, `Ghana's trade minister`, or an affiliation `au nom du ministère de la Sécurité publique`.
    /// Nil when a new person starts there.
    private func apposition(after start: Int) -> (titles: [Range<Int>], affiliation: Affiliation?, end: Int)? {
        guard start < n else { return nil }
        // "au nom du ministère …", "on behalf of the Ministry …"
        var k = start
        if k + 1 < n, toks[k].folded == "au", toks[k + 1].folded == "nom" { k += 2 }
        else if k + 2 < n, toks[k].folded == "on", toks[k + 1].folded == "behalf" { k += 2 }
        if k > start {
            guard let c = complement(from: k, lowercaseHead: true) else { return nil }
            return ([], Affiliation(head: nil, tokens: c.org), c.range.upperBound)
        }
        var titles: [Range<Int>] = []
        var affiliation: Affiliation?
        var m = start
        while m < n {
            var a = m
            if !titles.isEmpty {
                guard ["et", "and", ","].contains(toks[a].folded) else { break }
                a += 1
            }
            if a < n, Self.appositionOpeners.contains(toks[a].folded), !toks[a].isCapitalized || a == start { a += 1 }
            a = pastPreModifiers(from: a)
            guard let t = title(at: a), t.kind != .honorific, t.trailingName == nil, nameRun(from: t.range.upperBound) == nil else { break }
            titles.append(t.shown)
            if affiliation == nil || (affiliation?.head == nil && t.affiliation?.head != nil) { affiliation = t.affiliation ?? affiliation }
            m = t.range.upperBound
        }
        return titles.isEmpty ? nil : (titles, affiliation, m)
    }

    /// Articles and possessives that open an apposition: `, a Chilean diplomat`, `, son président`.
    private static let appositionOpeners: Set<String> = [
        "le", "la", "l'", "the", "a", "an", "un", "une", "his", "her", "its", "their", "son", "sa", "leur",
    ]

    // MARK: - Titles

    /// True when `toks[k]` may qualify a title before it: `trade`, `Chilean`, `UN`, `former`.
    private func isPreModifier(_ k: Int) -> Bool {
        let t = toks[k]
        guard t.kind == .word else { return false }
        if !t.isCapitalized { return lexicon.roleModifiers.contains(t.folded) }
        if let last = t.text.unicodeScalars.last, Tokenizer.isApostrophe(last) { return false }
        if blocked[k] || Self.isAcronym(t) || lexicon.isDemonym(t.folded) { return true }
        // one other capitalised word right before the title or its modifiers, not the end of a name:
        // "a Czech economist", "Guterres spokesman"
        guard k + 1 < n, k == 0 || !isNameToken(k - 1), !lexicon.sentenceStarters.contains(t.folded) else { return false }
        let next = toks[k + 1]
        return lexicon.titles.match(toks, at: k + 1) != nil || (!next.isCapitalized && lexicon.roleModifiers.contains(next.folded))
    }

    /// True when `toks[k]` and `toks[k + 1]` are a possessive: `Ghana's`, `the country's`.
    private func isPossessive(_ k: Int) -> Bool {
        guard k + 1 < n, toks[k].kind == .word, let last = toks[k].text.unicodeScalars.last, Tokenizer.isApostrophe(last),
              toks[k + 1].folded == "s", toks[k + 1].start == toks[k].end else { return false }
        return true
    }

    /// Past up to four words that qualify a title ahead of it: `Ghana's trade`, `Chilean`, `EU`.
    private func pastPreModifiers(from a: Int) -> Int {
        var k = a
        var steps = 0
        while k < n, steps < 4, lexicon.titles.match(toks, at: k) == nil {
            if isPossessive(k) { k += 2 } else if isPreModifier(k) { k += 1 } else { break }
            steps += 1
        }
        return k < n && lexicon.titles.match(toks, at: k) != nil ? k : a
    }

    /// Where the words qualifying the title at `i` start, looking back: `Ghana's trade minister`.
    private func preModifierStart(before i: Int) -> Int {
        var s = i
        var steps = 0
        while s > 0, steps < 4 {
            let k = s - 1
            if toks[k].folded == "s", k >= 1, isPossessive(k - 1) { s = k - 1 } else if isPreModifier(k) { s = k } else { break }
            steps += 1
        }
        return s
    }

    /// The title starting at `toks[i]`, with its complement for offices and the words before it that qualify it.
    private func title(at i: Int) -> Title? {
        guard var t = bareTitle(at: i) else { return nil }
        let pre = t.kind == .honorific ? i : preModifierStart(before: i)
        t.shown = pre..<t.shown.upperBound
        t.phrase = pre..<t.range.upperBound
        if pre > 0, ["le", "la", "l'", "the"].contains(toks[pre - 1].folded) { t.phrase = (pre - 1)..<t.range.upperBound }
        // "Chilean diplomat", "Ghana's trade minister": the country or organisation named before the title
        if t.affiliation == nil, let k = (pre..<i).first(where: { toks[$0].isCapitalized && (blocked[$0] || Self.isAcronym(toks[$0]) || lexicon.isDemonym(toks[$0].folded) || isPossessive($0)) }) {
            t.affiliation = Affiliation(head: nil, tokens: k..<(k + 1))
        }
        return t
    }

    /// The title starting at `toks[i]`, with its complement for offices.
    private func bareTitle(at i: Int) -> Title? {
        guard i < n, toks[i].kind == .word, let (len, kind) = lexicon.titles.match(toks, at: i) else { return nil }
        var t = Title(kind: kind, range: i..<(i + len), shown: i..<(i + len), phrase: i..<(i + len))
        let head = lexicon.affiliationHead(toks[i..<(i + len)])
        guard kind == .office else { return t }
        // "le vice-ministre brésilien des Affaires étrangères": a nationality between the title and its complement
        var from = i + len
        while from < n, from - (i + len) < 2, toks[from].kind == .word, !toks[from].isCapitalized, lexicon.isTitleModifier(toks[from].folded),
              complement(from: from, lowercaseHead: false, ministry: head != nil) == nil { from += 1 }
        guard let c = complement(from: from, lowercaseHead: false, ministry: head != nil) else { return t }
        var org = c.org
        var end = c.range.upperBound
        // a name closing the complement, after the organisation's own words
        var s = end
        while s - 1 > org.lowerBound, isNameToken(s - 1) || (lexicon.particles.contains(toks[s - 1].folded) && !toks[s - 1].isCapitalized) { s -= 1 }
        while s < end, !isNameToken(s) { s += 1 }
        let nameWordCount = (s..<end).filter { isNameToken($0) }.count
        // "le wali du Hodh Ech Chargui, Mohamed Lemine …,": a full name between commas after the complement is the
        // person; the capitalised words before the comma are the place's
        let nameAfterComma = end + 1 < n && toks[end].text == "," && nameRun(from: pastHonorific(end + 1)).map {
            nameWords($0) >= 2 && closesApposition($0.upperBound) } == true
        if (2...6).contains(nameWordCount), !nameAfterComma {
            t.trailingName = s..<end
            org = org.lowerBound..<s
            // the organisation must still end on one of its words
            while org.count > 1, PersonLexicon.connectors.contains(toks[org.upperBound - 1].folded) { org = org.lowerBound..<(org.upperBound - 1) }
            end = org.upperBound
        }
        t.range = i..<end
        // the title leaves out a closing acronym the affiliation keeps: "… contre la drogue et le crime (ONUDC)"
        t.shown = t.range
        if end - i >= 4, toks[end - 1].text == ")", toks[end - 3].text == "(" { t.shown = i..<(end - 3) }
        // "ministère de la Sécurité publique" keeps the preposition; "Équateur" does not
        t.affiliation = Affiliation(head: head, tokens: head == nil ? org : c.range.lowerBound..<org.upperBound)
        return t
    }

    /// `de la Sécurité publique`, `de l'Office … (ONUDC)`, `of the United Nations`, `au Commerce`: the whole
    /// complement and the organisation inside it (without the leading preposition).
    private func complement(from j: Int, lowercaseHead: Bool, ministry: Bool = false) -> (range: Range<Int>, org: Range<Int>)? {
        guard j < n else { return nil }
        var k = j
        switch toks[k].folded {
        case "de":
            k += 1
            if k < n, ["la", "l'"].contains(toks[k].folded) { k += 1 }
        case "a":
            // "ministre déléguée à la Mer"
            guard toks[k].text == "à", k + 1 < n, ["la", "l'"].contains(toks[k + 1].folded) else { return nil }
            k += 2
        case "du", "des", "d'", "au", "aux":
            k += 1
        case "of":
            k += 1
            if k < n, toks[k].folded == "the" { k += 1 }
        default:
            return nil
        }
        guard k < n, toks[k].kind == .word, toks[k].isCapitalized || lowercaseHead else { return nil }
        var last = toks[k].isCapitalized ? k : -1
        var m = k + 1
        while m < n, m - j < 18 {
            let t = toks[m]
            if t.text == "(" {
                guard let close = toks[m..<min(n, m + 8)].firstIndex(where: { $0.text == ")" }) else { break }
                last = close
                m = close + 1
                continue
            }
            if t.kind != .word { break }
            // "ministre de la Sécurité publique du Vietnam": the ministry ends before its country
            if ministry, ["du", "de", "d'", "of"].contains(t.folded) {
                var c = m + 1
                if c < n, ["la", "l'", "the"].contains(toks[c].folded) { c += 1 }
                if lexicon.countries.match(toks, at: c) != nil { break }
            }
            // "… et le Premier ministre", "… and Minister": another person's title
            if ["et", "and"].contains(toks[m - 1].folded) || (m >= 2 && ["et", "and"].contains(toks[m - 2].folded)),
               lexicon.titles.match(toks, at: m) != nil { break }
            if t.isCapitalized { last = m; m += 1; continue }
            if PersonLexicon.boundaries.contains(t.folded) || lexicon.titles.match(toks, at: m) != nil { break }
            // "Ursula von der Leyen"
            if lexicon.particles.contains(t.folded), m + 1 < n, toks[m + 1].isCapitalized || lexicon.particles.contains(toks[m + 1].folded) { m += 1; continue }
            if PersonLexicon.connectors.contains(t.folded) { m += 1; continue }
            let prev = toks[m - 1]
            if prev.isCapitalized { last = m } else if !PersonLexicon.connectors.contains(prev.folded), !(m == k + 1 && lowercaseHead) { break }
            m += 1
        }
        guard last >= k else { return nil }
        return (j..<(last + 1), k..<(last + 1))
    }

    /// Where the name may start after a title: past up to two modifiers (`le président chinois`, `sortant`).
    private func afterModifiers(_ t: Title) -> Int {
        var k = t.range.upperBound
        guard t.kind != .honorific, t.trailingName == nil else { return k }
        while k < n, k - t.range.upperBound < 2, toks[k].kind == .word, !toks[k].isCapitalized, lexicon.isTitleModifier(toks[k].folded) { k += 1 }
        // "le député écologiste Maxime …": one more adjective right before a full name
        if k < n, k - t.range.upperBound < 2, toks[k].kind == .word, !toks[k].isCapitalized, isPlainAdjective(toks[k]),
           let run = nameRun(from: k + 1), nameWords(run) >= 2 { k += 1 }
        return k
    }

    /// A lower-case word that is neither a particle, a connector, a boundary nor a verb of the lists.
    private func isPlainAdjective(_ t: Token) -> Bool {
        let f = t.folded
        return t.text != "à" && !lexicon.particles.contains(f) && !PersonLexicon.connectors.contains(f) && !PersonLexicon.boundaries.contains(f)
            && !PersonLexicon.auxiliaries.contains(f) && !lexicon.reportingVerbs.contains(f) && !lexicon.subjectVerbs.contains(f)
            && !lexicon.sentenceStarters.contains(f)
    }

    // MARK: - Reporting verbs

    /// `said X`, `a déclaré X`, `according to X`, `selon X`, `d'après X`.
    private func reportingBefore(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        let p = toks[i - 1]
        guard p.kind == .word else { return false }
        if p.folded == "selon" { return true }
        if i >= 2, p.folded == "to", toks[i - 2].folded == "according" { return true }
        if i >= 2, p.folded == "apres", toks[i - 2].folded == "d'" { return true }
        if !p.isCapitalized, lexicon.reportingVerbs.contains(p.folded) { return true }
        if invertedSpeaker(at: i) { return true }
        // "« … », a rappelé samedi X", "\"…,\" wrote X": after a quotation any verb inverts its subject
        var k = i - 1
        var words = 0
        while k >= 0, toks[k].kind == .word, !toks[k].isCapitalized, words < 4 { k -= 1; words += 1 }
        guard words >= 1, k >= 1, toks[k].text == "," else { return false }
        return Self.closingQuotes.contains(toks[k - 1].text)
    }

    private static let closingQuotes: Set<String> = ["»", "”", "\""]

    /// `a rappelé X`, `a expliqué à l'AFP X`, `a déclaré jeudi soir X`, `said on Monday X`: a verb of speech
    /// (or, after an auxiliary, a verb whose subject is a person) with the day, an adverb or the outlet spoken
    /// to between it and the name at `i`.
    private func invertedSpeaker(at i: Int) -> Bool {
        var j = i - 1
        var skipped = 0
        while j >= 0, skipped < 6 {
            let t = toks[j]
            guard t.kind == .word || t.text == "'" || t.text == "’" else { return false }
            if !t.isCapitalized {
                if lexicon.reportingVerbs.contains(t.folded) { return inBetweenIsAside(j + 1, i) }
                if lexicon.subjectVerbs.contains(t.folded), j >= 1, ["a", "ont", "avait", "avaient"].contains(toks[j - 1].text) {
                    return inBetweenIsAside(j + 1, i)
                }
            }
            j -= 1
            skipped += 1
        }
        return false
    }

    /// True when `toks[a..<b]` are only days, times of day, adverbs of speech and the outlet or people spoken
    /// to: `jeudi soir`, `à l'AFP`, `au Monde`, `aux journalistes`, `on Monday`, `to reporters`.
    private func inBetweenIsAside(_ a: Int, _ b: Int) -> Bool {
        var m = a
        while m < b {
            let t = toks[m]
            if !t.isCapitalized, CalendarWords.weekdays.contains(t.folded) || Self.timesOfDay.contains(t.folded)
                || lexicon.reportingAdverbs.contains(t.folded) { m += 1; continue }
            if ["a", "au", "aux", "to", "on"].contains(t.folded), t.text != "a", !t.isCapitalized {
                m += 1
                if m < b, ["l'", "la", "le", "les"].contains(toks[m].folded) { m += 1 }
                // one word: the outlet ("AFP", "Reuters") or the listeners ("journalistes", "reporters"), or the day
                guard m < b else { return false }
                m += 1
                continue
            }
            return false
        }
        return true
    }

    private static let timesOfDay: Set<String> = ["soir", "matin", "midi", "apres-midi", "night", "morning", "evening", "afternoon"]

    /// `X said`, `X told reporters`, `X a affirmé`, `X has also warned`, `X estime`.
    private func reportingAfter(_ k: Int) -> Bool {
        // "Gatwech Lual, who leads …": a relative pronoun for people
        if k + 1 < n, toks[k].text == ",", ["who", "whose"].contains(toks[k + 1].folded) { return true }
        var m = k
        // "X s'est inquiété", "X se félicite"
        if m + 1 < n, ["s'", "se"].contains(toks[m].folded), !toks[m].isCapitalized { m += 1 }
        if m < n, ["est", "etait"].contains(toks[m].folded), m > k, !toks[m].isCapitalized { m += 1 }
        if m < n, PersonLexicon.auxiliaries.contains(toks[m].folded), !toks[m].isCapitalized { m += 1 }
        if m < n, lexicon.reportingAdverbs.contains(toks[m].folded), !toks[m].isCapitalized { m += 1 }
        guard m < n, toks[m].kind == .word, !toks[m].isCapitalized else { return false }
        return lexicon.reportingVerbs.contains(toks[m].folded) || lexicon.subjectVerbs.contains(toks[m].folded)
    }

    /// True when `toks[k]` is a capitalised word of institution names (`University`, `Foundation`, `Group`), not a
    /// weekday or a month: the name before it is the institution's.
    private func opensInstitution(_ k: Int) -> Bool {
        guard k < n, toks[k].kind == .word, toks[k].isCapitalized else { return false }
        let f = toks[k].folded
        return lexicon.notNameWords.contains(f) && !CalendarWords.weekdays.contains(f) && !lexicon.months.contains(f)
    }

    /// `Kwame Mensah and Ama Owusu said`, `Jean Roux, Marie Lenoir et Paul Caron ont signé`: full names joined by
    /// commas and a closing `and`/`et` that a verb of speech (or an auxiliary and a verb) follows.
    private func coordinatedSpeaker(after k: Int) -> Bool {
        var m = k
        var closed = false
        while !closed, m + 1 < n {
            var next = m + 1
            if toks[m].text == ",", ["and", "et"].contains(toks[m + 1].folded) { next = m + 2; closed = true }
            else if ["and", "et"].contains(toks[m].folded) { closed = true }
            else if toks[m].text != "," { return false }
            guard let other = nameRun(from: next), nameWords(other) >= 2 else { return false }
            m = other.upperBound
        }
        guard closed else { return false }
        if reportingAfter(m) { return true }
        return m + 1 < n && ["ont", "have", "had", "avaient"].contains(toks[m].text) && toks[m + 1].kind == .word && !toks[m + 1].isCapitalized
    }

    /// `Bassirou Faye et le Premier ministre Ousmane Sonko`: a full name coordinated with a person a title introduces.
    private func coordinatedWithTitledPerson(_ k: Int) -> Bool {
        guard k + 1 < n, ["and", "et"].contains(toks[k].folded) else { return false }
        var m = k + 1
        if m < n, ["le", "la", "l'", "the", "son", "sa", "his", "her", "their", "leur"].contains(toks[m].folded) { m += 1 }
        guard let t = title(at: m), t.phrase.lowerBound > k else { return false }
        return person(after: t) != nil
    }

    /// `le Sénégalais Mamadou Ba`, `l'Ivoirienne Marie Koné`, `the Nigerian Tunde Bakare`: an article and a
    /// nationality written as a noun right before the name.
    private func nationalityNoun(before i: Int) -> Bool {
        guard i >= 2, toks[i - 1].kind == .word, toks[i - 1].isCapitalized, !Self.isAcronym(toks[i - 1]),
              ["le", "la", "l'", "the"].contains(toks[i - 2].folded) else { return false }
        // a nationality the entity extractor read as its country, or a French one by its ending ("the Ocean …" is not one)
        return blocked[i - 1] || (toks[i - 2].folded != "the" && lexicon.isTitleModifier(toks[i - 1].folded))
    }

    /// `Pour Hélène Dufour, la médiation …`, `For Kwame Mensah, the deal …`: a sentence opening on the view of a
    /// full name closed by a comma.
    private func openingViewpoint(_ run: Range<Int>) -> Bool {
        run.lowerBound == 1 && ["pour", "for"].contains(toks[0].folded) && run.upperBound < n && toks[run.upperBound].text == ","
    }

    /// A name every reader knows (`Vladimir Poutine`), outside a line that a short label and a colon open
    /// (`Next on Evening Report: …`, `Read more: …`), which is page furniture.
    private func knownPerson(_ run: Range<Int>) -> Bool {
        guard lexicon.knownPeople.contains(PersonLexicon.nameKey(toks[run])) else { return false }
        if let colon = toks[..<run.lowerBound].firstIndex(where: { $0.text == ":" }), colon <= 5 { return false }
        return true
    }

    /// `Abakar Moussa Dangaye`, `Marie-Solange Akakpo-Dossou`: two to four name words, the first a given name of the
    /// titles file (or, hyphenated, opening on one), the others capitalised, outside page furniture opened by a short
    /// label and a colon, and not the start of an institution's or a place's name (checked by the caller).
    private func opensOnGivenName(_ run: Range<Int>) -> Bool {
        guard !lexicon.givenNames.isEmpty, nameWords(run) <= 4 else { return false }
        let first = toks[run.lowerBound].folded
        let head = first.split(separator: "-", maxSplits: 1).first.map(String.init) ?? first
        guard lexicon.givenNames.contains(first) || lexicon.givenNames.contains(head) else { return false }
        // every word after the given name is capitalised (no `Jean de` alone) and not a known country
        guard run.dropFirst().contains(where: { toks[$0].isCapitalized }) else { return false }
        // a byline or a credit (`Suivi en direct par X et Y`, `(AFP/X)`, `By X |`) names no one of the story
        let before = run.lowerBound > 0 ? toks[run.lowerBound - 1].folded : ""
        let credit: Set<String> = ["par", "by", "/", "(", "©", "et", "and", "photo", "credit", "credits", "credit:"]
        if credit.contains(before) { return false }
        if run.upperBound < n, [")", "|", "/"].contains(toks[run.upperBound].text) { return false }
        // a headline in title case (`Officials Said Nothing About It`): every word is capitalised
        let words = toks.filter { $0.kind == .word }
        if words.count >= 4, words.filter(\.isCapitalized).count * 10 >= words.count * 7 { return false }
        // `Hong Kong-listed`: a place before `-listed`, `-based`
        if run.contains(where: { OrganisationShape.isOriginModifier(toks[$0].folded) }) { return false }
        if let colon = toks[..<run.lowerBound].firstIndex(where: { $0.text == ":" }), colon <= 5 { return false }
        return true
    }

    /// `X, 45 ans,`, `X, 52,`, `X (61 ans)`: an age between commas or brackets after a full name.
    private func ageAside(_ k: Int) -> Bool {
        guard k + 2 < n, [",", "("].contains(toks[k].text), toks[k + 1].kind == .number,
              toks[k + 1].text.count <= 3, toks[k + 1].text.allSatisfy(\.isNumber), let age = Int(toks[k + 1].text), (1...120).contains(age) else { return false }
        var m = k + 2
        if m < n, ["ans", "an"].contains(toks[m].folded) { m += 1 }
        return m >= n || [",", ")"].contains(toks[m].text)
    }

    /// `X, qui dirige …`, `X, qui a fondé …`: the French relative, which serves things too, with a verb of
    /// leading or living that only people take.
    private func leadingRelative(_ k: Int) -> Bool {
        guard k + 2 < n, toks[k].text == ",", toks[k + 1].folded == "qui" else { return false }
        var m = k + 2
        if ["a", "avait"].contains(toks[m].text), m + 1 < n { m += 1 }
        return Self.leadingVerbs.contains(toks[m].folded)
    }

    private static let leadingVerbs: Set<String> = [
        "dirige", "dirigeait", "preside", "presidait", "copreside", "coordonne", "coordonnait", "fonde", "cofonde",
        "enseigne", "milite", "vit", "vivait", "habite", "habitait", "perdu", "fui",
    ]

    /// `Olivier Faure (PS)`, `Bernie Sanders (I-Vt.)`, `X (parti Y)`: a party in brackets after a full name — an
    /// acronym that is not the name's own initials, a US party letter and state, or the word party.
    private func partyBracket(_ run: Range<Int>) -> Bool {
        let k = run.upperBound
        guard k + 2 < n, toks[k].text == "(" else { return false }
        let first = toks[k + 1]
        if ["parti", "party"].contains(first.folded) { return true }
        // "(D-N.Y.)", "(R-Texas)"
        let scalars = Array(first.text.unicodeScalars)
        if scalars.count >= 3, scalars[0].properties.isUppercase, Tokenizer.isHyphen(scalars[1]), scalars[2].properties.isUppercase { return true }
        guard Self.isAcronym(first), first.text.count <= 5, toks[k + 2].text == ")",
              let a = first.folded.first, let b = toks[run.lowerBound].folded.first else { return false }
        return a != b
    }

    /// True when the title is plural: `présidents`, `Lawmakers`, `chefs d'État`.
    private func isPluralTitle(_ t: Title) -> Bool {
        guard t.kind != .honorific, let (len, _) = lexicon.titles.match(toks, at: t.range.lowerBound) else { return false }
        return [toks[t.range.lowerBound], toks[t.range.lowerBound + len - 1]].contains { w in
            w.folded.count > 3 && w.folded.hasSuffix("s") && !w.folded.hasSuffix("ss")
        }
    }

    /// `X, 52, a farmer from the delta, said`, `X, 54 ans, a déclaré`, `X of the Red Cross told`:
    /// a reporting verb after an aside between commas or an affiliation.
    private func reportingAfterAside(_ k: Int) -> Bool {
        guard k < n else { return false }
        if toks[k].text == "," {
            // "Access Now, which …": a relative clause for things (and the French "qui", for both) says nothing
            guard k + 1 < n, !["which", "that", "qui", "dont", "ou", "lequel", "laquelle"].contains(toks[k + 1].folded) else { return false }
            var m = k + 1
            while m < n, m - k <= 15 {
                let t = toks[m]
                if t.text == ",", m > k + 1, reportingAfter(m + 1) { return true }
                if t.kind == .punctuation, ![",", "(", ")", "-", "'", "’", "%"].contains(t.text) { return false }
                if t.kind == .word, !t.isCapitalized, lexicon.reportingVerbs.contains(t.folded) || lexicon.subjectVerbs.contains(t.folded) { return false }
                m += 1
            }
            return false
        }
        // "Jane Roe of Amnesty International said", "Jean Roux, de Médecins du monde" is an aside above
        guard ["of", "from", "at"].contains(toks[k].text) else { return false }
        var m = k + 1
        if m < n, toks[m].folded == "the" { m += 1 }
        guard m < n, toks[m].isCapitalized else { return false }
        while m < n, m - k <= 10, toks[m].isCapitalized || PersonLexicon.connectors.contains(toks[m].folded) || toks[m].text == "(" || toks[m].text == ")" { m += 1 }
        return reportingAfter(m)
    }

    // MARK: - Names

    /// The run of 1–6 name words starting at `toks[i]` (particles and initials allowed inside), or nil.
    private func nameRun(from i: Int, leadingParticle: Bool = false) -> Range<Int>? {
        // "Mme de Souza-Agbo", "M. von Weizsäcker": after a courtesy title a name may open on a particle
        if leadingParticle, i + 1 < n, !toks[i].isCapitalized, lexicon.particles.contains(toks[i].folded) {
            var p = i + 1
            if !toks[p].isCapitalized, PersonLexicon.secondParticles.contains(toks[p].folded) || lexicon.particles.contains(toks[p].folded) { p += 1 }
            guard p < n, isNameToken(p), let rest = nameRun(from: p) else { return nil }
            return i..<rest.upperBound
        }
        guard i < n, isNameToken(i) else { return nil }
        if i == 0 || Self.openings.contains(toks[i - 1].text), lexicon.sentenceStarters.contains(toks[i].folded) { return nil }
        // "selon Le Monde", "told The Guardian": a capitalised article and one word is a title of the press, not a
        // name ("Lê Thị Hồng Nhung", "Le Thi Mai Anh" have more words)
        let opensOnArticle = Self.articles.contains(toks[i].folded) && toks[i].text.lowercased() == toks[i].folded
        var m = i + 1
        var words = 1
        while m < n {
            if isNameToken(m) { words += 1; m += 1; continue }
            // a nickname in quotes between the given name and the surname: `Ramon "Jun" Dizon Labrador`
            if m + 3 < n, ["\"", "“", "«"].contains(toks[m].text), isNameToken(m + 1), ["\"", "”", "»"].contains(toks[m + 2].text),
               isNameToken(m + 3) { m += 3; continue }
            // an initial: "Kwame A. Mensah"
            if toks[m].text == ".", toks[m].start == toks[m - 1].end, isInitial(m - 1), m + 1 < n, isNameToken(m + 1) { m += 1; continue }
            // "von der Leyen", "de la Fuente", "Teixeira de Alencar"
            if !toks[m].isCapitalized, lexicon.particles.contains(toks[m].folded) {
                var p = m + 1
                if p < n, !toks[p].isCapitalized, lexicon.particles.contains(toks[p].folded) || PersonLexicon.secondParticles.contains(toks[p].folded) { p += 1 }
                if p < n, isNameToken(p) { m = p; continue }
            }
            break
        }
        if opensOnArticle, words <= 2 { return nil }
        // "Seán Ó Briain T.D.": two initials or more closed by a dot at the run's end are letters after the name
        var end = m
        if m < n, toks[m].text == ".", m - 4 > i, isInitial(m - 1), toks[m - 2].text == ".", isInitial(m - 3) {
            var e = m - 1
            while e - 2 > i, toks[e - 1].text == ".", isInitial(e - 2) { e -= 2 }
            end = e
            words = (i..<end).filter { isNameToken($0) }.count
        }
        guard end > i else { return nil }
        return words <= 6 ? i..<end : nil
    }

    /// Name words of a run: particles and the dots of initials left out.
    private func nameWords(_ r: Range<Int>) -> Int {
        r.filter { k in
            guard isNameToken(k) else { return false }
            guard let last = toks[k].text.unicodeScalars.last else { return false }
            return !Tokenizer.isApostrophe(last)
        }.count
    }

    private func isInitial(_ k: Int) -> Bool {
        toks[k].kind == .word && toks[k].isCapitalized && (toks[k].text.scalarCount == 1 || Self.givenNameAbbreviations.contains(toks[k].folded))
    }

    /// Given names written short with a dot: `Md. Rafiqul Islam`, `Mohd. Azmin`.
    private static let givenNameAbbreviations: Set<String> = ["md", "mohd", "muhd", "wm"]


    private func isNameToken(_ k: Int) -> Bool { nameToken[k] }

    /// Articles that never open a name (they may follow a particle: `Jean de La Tour`).
    private static let articles: Set<String> = ["le", "la", "les", "l'", "the", "los", "las"]

    /// Marks after which a word is capitalised as if it opened a sentence.
    private static let openings: Set<String> = ["«", "\"", "“", "(", ":"]
}
