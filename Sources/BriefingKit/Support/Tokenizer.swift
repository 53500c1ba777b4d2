/// A word, number or punctuation mark of a paragraph, with its place in it.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable { case word, number, punctuation }
    public var kind: Kind
    /// The text as written.
    public var text: String
    /// Lower-cased, without diacritics, typographic apostrophes made plain (`L’Équateur` → `l'equateur`).
    public var folded: String
    /// Offsets in Unicode scalars from the start of the paragraph, end exclusive.
    public var start: Int
    public var end: Int
    /// True when the first letter is upper case.
    public var isCapitalized: Bool
}

/// A sentence of a paragraph with its tokens.
public struct Sentence: Sendable {
    /// 1-based index in the paragraph.
    public var index: Int
    public var text: String
    /// Offsets in Unicode scalars from the start of the paragraph, end exclusive.
    public var start: Int
    public var end: Int
    /// Tokens with paragraph offsets.
    public var tokens: [Token]
}

/// Splits paragraphs into tokens and sentences the same way for every extractor.
///
/// Words keep inner hyphens (`vice-présidente`, `États-Unis`); an elided article ends its token
/// (`l'`, `d'`, `qu'`); digits form number tokens, so `1 000` is three tokens `1`, ` `-gap, `000`
/// that the figures extractor joins. White space produces no token.
public enum Tokenizer {
    /// Tokens of `text`.
    public static func tokens(_ text: String) -> [Token] {
        let folder = TextFolder.shared
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if isSpace(s) { i += 1; continue }
            let start = i
            var kind: Token.Kind
            if isDigit(s) {
                kind = .number
                while i < n, isDigit(scalars[i]) { i += 1 }
            } else if isLetter(s) {
                kind = .word
                while i < n {
                    let c = scalars[i]
                    if isLetter(c) || isDigit(c) { i += 1; continue }
                    if isApostrophe(c) {
                        // elision: l', d', qu', jusqu' … end the token after the apostrophe
                        i += 1
                        break
                    }
                    if isHyphen(c), i + 1 < n, isLetter(scalars[i + 1]) { i += 1; continue }
                    break
                }
            } else {
                kind = .punctuation
                i += 1
            }
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: scalars[start..<i])
            let text = String(raw)
            tokens.append(Token(kind: kind, text: text, folded: folder.fold(text), start: start, end: i,
                                isCapitalized: s.properties.isUppercase))
        }
        return tokens
    }

    /// The most tokens a sentence has. Text without full stops (a scraped table, a list glued into one
    /// line) would otherwise make one sentence of thousands of tokens, and extractors that look
    /// around a token within its sentence would do work growing with the square of its length.
    public static let maxSentenceTokens = 400

    /// Sentences of `paragraph`, split after `.`, `!`, `?` or `…` followed by white space and a capital,
    /// a digit or a quote — but not after abbreviations (`M.`, `Mme.`), initials or a leading list number (`1.`).
    ///
    /// No sentence has more than `maxSentenceTokens` tokens: a longer one is split into pieces of at
    /// most that many, each ending after the last `,`, `;`, `:` or dash of its second half when there
    /// is one, else at the limit (always between two tokens, never inside a word or number).
    public static func sentences(_ paragraph: String) -> [Sentence] {
        let toks = tokens(paragraph)
        let scalars = Array(paragraph.unicodeScalars)
        var result: [Sentence] = []
        var sentenceStart = 0
        var tokenStart = 0
        func emit(until endToken: Int, endOffset: Int) {
            var a = sentenceStart
            while a < endOffset, isSpace(scalars[a]) { a += 1 }
            guard a < endOffset else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[a..<endOffset])
            var sentenceTokens = Array(toks[tokenStart..<endToken])
            sentenceTokens.removeAll { $0.start < a }
            guard sentenceTokens.count > maxSentenceTokens else {
                result.append(Sentence(index: result.count + 1, text: String(view), start: a, end: endOffset,
                                       tokens: sentenceTokens))
                return
            }
            // too long: pieces of at most `maxSentenceTokens` tokens
            var from = 0
            while from < sentenceTokens.count {
                var to = min(from + maxSentenceTokens, sentenceTokens.count)
                if to < sentenceTokens.count {
                    var k = to - 1
                    while k > from + maxSentenceTokens / 2 {
                        if [",", ";", ":", "-", "–", "—"].contains(sentenceTokens[k].text) { to = k + 1; break }
                        k -= 1
                    }
                }
                let pieceStart = from == 0 ? a : sentenceTokens[from].start
                let pieceEnd = to == sentenceTokens.count ? endOffset : sentenceTokens[to - 1].end
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[pieceStart..<pieceEnd])
                result.append(Sentence(index: result.count + 1, text: String(piece), start: pieceStart, end: pieceEnd,
                                       tokens: Array(sentenceTokens[from..<to])))
                from = to
            }
        }
        var k = 0
        while k < toks.count {
            let t = toks[k]
            if t.kind == .punctuation, [".", "!", "?", "…"].contains(t.text) {
                // swallow closing quotes and repeated marks
                var last = k
                while last + 1 < toks.count, toks[last + 1].start == toks[last].end,
                      [".", "!", "?", "»", "\"", "”", ")", "…"].contains(toks[last + 1].text) { last += 1 }
                let isLast = last + 1 >= toks.count
                var boundary = isLast
                if !isLast {
                    let next = toks[last + 1]
                    let gap = next.start > toks[last].end
                    let opensSentence = next.isCapitalized || next.kind == .number || ["«", "\"", "“"].contains(next.text)
                    boundary = gap && opensSentence
                        && (t.text != "." || !isAbbreviation(before: k, in: toks, sentenceFirstToken: tokenStart))
                }
                if boundary {
                    emit(until: last + 1, endOffset: toks[last].end)
                    sentenceStart = toks[last].end
                    tokenStart = last + 1
                }
                k = last + 1
                continue
            }
            k += 1
        }
        if tokenStart < toks.count { emit(until: toks.count, endOffset: scalars.count) }
        return result
    }

    private static let abbreviations: Set<String> = ["m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "etc", "cf", "p", "art", "no", "n°", "vol", "ch", "env", "av", "j.-c", "mr", "mrs", "ms", "prof", "gen", "gal", "lt", "col", "sgt", "vs", "sen", "rep", "gov", "capt", "adm", "cmdr", "rev", "maj", "md", "mohd"]

    private static func isAbbreviation(before dot: Int, in toks: [Token], sentenceFirstToken: Int) -> Bool {
        guard dot > 0 else { return false }
        let prev = toks[dot - 1]
        guard prev.end == toks[dot].start else { return false }
        if prev.kind == .word {
            if abbreviations.contains(prev.folded) { return true }
            // an initial: "J. Smith"
            if prev.text.scalarCount == 1, prev.isCapitalized { return true }
        }
        // "1." opening a paragraph is a list number, not a sentence
        if prev.kind == .number, dot - 1 == sentenceFirstToken { return true }
        return false
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x202F, 0x2007, 0x2009, 0x200A, 0x2002, 0x2003, 0xFEFF: return true
        default: return false
        }
    }
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s.value == 0x2019 || s.value == 0x02BC }
    @inline(__always) static func isHyphen(_ s: Unicode.Scalar) -> Bool { s == "-" || s.value == 0x2010 || s.value == 0x2011 }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return s.properties.isAlphabetic
    }
}
