import Testing
@testable import BriefingKit

private func mention(_ value: Double, _ qualifier: String?, metric: String = "households") -> FigureMention {
    FigureMention(surface: "\(value)", value: value, qualifier: qualifier, metric: metric, unitText: metric,
                  provenance: Provenance(documentID: "doc", paragraphID: "doc#p1", sentenceIndex: 0, sentence: "", start: 0, end: 0))
}

@Suite struct FiguresTableTests {
    @Test func upToIsARangeFromZero() {
        // "tarpaulins for up to 5,000 households" allows 3,000 and 5,000, not 6,000
        #expect(FiguresTable.range(mention(5000, "up-to")) == 0...5000)
        #expect(!FiguresTable.disagree(mention(5000, "up-to"), mention(3000, nil)))
        #expect(!FiguresTable.disagree(mention(5000, "up-to"), mention(5000, nil)))
        #expect(FiguresTable.disagree(mention(5000, "up-to"), mention(6000, nil)))
        #expect(FiguresTable.disagree(mention(5000, "up-to"), mention(6000, "more-than")))
        #expect(!FiguresTable.disagree(mention(5000, "up-to"), mention(4000, "at-least")))
        #expect(FiguresTable.range(mention(5000, "at-most")) == FiguresTable.range(mention(5000, "up-to")))
    }
}
