import Foundation

/// Precision and recall of one table against a gold set, for one language or for all.
public struct TableScore: Sendable, CustomStringConvertible {
    public var table: String
    /// `all`, `en`, `fr`.
    public var language: String
    public var predicted: Int
    public var correct: Int
    public var gold: Int
    public var found: Int
    /// Predicted keys that no gold entry supports.
    public var wrong: [String]
    /// Gold keys the pipeline did not find.
    public var missed: [String]

    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }

    public var description: String {
        "\(table) [\(language)]: precision \(Self.format(precision)) (\(correct)/\(predicted)), recall \(Self.format(recall)) (\(found)/\(gold))"
    }

    static func format(_ x: Double) -> String {
        let thousandths = Int((x * 1000).rounded())
        let digits = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// Scores predicted keys against gold keys. A borderline gold entry counts neither way:
    /// predicting it is not wrong, missing it is not a miss.
    static func of(_ table: String, language: String, predicted: Set<String>, core: Set<String>,
                   borderline: Set<String>) -> TableScore {
        let judged = predicted.subtracting(borderline.subtracting(core))
        let correct = judged.intersection(core)
        return TableScore(table: table, language: language, predicted: judged.count, correct: correct.count,
                          gold: core.count, found: core.intersection(predicted).count,
                          wrong: judged.subtracting(core).sorted(), missed: core.subtracting(predicted).sorted())
    }
}

/// A per-document check (title, date, near-duplicate found): how many were right, and which were not.
public struct CheckScore: Sendable, CustomStringConvertible {
    public var check: String
    public var language: String
    public var right: Int
    public var total: Int
    public var failures: [String]
    public var share: Double { total == 0 ? 1 : Double(right) / Double(total) }
    public var description: String {
        "\(check) [\(language)]: \(right)/\(total) (\(TableScore.format(share)))"
    }
}

/// Compares what a pipeline found in each document with a hand-made gold set, table by table and
/// language by language (the gold's language of each document).
///
/// Keys: countries (document, alpha-3); organisations (document, organisation), where a predicted
/// organisation is the gold one when its name or one of its surfaces is one of the gold's names
/// (canonical, surfaces, aliases), compared without case or accents; people (document, person),
/// names compared through `PersonIdentity.key` with the gold's aliases; figures (document, value,
/// metric), with qualifier and as-of date scored apart; commitments (document, the gold's verbatim
/// excerpt of the sentence, actor), where actors match when one's words hold the other's, when they
/// are two names of one country, or when a name the document gives the predicted organisation and the
/// gold's actor are names the gold gives one organisation.
/// Titles match without case, accents or outer punctuation; dates match in value and precision.
public struct Scorer: Sendable {
    public var gold: GoldSet
    /// Count borderline gold entries as required too.
    public var strict: Bool

    public init(gold: GoldSet, strict: Bool = false) {
        self.gold = gold
        self.strict = strict
    }

    public struct Report: Sendable {
        public var tables: [TableScore]
        public var checks: [CheckScore]
        /// Documents scored that the gold does not describe, and gold documents the run did not produce.
        public var unmatchedDocuments: [String]

        public func table(_ name: String, language: String = "all") -> TableScore? {
            tables.first { $0.table == name && $0.language == language }
        }

        public func check(_ name: String, language: String = "all") -> CheckScore? {
            checks.first { $0.check == name && $0.language == language }
        }
    }

    public static let tableNames = ["countries", "organisations", "people", "figures", "figure qualifiers and dates", "commitments"]

    private func required(_ confidence: GoldSet.Confidence) -> Bool { strict || confidence == .core }

    private static func fold(_ s: String) -> String { TextFolder.shared.fold(s) }

    private static func number(_ v: Double) -> String { Cell.format(v) }

    /// Scores `documents` (the pipeline's output after enrich) against the gold set.
    public func score(_ documents: [Document]) -> Report {
        let goldDocs = Dictionary(gold.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let scored = documents.filter { goldDocs[$0.id] != nil }
        let languageOf: [String: String] = Dictionary(uniqueKeysWithValues: scored.map { d in
            (d.id, goldDocs[d.id]?.language ?? d.language)
        })
        let languages = ["all"] + Set(languageOf.values).sorted()
        var unmatched = documents.filter { goldDocs[$0.id] == nil }.map { "not in gold: \($0.id)" }
        let produced = Set(documents.map(\.id))
        unmatched += gold.documents.filter { !produced.contains($0.id) }.map { "not produced: \($0.id)" }

        // (document, key) pairs per table: predicted, core, borderline
        var sets: [String: (predicted: [(String, String)], core: [(String, String)], borderline: [(String, String)])] = [:]
        func add(_ table: String, predicted: [(String, String)], goldKeys: [(String, String, GoldSet.Confidence)]) {
            sets[table] = (predicted,
                           goldKeys.filter { required($0.2) }.map { ($0.0, $0.1) },
                           goldKeys.filter { !required($0.2) }.map { ($0.0, $0.1) })
        }

        add("countries",
            predicted: scored.flatMap { d in d.findings.entities.filter { $0.kind == .country }.map { (d.id, $0.code ?? "?") } },
            goldKeys: gold.countries.map { ($0.document, $0.alpha3, $0.confidence) })

        // organisations: a predicted one takes the key of the gold entry that bears one of its names
        var orgNames: [String: [String: String]] = [:]   // document → folded name → gold key
        for o in gold.organisations {
            for name in o.names { orgNames[o.document, default: [:]][Self.fold(name)] = Self.fold(o.canonical) }
        }
        var predictedOrgs: [(String, String)] = []
        for d in scored {
            var surfaces: [String: Set<String>] = [:]
            for e in d.findings.entities where e.kind == .organisation {
                surfaces[e.name, default: []].insert(e.surface)
            }
            for (name, forms) in surfaces {
                let candidates = [name] + forms.sorted()
                let key = candidates.lazy.compactMap { orgNames[d.id]?[Self.fold($0)] }.first ?? Self.fold(name)
                predictedOrgs.append((d.id, key))
            }
        }
        add("organisations", predicted: predictedOrgs,
            goldKeys: gold.organisations.map { ($0.document, Self.fold($0.canonical), $0.confidence) })

        // people: the gold's name and aliases all lead to the gold's name
        var personKeys: [String: [String: String]] = [:]
        for p in gold.people {
            for name in [p.name] + (p.aliases ?? []) {
                personKeys[p.document, default: [:]][PersonIdentity.key(name)] = PersonIdentity.key(p.name)
            }
        }
        add("people",
            predicted: scored.flatMap { d in d.findings.people.map { p in
                let key = PersonIdentity.key(p.name)
                return (d.id, personKeys[d.id]?[key] ?? key)
            } },
            goldKeys: gold.people.map { ($0.document, PersonIdentity.key($0.name), $0.confidence) })

        add("figures",
            predicted: scored.flatMap { d in d.findings.figures.map { (d.id, "\(Self.number($0.value))|\($0.metric)") } },
            goldKeys: gold.figures.map { ($0.document, "\(Self.number($0.value))|\($0.metric)", $0.confidence) })
        add("figure qualifiers and dates",
            predicted: scored.flatMap { d in d.findings.figures.map {
                (d.id, "\(Self.number($0.value))|\($0.metric)|\($0.qualifier ?? "-")|\($0.asOf?.iso ?? "-")")
            } },
            goldKeys: gold.figures.map {
                ($0.document, "\(Self.number($0.value))|\($0.metric)|\($0.qualifier ?? "-")|\($0.asOf ?? "-")", $0.confidence)
            })

        // commitments: a predicted one takes the key of the gold entry whose excerpt its sentence holds
        // and whose actor it names
        var commitmentsOf: [String: [GoldSet.Commitment]] = [:]
        for c in gold.commitments { commitmentsOf[c.document, default: []].append(c) }
        var predictedCommitments: [(String, String)] = []
        for d in scored {
            // the forms the document gives each organisation the pipeline found (`UNODC` for the
            // gazetteer's `United Nations Office on Drugs and Crime`)
            var forms: [String: [String]] = [:]
            for e in d.findings.entities where e.kind == .organisation { forms[e.name, default: []].append(e.surface) }
            for c in d.findings.commitments {
                let names = [c.actor, c.actorText] + (forms[c.actor] ?? [])
                let match = commitmentsOf[d.id]?.first { g in
                    c.provenance.sentence.contains(g.sentenceContains)
                        && g.actors.contains { actor in
                            Self.sameActor(c.actor, actor) || Self.sameActor(c.actorText, actor)
                                || Self.sameCountry(c.actor, actor)
                                || (orgNames[d.id]?[Self.fold(actor)]).map { key in
                                    names.contains { orgNames[d.id]?[Self.fold($0)] == key }
                                } == true
                        }
                }
                predictedCommitments.append((d.id, match?.sentenceContains ?? "\(c.actor): \(c.provenance.sentence.prefix(60))"))
            }
        }
        add("commitments", predicted: predictedCommitments,
            goldKeys: gold.commitments.map { ($0.document, $0.sentenceContains, $0.confidence) })

        var tables: [TableScore] = []
        for table in Self.tableNames {
            guard let s = sets[table] else { continue }
            for language in languages {
                func keys(_ pairs: [(String, String)]) -> Set<String> {
                    Set(pairs.filter { language == "all" || languageOf[$0.0] == language }.map { "\($0.0)|\($0.1)" })
                }
                tables.append(.of(table, language: language, predicted: keys(s.predicted), core: keys(s.core),
                                  borderline: keys(s.borderline)))
            }
        }
        return Report(tables: tables, checks: checks(scored, goldDocs: goldDocs, languages: languages, languageOf: languageOf),
                      unmatchedDocuments: unmatched)
    }

    /// Titles, dates and near-duplicates, per document.
    private func checks(_ documents: [Document], goldDocs: [String: GoldSet.DocumentEntry], languages: [String],
                        languageOf: [String: String]) -> [CheckScore] {
        var results: [(check: String, document: String, ok: Bool, detail: String)] = []
        for d in documents {
            guard let g = goldDocs[d.id] else { continue }
            if let title = g.title {
                let wanted = ([title] + (g.titleAlternatives ?? [])).map(Self.titleKey)
                let ok = d.title.map { wanted.contains(Self.titleKey($0)) } ?? false
                results.append(("titles", d.id, ok, "\(d.id): \(d.title ?? "none") ≠ \(title)"))
            }
            let ok = (d.date?.iso) == g.date
            results.append(("dates", d.id, ok, "\(d.id): \(d.date?.iso ?? "none") ≠ \(g.date ?? "none")"))
        }
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
        for n in gold.nearDuplicates {
            let found = byID[n.document]?.removed.contains { r in
                (r.reason == .nearDuplicate || r.reason == .exactDuplicate) && r.text.contains(n.paragraphContains)
                    && (r.keptParagraphID?.hasPrefix(n.duplicateOf + "#") ?? false)
            } ?? false
            results.append(("near-duplicates", n.document, found, "\(n.document): “\(n.paragraphContains)” not found as a copy of \(n.duplicateOf)"))
        }
        var scores: [CheckScore] = []
        for check in ["titles", "dates", "near-duplicates"] {
            for language in languages {
                let rows = results.filter { $0.check == check && (language == "all" || languageOf[$0.document] == language) }
                guard !rows.isEmpty || language == "all" else { continue }
                scores.append(CheckScore(check: check, language: language, right: rows.filter(\.ok).count, total: rows.count,
                                         failures: rows.filter { !$0.ok }.map(\.detail)))
            }
        }
        return scores
    }

    /// Two actors are the same when one's words hold the other's (`de nombreux représentants
    /// internationaux` and `représentants internationaux`), compared without case or accents.
    static func sameActor(_ predicted: String, _ gold: String) -> Bool {
        let a = fold(predicted), b = fold(gold)
        return a == b || (!b.isEmpty && (" " + a + " ").contains(" " + b + " ")) || (!a.isEmpty && (" " + b + " ").contains(" " + a + " "))
    }

    /// Two names of one country in French or English (`Japon`, `Japan`), as ICU names them.
    static func sameCountry(_ a: String, _ b: String) -> Bool {
        guard let x = countryNames[fold(a)], let y = countryNames[fold(b)] else { return false }
        return x == y
    }

    /// Folded French and English names of every ISO country → its alpha-2 code.
    private static let countryNames: [String: String] = {
        var names: [String: String] = [:]
        let locales = [Locale(identifier: "fr_FR"), Locale(identifier: "en_US")]
        for region in Locale.Region.isoRegions where region.identifier.count == 2 {
            for locale in locales {
                if let name = locale.localizedString(forRegionCode: region.identifier) { names[fold(name)] = region.identifier }
            }
        }
        return names
    }()

    /// A title without case, accents, outer punctuation or repeated spaces.
    static func titleKey(_ title: String) -> String {
        let words = fold(title).split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" })
        return words.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
    }
}

/// Renders a report as the table `briefing score` prints.
public enum ScoreReport {
    public static func render(_ report: Scorer.Report, title: String, verbose: Bool) -> String {
        var lines = [title]
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        lines.append(pad("table", 30) + pad("lang", 6) + pad("precision", 20) + "recall")
        for t in report.tables {
            lines.append(pad(t.table, 30) + pad(t.language, 6)
                         + pad("\(TableScore.format(t.precision)) (\(t.correct)/\(t.predicted))", 20)
                         + "\(TableScore.format(t.recall)) (\(t.found)/\(t.gold))")
        }
        for c in report.checks {
            lines.append(pad(c.check, 30) + pad(c.language, 6) + "\(TableScore.format(c.share)) right (\(c.right)/\(c.total))")
        }
        if verbose {
            for t in report.tables where t.language == "all" {
                if !t.wrong.isEmpty { lines.append("\(t.table): wrong: " + t.wrong.joined(separator: "; ")) }
                if !t.missed.isEmpty { lines.append("\(t.table): missed: " + t.missed.joined(separator: "; ")) }
            }
            for c in report.checks where c.language == "all" && !c.failures.isEmpty {
                lines.append("\(c.check): " + c.failures.joined(separator: "; "))
            }
        }
        if !report.unmatchedDocuments.isEmpty { lines.append("documents: " + report.unmatchedDocuments.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }
}
