import Foundation
@testable import BriefingKit

/// Scores the entity extractor against `Tests/BriefingKitTests/Fixtures/seeds-expected.json`, on the
/// gold's content lines, by (document, alpha-3) for countries and (document, name) for groups and
/// organisations, counting core entries only (a borderline gold entry is neither missed nor wrong).
struct EntityGoldScore {
    var precision: Double
    var recall: Double
    var falsePositives: [String]
    var misses: [String]

    private struct Gold: Decodable {
        struct Document: Decodable {
            var id: String
            var content_lines: [Int]
        }
        struct Entry: Decodable {
            var document: String
            var alpha3: String?
            var name: String?
            var canonical: String?
            var confidence: String
        }
        var documents: [Document]
        var countries: [Entry]
        var groups: [Entry]
        var organisations: [Entry]
    }

    static func measure(root: String, extractor: EntityExtractor) throws -> [String: EntityGoldScore] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/Tests/BriefingKitTests/Fixtures/seeds-expected.json"))
        let gold = try JSONDecoder().decode(Gold.self, from: data)
        var found: [EntityMention.Kind: Set<String>] = [:]
        for doc in gold.documents {
            let lines = try String(contentsOfFile: root + "/seeds/\(doc.id).txt", encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            for n in doc.content_lines where lines.indices.contains(n - 1) {
                var findings = Findings()
                for sentence in Tokenizer.sentences(String(lines[n - 1])) {
                    extractor.extract(SentenceContext(documentID: doc.id, paragraphID: "l\(n)", documentDate: nil,
                                                      sentence: sentence), into: &findings)
                }
                for e in findings.entities {
                    found[e.kind, default: []].insert("\(doc.id)|\(e.kind == .country ? e.code ?? "" : e.name)")
                }
            }
        }
        func score(_ entries: [Gold.Entry], _ kind: EntityMention.Kind, _ key: (Gold.Entry) -> String?) -> EntityGoldScore {
            let core = Set(entries.filter { $0.confidence == "core" }.compactMap { e in key(e).map { "\(e.document)|\($0)" } })
            let borderline = Set(entries.filter { $0.confidence != "core" }.compactMap { e in key(e).map { "\(e.document)|\($0)" } })
            let predicted = (found[kind] ?? []).subtracting(borderline)
            let hits = predicted.intersection(core).count
            return EntityGoldScore(precision: predicted.isEmpty ? 1 : Double(hits) / Double(predicted.count),
                                   recall: core.isEmpty ? 1 : Double(hits) / Double(core.count),
                                   falsePositives: predicted.subtracting(core).sorted(),
                                   misses: core.subtracting(predicted).sorted())
        }
        return [
            "countries": score(gold.countries, .country) { $0.alpha3 },
            "groups": score(gold.groups, .group) { $0.name },
            "organisations": score(gold.organisations, .organisation) { $0.canonical },
        ]
    }
}
