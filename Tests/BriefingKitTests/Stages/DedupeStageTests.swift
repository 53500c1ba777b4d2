import Testing
@testable import BriefingKit

private func document(_ id: String, _ texts: [String]) -> Document {
    var d = Document(id: id, fileName: id + ".txt")
    d.paragraphs = texts.enumerated().map { Paragraph(id: "\(id)#p\($0.offset + 1)", position: $0.offset + 1, line: $0.offset + 1, text: $0.element) }
    return d
}

@Suite struct DedupeStageTests {
    let long = "La Convention favorisera la coopération internationale pour prévenir et traiter ce type de criminalité, qui pose de nombreux défis au monde."

    @Test func exactDuplicateIgnoresCaseSpacesAndPunctuation() {
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var docs = [document("a", ["« Merci beaucoup ! »", "merci   BEAUCOUP"])]
        runDedupe(&docs, DedupeStage(), stats: &stats)
        let d = docs[0]
        #expect(d.paragraphs.map(\.id) == ["a#p1"])
        #expect(d.removed.count == 1)
        let r = d.removed[0]
        #expect(r.reason == .exactDuplicate && r.keptParagraphID == "a#p1" && r.similarity == 1 && r.scope == .document)
        #expect(stats.input == 2 && stats.output == 1 && stats.dropped == ["exact-duplicate/document": 1])
    }

    @Test func nearDuplicateAcrossDocumentsRecordsSimilarity() throws {
        // the third of 21 words changed: 2 of the 20 word pairs differ on each side, overlap 18/20 = 0.9
        // (with the former measure, word triples and Jaccard, 16/22 = 0.727)
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var docs = [document("a", [long]), document("b", [long.replacingOccurrences(of: "favorisera", with: "renforcera")])]
        runDedupe(&docs, DedupeStage(settings: DedupeSettings(threshold: 0.7)), stats: &stats)
        #expect(docs[0].paragraphs.count == 1 && docs[1].paragraphs.isEmpty)
        let r = try #require(docs[1].removed.first)
        #expect(r.reason == .nearDuplicate && r.scope == .corpus && r.keptParagraphID == "a#p1")
        #expect(r.similarity == 0.9)
        #expect(stats.dropped == ["near-duplicate/corpus": 1])
        #expect(stats.input == 2 && stats.output == 1)
        #expect(docs.allSatisfy { $0.prints.isEmpty }, "the corpus pass lets go of the prints")
    }

    @Test func belowThresholdAndShortParagraphsAreKept() {
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var docs = [document("a", [long, long.replacingOccurrences(of: "de nombreux défis", with: "beaucoup de défis"),
                                   "Merci beaucoup!", "Merci bien!"])]
        runDedupe(&docs, DedupeStage(settings: DedupeSettings(threshold: 0.95)), stats: &stats)
        #expect(docs[0].paragraphs.count == 4 && docs[0].removed.isEmpty)
    }

    @Test func documentScopeForgetsEarlierDocuments() {
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var docs = [document("a", [long]), document("b", [long])]
        let stage = DedupeStage(settings: DedupeSettings(scope: .document))
        runDedupe(&docs, stage, stats: &stats)
        #expect(docs[1].paragraphs.count == 1)
        #expect(docs.allSatisfy { $0.prints.isEmpty }, "the pass lets go of the prints")
    }

    @Test func seedDuplicatesAreRemovedOnceEachAndNothingElse() throws {
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var docs = try Repo.parsedSeeds()
        runDedupe(&docs, DedupeStage(), stats: &stats)
        let removed = docs.flatMap { $0.removed.filter { $0.stage == "dedupe" } }
        #expect(removed.map(\.paragraphID) == ["000_4f9839d5057eabca#p10", "000_4f9839d5057eabca#p11"])
        #expect(removed.map(\.keptParagraphID) == ["000_4f9839d5057eabca#p8", "000_4f9839d5057eabca#p9"])
        #expect(removed.map(\.line) == [16, 17])
        #expect(stats.dropped == ["exact-duplicate/document": 2])
    }

    @Test func theCorpusPassDecidesFromPrintsAloneAndAppliesDecisionsByPosition() throws {
        // what a split run does: decide from the prints (no text), apply to the documents later
        var docs = [document("a", [long]), document("b", ["Le ministre Jean Dupont a salué la signature à Hanoï.", long, long])]
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var stage = DedupeStage()
        for i in docs.indices { stage.process(&docs[i], stats: &stats) }
        var decider = CorpusDedupe(settings: DedupeSettings())
        var decisions: [[Int: DuplicateIndex.Match]] = []
        for d in docs {
            var found: [Int: DuplicateIndex.Match] = [:]
            for (i, print) in d.prints.enumerated() {
                if let match = decider.decide(try #require(print), paragraphID: d.paragraphs[i].id, documentID: d.id) { found[i] = match }
            }
            decisions.append(found)
        }
        #expect(decisions[0].isEmpty && decisions[1].keys.sorted() == [1, 2])
        #expect(decisions[1][1] == DuplicateIndex.Match(reason: .exactDuplicate, paragraphID: "a#p1", documentID: "a", similarity: 1))
        CorpusDedupe.apply(decisions[1], to: &docs[1], stats: &stats)
        #expect(docs[1].paragraphs.map(\.id) == ["b#p1"])
        #expect(docs[1].removed.map(\.keptParagraphID) == ["a#p1", "a#p1"] && docs[1].removed.allSatisfy { $0.scope == .corpus })
        #expect(stats.input == 4 && stats.output == 2 && stats.dropped == ["exact-duplicate/corpus": 2])
    }

    @Test func aParagraphWithoutAPrintIsKeptWithoutALookup() {
        // what a merge of shards gives a paragraph that shares no key with any other
        var docs = [document("a", [long]), document("b", [long])]
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var stage = DedupeStage()
        for i in docs.indices { stage.process(&docs[i], stats: &stats) }
        docs[1].prints = [nil]
        var pass = CorpusDedupe(settings: DedupeSettings())
        for i in docs.indices { _ = pass.pass(&docs[i], stats: &stats) }
        #expect(docs[1].paragraphs.count == 1 && docs[1].removed.isEmpty)
    }
}
