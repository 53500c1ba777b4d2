import Foundation
@testable import BriefingKit

/// Precision and recall of one table against the hand-made gold file.
struct Score: CustomStringConvertible {
    var table: String
    var predicted: Int
    var correct: Int
    var gold: Int
    var found: Int
    var wrong: [String]
    var missed: [String]

    var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }

    var description: String {
        let p = (precision * 1000).rounded() / 1000, r = (recall * 1000).rounded() / 1000
        return "\(table): precision \(p) (\(correct)/\(predicted)), recall \(r) (\(found)/\(gold))"
            + (wrong.isEmpty ? "" : "; wrong: \(wrong)") + (missed.isEmpty ? "" : "; missed: \(missed)")
    }

    /// Scores predicted keys against gold keys. A borderline gold entry counts neither way:
    /// predicting it is not wrong, missing it is not a miss (the gold file's own rule).
    static func of(_ table: String, predicted: Set<String>, core: Set<String>, borderline: Set<String>) -> Score {
        let judged = predicted.subtracting(borderline.subtracting(core))
        let correct = judged.intersection(core)
        return Score(table: table, predicted: judged.count, correct: correct.count, gold: core.count,
                     found: core.intersection(predicted).count, wrong: judged.subtracting(core).sorted(),
                     missed: core.subtracting(predicted).sorted())
    }
}

/// Runs the project's pipeline on the seeds and scores what enrich found, table by table.
enum SeedsScore {
    static func documents() throws -> [Document] {
        let config = try PipelineLoader.load(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        return try PipelineRunner(config: config).documents()
    }

    /// Gold keys for `table`, split by confidence.
    /// With `strict`, borderline entries count as core (every gold entry is required).
    static func gold(_ table: String, strict: Bool, key: ([String: Any]) -> [String]) throws
        -> (core: Set<String>, borderline: Set<String>) {
        var core = Set<String>(), borderline = Set<String>()
        for entry in try Gold.entries(table) {
            let keys = key(entry)
            if strict || entry["confidence"] as? String == "core" { core.formUnion(keys) } else { borderline.formUnion(keys) }
        }
        return (core, borderline)
    }

    static func fold(_ s: String) -> String { TextFolder.shared.fold(s) }

    /// - Parameter strict: count borderline gold entries as required too.
    static func scores(_ docs: [Document], strict: Bool = false) throws -> [Score] {
        var result: [Score] = []
        // countries: (document, alpha-3)
        let countries = try gold("countries", strict: strict) { e in ["\(e["document"] ?? "")|\(e["alpha3"] ?? "")"] }
        let predictedCountries = Set(docs.flatMap { d in
            d.findings.entities.filter { $0.kind == .country }.map { "\(d.id)|\($0.code ?? "?")" }
        })
        result.append(.of("countries", predicted: predictedCountries, core: countries.core, borderline: countries.borderline))
        // organisations: (document, canonical name)
        let orgs = try gold("organisations", strict: strict) { e in ["\(e["document"] ?? "")|\(fold(e["canonical"] as? String ?? ""))"] }
        let predictedOrgs = Set(docs.flatMap { d in
            d.findings.entities.filter { $0.kind == .organisation }.map { "\(d.id)|\(fold($0.name))" }
        })
        result.append(.of("organisations", predicted: predictedOrgs, core: orgs.core, borderline: orgs.borderline))
        // people: (document, identity of the name); the gold's aliases name the same person
        let people = try gold("people", strict: strict) { e in ["\(e["document"] ?? "")|\(PersonIdentity.key(e["name"] as? String ?? ""))"] }
        let predictedPeople = Set(docs.flatMap { d in d.findings.people.map { "\(d.id)|\(PersonIdentity.key($0.name))" } })
        result.append(.of("people", predicted: predictedPeople, core: people.core, borderline: people.borderline))
        // figures: (document, value, metric)
        func number(_ v: Any?) -> String { (v as? NSNumber).map { Cell.format($0.doubleValue) } ?? "?" }
        let figures = try gold("figures", strict: strict) { e in ["\(e["document"] ?? "")|\(number(e["value"]))|\(e["metric"] ?? "")"] }
        let predictedFigures = Set(docs.flatMap { d in d.findings.figures.map { "\(d.id)|\(Cell.format($0.value))|\($0.metric)" } })
        result.append(.of("figures", predicted: predictedFigures, core: figures.core, borderline: figures.borderline))
        // figure details: qualifier and as-of date of the figures both sides found
        let goldDetails = try gold("figures", strict: strict) { e in
            ["\(e["document"] ?? "")|\(number(e["value"]))|\(e["metric"] ?? "")|\(e["qualifier"] as? String ?? "-")|\(e["as_of"] as? String ?? "-")"]
        }
        let predictedDetails = Set(docs.flatMap { d in d.findings.figures.map {
            "\(d.id)|\(Cell.format($0.value))|\($0.metric)|\($0.qualifier ?? "-")|\($0.asOf?.iso ?? "-")"
        } })
        result.append(.of("figure qualifiers and dates", predicted: predictedDetails, core: goldDetails.core, borderline: goldDetails.borderline))
        result.append(try commitments(docs, strict: strict))
        return result
    }

    /// Two actors are the same when one's words hold the other's (`de nombreux représentants
    /// internationaux` and `représentants internationaux`), compared without case or accents.
    static func sameActor(_ predicted: String, _ gold: String) -> Bool {
        let a = fold(predicted), b = fold(gold)
        return a == b || (!b.isEmpty && (" " + a + " ").contains(" " + b + " ")) || (!a.isEmpty && (" " + b + " ").contains(" " + a + " "))
    }

    /// Commitments match on document, sentence (the gold's verbatim excerpt) and actor.
    static func commitments(_ docs: [Document], strict: Bool = false) throws -> Score {
        let entries = try Gold.entries("commitments")
        var core = Set<String>(), borderline = Set<String>(), predicted = Set<String>()
        var keyOf: [String: [(excerpt: String, actors: [String], key: String)]] = [:]
        for e in entries {
            let doc = e["document"] as? String ?? ""
            let excerpt = e["sentence_contains"] as? String ?? ""
            let actors = ([e["actor"] as? String] + ((e["actor_alternatives"] as? [String]) ?? [])).compactMap { $0 }
            let key = "\(doc)|\(excerpt)"
            keyOf[doc, default: []].append((excerpt, actors, key))
            if strict || e["confidence"] as? String == "core" { core.insert(key) } else { borderline.insert(key) }
        }
        for d in docs {
            for c in d.findings.commitments {
                let match = keyOf[d.id]?.first { g in
                    c.provenance.sentence.contains(g.excerpt) && g.actors.contains { sameActor(c.actor, $0) }
                }
                predicted.insert(match?.key ?? "\(d.id)|\(c.actor): \(c.provenance.sentence.prefix(60))")
            }
        }
        return .of("commitments", predicted: predicted, core: core, borderline: borderline)
    }
}
