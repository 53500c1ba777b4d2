/// Finds calendar dates in a short piece of text, in the ways French and English press write them:
/// `26 octobre 2025`, `1er mars`, `26 oct. 2025`, `October 26, 2025`, `Oct. 26`, `Oct 26`,
/// `26/10/2025`, `2025-10-26`, `26.10.2025`, `octobre 2025` (a month). A date without a year keeps
/// `year == nil`: the caller decides where the year may come from; nothing here guesses one.
///
/// One pass over the text's tokens (runs of letters, runs of digits, single punctuation marks).
enum DateFinder {
    struct Found: Equatable {
        var year: Int?
        var month: Int
        var day: Int?
        /// Up to three folded words before the date (`jusqu`, `au`), to tell deadlines from events.
        var before: [String]
        /// The folded word after the date, if any (`prochain`, `next`).
        var after: String?
    }

    static let monthNames: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    /// Abbreviations: a date only when followed by a dot, a year, or capitalised (`Oct 26`).
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "janv": 1, "feb": 2, "fev": 2, "fevr": 2, "mar": 3, "apr": 4, "avr": 4, "jun": 6,
        "jul": 7, "juil": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    struct Token {
        enum Kind { case word, number, mark }
        var kind: Kind
        var text: Substring
        var folded: String
        var spaceBefore: Bool
        var capitalised: Bool
        /// `text.count`, counted once.
        var count: Int
        var value: Int { kind == .number && count <= 4 ? Int(text) ?? -1 : -1 }
    }

    /// The tokens of `text`, found on its UTF-8 bytes: ASCII letters and digits by byte; a non-ASCII
    /// scalar is a letter when it is alphabetic or a combining mark (Latin letters with diacritics
    /// without a lookup), white space when it is a no-break or typographic space, else a mark.
    static func tokens(_ text: String) -> [Token] {
        let u = text.utf8
        var out: [Token] = []
        var i = u.startIndex
        var space = true
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        @inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        /// The scalar starting at `k` and the index after it (`nil` for an ASCII byte).
        @inline(__always) func scalar(at k: String.UTF8View.Index) -> (Unicode.Scalar, String.UTF8View.Index) {
            let b = u[k]
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            var v = UInt32(len == 4 ? b & 0x07 : len == 3 ? b & 0x0F : len == 2 ? b & 0x1F : b)
            var j = u.index(after: k)
            var n = 1
            while n < len, j < u.endIndex, u[j] & 0xC0 == 0x80 { v = v << 6 | UInt32(u[j] & 0x3F); j = u.index(after: j); n += 1 }
            return (Unicode.Scalar(v) ?? "\u{FFFD}", j)
        }
        @inline(__always) func isSpace(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            return v == 0xA0 || v == 0x85 || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x2028 || v == 0x2029
                || v == 0x202F || v == 0x205F || v == 0x3000
        }
        @inline(__always) func isLetter(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v >= 0xC0, v <= 0x24F { return v != 0xD7 && v != 0xF7 }
            if v >= 0x300, v <= 0x36F { return true }
            return s.properties.isAlphabetic
        }
        while i < u.endIndex {
            let b = u[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { space = true; i = u.index(after: i); continue }
            var j: String.UTF8View.Index
            var n = 1
            let kind: Token.Kind
            var capitalised = b >= 0x41 && b <= 0x5A
            if b < 0x80 {
                j = u.index(after: i)
                if isDigit(b) {
                    while j < u.endIndex, isDigit(u[j]) { j = u.index(after: j); n += 1 }
                    kind = .number
                } else if isASCIILetter(b) {
                    kind = .word
                } else {
                    kind = .mark
                }
            } else {
                let (s, next) = scalar(at: i)
                if isSpace(s) { space = true; i = next; continue }
                j = next
                if isLetter(s) {
                    kind = .word
                    capitalised = s.properties.isUppercase
                } else {
                    kind = .mark
                }
            }
            if kind == .word {
                // letters, ASCII or not, up to the next non-letter
                while j < u.endIndex {
                    let c = u[j]
                    if c < 0x80 {
                        guard isASCIILetter(c) else { break }
                        j = u.index(after: j)
                    } else {
                        let (s, next) = scalar(at: j)
                        guard isLetter(s) else { break }
                        j = next
                    }
                    n += 1
                }
            }
            let t = text[i..<j]
            out.append(Token(kind: kind, text: t, folded: kind == .word ? TextFolder.shared.fold(t) : String(t),
                             spaceBefore: space, capitalised: capitalised, count: n))
            space = false
            i = j
        }
        return out
    }

    /// Every date in `text`. Each date form holds a number (a day or a year), so in a longer text
    /// only windows around its digits are tokenised (from a few words before to a few after; the
    /// windows are merged when they overlap): one byte scan, then work in proportion to the digits.
    static func find(in text: String) -> [Found] {
        let u = text.utf8
        guard u.count > 160 else { return find(tokens: tokens(text)) }
        let bytes = Array(u)
        let n = bytes.count
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        var windows: [Range<Int>] = []
        var i = 0
        while i < n {
            guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { i += 1; continue }
            var end = i
            while end < n, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
            // a window starts and ends at white space (never inside a word or a character)
            var a = max(0, i - 64)
            while a > 0, a < i, !isSpace(bytes[a - 1]) { a += 1 }
            var b = min(n, end + 48)
            while b < n, !isSpace(bytes[b]) { b += 1 }
            if let last = windows.last, a <= last.upperBound {
                windows[windows.count - 1] = last.lowerBound..<max(b, last.upperBound)
            } else {
                windows.append(a..<b)
            }
            i = end
        }
        var found: [Found] = []
        for w in windows {
            let lower = u.index(u.startIndex, offsetBy: w.lowerBound), upper = u.index(u.startIndex, offsetBy: w.upperBound)
            found += find(tokens: tokens(String(text[lower..<upper])))
        }
        return found
    }

    /// The dates in a run of tokens.
    static func find(tokens t: [Token]) -> [Found] {
        var found: [Found] = []
        var i = 0
        func before(_ k: Int) -> [String] {
            var words: [String] = []
            var m = k - 1
            while m >= 0, words.count < 3 { if t[m].kind == .word { words.insert(t[m].folded, at: 0) }; m -= 1 }
            return words
        }
        func month(_ k: Int) -> (Int, next: Int)? {
            guard k < t.count, t[k].kind == .word else { return nil }
            if let m = monthNames[t[k].folded] {
                if m == 5, t[k].folded == "may", !t[k].capitalised { return nil }
                return (m, k + 1)
            }
            guard let m = monthAbbreviations[t[k].folded] else { return nil }
            if k + 1 < t.count, t[k + 1].text == ".", !t[k + 1].spaceBefore { return (m, k + 2) }
            if t[k].capitalised { return (m, k + 1) }
            if k + 1 < t.count, t[k + 1].kind == .number, t[k + 1].count == 4 { return (m, k + 1) }
            return nil
        }
        func year(_ k: Int) -> (Int, next: Int)? {
            guard k < t.count, t[k].kind == .number, t[k].count == 4, (1900...2200).contains(t[k].value) else { return nil }
            return (t[k].value, k + 1)
        }
        func after(_ k: Int) -> String? { k < t.count && t[k].kind == .word ? t[k].folded : nil }
        while i < t.count {
            let tok = t[i]
            // dd/mm/yyyy, yyyy-mm-dd, dd.mm.yyyy
            if tok.kind == .number, i + 4 < t.count, t[i + 1].kind == .mark, ["/", "-", "."].contains(t[i + 1].text),
               t[i + 2].kind == .number, t[i + 3].text == t[i + 1].text, t[i + 4].kind == .number,
               !t[i + 1].spaceBefore, !t[i + 2].spaceBefore, !t[i + 3].spaceBefore, !t[i + 4].spaceBefore {
                let a = tok.value, b = t[i + 2].value, c = t[i + 4].value
                var date: PartialDate?
                if tok.count == 4 { date = PartialDate.valid(year: a, month: b, day: c) }
                else if t[i + 4].count == 4 {
                    date = b > 12 && a <= 12 ? PartialDate.valid(year: c, month: a, day: b) : PartialDate.valid(year: c, month: b, day: a)
                } else if t[i + 4].count == 2, tok.count <= 2, t[i + 2].count <= 2, t[i + 1].text != "-",
                          !(i + 5 < t.count && [".", "/"].contains(t[i + 5].text) && !t[i + 5].spaceBefore) {
                    // `16/11/26`, `16.11.26`: day, month and a two-digit year of this century (not `1.2.3.4`)
                    date = PartialDate.valid(year: 2000 + c, month: b, day: a)
                }
                if let date {
                    found.append(Found(year: date.year, month: date.month, day: date.day, before: before(i), after: after(i + 5)))
                    i += 5
                    continue
                }
            }
            // 26 octobre [2025], 1er mars, 26 oct. 2025
            if tok.kind == .number, tok.count <= 2, (1...31).contains(tok.value) {
                var k = i + 1
                if k < t.count, t[k].kind == .word, ["er", "st", "nd", "rd", "th"].contains(t[k].folded), !t[k].spaceBefore { k += 1 }
                // `16-Nov-2026`: day, month and year joined by hyphens
                let hyphened = k + 1 < t.count && t[k].text == "-" && !t[k].spaceBefore && !t[k + 1].spaceBefore
                if hyphened { k += 1 }
                if let (m, next) = month(k) {
                    var end = next
                    var y: Int?
                    var ny = next
                    // `16 November, 2026`, `16-Nov-2026`: a comma or the hyphen before the year
                    if ny + 1 < t.count, t[ny].text == "," || (hyphened && t[ny].text == "-"), year(ny + 1) != nil { ny += 1 }
                    if let (yy, n2) = year(ny) { y = yy; end = n2 }
                    found.append(Found(year: y, month: m, day: tok.value, before: before(i), after: after(end)))
                    i = end
                    continue
                }
            }
            // October 26, 2025 / Oct. 26 / octobre 2025
            if tok.kind == .word, let (m, next) = month(i) {
                if next < t.count, t[next].kind == .number, t[next].count <= 2, (1...31).contains(t[next].value),
                   tok.capitalised || monthAbbreviations[tok.folded] != nil,
                   !(next + 1 < t.count && [":", "h"].contains(t[next + 1].folded) && !t[next + 1].spaceBefore) {
                    var end = next + 1
                    if end < t.count, t[end].kind == .word, ["st", "nd", "rd", "th"].contains(t[end].folded), !t[end].spaceBefore { end += 1 }
                    // `mar. 3 mars 2026`: a day's abbreviation (`mar.`, `sam.`) before the day and its month
                    if end < t.count, t[end].kind == .word, monthNames[t[end].folded] != nil { i += 1; continue }
                    var y: Int?
                    var k = end
                    if k < t.count, t[k].text == "," { k += 1 }
                    if let (yy, n2) = year(k) { y = yy; end = n2 }
                    found.append(Found(year: y, month: m, day: t[next].value, before: before(i), after: after(end)))
                    i = end
                    continue
                }
                if let (y, n2) = year(next) {
                    found.append(Found(year: y, month: m, day: nil, before: before(i), after: after(n2)))
                    i = n2
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// Words that make the date that follows a deadline or a plan, not the day of the report.
    static let futureBefore: Set<String> = ["until", "till", "before", "by", "through", "deadline", "than", "jusqu", "ici",
                                            "avant", "partir", "due", "scheduled", "expected", "prevu", "prevue", "prevus",
                                            "prevues", "limite", "expire", "expires", "au-dela"]
    static let futureAfter: Set<String> = ["prochain", "prochaine", "next"]

    /// A date written as a deadline or plan (`until 31 December 2026`, `d'ici au 31 décembre`,
    /// `le 3 novembre prochain`).
    static func isFutureMarked(_ f: Found) -> Bool {
        f.before.suffix(2).contains { futureBefore.contains($0) } || f.after.map { futureAfter.contains($0) } ?? false
    }
}
