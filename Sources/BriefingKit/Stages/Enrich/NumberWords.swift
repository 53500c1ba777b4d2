/// Numbers written in words, English and French: `twelve`, `seventy-two`, `two hundred and fifty`,
/// `a dozen`, `two-thirds`, `soixante-neuf`, `vingt et un`, `quatre-vingt-dix`, `deux cents`, `mille`,
/// `une vingtaine` (about 20).
///
/// A closed, language-level list, so it lives in code. Reading is bounded (`maxTokens`), so a run of
/// number words costs no more than a constant per token.
enum NumberWords {
    /// What a run of number words says.
    struct Reading {
        var value: Double
        /// Index after the last token read.
        var end: Int
        /// `une vingtaine`, `une douzaine`: the value is approximate.
        var approximate: Bool
        /// A bare `one`: a figure only before a counted thing of the vocabulary.
        var weak: Bool
        /// `two-thirds`, `deux tiers`.
        var fraction: Bool
    }

    static let maxTokens = 12

    private static let units: [String: Int] = {
        var m: [String: Int] = [:]
        let en = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (i, w) in en.enumerated() { m[w] = i }
        let fr = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                  "treize", "quatorze", "quinze", "seize"]
        for (i, w) in fr.enumerated() { m[w] = i }
        m["une"] = 1
        return m
    }()

    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
    ]

    private static let hundreds: Set<String> = ["hundred", "hundreds", "cent", "cents"]

    private static let scales: [String: Double] = [
        "thousand": 1e3, "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
        "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    ]

    /// `une vingtaine`, `a dozen`: the noun's value and whether it is approximate.
    private static let collectives: [String: (value: Int, approximate: Bool)] = [
        "dozen": (12, false), "dizaine": (10, true), "douzaine": (12, true), "quinzaine": (15, true),
        "vingtaine": (20, true), "trentaine": (30, true), "quarantaine": (40, true), "cinquantaine": (50, true),
        "soixantaine": (60, true), "centaine": (100, true), "millier": (1000, true),
    ]

    /// Plural scales after a collective (`une dizaine de milliers`).
    private static let collectiveScales: [String: Double] = ["milliers": 1e3, "millions": 1e6, "milliards": 1e9]

    private static let denominators: [String: Int] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
        "tiers": 3, "quart": 4, "quarts": 4, "cinquieme": 5, "cinquiemes": 5,
    ]

    /// Articles that stand for `1` only before a scale or a collective (`a million`, `une douzaine`).
    private static let articles: Set<String> = ["a", "an", "un", "une"]

    /// True when `folded` can open a number in words.
    static func opens(_ folded: String) -> Bool {
        if articles.contains(folded) || folded == "one" { return true }
        let first = folded.split(separator: "-", maxSplits: 1).first.map(String.init) ?? folded
        return units[first] != nil || tens[first] != nil || first == "cent" || first == "mille"
    }

    private enum Part { case unit(Int), ten(Int), hundred, scale(Double), collective(Int, Bool), denominator(Int), and }

    private static func part(_ w: String) -> Part? {
        if let v = units[w] { return .unit(v) }
        if articles.contains(w) { return .unit(1) }
        if let v = tens[w] { return .ten(v) }
        if hundreds.contains(w) { return .hundred }
        if let v = scales[w] { return .scale(v) }
        if let c = collectives[w] { return .collective(c.value, c.approximate) }
        if let d = denominators[w] { return .denominator(d) }
        if w == "et" || w == "and" { return .and }
        return nil
    }

    /// The number in words at `tokens[i]`, or nil.
    static func read(_ tokens: [Token], at i: Int) -> Reading? {
        guard i < tokens.count, tokens[i].kind == .word, opens(tokens[i].folded) else { return nil }
        // the parts of the run, each with the index after its token; a token with a part that is no
        // number word ends the run
        var parts: [(part: Part, word: String, end: Int)] = []
        var k = i
        outer: while k < tokens.count, k < i + maxTokens, tokens[k].kind == .word {
            var these: [(Part, String)] = []
            for w in tokens[k].folded.split(separator: "-") {
                guard let p = part(String(w)) else { break outer }
                these.append((p, String(w)))
            }
            for (p, w) in these { parts.append((p, w, k + 1)) }
            k += 1
        }
        enum Last { case none, article, unit(Int), ten, hundred, scale, and }
        var total = 0.0
        var current = 0.0
        var last = Last.none
        var end = i
        var approximate = false
        var fraction = false
        var lastScale: Double?
        var n = 0
        loop: while n < parts.count {
            let (p, w, e) = parts[n]
            switch p {
            case .unit(let v):
                if n == 0, articles.contains(w) {
                    guard n + 1 < parts.count else { return nil }
                    switch parts[n + 1].part {
                    case .scale, .hundred, .collective, .denominator: break
                    default: return nil
                    }
                    current = 1
                    last = .article
                    n += 1
                    continue loop
                }
                switch last {
                case .none, .ten, .hundred, .scale, .and: current += Double(v)
                case .unit(let u) where u == 10 && v < 10 && v > 6: current += Double(v) // dix-sept, soixante-dix-neuf
                default: break loop
                }
                last = .unit(v)
            case .ten(let v):
                switch last {
                case .none, .hundred, .scale, .and: current += Double(v)
                case .unit(4) where v == 20: current += 76 // quatre-vingt(s)
                default: break loop
                }
                last = .ten
            case .hundred:
                switch last {
                case .none, .article, .unit: current = max(current, 1) * 100
                default: break loop
                }
                last = .hundred
            case .scale(let m):
                switch last {
                case .none: if w != "mille" { return nil }
                case .and: break loop
                default: break
                }
                total += max(current, 1) * m
                current = 0
                last = .scale
                lastScale = m
            case .collective(let v, let a):
                guard current > 0 else { return nil }
                current *= Double(v)
                approximate = a
                end = e
                // "une dizaine de milliers", "une centaine de millions": the collective counts thousands
                if e + 1 < tokens.count, ["de", "d'"].contains(tokens[e].folded),
                   let m = collectiveScales[tokens[e + 1].folded] {
                    current *= m
                    end = e + 2
                }
                break loop
            case .denominator(let d):
                switch last {
                case .unit, .article: break
                default: return nil
                }
                guard total == 0, current < Double(d) else { return nil }
                current = (current / Double(d) * 10000).rounded() / 10000
                fraction = true
                end = e
                break loop
            case .and:
                // "un million et demi", "deux milliards et demi": half the scale just read
                if case .scale = last, e < tokens.count, e < i + maxTokens, ["demi", "demie"].contains(tokens[e].folded),
                   let m = lastScale {
                    total += m / 2
                    end = e + 1
                    break loop
                }
                // "two and a half million": a half added to the units before the scale
                if case .unit = last, n + 2 < parts.count, ["a", "an"].contains(parts[n + 1].word), parts[n + 2].word == "half",
                   n + 3 < parts.count, case .scale = parts[n + 3].part {
                    current += 0.5
                    n += 3
                    continue loop
                }
                guard n + 1 < parts.count else { break loop }
                switch (last, parts[n + 1].part) {
                case (.ten, .unit), (.hundred, .unit), (.hundred, .ten), (.scale, .unit), (.scale, .ten): break
                default: break loop
                }
                last = .and
                n += 1
                continue loop
            }
            end = e
            n += 1
        }
        // stopping inside a hyphenated word reads nothing
        if n < parts.count, n > 0, parts[n - 1].end == parts[n].end, !fraction, !approximate { return nil }
        let value = total + current
        guard end > i, value > 0 else { return nil }
        let weak = end == i + 1 && tokens[i].folded == "one"
        return Reading(value: value, end: end, approximate: approximate, weak: weak, fraction: fraction)
    }
}
