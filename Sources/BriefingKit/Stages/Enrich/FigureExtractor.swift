/// Finds stated figures: a number, its qualifier and the thing it counts
/// (`plus de 1 000 délégués`, `72 pays signataires`, `(9 chapitres, 71 articles)`, `more than 60 countries`).
///
/// The counted thing must follow the number (a few adjectives from the data file may stand between);
/// numbers without one, years, days of month, list numbers and numbers glued to words yield nothing.
/// `asOf` is the date of the same sentence nearest to the figure, when there is one.
public struct FigureExtractor: Extractor {
    private struct Rule: Sendable {
        var from: String
        var to: String
        var agents: Set<String>
        var triggers: Set<String>
        var window: Int
        var after: FoldedPhraseTable<Bool>
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

    private static let multipliers: [String: Double] = [
        "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
        "thousand": 1e3,
    ]
    private static let rangeWords: Set<String> = ["a", "et", "-", "–", "to", "and", "ou", "or"]

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
            guard data.metrics[r.from] != nil, data.metrics[r.to] != nil else {
                throw ConfigError(location: SourceLocation(file: file), keyPath: "context_rules[\(n)]",
                                  message: "unknown metric '\(data.metrics[r.from] == nil ? r.from : r.to)'")
            }
            var after = FoldedPhraseTable<Bool>()
            for phrase in r.after ?? [] { after.add(phrase, true) }
            rules.append(Rule(from: r.from, to: r.to, agents: Set((r.agents ?? []).map { TextFolder.shared.fold($0) }),
                              triggers: Set(r.triggers.map { TextFolder.shared.fold($0) }), window: r.window ?? 12, after: after))
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
        guard toks.contains(where: { $0.kind == .number }) else { return }
        let found = dates.found(in: context)
        var inDate = [Bool](repeating: false, count: toks.count)
        for f in found { for k in f.range { inDate[k] = true } }
        var i = 0
        while i < toks.count {
            guard toks[i].kind == .number, !inDate[i], let figure = figure(toks, at: i, inDate: inDate) else { i += 1; continue }
            var metric = figure.metric
            for rule in rules where rule.from == metric && applies(rule, toks, figure) { metric = rule.to; break }
            let range = figure.start..<figure.end
            findings.figures.append(FigureMention(
                surface: context.text(tokens: range), value: figure.value, qualifier: figure.qualifier,
                qualifierText: figure.start < i ? context.text(tokens: figure.start..<i) : nil,
                metric: metric, unitText: context.text(tokens: figure.unitStart..<figure.end),
                asOf: undated.contains(metric) ? nil : Self.asOf(found, figureStart: figure.start, figureEnd: figure.end),
                role: role(toks, after: figure.end), provenance: context.provenance(tokens: range)))
            i = figure.end
        }
    }

    private struct Figure {
        /// The qualifier's first token, or the number's.
        var start: Int
        var value: Double
        var qualifier: String?
        var unitStart: Int
        var end: Int
        var metric: String
    }

    private func figure(_ toks: [Token], at i: Int, inDate: [Bool]) -> Figure? {
        // glued to what comes before: "COVID-19", "G7", "1,5" read from its second half
        if i > 0, toks[i - 1].end == toks[i].start, toks[i - 1].kind != .punctuation || ["-", ".", ",", "/"].contains(toks[i - 1].text) { return nil }
        // the second group of "1 000"
        if i > 0, toks[i - 1].kind == .number, toks[i - 1].end + 1 == toks[i].start, toks[i].text.count == 3 { return nil }
        guard let (v, len) = NumberReading.number(toks, at: i) else { return nil }
        var value = v
        var k = i + len
        guard k < toks.count else { return nil }
        // glued to what follows: "5G", "14h30", "72%"
        if toks[k].start == toks[k - 1].end, toks[k].kind != .punctuation || toks[k].text == "%" { return nil }
        // a range "60 à 70 pays" or "entre 60 et 70" states no single figure
        if i >= 2, Self.rangeWords.contains(toks[i - 1].folded), toks[i - 2].kind == .number, !inDate[i - 2] { return nil }
        if k + 1 < toks.count, Self.rangeWords.contains(toks[k].folded), toks[k + 1].kind == .number, !inDate[k + 1] { return nil }
        if let m = Self.multipliers[toks[k].folded] {
            value *= m
            k += 1
            if k < toks.count, ["de", "d'", "of"].contains(toks[k].folded) { k += 1 }
        }
        let unitStart = k
        var adjectiveCount = 0
        while k < toks.count, adjectiveCount < 3, adjectives.contains(toks[k].folded), metrics.match(toks, at: k) == nil {
            k += 1; adjectiveCount += 1
        }
        guard let (ml, metric) = metrics.match(toks, at: k) else { return nil }
        var start = i
        var qualifier: String?
        for length in stride(from: min(qualifierMaxLength, i), through: 1, by: -1) {
            let key = toks[(i - length)..<i].map(\.folded).joined(separator: " ")
            if let q = qualifiers[key] { qualifier = q; start = i - length; break }
        }
        return Figure(start: start, value: value, qualifier: qualifier,
                      unitStart: unitStart, end: k + ml, metric: metric)
    }

    /// True when the sentence around `figure` turns its metric into the rule's target.
    private func applies(_ rule: Rule, _ toks: [Token], _ figure: Figure) -> Bool {
        let before = figure.start - 1
        if before >= 0, rule.agents.contains(toks[before].folded) {
            let lo = max(0, before - rule.window)
            if toks[lo..<before].contains(where: { rule.triggers.contains($0.folded) }) { return true }
        }
        for k in [figure.end, figure.end + 1] where rule.after.match(toks, at: k) != nil { return true }
        return false
    }

    /// The date nearest to the figure in the same sentence; the later one when two are as near.
    private static func asOf(_ found: [DateExtractor.Found], figureStart: Int, figureEnd: Int) -> PartialDate? {
        var best: (distance: Int, date: PartialDate)?
        for f in found {
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
        var from: String
        var to: String
        var agents: [String]?
        var triggers: [String]
        var window: Int?
        var after: [String]?

        init(from decoder: Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: ["from", "to", "agents", "triggers", "window", "after"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            from = try c.decode(String.self, forKey: .from)
            to = try c.decode(String.self, forKey: .to)
            agents = try c.decodeIfPresent([String].self, forKey: .agents)
            triggers = try c.decode([String].self, forKey: .triggers)
            window = try c.decodeIfPresent(Int.self, forKey: .window)
            after = try c.decodeIfPresent([String].self, forKey: .after)
        }
        private enum CodingKeys: String, CodingKey { case from, to, agents, triggers, window, after }
    }

    var version: Int
    var qualifiers: [String: [String]]
    var metrics: [String: [String]]
    var adjectives: [String]
    var contextRules: [ContextRule]
    var undated: [String]
    var roles: [String: [String]]

    private enum CodingKeys: String, CodingKey {
        case version, qualifiers, metrics, adjectives, undated, roles
        case contextRules = "context_rules"
    }

    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: ["version", "qualifiers", "metrics", "adjectives", "context_rules", "undated", "roles"])
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
    }
}
