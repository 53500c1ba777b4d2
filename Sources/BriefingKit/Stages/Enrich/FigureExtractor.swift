/// Finds stated figures: a number, its qualifier and the thing it counts
/// (`plus de 1 000 délégués`, `72 pays signataires`, `(9 chapitres, 71 articles)`, `more than 60 countries`,
/// `$50 million`, `15 %`, `une vingtaine de journalistes`, `between 40 and 50 troops`).
///
/// Numbers are read in digits (`FigureNumbers`: thousands groups of both languages, decimals, multipliers,
/// a digit cap) or in words (`NumberWords`); a currency sign before the number (`$`, `US$`, `€`) makes it
/// money. The counted thing follows the number: a phrase of the data file's vocabulary (a few adjectives
/// or names may stand between), or in English a plural noun outside it (`12 hospitals` → hospitals); in
/// French a noun outside the vocabulary yields nothing. When nothing follows, the sentence may still say
/// what is counted: a part of a whole (`nine of the 11 members`), a casualty phrase (`23 were missing`),
/// a comparison with the figure just stated (`down from 30`), `the number of X … to 39`, a nationality.
/// A range gives one figure per bound, without qualifier. Years, days of month, clock times, ages, list
/// and article numbers, durations, ratios, exchange rates and numbers glued to words yield nothing.
/// `asOf` is the written-out day of the same sentence nearest to the figure, when there is one.
///
/// Every step looks at a bounded number of tokens around the number, so a sentence costs linear time.
public struct FigureExtractor: Extractor {
    private struct Rule: Sendable {
        var from: Set<String>
        var to: String
        var agents: Set<String>
        var triggers: Set<String>
        var window: Int
        var after: FoldedPhraseTable<Bool>
        /// Folded phrases that end right before the figure ("killed at least 12 people").
        var before: Set<String>
        var beforeMaxLength: Int
    }

    private let qualifiers: [String: String]
    private let qualifierMaxLength: Int
    private let metrics: FoldedPhraseTable<String>
    private let adjectives: Set<String>
    private let rules: [Rule]
    /// Metrics that describe a text, not a moment (`articles`): they never take an `asOf` date.
    private let undated: Set<String>
    /// Phrases after a figure that say what the counted things did, by role.
    private let roles: FoldedPhraseTable<String>
    /// How many tokens after the counted thing a role phrase may start.
    private static let roleWindow = 20
    private let dates = DateExtractor()
    /// Folded currency signs and codes written before the number (`$`, `us $`, `€`, `usd`) → metric.
    private let currencyPrefixes: [String: String]
    /// The metrics of money (those with a sign or code in `currencies`): `usd`, `eur` …
    private let currencyMetrics: Set<String>
    /// Folded words after which a number is a label, not a count (`article 5`, `resolution 2231`, `aged 45`).
    private let notAfter: Set<String>
    /// Folded nouns that never make a figure in English outside the vocabulary (`days`, `years`, `times`).
    private let notCounted: Set<String>

    /// Loads the metrics data file (`Pipelines/data/metrics.yaml`).
    /// - Throws: `ConfigError` with the file position of a bad entry.
    public init(metricsFile file: String) throws {
        let data = try YAMLLoader.load(MetricsFile.self, path: file)
        var q: [String: String] = [:]
        var maxLength = 1
        for (qualifier, phrases) in data.qualifiers.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases {
                let toks = Tokenizer.tokens(phrase).map(\.folded)
                guard !toks.isEmpty else { continue }
                let key = toks.joined(separator: " ")
                if let other = q[key], other != qualifier {
                    throw ConfigError(location: SourceLocation(file: file), keyPath: "qualifiers.\(qualifier)",
                                      message: "'\(phrase)' is already a '\(other)' qualifier")
                }
                q[key] = qualifier
                maxLength = max(maxLength, toks.count)
            }
        }
        var table = FoldedPhraseTable<String>()
        var seen: [String: String] = [:]
        for (metric, phrases) in data.metrics.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases {
                let key = TextFolder.shared.fold(phrase)
                if let other = seen[key], other != metric {
                    throw ConfigError(location: SourceLocation(file: file), keyPath: "metrics.\(metric)",
                                      message: "'\(phrase)' already counts '\(other)'")
                }
                seen[key] = metric
                table.add(phrase, metric)
            }
        }
        var rules: [Rule] = []
        for (n, r) in data.contextRules.enumerated() {
            for metric in r.from + [r.to] where data.metrics[metric] == nil {
                throw ConfigError(location: SourceLocation(file: file), keyPath: "context_rules[\(n)]",
                                  message: "unknown metric '\(metric)'")
            }
            var after = FoldedPhraseTable<Bool>()
            for phrase in r.after ?? [] { after.add(phrase, true) }
            var before: Set<String> = []
            var beforeMax = 0
            for phrase in r.before ?? [] {
                let toks = Tokenizer.tokens(phrase).map(\.folded)
                guard !toks.isEmpty else { continue }
                before.insert(toks.joined(separator: " "))
                beforeMax = max(beforeMax, toks.count)
            }
            rules.append(Rule(from: Set(r.from), to: r.to, agents: Set((r.agents ?? []).map { TextFolder.shared.fold($0) }),
                              triggers: Set((r.triggers ?? []).map { TextFolder.shared.fold($0) }), window: r.window ?? 12, after: after,
                              before: before, beforeMaxLength: beforeMax))
        }
        self.qualifiers = q
        self.qualifierMaxLength = maxLength
        self.metrics = table
        self.adjectives = Set(data.adjectives.map { TextFolder.shared.fold($0) })
        self.rules = rules
        for metric in data.undated where data.metrics[metric] == nil {
            throw ConfigError(location: SourceLocation(file: file), keyPath: "undated", message: "unknown metric '\(metric)'")
        }
        self.undated = Set(data.undated)
        var roles = FoldedPhraseTable<String>()
        for (role, phrases) in data.roles.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases { roles.add(phrase, role) }
        }
        self.roles = roles
        var prefixes: [String: String] = [:]
        for (metric, signs) in data.currencies.sorted(by: { $0.key < $1.key }) {
            guard data.metrics[metric] != nil else {
                throw ConfigError(location: SourceLocation(file: file), keyPath: "currencies.\(metric)", message: "unknown metric '\(metric)'")
            }
            for sign in signs {
                let toks = Tokenizer.tokens(sign).map(\.folded)
                guard !toks.isEmpty, toks.count <= 2 else {
                    throw ConfigError(location: SourceLocation(file: file), keyPath: "currencies.\(metric)",
                                      message: "'\(sign)' must be one or two tokens")
                }
                prefixes[toks.joined(separator: " ")] = metric
            }
        }
        self.currencyPrefixes = prefixes
        self.currencyMetrics = Set(prefixes.values)
        self.notAfter = Set(data.notAfter.map { TextFolder.shared.fold($0) })
        self.notCounted = Set(data.notCounted.map { TextFolder.shared.fold($0) })
    }

    /// The role a phrase after the figure gives the counted things, up to the next figure.
    private func role(_ toks: [Token], after end: Int) -> String? {
        var k = end
        while k < min(toks.count, end + Self.roleWindow) {
            if toks[k].kind == .number { return nil }
            if let (_, role) = roles.match(toks, at: k) { return role }
            k += 1
        }
        return nil
    }

    public func extract(_ context: SentenceContext, into findings: inout Findings) {
        let toks = context.sentence.tokens
        guard toks.contains(where: { $0.kind == .number || ($0.kind == .word && NumberWords.opens($0.folded)) }) else { return }
        let found = dates.found(in: context)
        var inDate = [Bool](repeating: false, count: toks.count)
        for f in found { for k in f.range { inDate[k] = true } }
        var scan = Scan(toks: toks, inDate: inDate)
        if let last = findings.figures.last, last.provenance.documentID == context.documentID,
           last.provenance.paragraphID == context.paragraphID {
            scan.paragraphMetric = last.metric
        }
        // a figure's as-of date is a day the sentence writes out ("le 25 octobre", "Oct 26"), not a month,
        // a year, "today", or a deadline ("by June 2026", "d'ici 2030")
        let asOfCandidates = found.filter { f in
            f.date.day != nil && toks[f.range].contains { $0.kind == .number }
                && !(f.range.lowerBound > 0 && Self.deadlineWords.contains(toks[f.range.lowerBound - 1].folded))
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        // a date inside a clause set off before the figure's ("Adoptée le 24 décembre 2024, la convention …
        // par 40 États", "Since the deal took effect on Jan 1, …") dates that clause, not the figure
        let segments = asOfCandidates.isEmpty ? [] : Self.segments(toks)
        var segmentStarts: [Int] = []
        for k in segments.indices where k == 0 || segments[k] != segments[k - 1] { segmentStarts.append(k) }
        let clauses: [Int?] = asOfCandidates.map { Self.setOffClause(toks, segments, segmentStarts, at: $0.range.lowerBound) }
        // the sentence's scalars, made once when it has a figure: `SentenceContext.text(tokens:)` walks
        // from the sentence start each time, which a long sentence with many figures cannot afford
        var scalars: [Unicode.Scalar] = []
        let base = context.sentence.start
        func text(_ range: Range<Int>) -> String {
            guard !range.isEmpty else { return "" }
            let a = toks[range.lowerBound].start - base, b = toks[range.upperBound - 1].end - base
            guard a >= 0, a <= b, b <= scalars.count else { return "" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[a..<b])
            return String(view)
        }
        var i = 0
        while i < toks.count {
            let t = toks[i]
            guard !inDate[i], t.kind == .number || (t.kind == .word && NumberWords.opens(t.folded)) else { i += 1; continue }
            let (figures, next) = self.figures(&scan, at: i)
            if !figures.isEmpty, scalars.isEmpty { scalars = Array(context.sentence.text.unicodeScalars) }
            for figure in figures {
                var metric = figure.metric
                for rule in rules where rule.from.contains(metric) && applies(rule, toks, figure) { metric = rule.to; break }
                // a bare "one" counts only what a rule names ("one person was killed"), not "in one country"
                if figure.weak, metric == figure.metric { continue }
                let range = figure.start..<figure.end
                let qualifierRange = figure.start..<figure.numberStart
                findings.figures.append(FigureMention(
                    surface: text(range), value: figure.value, qualifier: figure.qualifier,
                    qualifierText: figure.qualifier != nil && !qualifierRange.isEmpty ? text(qualifierRange) : nil,
                    metric: metric, unitText: text(figure.unitStart..<figure.end),
                    asOf: undated.contains(metric) ? nil : Self.asOf(asOfCandidates, clauses: clauses, segment: segments.isEmpty ? 0 : segments[figure.start],
                                                                     figureStart: figure.start, figureEnd: figure.end),
                    role: role(toks, after: figure.end), provenance: context.provenance(tokens: range)))
            }
            i = max(i + 1, next)
        }
    }

    private struct Figure {
        /// The qualifier's first token, or the currency's, or the number's.
        var start: Int
        /// The number's first token (after qualifier and currency).
        var numberStart: Int
        var value: Double
        var qualifier: String?
        var unitStart: Int
        var end: Int
        var metric: String
        var weak = false
    }

    /// One sentence being read, with its language worked out once, when a rule needs it.
    private struct Scan {
        let toks: [Token]
        let inDate: [Bool]
        private var english: Bool?
        /// The metric of the sentence's last figure ("19 seats, down from 30").
        var lastMetric: String?
        /// The sentence's figures so far, in order: metric and value.
        var counted: [(metric: String, value: Double)] = []
        /// Where the sentence's last figure ends.
        var lastEnd = 0
        /// The metric of the last figure of the paragraph's earlier sentences.
        var paragraphMetric: String?
        /// Where "the number of X" ends in the sentence and what X is, once looked for.
        var numberOf: (end: Int, metric: String)??

        init(toks: [Token], inDate: [Bool]) {
            self.toks = toks
            self.inDate = inDate
        }

        /// True when the sentence has more English than French function words.
        mutating func isEnglish() -> Bool {
            if let e = english { return e }
            var en = 0, fr = 0
            for t in toks where t.kind == .word {
                if FigureWords.englishFunctionWords.contains(t.folded) { en += 1 }
                if FigureWords.frenchFunctionWords.contains(t.folded) { fr += 1 }
            }
            english = en > fr
            return en > fr
        }
    }

    /// A number with what belongs to it: currency before, multiplier after.
    private struct Amount {
        var start: Int
        var numberStart: Int
        var value: Double?
        var end: Int
        var multiplier: Double
        var multiplied: Bool
        var approximate: Bool
        var weak: Bool
        var fraction: Bool
        var yearLike: Bool
        var currency: String?
    }

    /// The currency written right before `tokens[i]` (`$`, `US$`, `€`, `USD `): its metric and first token.
    private func currency(before i: Int, _ toks: [Token]) -> (metric: String, start: Int)? {
        guard i > 0 else { return nil }
        for length in stride(from: min(2, i), through: 1, by: -1) {
            let lo = i - length
            guard toks[i - 1].end + 1 >= toks[i].start else { continue }
            if length == 2, toks[lo].end != toks[lo + 1].start { continue }
            let key = toks[lo..<i].map(\.folded).joined(separator: " ")
            // "USD/VND 26,345" is an exchange rate
            if lo > 0, toks[lo - 1].text == "/", toks[lo - 1].end == toks[lo].start { return nil }
            if let m = currencyPrefixes[key] { return (m, lo) }
        }
        return nil
    }

    /// The number at `i` (digits or words) with its currency and multiplier; nil when there is none.
    private func amount(_ toks: [Token], at i: Int) -> Amount? {
        let prefix = currency(before: i, toks)
        if toks[i].kind == .number {
            guard let r = FigureNumbers.read(toks, at: i) else { return nil }
            var multiplier = 1.0
            if r.multiplied, let m = FigureNumbers.multiplierWords[toks[r.end - 1].folded] ?? FigureNumbers.gluedMultipliers[toks[r.end - 1].folded] {
                multiplier = m
            }
            return Amount(start: prefix?.start ?? i, numberStart: i, value: r.value, end: r.end, multiplier: multiplier,
                          multiplied: r.multiplied, approximate: false, weak: false, fraction: false, yearLike: r.yearLike,
                          currency: prefix?.metric)
        }
        guard let r = NumberWords.read(toks, at: i) else { return nil }
        var value = r.value
        var end = r.end
        var multiplier = 1.0
        // "two million" reads as words; "1,2 million" as digits
        if end < toks.count, !r.fraction, let m = FigureNumbers.multiplierWords[toks[end].folded], toks[end].folded.count > 3 {
            value *= m; multiplier = m; end += 1
        } else if !r.approximate, !r.fraction, let m = FigureNumbers.multiplierWords[toks[Self.lastScaleWord(toks, end: end, from: i)].folded],
                  toks[Self.lastScaleWord(toks, end: end, from: i)].folded.count > 3 {
            // "un million de personnes", "two million refugees", "un million et demi de doses": the words end on a
            // scale, like "1 million"
            multiplier = m
        }
        return Amount(start: prefix?.start ?? i, numberStart: i, value: value, end: end, multiplier: multiplier,
                      multiplied: multiplier != 1, approximate: r.approximate, weak: r.weak, fraction: r.fraction,
                      yearLike: false, currency: prefix?.metric)
    }

    /// The token of the scale that ends a number in words: the last one, or the scale before "et demi".
    private static func lastScaleWord(_ toks: [Token], end: Int, from i: Int) -> Int {
        if end - 3 >= i, ["demi", "demie"].contains(toks[end - 1].folded), toks[end - 2].folded == "et" { return end - 3 }
        return end - 1
    }

    /// Tokens that may stand right before a number glued to it (`($50`, `«72`).
    private static let openers: Set<String> = ["(", "[", "«", "\"", "“", "‘", "~", "≈"]
    private static let rangeWords: Set<String> = ["a", "et", "-", "–", "—", "to", "and"]

    /// The figures that start at `tokens[i]` (two for a range) and the index to read on from.
    private func figures(_ scan: inout Scan, at i: Int) -> ([Figure], Int) {
        let toks = scan.toks
        guard let a = amount(toks, at: i) else { return ([], i + 1) }
        guard a.value != nil else { return ([], a.end) }
        // what stands before: a glued word or mark ("COVID-19", "+84", "1/2"), a label ("article 5", "resolution 2231")
        if toks[i].kind == .number, i > 0, toks[i - 1].end == toks[i].start, a.currency == nil,
           !Self.openers.contains(toks[i - 1].text) {
            return ([], a.end)
        }
        // an amount with a currency sign is money, never a label: "the first $200 million tranche"
        if a.start > 0, a.currency == nil {
            var p = a.start - 1
            if p > 0, [".", "°", "º"].contains(toks[p].text) { p -= 1 }
            if notAfter.contains(toks[p].folded) { return ([], skipRange(toks, from: a.end)) }
        }
        // a ratio: "one in five voters", "un sur dix"
        if a.start >= 2, ["in", "sur", "out"].contains(toks[a.start - 1].folded) || (a.start >= 3 && toks[a.start - 1].folded == "of" && toks[a.start - 2].folded == "out"),
           toks[a.start - 2].kind == .number || NumberWords.opens(toks[a.start - 2].folded) || toks[a.start - 2].folded == "out" {
            return ([], a.end)
        }
        // "the two countries", "les deux blocs": a pair named just before, not a count
        if toks[i].kind == .word, a.value == 2, !a.multiplied, i > 0, ["the", "these", "those", "les", "ces", "des", "aux"].contains(toks[i - 1].folded) {
            return ([], a.end)
        }
        // "the three countries", "all three regions", "the five worst-hit districts": a small number written in
        // words after a definite determiner names a set already known to the reader, it states no new count
        if toks[i].kind == .word, !a.multiplied, let v = a.value, v <= 12, i > 0, a.currency == nil,
           ["the", "these", "those", "all"].contains(toks[i - 1].folded) {
            return ([], a.end)
        }
        let k = a.end
        var hyphenUnit: (String, Int, Int)?
        // what is glued after: "5G", "14h05", "3:14", "26/10", "45-year-old"
        if k < toks.count, toks[k].start == toks[k - 1].end, toks[i].kind == .number {
            let next = toks[k]
            if next.kind != .punctuation { return ([], k) }
            if [":", "/", ".", ","].contains(next.text), k + 1 < toks.count, toks[k + 1].start == next.end, toks[k + 1].kind == .number {
                return ([], k + 2)
            }
            if next.text == "-", k + 1 < toks.count, toks[k + 1].start == next.end, toks[k + 1].kind == .word,
               !NumberWords.opens(toks[k + 1].folded) {
                // "the 35-member Board", "a 27-nation bloc": the size of a body counts its members
                // "a 20-bed treatment centre": a counted noun of the vocabulary in the singular (not a time, an age or
                // a size: "a 10-day visit", "a 40-year-old", "a 3-metre wall" name no count)
                let counted = metrics.match(toks, at: k + 1).flatMap { m -> String? in
                    m.length == 1 && !Self.measureMetrics.contains(m.value) ? m.value : nil
                }
                guard let metric = Self.sizeOfBody(toks, word: k + 1) ?? counted else { return ([], k + 2) }
                hyphenUnit = (metric, k + 1, k + 2)
            }
        }
        // a range: "between 40 and 50 delegates", "40-50", "de 40 à 50 pays"
        if hyphenUnit == nil, k + 1 < toks.count, Self.rangeWords.contains(toks[k].folded) {
            var j = k + 1
            if toks[j].kind != .number, !NumberWords.opens(toks[j].folded) {
                // "between $40 million and $50 million"
                for p in (j + 1)..<min(j + 3, toks.count) where toks[p].kind == .number {
                    if let c = currency(before: p, toks), c.start == j { j = p }
                    break
                }
            }
            let digitsOnly = toks[k].folded == "a" || toks[k].folded == "-" || toks[k].folded == "–"
            if !scan.inDate[j], toks[j].kind == .number || (!digitsOnly && toks[j].kind == .word && NumberWords.opens(toks[j].folded)),
               let b = amount(toks, at: j), let bValue = b.value, !b.weak {
                if a.yearLike && b.yearLike { return ([], b.end) }
                guard let (metric, unitStart, end) = unit(&scan, after: b, from: b.end) else { return ([], b.end) }
                var aValue = a.value ?? 0
                // "between 40 and 50 million": the scale is both bounds'; "between US$500,000 and US$2 million": not
                if !a.multiplied, b.multiplied, aValue < 1000 { aValue *= b.multiplier }
                let first = Figure(start: a.start, numberStart: i, value: aValue, qualifier: nil, unitStart: unitStart, end: end, metric: metric)
                let second = Figure(start: b.start, numberStart: j, value: bValue, qualifier: nil, unitStart: unitStart, end: end, metric: metric)
                scan.lastMetric = metric
                scan.lastEnd = end
                scan.counted.append((metric, bValue))
                return ([first, second], end)
            }
        }
        guard let value = a.value else { return ([], k) }
        var next: Int?
        var found = hyphenUnit ?? unit(&scan, after: a, from: k)
        if found == nil, !a.yearLike, !a.weak, !a.fraction {
            if let (metric, unitStart, end) = partOf(&scan, from: k) {
                // "nine of the 11 members": the whole is read on its own
                found = (metric, unitStart, end)
                next = k
            } else if impliesPeople(toks, at: k) {
                // "23 were still missing", "nearly 300,000 have been displaced"
                found = ("people", k, k)
            } else if let previous = scan.lastMetric, Self.comparison(toks, before: a.start) {
                // "won 19 seats, down from 30"
                found = (previous, k, k)
            } else if Self.partIntroducer(toks, before: qualifierStart(toks, a.start)),
                      let previous = scan.counted.last(where: { $0.value >= value })?.metric {
                // "110 délégations, dont une soixantaine conduites par des ministres", "3,000 troops, including 400 in
                // the capital": the part counts what the whole counts — the last figure at least as large
                found = (previous, k, k)
            } else if let previous = scan.lastMetric ?? scan.paragraphMetric, currencyMetrics.contains(previous),
                      Self.ellipticalAmount(toks, a, after: k) {
                // "5,1 milliards d'euros, devant la France (3,6 milliards)", "$2bn, short of the 3 billion sought":
                // a bare scaled amount after money counts the same money
                found = (previous, k, k)
            } else if casualtyBefore(toks, qualifierStart(toks, a.start), after: k) {
                // "killed more than 100 people and displaced around 136,000": the rules read the verb
                found = ("people", k, k)
            } else if let previous = scan.lastMetric ?? scan.paragraphMetric, Self.anaphora(toks, before: qualifierStart(toks, a.start), after: k) {
                // "Smaller parties shared the remaining five", "les cinq autres"
                found = (previous, k, k)
            } else if let previous = scan.lastMetric, coordinated(toks, before: a.start, after: k, lastEnd: scan.lastEnd) {
                // "120,000 people in Myanmar and roughly 100,000 in Cambodia": the second counts what the first does
                found = (previous, k, k)
            } else if let counted = numberOf(&scan, before: qualifierStart(toks, a.start)) {
                // "the number of countries … has grown to 39", "put the number of people affected at more than 85,000",
                // "the death toll … has risen to 74"
                found = (counted, k, k)
            } else if let people = demonym(&scan, after: a, from: k) {
                // "près de 25 millions de Soudanais", "2,000 Sudanese"
                found = people
            }
        }
        guard let (metric, unitStart, end) = found else { return ([], k) }
        // a speed or a rate written with a slash ("210 km/h", "5 t/ha") measures, it does not count
        if end > unitStart, end + 1 < toks.count, toks[end].text == "/", toks[end].start == toks[end - 1].end,
           toks[end + 1].start == toks[end].end, toks[end + 1].kind == .word { return ([], end + 2) }
        scan.lastMetric = metric
        scan.lastEnd = end
        scan.counted.append((metric, value))
        var start = a.start
        var qualifier: String?
        // an adverb may stand between the qualifier and the number ("dépasse encore 3,90 dollars", "is still over 40")
        var qualifierEnd = start
        if start > 1, Self.qualifierAdverbs.contains(toks[start - 1].folded) { qualifierEnd = start - 1 }
        for length in stride(from: min(qualifierMaxLength, qualifierEnd), through: 1, by: -1) {
            let key = toks[(qualifierEnd - length)..<qualifierEnd].map(\.folded).joined(separator: " ")
            if let q = qualifiers[key] { qualifier = q; start = qualifierEnd - length; break }
        }
        // a qualifier written after the counted thing: "quarante États au moins", "40 countries at least"
        if qualifier == nil, end + 1 < toks.count, end > unitStart {
            let key = toks[end].folded + " " + toks[end + 1].folded
            if key == "au moins" || key == "at least" { qualifier = "at-least" }
        }
        if qualifier == nil, a.approximate { qualifier = "about" }
        // "in 2024 voters …": a year-like number after a preposition or an article is a year
        if a.yearLike, qualifier == nil, a.start > 0, FigureWords.yearLeads.contains(toks[a.start - 1].folded) { return ([], end) }
        return ([Figure(start: start, numberStart: a.start, value: value, qualifier: qualifier, unitStart: unitStart, end: end,
                        metric: metric, weak: a.weak)], next ?? end)
    }

    /// True when "dont", "including", "of whom", "of which", "among them" stands right before `start`.
    private static func partIntroducer(_ toks: [Token], before start: Int) -> Bool {
        guard start > 0 else { return false }
        let w = toks[start - 1].folded
        if w == "dont" || w == "including" || w == "notamment" { return true }
        guard start > 1 else { return false }
        let v = toks[start - 2].folded
        return (v == "of" && (w == "whom" || w == "which")) || (v == "among" && w == "them") || (v == "parmi" && w == "eux")
    }

    private static let qualifierAdverbs: Set<String> = ["encore", "deja", "toujours", "desormais", "still", "already", "now"]

    /// A scaled amount ("3,6 milliards", "2 billion", "1.5bn") with nothing counted after it: no "de X", "of X".
    private static func ellipticalAmount(_ toks: [Token], _ a: Amount, after k: Int) -> Bool {
        guard a.multiplied, a.multiplier >= 1_000_000, !a.fraction, !a.weak else { return false }
        guard k < toks.count else { return true }
        if linkWords.contains(toks[k].folded) { return false }
        // "3 billion people": a word right after is what it counts, not money
        let w = toks[k].folded
        if toks[k].kind != .word || FigureWords.isFunctionWord(w) { return true }
        // a participle describes the amount ("l'objectif de 11,9 milliards fixé par", "the 6 billion sought")
        let lower = toks[k].text.lowercased()
        return !toks[k].isCapitalized && (lower.hasSuffix("é") || lower.hasSuffix("ée") || lower.hasSuffix("és") || lower.hasSuffix("ées")
            || w.hasSuffix("ed") || ["sought", "needed", "requested", "promised", "pledged"].contains(w))
    }

    /// "nine of the 11 members", "at least 20 of the countries that signed": the part counts what the whole counts.
    private func partOf(_ scan: inout Scan, from k: Int) -> (String, Int, Int)? {
        let toks = scan.toks
        guard k + 1 < toks.count, ["of", "des", "d'entre"].contains(toks[k].folded) else { return nil }
        var j = k + 1
        if j < toks.count, ["the", "its", "their", "these", "those", "les", "ces", "leurs"].contains(toks[j].folded) { j += 1 }
        // "18 of the country's 23 provinces": a possessive stands before the whole (read as "country'" + "s")
        if j + 1 < toks.count, toks[j].kind == .word, toks[j].folded.hasSuffix("'"), toks[j].folded.count > 2,
           toks[j + 1].folded == "s", toks[j + 1].start == toks[j].end {
            j += 2
        }
        guard j < toks.count else { return nil }
        if toks[j].kind == .number || NumberWords.opens(toks[j].folded), !scan.inDate[j], let b = amount(toks, at: j), b.value != nil, !b.weak {
            guard let (metric, _, end) = unit(&scan, after: b, from: b.end) else { return nil }
            return (metric, j, end)
        }
        if let (ml, metric) = metrics.match(toks, at: j) { return (metric, j, j + ml) }
        return nil
    }

    private static let numberOfLeads: Set<String> = ["to", "at", "a", "reached", "hit", "totalled", "totaled", "was", "is", "atteint", "est", "de"]

    /// The metric of "the number of X" (`le nombre de X`, `the death toll`) earlier in the sentence, when a
    /// bare number states it ("has grown to 39", "a atteint 39", "has risen to 74").
    private func numberOf(_ scan: inout Scan, before start: Int) -> String? {
        let toks = scan.toks
        guard start > 0, Self.numberOfLeads.contains(toks[start - 1].folded) else { return nil }
        if scan.numberOf == nil {
            var found: (end: Int, metric: String)?
            var k = 0
            while k + 2 < toks.count, found == nil {
                if (toks[k].folded == "number" && toks[k + 1].folded == "of") || (toks[k].folded == "nombre" && ["de", "d'"].contains(toks[k + 1].folded)),
                   let (ml, metric) = metrics.match(toks, at: k + 2) {
                    found = (k + 2 + ml, metric)
                } else if toks[k].folded == "death", toks[k + 1].folded == "toll" {
                    // "the death toll" is the number of deaths
                    found = (k + 2, "deaths")
                }
                k += 1
            }
            scan.numberOf = .some(found)
        }
        guard let f = scan.numberOf ?? nil, f.end <= start, start - f.end <= 12 else { return nil }
        return f.metric
    }

    private static let frenchDemonymEndings = ["ais", "aises", "ois", "oises", "iens", "iennes", "ains", "aines", "ans", "anes", "ens", "ennes", "ites", "ins", "ines", "ois"]
    private static let englishDemonymEndings = ["ese", "ians", "ans", "is", "os", "ais", "ites"]

    /// A nationality in the plural after the number counts people (`25 millions de Soudanais`,
    /// `2,000 Sudanese`): a capitalised word, not opening the sentence, with a demonym's ending,
    /// not followed by another capitalised word (a name).
    private func demonym(_ scan: inout Scan, after a: Amount, from k: Int) -> (String, Int, Int)? {
        let toks = scan.toks
        guard let v = a.value, v >= 100 else { return nil }
        var j = k
        if j < toks.count, Self.linkWords.contains(toks[j].folded), a.multiplied || a.approximate { j += 1 }
        guard j < toks.count, toks[j].kind == .word, toks[j].isCapitalized, j > 0 else { return nil }
        if j + 1 < toks.count, toks[j + 1].isCapitalized { return nil }
        let w = toks[j].folded
        let endings = scan.isEnglish() ? Self.englishDemonymEndings : Self.frenchDemonymEndings
        guard w.scalarCount >= 5, endings.contains(where: { w.hasSuffix($0) }) else { return nil }
        return ("people", j, j + 1)
    }

    /// True when a casualty phrase of a rule from `people` follows (`were killed`, `ont été évacués`).
    private func impliesPeople(_ toks: [Token], at k: Int) -> Bool {
        for rule in rules where rule.from.contains("people") {
            for p in [k, k + 1] where rule.after.match(toks, at: p) != nil { return true }
        }
        return false
    }

    /// The size of a body written `35-member`, `27-nation`: member states when a body of states follows
    /// (a name, `bloc`, `council` …), else members; countries for `-nation`, `-country`.
    private static func sizeOfBody(_ toks: [Token], word w: Int) -> String? {
        switch toks[w].folded {
        case "nation", "country", "state", "pays": return "countries"
        case "member", "membres":
            let n = w + 1
            guard n < toks.count, toks[n].kind == .word else { return "members" }
            return toks[n].isCapitalized || bodiesOfStates.contains(toks[n].folded) ? "member-states" : "members"
        default: return nil
        }
    }

    /// Metrics that measure rather than count: a hyphenated size before a noun (`a 3-km road`) is no count.
    private static let measureMetrics: Set<String> = [
        "tonnes", "kilometres", "metres", "hectares", "litres", "kilograms", "miles", "percent", "square-kilometres",
        "cubic-metres", "megawatts", "gigawatts", "barrels", "years", "days", "hours", "months", "weeks", "minutes",
    ]

    private static let bodiesOfStates: Set<String> = ["bloc", "alliance", "grouping", "organisation", "organization", "council", "board",
                                                      "commission", "union", "community", "body", "group", "coalition", "forum"]

    /// The first token of the qualifier before `start` (`roughly` in "roughly 100,000"), or `start`.
    private func qualifierStart(_ toks: [Token], _ start: Int) -> Int {
        for length in stride(from: min(qualifierMaxLength, start), through: 1, by: -1) {
            let key = toks[(start - length)..<start].map(\.folded).joined(separator: " ")
            if qualifiers[key] != nil { return start - length }
        }
        return start
    }

    /// True when a casualty verb of a rule stands right before a bare number that no word of its own
    /// follows ("displaced around 136,000.", "killing 12 and injuring 40").
    private func casualtyBefore(_ toks: [Token], _ start: Int, after end: Int) -> Bool {
        if end < toks.count, toks[end].kind == .word, !FigureWords.isFunctionWord(toks[end].folded) { return false }
        for rule in rules where rule.from.contains("people") && rule.beforeMaxLength > 0 && start > 0 {
            for length in 1...min(rule.beforeMaxLength, start) {
                let key = toks[(start - length)..<start].map(\.folded).joined(separator: " ")
                if rule.before.contains(key) { return true }
            }
        }
        return false
    }

    /// True when a bare number refers back to things just counted: "the remaining five", "the other 12",
    /// "another 30", "les cinq autres", "les 12 restants".
    private static func anaphora(_ toks: [Token], before start: Int, after end: Int) -> Bool {
        if start > 0, ["remaining", "other", "another", "additional", "further"].contains(toks[start - 1].folded) {
            return end >= toks.count || toks[end].kind != .word || FigureWords.isFunctionWord(toks[end].folded)
        }
        if start > 0, ["les", "des"].contains(toks[start - 1].folded), end < toks.count,
           ["autres", "restants", "restantes"].contains(toks[end].folded) {
            return end + 1 >= toks.count || toks[end + 1].kind != .word || FigureWords.isFunctionWord(toks[end + 1].folded)
        }
        return false
    }

    private static let coordinators: Set<String> = ["and", "or", "et", "ou", ",", "while", "whereas", "tandis", "alors", "against"]

    /// True when a bare number is coordinated with the figure just stated, a few tokens before it
    /// ("120,000 people in Myanmar and roughly 100,000 in Cambodia", "12 in Sofala and 9 in Manica"):
    /// a coordinator (after an optional qualifier) opens it, and no word of its own follows it.
    private func coordinated(_ toks: [Token], before start: Int, after end: Int, lastEnd: Int) -> Bool {
        guard lastEnd > 0, start > lastEnd else { return false }
        var s = start
        for length in stride(from: min(qualifierMaxLength, s), through: 1, by: -1) {
            let key = toks[(s - length)..<s].map(\.folded).joined(separator: " ")
            if qualifiers[key] != nil { s -= length; break }
        }
        // "tandis que", "alors que", "while"
        var c = s - 1
        if c > 0, toks[c].folded == "que" || toks[c].folded == "qu'" { c -= 1 }
        guard c >= lastEnd, c - lastEnd <= 6, Self.coordinators.contains(toks[c].folded) else { return false }
        // nothing counted between (no other number), and no noun after it that would say what it counts
        for t in toks[lastEnd..<c] where t.kind == .number { return false }
        if end < toks.count, toks[end].kind == .word, !FigureWords.isFunctionWord(toks[end].folded) { return false }
        return true
    }

    /// True when the words before a bare number compare it with a figure just stated ("down from", "contre").
    private static func comparison(_ toks: [Token], before start: Int) -> Bool {
        guard start > 0 else { return false }
        let w1 = toks[start - 1].folded
        let w0 = start > 1 ? toks[start - 2].folded : ""
        if w1 == "contre" || w1 == "versus" || w1 == "vs" { return true }
        if w1 == "from", ["up", "down"].contains(w0) { return true }
        if (w1 == "with" || w1 == "to"), w0 == "compared" { return true }
        return false
    }

    /// Past a run of "5 and 6", "5-7" after a label ("articles 5 and 6").
    private func skipRange(_ toks: [Token], from k: Int) -> Int {
        var k = k
        var steps = 0
        while steps < 8, k + 1 < toks.count, Self.rangeWords.contains(toks[k].folded) || toks[k].text == ",", toks[k + 1].kind == .number {
            k += 2
            while k < toks.count, toks[k].kind == .number, toks[k].start == toks[k - 1].end + 1 || toks[k].start == toks[k - 1].end { k += 1 }
            steps += 1
        }
        return k
    }

    /// The counted thing after an amount: the currency before it, a metric of the vocabulary (a few
    /// adjectives may stand between) or, in English, a plural noun. Returns the metric, where its
    /// words start and the index after them.
    private func unit(_ scan: inout Scan, after a: Amount, from k: Int) -> (String, Int, Int)? {
        let toks = scan.toks
        if let c = a.currency { return (c, a.start, a.end) }
        var j = k
        guard j < toks.count else { return nil }
        // "Boeing 737 jets", "Windows 11 machines": in English a number right after a name (not the sentence's first
        // word, no qualifier) is a model or an edition
        if a.start > 1, toks[a.start - 1].kind == .word, toks[a.start - 1].isCapitalized, !a.multiplied,
           !FigureWords.isFunctionWord(toks[a.start - 1].folded), qualifiers[toks[a.start - 1].folded] == nil,
           CalendarWords.months[toks[a.start - 1].folded] == nil, !CalendarWords.weekdays.contains(toks[a.start - 1].folded), scan.isEnglish() { return nil }
        // a quotation closed right after the number: "no fewer than 2,000" new posts — the noun follows the quote
        if Self.closingQuotes.contains(toks[j].text), toks[j].start == toks[j - 1].end, j + 1 < toks.count, toks[j + 1].kind == .word { j += 1 }
        // a partitive with a demonstrative: "30 of these plants", "plus de 30 de ces usines"
        if j + 2 < toks.count, ["of", "de"].contains(toks[j].folded), ["these", "those", "ces"].contains(toks[j + 1].folded) { j += 2 }
        if a.multiplied || a.approximate || a.fraction, Self.linkWords.contains(toks[j].folded) {
            j += 1
            if a.fraction, j < toks.count, ["the", "les", "la", "le", "l'"].contains(toks[j].folded) { j += 1 }
        }
        guard j < toks.count else { return nil }
        if let (ml, metric) = metrics.match(toks, at: j) {
            // "1,25 milliard de livres" is money, "500 livres" are books
            if ml == 1, !a.multiplied, Self.scaledMoneyWords.contains(toks[j].folded) { return nil }
            return compound(&scan, a, metric, j, j + ml)
        }
        // a few adjectives before the counted thing: listed ones, or up to two other words
        var m = j
        var free = 0
        // two modifiers may be coordinated: "150,000 fishing and farming households"
        while m < toks.count, m - j < 4, toks[m].kind == .word,
              !FigureWords.isFunctionWord(toks[m].folded) || adjectives.contains(toks[m].folded)
                || (m > j && ["and", "or", "et", "ou"].contains(toks[m].folded)),
              !NumberWords.opens(toks[m].folded), !notCounted.contains(toks[m].folded) {
            // listed adjectives and names ("800 Malagasy Red Cross volunteers") are free; other words, two at most
            if !adjectives.contains(toks[m].folded), !toks[m].isCapitalized, !FigureWords.isFunctionWord(toks[m].folded) { free += 1 }
            if free > 2 { break }
            m += 1
            if let (ml, metric) = metrics.match(toks, at: m) { return compound(&scan, a, metric, j, m + ml) }
        }
        guard !a.weak, !a.yearLike else { return nil }
        // French: a plural noun right after the number (or its "de") counts itself, by its folded form
        // ("15 citernes" → citernes, "1,5 million de moustiquaires" → moustiquaires); after "une trentaine"
        // or "1,5 million" the noun needs its "de"; a fraction ("deux tiers des X") is a share, not a count
        if !scan.isEnglish() {
            guard a.value != nil, !a.fraction, j > k || !(a.multiplied || a.approximate) else { return nil }
            var n = j
            while n < toks.count, n - j < 2, adjectives.contains(toks[n].folded) { n += 1 }
            if let noun = frenchNoun(toks, at: n) { return (noun, j, n + 1) }
            return nil
        }
        // English: a plural noun outside the vocabulary counts itself ("12 hospitals" → hospitals)
        // (and here also after the sentence's first word: "Boeing 737 jets were grounded")
        if a.start > 0, toks[a.start - 1].kind == .word, toks[a.start - 1].isCapitalized,
           !FigureWords.isFunctionWord(toks[a.start - 1].folded), qualifiers[toks[a.start - 1].folded] == nil { return nil }
        var n = j
        while n < toks.count, n - j < 3, toks[n].kind == .word,
              adjectives.contains(toks[n].folded) || (toks[n].isCapitalized && !FigureWords.isFunctionWord(toks[n].folded)) { n += 1 }
        guard let value = a.value else { return nil }
        if let noun = englishNoun(toks, at: n, singular: value == 1) {
            // "38,000 graphics processors": a second plural noun is the head
            if value != 1, let head = englishNoun(toks, at: n + 1, singular: false) { return (head, j, n + 2) }
            return (noun, j, n + 1)
        }
        // one modifier before it ("12 field hospitals")
        if n + 1 < toks.count, toks[n].kind == .word, !toks[n].isCapitalized, !FigureWords.isFunctionWord(toks[n].folded),
           !notCounted.contains(toks[n].folded), !FigureWords.looksPlural(toks[n].folded),
           let noun = englishNoun(toks, at: n + 1, singular: value == 1) {
            return (noun, j, n + 2)
        }
        return nil
    }

    /// A counted thing of the vocabulary read in the singular before a plural noun is a modifier, in English:
    /// the plural noun after it is the head ("four road crossings", "12 health posts").
    private func compound(_ scan: inout Scan, _ a: Amount, _ metric: String, _ start: Int, _ end: Int) -> (String, Int, Int) {
        let toks = scan.toks
        guard end < toks.count, end - start == 1, let v = a.value, v != 1, !FigureWords.looksPlural(toks[start].folded),
              toks[start].kind == .word, !toks[start].isCapitalized, toks[start].folded.scalarCount > 2 else { return (metric, start, end) }
        // a percentage or an amount of money keeps its unit ("15 percent tariffs", "5 dollar bills")
        guard !metric.contains("percent"), metric.scalarCount != 3, scan.isEnglish() else { return (metric, start, end) }
        if let (ml, other) = metrics.match(toks, at: end) { return (other, start, end + ml) }
        if let noun = englishNoun(toks, at: end, singular: false) { return (noun, start, end + 1) }
        return (metric, start, end)
    }

    /// `tokens[n]` as an English counted noun outside the vocabulary, in its plural form.
    private func englishNoun(_ toks: [Token], at n: Int, singular: Bool) -> String? {
        guard n < toks.count, toks[n].kind == .word, !toks[n].isCapitalized else { return nil }
        let w = toks[n].folded
        guard w.scalarCount >= 3, !FigureWords.isFunctionWord(w), !notCounted.contains(w),
              !NumberWords.opens(w), w.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return nil }
        // the word after must not make it an adjective or a verb ("5 more", "3 killed")
        if singular { return FigureWords.plural(w) }
        return FigureWords.looksPlural(w) ? w : nil
    }

    /// `tokens[n]` as a French counted noun outside the vocabulary: a lower-case plural (`-s`, `-x`) that
    /// is no function word, number word, time or measure word, nor an adjective or participle ending.
    private func frenchNoun(_ toks: [Token], at n: Int) -> String? {
        guard n < toks.count, toks[n].kind == .word, !toks[n].isCapitalized else { return nil }
        let w = toks[n].folded
        guard w.scalarCount >= 4, !FigureWords.isFunctionWord(w), !notCounted.contains(w), !NumberWords.opens(w),
              w.hasSuffix("s") || w.hasSuffix("x"), !w.hasSuffix("ss"),
              w.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return nil }
        // the next token glued to it ("15 km/h") or an apostrophe word: not a noun
        if n + 1 < toks.count, toks[n + 1].start == toks[n].end, toks[n + 1].text == "/" { return nil }
        // a past participle in the plural ("les 27 réunis", "15 arrivées") describes, it does not count;
        // nouns in -ité(s), -té(s) stay ("15 municipalités", "12 comités")
        let lower = toks[n].text.lowercased()
        if lower.hasSuffix("és") || lower.hasSuffix("ées"), !lower.hasSuffix("tés") { return nil }
        return Self.englishCognate(w) ?? w
    }

    /// The English plural of a French plural whose ending says it (`nationalites` → `nationalities`,
    /// `lobbyistes` → `lobbyists`, `installations` → `installations`, `mecanismes` → `mechanisms` no: only the
    /// regular endings below), since metric ids are English; nil when no ending fits.
    static func englishCognate(_ folded: String) -> String? {
        let endings: [(String, String)] = [("ites", "ities"), ("istes", "ists"), ("ismes", "isms"), ("tions", "tions"),
                                           ("sions", "sions"), ("logues", "logues"), ("graphes", "graphs")]
        for (fr, en) in endings where folded.hasSuffix(fr) && folded.count > fr.count + 2 {
            return String(folded.dropLast(fr.count)) + en
        }
        return nil
    }

    /// For each token, the number of clause marks before it (`,` `;` `:` dashes, brackets), a comma
    /// inside a number ("1,5") not counted.
    private static func segments(_ toks: [Token]) -> [Int] {
        var result = [Int](repeating: 0, count: toks.count)
        var n = 0
        for k in toks.indices {
            result[k] = n
            let t = toks[k]
            guard t.kind == .punctuation, [",", ";", ":", "—", "–", "(", ")"].contains(t.text) else { continue }
            if k > 0, k + 1 < toks.count, toks[k - 1].kind == .number, toks[k + 1].kind == .number,
               toks[k - 1].end == t.start, toks[k + 1].start == t.end { continue }
            n += 1
        }
        return result
    }

    private static let clauseOpeners: Set<String> = [
        "since", "after", "when", "while", "although", "though", "because", "once", "as", "before", "until", "if",
        "depuis", "apres", "lorsque", "quand", "alors", "puisque", "bien", "avant", "des", "si", "tandis",
    ]

    /// The segment of the date at `k` when it lies in a clause set off from the rest of the sentence: a
    /// segment that opens the sentence or follows a mark, opening with a participle ("Adoptée", "Signed")
    /// or a conjunction ("Since", "Depuis que").
    private static func setOffClause(_ toks: [Token], _ segments: [Int], _ starts: [Int], at k: Int) -> Int? {
        guard k < segments.count, segments[k] < starts.count else { return nil }
        let segment = segments[k]
        var first = starts[segment]
        if first < toks.count, toks[first].kind == .punctuation { first += 1 }
        guard first < k, toks[first].kind == .word else { return nil }
        let lower = toks[first].text.lowercased()
        let folded = toks[first].folded
        if clauseOpeners.contains(folded) { return segment }
        let participle = lower.hasSuffix("é") || lower.hasSuffix("ée") || lower.hasSuffix("és") || lower.hasSuffix("ées")
            || (lower.hasSuffix("ed") && lower.scalarCount > 4)
        return participle && !FigureWords.isFunctionWord(folded) ? segment : nil
    }

    private static let deadlineWords: Set<String> = ["by", "until", "till", "before", "after", "since", "avant", "apres", "depuis", "jusqu'", "jusqu'au", "d'ici"]

    private static let linkWords: Set<String> = ["de", "d'", "of", "des", "du"]
    /// Marks that close a quotation.
    private static let closingQuotes: Set<String> = ["\"", "”", "»", "’"]
    /// Folded currency words that are money only after a scale word ("milliard de livres").
    private static let scaledMoneyWords: Set<String> = ["livres"]

    /// True when the sentence around `figure` turns its metric into the rule's target.
    private func applies(_ rule: Rule, _ toks: [Token], _ figure: Figure) -> Bool {
        let before = figure.start - 1
        if before >= 0, rule.agents.contains(toks[before].folded) {
            let lo = max(0, before - rule.window)
            if toks[lo..<before].contains(where: { rule.triggers.contains($0.folded) }) { return true }
        }
        for k in [figure.end, figure.end + 1] where rule.after.match(toks, at: k) != nil { return true }
        if rule.beforeMaxLength > 0, figure.start > 0 {
            for length in 1...min(rule.beforeMaxLength, figure.start) {
                let key = toks[(figure.start - length)..<figure.start].map(\.folded).joined(separator: " ")
                if rule.before.contains(key) { return true }
            }
        }
        return false
    }

    /// The date nearest to the figure in the same sentence; the later one when two are as near.
    /// `found` is the sentence's as-of candidates, sorted by position; only the few around the figure are
    /// looked at, so a sentence with many dates and many figures stays linear.
    private static func asOf(_ found: [DateExtractor.Found], clauses: [Int?], segment: Int, figureStart: Int, figureEnd: Int) -> PartialDate? {
        guard !found.isEmpty else { return nil }
        var lo = 0, hi = found.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if found[mid].range.lowerBound < figureStart { lo = mid + 1 } else { hi = mid }
        }
        var best: (distance: Int, date: PartialDate)?
        for n in max(0, lo - 2)..<min(found.count, lo + 2) {
            let f = found[n]
            if let clause = clauses[n], clause != segment { continue }
            let d = f.range.upperBound <= figureStart ? figureStart - f.range.upperBound : max(0, f.range.lowerBound - figureEnd)
            if let b = best, b.distance < d || (b.distance == d && b.date >= f.date) { continue }
            best = (d, f.date)
        }
        return best?.date
    }
}

/// The metrics data file (`Pipelines/data/metrics.yaml`).
struct MetricsFile: Decodable {
    struct ContextRule: Decodable {
        /// One metric or a list of them.
        var from: [String]
        var to: String
        var agents: [String]?
        var triggers: [String]?
        var window: Int?
        var after: [String]?
        var before: [String]?

        init(from decoder: Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: ["from", "to", "agents", "triggers", "window", "after", "before"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let list = try? c.decode([String].self, forKey: .from) {
                from = list
            } else {
                from = [try c.decode(String.self, forKey: .from)]
            }
            to = try c.decode(String.self, forKey: .to)
            agents = try c.decodeIfPresent([String].self, forKey: .agents)
            triggers = try c.decodeIfPresent([String].self, forKey: .triggers)
            window = try c.decodeIfPresent(Int.self, forKey: .window)
            after = try c.decodeIfPresent([String].self, forKey: .after)
            before = try c.decodeIfPresent([String].self, forKey: .before)
        }
        private enum CodingKeys: String, CodingKey { case from, to, agents, triggers, window, after, before }
    }

    var version: Int
    var qualifiers: [String: [String]]
    var metrics: [String: [String]]
    var adjectives: [String]
    var contextRules: [ContextRule]
    var undated: [String]
    var roles: [String: [String]]
    var currencies: [String: [String]]
    var notAfter: [String]
    var notCounted: [String]

    private enum CodingKeys: String, CodingKey {
        case version, qualifiers, metrics, adjectives, undated, roles, currencies
        case contextRules = "context_rules"
        case notAfter = "not_after"
        case notCounted = "not_counted"
    }

    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: ["version", "qualifiers", "metrics", "adjectives", "context_rules", "undated", "roles",
                                                  "currencies", "not_after", "not_counted"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        guard version == 1 else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "unsupported version \(version) (expected 1)")
        }
        qualifiers = try c.decodeIfPresent([String: [String]].self, forKey: .qualifiers) ?? [:]
        metrics = try c.decode([String: [String]].self, forKey: .metrics)
        adjectives = try c.decodeIfPresent([String].self, forKey: .adjectives) ?? []
        contextRules = try c.decodeIfPresent([ContextRule].self, forKey: .contextRules) ?? []
        undated = try c.decodeIfPresent([String].self, forKey: .undated) ?? []
        roles = try c.decodeIfPresent([String: [String]].self, forKey: .roles) ?? [:]
        currencies = try c.decodeIfPresent([String: [String]].self, forKey: .currencies) ?? [:]
        notAfter = try c.decodeIfPresent([String].self, forKey: .notAfter) ?? []
        notCounted = try c.decodeIfPresent([String].self, forKey: .notCounted) ?? []
    }
}
