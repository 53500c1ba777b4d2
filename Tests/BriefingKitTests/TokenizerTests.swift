import Testing
@testable import BriefingKit

@Suite struct TokenizerTests {
    @Test func foldsAccentsApostrophesAndVietnamese() {
        let f = TextFolder.shared
        #expect(f.fold("L’Équateur") == "l'equateur")
        #expect(f.fold("Lương Tam Quang") == "luong tam quang")
        #expect(f.fold("Đà Nẵng") == "da nang")
        #expect(f.fold("mise en œuvre") == "mise en oeuvre")
        #expect(f.fold("1\u{202F}000") == "1 000")
    }

    @Test func tokensKeepHyphensAndSplitElisions() {
        let t = Tokenizer.tokens("la vice-présidente de l'Équateur, États-Unis")
        #expect(t.map(\.text) == ["la", "vice-présidente", "de", "l'", "Équateur", ",", "États-Unis"])
        #expect(t[4].isCapitalized && t[4].folded == "equateur")
        #expect(t[4].start == 24 && t[4].end == 32)
    }

    @Test func sentencesSplitOnRealBoundariesOnly() {
        let p = "1. Ces deux derniers jours, M. Dupont a parlé. Il a dit « merci ». 72 pays ont signé !"
        let s = Tokenizer.sentences(p)
        #expect(s.map(\.text) == ["1. Ces deux derniers jours, M. Dupont a parlé.", "Il a dit « merci ».", "72 pays ont signé !"])
        #expect(s[1].index == 2)
        let scalars = Array(p.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[s[2].start..<s[2].end])
        #expect(String(view) == s[2].text)
    }

    @Test func sentenceWithoutFinalStopIsKept() {
        #expect(Tokenizer.sentences("Exploiter le potentiel du cyberespace").map(\.text) == ["Exploiter le potentiel du cyberespace"])
        #expect(Tokenizer.sentences("").isEmpty)
    }
}

@Suite struct TokenizerSentenceLimitTests {
    @Test func aSentenceLongerThanTheLimitIsSplitBetweenTokens() {
        let words = (0..<1_000).map { "Mot\($0 % 7 == 0 ? "," : "")" }.joined(separator: " ")
        let text = "Une phrase courte. " + words + " fin. Une autre phrase."
        let sentences = Tokenizer.sentences(text)
        #expect(sentences.allSatisfy { $0.tokens.count <= Tokenizer.maxSentenceTokens })
        #expect(sentences.first?.text == "Une phrase courte.")
        #expect(sentences.last?.text == "Une autre phrase.")
        // every token is in exactly one sentence, in order, with consistent offsets
        #expect(sentences.flatMap(\.tokens) == Tokenizer.tokens(text))
        #expect(sentences.map(\.index) == Array(1...sentences.count))
        let scalars = Array(text.unicodeScalars)
        for s in sentences {
            #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text)
            #expect(s.tokens.first?.start == s.start)
        }
        // the long run is cut after a comma when one is in the second half of a piece
        let pieces = sentences.dropFirst().dropLast()
        #expect(pieces.count >= 3)
        #expect(pieces.dropLast().allSatisfy { $0.text.hasSuffix(",") })
    }

    @Test func aSentenceWithoutPunctuationIsCutAtTheLimit() {
        let text = Array(repeating: "Nom", count: 1_000).joined(separator: " ")
        let sentences = Tokenizer.sentences(text)
        #expect(sentences.map(\.tokens.count) == [400, 400, 200])
        #expect(sentences.last?.end == text.unicodeScalars.count)
    }

    @Test func aSentenceAtTheLimitIsNotSplit() {
        let text = Array(repeating: "mot", count: Tokenizer.maxSentenceTokens - 1).joined(separator: " ") + "."
        #expect(Tokenizer.sentences(text).count == 1)
    }
}
