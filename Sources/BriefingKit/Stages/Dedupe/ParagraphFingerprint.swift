/// Word hashes of a paragraph, computed on its UTF-8 bytes: the basis of exact and near-duplicate checks.
///
/// Words are runs of letters and digits; case (ASCII and Latin-1), white space (including no-break
/// spaces) and punctuation (including typographic quotes, dashes and apostrophes) do not count, so
/// `« Merci » !` and `merci` have the same key.
struct ParagraphFingerprint {
    /// One 64-bit hash per word, in order.
    var words: [UInt64] = []
    /// Whether each word is made of ASCII digits only (`900,000` is the two words `900` and `000`).
    var numeric: [Bool] = []

    init(_ text: String) {
        var utf8 = text.utf8
        if utf8.withContiguousStorageIfAvailable({ self.scan($0) }) == nil {
            var copy = String(text)
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            _ = utf8.withContiguousStorageIfAvailable { self.scan($0) }
        }
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    private mutating func scan(_ buf: UnsafeBufferPointer<UInt8>) {
        var h = Self.fnvOffset
        var inWord = false
        var digitsOnly = true
        var i = 0
        let n = buf.count
        @inline(__always) func endWord() {
            if inWord {
                words.append(Self.mix(h)); numeric.append(digitsOnly)
                h = Self.fnvOffset; inWord = false; digitsOnly = true
            }
        }
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                let isDigit = b >= 0x30 && b <= 0x39
                let isUpper = b >= 0x41 && b <= 0x5A
                let isLower = b >= 0x61 && b <= 0x7A
                if isDigit || isUpper || isLower {
                    h = (h ^ UInt64(isUpper ? b + 0x20 : b)) &* Self.fnvPrime
                    inWord = true
                    if !isDigit { digitsOnly = false }
                } else {
                    endWord()
                }
                i += 1
                continue
            }
            // multi-byte sequence: separators are NBSP, « », and U+2000–U+206F (spaces, dashes, quotes, …)
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            if b == 0xC2, i + 1 < n, [0xA0, 0xAB, 0xBB, 0xB7].contains(buf[i + 1]) {
                endWord()
            } else if b == 0xE2, i + 1 < n, buf[i + 1] == 0x80 || buf[i + 1] == 0x81 {
                endWord()
            } else {
                var k = 0
                while k < len, i + k < n {
                    var c = buf[i + k]
                    // Latin-1 capitals À–Þ (C3 80–C3 9E, not ×) fold to small letters
                    if k == 1, b == 0xC3, c >= 0x80, c <= 0x9E, c != 0x97 { c += 0x20 }
                    h = (h ^ UInt64(c)) &* Self.fnvPrime
                    k += 1
                }
                inWord = true
                digitsOnly = false
            }
            i += len
        }
        endWord()
    }

    /// A strong 64-bit mix (splitmix64 finaliser).
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One key for the whole normalised text.
    var exactKey: UInt64 {
        var h: UInt64 = 0x84_22_23_25
        for w in words { h = Self.mix(h ^ w) }
        return h
    }

    /// Words that qualify a number in English or French (`more than 900`, `over 900`, `about 300`,
    /// `some 300`, `plus de 900`, `près de 300`): a re-edited wire paragraph swaps one for another as
    /// freely as a synonym, so before a number they all count as one word. One or two words each.
    static let numberQualifiers: [[UInt64]] = [
        "over", "above", "about", "some", "around", "roughly", "approximately", "nearly", "almost",
        "more than", "less than", "fewer than", "at least", "up to", "close to", "as many as",
        "environ", "quelque", "plus de", "plus d'", "moins de", "moins d'", "près de", "près d'",
        "au moins", "jusqu'à", "quasiment", "presque",
    ].map { ParagraphFingerprint($0).words }
    private static let qualifierWord = ParagraphFingerprint("≈qualifier").words[0]

    /// The words with every number qualifier (see `numberQualifiers`) directly before a number
    /// replaced by one common word. One pass; a qualifier is at most three words long.
    var wordsForShingles: [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(words.count)
        var i = 0
        outer: while i < words.count {
            for q in Self.numberQualifiers {
                let end = i + q.count
                guard end < words.count, numeric[end], words[i] == q[0] else { continue }
                var same = true
                for j in 1..<q.count where words[i + j] != q[j] { same = false; break }
                if same { out.append(Self.qualifierWord); i = end; continue outer }
            }
            out.append(words[i])
            i += 1
        }
        return out
    }

    /// Sorted, unique hashes of every run of `size` consecutive words (the whole text when shorter),
    /// number qualifiers counted as one word (see `wordsForShingles`).
    func shingles(size: Int) -> [UInt64] {
        let words = wordsForShingles
        guard !words.isEmpty else { return [] }
        let k = min(size, words.count)
        var out: [UInt64] = []
        out.reserveCapacity(words.count - k + 1)
        for start in 0...(words.count - k) {
            var h: UInt64 = UInt64(k)
            for w in words[start..<start + k] { h = Self.mix(h ^ w) }
            out.append(h)
        }
        out.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(out.count)
        for x in out where unique.last != x { unique.append(x) }
        return unique
    }

    /// Jaccard similarity of two sorted, unique arrays.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        let common = Self.common(a, b)
        return Double(common) / Double(a.count + b.count - common)
    }

    /// The near-duplicate similarity of two sorted, unique shingle arrays: the overlap coefficient
    /// |A∩B| / min(|A|, |B|) when the shorter has at least half as many shingles as the longer (a
    /// re-edited copy: words swapped, a clause dropped or added), else the Jaccard similarity (a
    /// sentence quoted in a longer paragraph is not a copy of it). One merge pass.
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return a.isEmpty && b.isEmpty ? 1 : 0 }
        let common = Self.common(a, b)
        let shorter = min(a.count, b.count), longer = max(a.count, b.count)
        if 2 * shorter >= longer { return Double(common) / Double(shorter) }
        return Double(common) / Double(a.count + b.count - common)
    }

    /// How many values two sorted, unique arrays share.
    static func common(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return common
    }
}
