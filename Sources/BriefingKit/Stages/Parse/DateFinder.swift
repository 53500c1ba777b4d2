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

    static func tokens(_ text: String) -> [Token] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(text) }
        var out: [Token] = []
        var i = text.startIndex
        var space = true
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace { space = true; i = text.index(after: i); continue }
            var j = text.index(after: i)
            let kind: Token.Kind
            if c.isNumber, c.isASCII {
                while j < text.endIndex, text[j].isNumber, text[j].isASCII { j = text.index(after: j) }
                kind = .number
            } else if c.isLetter {
                while j < text.endIndex, text[j].isLetter { j = text.index(after: j) }
                kind = .word
            } else {
                kind = .mark
            }
            let t = text[i..<j]
            out.append(Token(kind: kind, text: t, folded: kind == .word ? TextFolder.shared.fold(t) : String(t),
                             spaceBefore: space, capitalised: c.isUppercase, count: t.count))
            space = false
            i = j
        }
        return out
    }

    /// The same tokens for ASCII text, found on its bytes (one byte is one character there).
    static func asciiTokens(_ text: String) -> [Token] {
        let u = text.utf8
        var out: [Token] = []
        var i = u.startIndex
        var space = true
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        while i < u.endIndex {
            let b = u[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { space = true; i = u.index(after: i); continue }
            var j = u.index(after: i)
            var n = 1
            let kind: Token.Kind
            if isDigit(b) {
                while j < u.endIndex, isDigit(u[j]) { j = u.index(after: j); n += 1 }
                kind = .number
            } else if isLetter(b) {
                while j < u.endIndex, isLetter(u[j]) { j = u.index(after: j); n += 1 }
                kind = .word
            } else {
                kind = .mark
            }
            let t = text[i..<j]
            out.append(Token(kind: kind, text: t, folded: kind == .word ? TextFolder.shared.fold(t) : String(t),
                             spaceBefore: space, capitalised: b >= 0x41 && b <= 0x5A, count: n))
            space = false
            i = j
        }
        return out
    }

    static func find(in text: String) -> [Found] {
        let t = tokens(text)
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
                if let (m, next) = month(k) {
                    var end = next
                    var y: Int?
                    if let (yy, n2) = year(next) { y = yy; end = n2 }
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
