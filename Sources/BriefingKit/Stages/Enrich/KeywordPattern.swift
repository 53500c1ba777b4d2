/// A phrase pattern of the data files, matched on folded tokens.
///
/// Syntax, words separated by spaces: `s'engage|s'engagent à` (alternatives split by `|`, each
/// alternative tokenised like the text, so `s'engage` is `s'` + `engage`), `ratif*` (prefix),
/// `*er` (a word ending with `er`, not first), `*` (any word of letters, not first), `…` or `...` (a gap of 0 to 8 tokens that crosses commas but no `.`, `;`, `:`, `?`, `!`; the
/// tokens of a written number, `3.5` or `$1,200`, count as none and their point stops nothing),
/// `…3` (a gap of at most 3 tokens), `{actor}` (1 to 6 tokens naming the actor) and `>` (the
/// action starts here rather than after the match).
struct KeywordPattern: Sendable {
    struct Word: Sendable, Hashable {
        var folded: String
        var isPrefix: Bool
        /// `*er`: any word of more than 3 letters ending with `er` (not as a pattern's first word);
        /// `*` alone (an empty ending): any word.
        var isSuffix = false
    }
    enum Element: Sendable {
        case words([[Word]])
        case gap(Int)
        case actorSlot
        case actionMark
    }
    struct Match: Sendable {
        var range: Range<Int>
        var actor: Range<Int>?
        var actionStart: Int
        /// The tokens that gaps (`…`) skipped, in order.
        var gaps: [Range<Int>]
    }
    private struct State {
        var actor: Range<Int>?
        var action: Int?
        var gaps: [Range<Int>] = []
    }

    static let defaultGap = 8
    static let slotMax = 6

    let source: String
    let elements: [Element]

    /// Compiles `source`; the error message says what is wrong.
    init(_ source: String) throws(PatternError) {
        self.source = source
        var elements: [Element] = []
        for chunk in source.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let c = String(chunk)
            if c == ">" { elements.append(.actionMark); continue }
            if c == "{actor}" { elements.append(.actorSlot); continue }
            if c.hasPrefix("…") || c.hasPrefix("...") {
                let rest = c.hasPrefix("…") ? c.dropFirst() : c.dropFirst(3)
                if rest.isEmpty { elements.append(.gap(Self.defaultGap)); continue }
                guard let n = Int(rest), n > 0, n <= 20 else { throw PatternError("bad gap '\(c)' in '\(source)'") }
                elements.append(.gap(n))
                continue
            }
            var alternatives: [[Word]] = []
            for alt in c.split(separator: "|", omittingEmptySubsequences: false) {
                var text = String(alt)
                if text == "*" {
                    guard !elements.isEmpty else { throw PatternError("'\(source)' must not start with '*'") }
                    alternatives.append([Word(folded: "", isPrefix: false, isSuffix: true)])
                    continue
                }
                if text.hasPrefix("*"), text.count > 1 {
                    let ending = TextFolder.shared.fold(String(text.dropFirst()))
                    guard !elements.isEmpty else { throw PatternError("'\(source)' must not start with a word ending '\(text)'") }
                    alternatives.append([Word(folded: ending, isPrefix: false, isSuffix: true)])
                    continue
                }
                let prefix = text.hasSuffix("*")
                if prefix { text.removeLast() }
                let words = Tokenizer.tokens(text).map { Word(folded: $0.folded, isPrefix: false) }
                guard !words.isEmpty else { throw PatternError("empty alternative in '\(source)'") }
                var w = words
                if prefix { w[w.count - 1].isPrefix = true }
                alternatives.append(w)
            }
            // try longer alternatives first so `se sont` wins over `se`
            alternatives.sort { $0.count > $1.count }
            elements.append(.words(alternatives))
        }
        guard case .words = elements.first else { throw PatternError("'\(source)' must start with a word") }
        if case .gap = elements.last { throw PatternError("'\(source)' must not end with a gap") }
        if case .actorSlot = elements.last { throw PatternError("'\(source)' must not end with {actor}") }
        self.elements = elements
    }

    /// The first words the pattern can start with (exact ones and prefixes).
    var firstWords: [Word] {
        guard case .words(let alts)? = elements.first else { return [] }
        return alts.compactMap(\.first)
    }

    /// Matches the pattern at token `i`, not beyond `limit`.
    func match(_ tokens: [Token], at i: Int, limit: Int) -> Match? {
        var state = State()
        guard let end = step(0, i, tokens, limit, &state) else { return nil }
        return Match(range: i..<end, actor: state.actor, actionStart: state.action ?? end, gaps: state.gaps)
    }

    private func step(_ e: Int, _ i: Int, _ t: [Token], _ limit: Int, _ state: inout State) -> Int? {
        if e == elements.count { return i }
        switch elements[e] {
        case .actionMark:
            let saved = state.action
            state.action = i
            if let r = step(e + 1, i, t, limit, &state) { return r }
            state.action = saved
            return nil
        case .words(let alts):
            for alt in alts where Self.matches(alt, t, i, limit) {
                if let r = step(e + 1, i + alt.count, t, limit, &state) { return r }
            }
            return nil
        case .gap(let n):
            var k = i
            var words = 0
            while k <= limit {
                if k > i { state.gaps.append(i..<k) }
                if let r = step(e + 1, k, t, limit, &state) { return r }
                if k > i { state.gaps.removeLast() }
                if k == limit { return nil }
                // a written number (`3.5`, `$1,200`, `€40`) counts as no word and its point stops nothing
                let numeric = Self.isNumeric(t, k)
                if !numeric, words >= n || Self.isStop(t[k]) { return nil }
                if !numeric { words += 1 }
                k += 1
            }
            return nil
        case .actorSlot:
            var k = i
            while k < limit, k - i < Self.slotMax, t[k].kind != .punctuation {
                k += 1
                let saved = state.actor
                state.actor = i..<k
                if let r = step(e + 1, k, t, limit, &state) { return r }
                state.actor = saved
            }
            return nil
        }
    }

    @inline(__always)
    static func matches(_ words: [Word], _ t: [Token], _ i: Int, _ limit: Int) -> Bool {
        guard i + words.count <= limit else { return false }
        for (j, w) in words.enumerated() {
            let f = t[i + j].folded
            if w.isSuffix {
                guard t[i + j].kind == .word else { return false }
                if w.folded.isEmpty { continue }
                guard f.count > w.folded.count + 1, f.hasSuffix(w.folded) else { return false }
                continue
            }
            if w.isPrefix ? !f.hasPrefix(w.folded) : f != w.folded { return false }
        }
        return true
    }

    /// Currency signs that a written amount may start with.
    static let currencySigns: Set<String> = ["$", "€", "£", "¥", "₹", "₦", "₩", "₽", "₺", "₱", "฿"]

    /// True for a token of a written number: digits, a currency sign, or a `.`/`,` glued between two digit groups.
    @inline(__always)
    static func isNumeric(_ t: [Token], _ k: Int) -> Bool {
        let tk = t[k]
        if tk.kind == .number { return true }
        guard tk.kind == .punctuation else { return false }
        if currencySigns.contains(tk.text) { return true }
        guard tk.text == "." || tk.text == ",", k > 0, k + 1 < t.count else { return false }
        let a = t[k - 1], b = t[k + 1]
        return a.kind == .number && b.kind == .number && a.end == tk.start && tk.end == b.start
    }

    @inline(__always)
    static func isStop(_ t: Token) -> Bool {
        t.kind == .punctuation && (t.text == "." || t.text == ";" || t.text == ":" || t.text == "?" || t.text == "!")
    }
}

/// Why a pattern of a data file does not compile.
struct PatternError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Patterns indexed by their first folded word, built once.
///
/// The index is a small open-addressing table keyed by an FNV-1a hash of the word's UTF-8 bytes:
/// most tokens of a sentence start no pattern, and this rejects them without Swift's `String` hashing.
struct KeywordPatternSet: Sendable {
    private(set) var patterns: [KeywordPattern] = []
    private var words: [String] = []
    private var wordHashes: [UInt64] = []
    private var wordPatterns: [[Int]] = []
    /// Slots hold an index into `words`, or -1.
    private var slots = [Int32](repeating: -1, count: 64)
    private var byPrefix: [(prefix: String, index: Int)] = []
    /// For each first UTF-8 byte, a bit per word length (63 = longer) a pattern can start with.
    private var lengthMask = [UInt64](repeating: 0, count: 256)

    init() {}

    @inline(__always)
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var s = s
        s.withUTF8 { buffer in
            for b in buffer { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        return h
    }

    @inline(__always)
    private func mayStart(_ word: String) -> Bool {
        let u = word.utf8
        guard let b = u.first else { return false }
        return lengthMask[Int(b)] & (1 << UInt64(min(u.count, 63))) != 0
    }

    private mutating func mark(_ word: String, prefix: Bool) {
        guard let b = word.utf8.first else { return }
        let n = min(word.utf8.count, 63)
        for k in n...(prefix ? 63 : n) { lengthMask[Int(b)] |= 1 << UInt64(k) }
    }

    @inline(__always)
    private func slotOf(_ word: String, hash h: UInt64) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 {
            let w = Int(slots[i])
            if wordHashes[w] == h, words[w] == word { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    private mutating func insert(_ word: String, pattern: Int) {
        let h = Self.hash(word)
        let (slot, found) = slotOf(word, hash: h)
        if found { wordPatterns[Int(slots[slot])].append(pattern); return }
        words.append(word)
        wordHashes.append(h)
        wordPatterns.append([pattern])
        slots[slot] = Int32(words.count - 1)
        if words.count * 2 > slots.count {
            // grow and re-insert
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (w, hw) in wordHashes.enumerated() {
                var i = Int(truncatingIfNeeded: hw) & (slots.count - 1)
                while slots[i] >= 0 { i = (i + 1) & (slots.count - 1) }
                slots[i] = Int32(w)
            }
        }
    }

    /// Adds a compiled pattern; returns its index.
    @discardableResult
    mutating func add(_ pattern: KeywordPattern) -> Int {
        let index = patterns.count
        patterns.append(pattern)
        var seen = Set<KeywordPattern.Word>()
        for w in pattern.firstWords where seen.insert(w).inserted {
            mark(w.folded, prefix: w.isPrefix)
            if w.isPrefix { byPrefix.append((w.folded, index)) } else { insert(w.folded, pattern: index) }
        }
        return index
    }

    /// Calls `body` with each pattern that may start with `token`.
    @inline(__always)
    func forEachCandidate(_ token: Token, _ body: (Int) -> Void) {
        guard mayStart(token.folded) else { return }
        let (slot, found) = slotOf(token.folded, hash: Self.hash(token.folded))
        let exact: [Int] = found ? wordPatterns[Int(slots[slot])] : []
        for p in exact { body(p) }
        for p in byPrefix where token.folded.hasPrefix(p.prefix) && !exact.contains(p.index) { body(p.index) }
    }

    /// Every match starting in `range` (overlaps allowed), in text order.
    func allMatches(in tokens: [Token], range: Range<Int>) -> [(pattern: Int, match: KeywordPattern.Match)] {
        var out: [(Int, KeywordPattern.Match)] = []
        for i in range where tokens[i].kind != .punctuation {
            forEachCandidate(tokens[i]) { p in
                if let m = patterns[p].match(tokens, at: i, limit: range.upperBound) { out.append((p, m)) }
            }
        }
        return out
    }

    /// Non-overlapping matches in `range`, leftmost first and, at one place, longest first.
    func longestMatches(in tokens: [Token], range: Range<Int>,
                        accept: (Int, KeywordPattern.Match) -> Bool = { _, _ in true })
        -> [(pattern: Int, match: KeywordPattern.Match)] {
        var out: [(Int, KeywordPattern.Match)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            var best: (Int, KeywordPattern.Match)?
            if tokens[i].kind != .punctuation {
                forEachCandidate(tokens[i]) { p in
                    guard let m = patterns[p].match(tokens, at: i, limit: range.upperBound), accept(p, m) else { return }
                    if let b = best, b.1.range.count >= m.range.count { return }
                    best = (p, m)
                }
            }
            if let best {
                out.append(best)
                i = best.1.range.upperBound
            } else {
                i += 1
            }
        }
        return out
    }
}
