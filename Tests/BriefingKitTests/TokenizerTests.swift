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
