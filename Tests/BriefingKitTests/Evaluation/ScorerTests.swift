import Foundation
import Testing
@testable import BriefingKit

/// The scorer on small hand-built documents and gold entries: each rule of matching, once.
@Suite struct ScorerTests {
    static func provenance(_ doc: String, _ sentence: String) -> Provenance {
        Provenance(documentID: doc, paragraphID: doc + "#p1", sentenceIndex: 1, sentence: sentence, start: 0, end: 1)
    }

    static func document(_ id: String, language: String, title: String?, findings: Findings) -> Document {
        var d = Document(id: id, fileName: id + ".txt", byteCount: 1, encoding: .utf8)
        d.language = language
        d.title = title
        d.findings = findings
        return d
    }

    static func gold(_ json: String) throws -> GoldSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(json.utf8).write(to: folder.appendingPathComponent("a.json"))
        return try GoldSet.load(path: folder.path)
    }

    @Test func organisationsMatchByAnyGoldNameAndBorderlineCountsNeitherWay() throws {
        let gold = try Self.gold("""
            {"documents": [{"id": "en-1", "language": "en", "title": "Talks open", "date": null}],
             "organisations": [
               {"document": "en-1", "canonical": "World Health Organization", "surfaces": ["WHO"], "confidence": "core"},
               {"document": "en-1", "canonical": "Red Cross", "confidence": "borderline"},
               {"document": "en-1", "canonical": "World Bank", "confidence": "core"}]}
            """)
        var f = Findings()
        let p = Self.provenance("en-1", "WHO and the Red Cross met the IMF.")
        f.entities = [
            EntityMention(kind: .organisation, name: "Organisation mondiale de la santé", surface: "WHO", provenance: p),
            EntityMention(kind: .organisation, name: "Red Cross", surface: "Red Cross", provenance: p),
            EntityMention(kind: .organisation, name: "IMF", surface: "IMF", provenance: p),
        ]
        let report = Scorer(gold: gold).score([Self.document("en-1", language: "en", title: "Talks open!", findings: f)])
        let orgs = try #require(report.table("organisations", language: "en"))
        #expect(orgs.correct == 1 && orgs.predicted == 2, "\(orgs)")   // WHO right, IMF wrong, Red Cross not judged
        #expect(orgs.found == 1 && orgs.gold == 2, "\(orgs)")          // World Bank missed
        #expect(orgs.wrong == ["en-1|imf"] && orgs.missed == ["en-1|world bank"])
        #expect(report.check("titles")?.right == 1)
        #expect(report.check("dates")?.right == 1)                     // no date given, none expected

        let strict = Scorer(gold: gold, strict: true).score([Self.document("en-1", language: "en", title: nil, findings: f)])
        #expect(strict.table("organisations")?.gold == 3)
        #expect(strict.check("titles")?.right == 0)
    }

    @Test func peopleFiguresAndCommitmentsByLanguage() throws {
        let gold = try Self.gold("""
            {"documents": [{"id": "en-1", "language": "en"}, {"id": "fr-1", "language": "fr", "date": "2025-10-26"}],
             "people": [{"document": "fr-1", "name": "Kwame A. Mensah", "aliases": ["Mensah"], "confidence": "core"}],
             "figures": [{"document": "en-1", "value": 2500, "qualifier": "more-than", "metric": "journalists", "confidence": "core"}],
             "commitments": [{"document": "en-1", "actor": "Japan", "actor_alternatives": ["Japon"],
                              "sentence_contains": "Japan pledged $50 million", "confidence": "core"}]}
            """)
        var en = Findings()
        let s = "Japan pledged $50 million to more than 2,500 journalists."
        en.figures = [FigureMention(surface: "more than 2,500", value: 2500, qualifier: "more-than", metric: "journalists",
                                    unitText: "journalists", provenance: Self.provenance("en-1", s))]
        en.commitments = [CommitmentMention(actorText: "Japan", actor: "Japon", actorKind: "country", trigger: "pledged",
                                            action: "", themes: [], provenance: Self.provenance("en-1", s))]
        var fr = Findings()
        fr.people = [PersonMention(name: "Mensah", surface: "Mensah", provenance: Self.provenance("fr-1", "Mensah a dit."))]
        let report = Scorer(gold: gold).score([
            Self.document("en-1", language: "en", title: nil, findings: en),
            Self.document("fr-1", language: "fr", title: nil, findings: fr),
        ])
        #expect(report.table("figures", language: "en")?.correct == 1)
        #expect(report.table("figure qualifiers and dates", language: "en")?.correct == 1)
        #expect(report.table("commitments", language: "en")?.correct == 1)
        #expect(report.table("people", language: "fr")?.found == 1)
        #expect(report.table("people", language: "en")?.gold == 0)
        #expect(report.check("dates", language: "fr")?.right == 0)  // 2025-10-26 expected, none found
    }

    @Test func countryActorsMatchAcrossLanguages() {
        #expect(Scorer.sameCountry("Japon", "Japan"))
        #expect(Scorer.sameCountry("États-Unis", "United States"))
        #expect(!Scorer.sameCountry("Japon", "China"))
        #expect(!Scorer.sameCountry("ONU", "United Nations"))
    }

    @Test func anOrganisationActorMatchesThroughTheFormsTheDocumentGivesIt() throws {
        let gold = try Self.gold("""
            {"documents": [{"id": "en-1", "language": "en"}],
             "organisations": [{"document": "en-1", "canonical": "UNODC", "surfaces": ["UNODC"], "confidence": "core"}],
             "commitments": [{"document": "en-1", "actor": "UNODC", "sentence_contains": "The agency will provide training",
                              "confidence": "core"}]}
            """)
        var f = Findings()
        let first = Self.provenance("en-1", "UNODC opened the session.")
        let second = Self.provenance("en-1", "The agency will provide training.")
        f.entities = [EntityMention(kind: .organisation, name: "United Nations Office on Drugs and Crime", surface: "UNODC",
                                    provenance: first)]
        f.commitments = [CommitmentMention(actorText: "The agency", actor: "United Nations Office on Drugs and Crime",
                                           actorKind: "organisation", trigger: "will provide", action: "", themes: [],
                                           provenance: second)]
        let report = Scorer(gold: gold).score([Self.document("en-1", language: "en", title: nil, findings: f)])
        #expect(report.table("commitments")?.correct == 1)
        #expect(report.table("organisations")?.correct == 1)
        // another organisation's forms do not stand for it
        f.entities[0].surface = "UNDP"
        let other = Scorer(gold: gold).score([Self.document("en-1", language: "en", title: nil, findings: f)])
        #expect(other.table("commitments")?.correct == 0)
    }
}
