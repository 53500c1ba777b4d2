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
        var stage = DedupeStage()
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var d = document("a", ["« Merci beaucoup ! »", "merci   BEAUCOUP"])
        stage.process(&d, stats: &stats)
        #expect(d.paragraphs.map(\.id) == ["a#p1"])
        #expect(d.removed.count == 1)
        let r = d.removed[0]
        #expect(r.reason == .exactDuplicate && r.keptParagraphID == "a#p1" && r.similarity == 1 && r.scope == .document)
        #expect(stats.input == 2 && stats.output == 1 && stats.dropped == ["exact-duplicate/document": 1])
    }

    @Test func nearDuplicateAcrossDocumentsRecordsSimilarity() throws {
        // the third of 21 words changed: 2 of the 20 word pairs differ on each side, overlap 18/20 = 0.9
        // (with the former measure, word triples and Jaccard, 16/22 = 0.727)
        var stage = DedupeStage(settings: DedupeSettings(threshold: 0.7))
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var a = document("a", [long])
        var b = document("b", [long.replacingOccurrences(of: "favorisera", with: "renforcera")])
        stage.process(&a, stats: &stats)
        stage.process(&b, stats: &stats)
        #expect(a.paragraphs.count == 1 && b.paragraphs.isEmpty)
        let r = try #require(b.removed.first)
        #expect(r.reason == .nearDuplicate && r.scope == .corpus && r.keptParagraphID == "a#p1")
        #expect(r.similarity == 0.9)
        #expect(stats.dropped == ["near-duplicate/corpus": 1])
    }

    @Test func belowThresholdAndShortParagraphsAreKept() {
        var stage = DedupeStage(settings: DedupeSettings(threshold: 0.95))
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var d = document("a", [long, long.replacingOccurrences(of: "de nombreux défis", with: "beaucoup de défis"),
                               "Merci beaucoup!", "Merci bien!"])
        stage.process(&d, stats: &stats)
        #expect(d.paragraphs.count == 4 && d.removed.isEmpty)
    }

    @Test func documentScopeForgetsEarlierDocuments() {
        var stage = DedupeStage(settings: DedupeSettings(scope: .document))
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var a = document("a", [long])
        var b = document("b", [long])
        stage.process(&a, stats: &stats)
        stage.process(&b, stats: &stats)
        #expect(b.paragraphs.count == 1)
    }

    @Test func seedDuplicatesAreRemovedOnceEachAndNothingElse() throws {
        var stage = DedupeStage()
        var stats = StageStats(stage: "dedupe", unit: "paragraphs")
        var removed: [Removal] = []
        for var d in try Repo.parsedSeeds() {
            stage.process(&d, stats: &stats)
            removed += d.removed.filter { $0.stage == "dedupe" }
        }
        #expect(removed.map(\.paragraphID) == ["000_4f9839d5057eabca#p10", "000_4f9839d5057eabca#p11"])
        #expect(removed.map(\.keptParagraphID) == ["000_4f9839d5057eabca#p8", "000_4f9839d5057eabca#p9"])
        #expect(removed.map(\.line) == [16, 17])
        #expect(stats.dropped == ["exact-duplicate/document": 2])
    }
}
