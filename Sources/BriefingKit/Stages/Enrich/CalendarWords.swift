/// Month, weekday and time-of-day words (French and English), and how numbers are written.
///
/// These are closed, language-level lists, not analyst data, so they live in code.
enum CalendarWords {
    /// Folded month names and abbreviations → month number.
    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let fr = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"]
        let en = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, w) in fr.enumerated() { m[w] = i + 1 }
        for (i, w) in en.enumerated() { m[w] = i + 1 }
        return m
    }()

    /// Abbreviated months, accepted only next to a day number (`25 oct. 2025`, `Oct 25`).
    static let monthAbbreviations: [String: Int] = [
        "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "feb": 2, "mar": 3, "avr": 4, "apr": 4, "juil": 7, "jul": 7, "jun": 6,
        "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Folded weekday names.
    static let weekdays: Set<String> = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Folded time-of-day words → `morning`, `afternoon`, `evening`.
    static let timesOfDay: [String: String] = [
        "matin": "morning", "matinee": "morning", "morning": "morning",
        "apres-midi": "afternoon", "afternoon": "afternoon",
        "soir": "evening", "soiree": "evening", "evening": "evening",
    ]

    /// Ordinal suffixes written right after a day number (`1er`, `25th`).
    static let ordinalSuffixes: Set<String> = ["er", "re", "e", "st", "nd", "rd", "th"]

    /// The month named by `tokens[i]`, with abbreviations only when `allowAbbreviation`;
    /// returns the month and how many tokens it takes (an abbreviation may swallow its dot).
    static func month(_ tokens: [Token], at i: Int, allowAbbreviation: Bool) -> (month: Int, length: Int)? {
        guard i < tokens.count, tokens[i].kind == .word else { return nil }
        let f = tokens[i].folded
        if let m = months[f] {
            // "May" in English text is a month only when capitalised
            if f == "may", !tokens[i].isCapitalized { return nil }
            return (m, 1)
        }
        guard allowAbbreviation, let m = monthAbbreviations[f] else { return nil }
        if i + 1 < tokens.count, tokens[i + 1].text == ".", tokens[i + 1].start == tokens[i].end { return (m, 2) }
        return (m, 1)
    }

    /// A day of month at `tokens[i]` (`25`, `1er`, `25th`): the day and the tokens it takes.
    static func day(_ tokens: [Token], at i: Int) -> (day: Int, length: Int)? {
        guard i < tokens.count, tokens[i].kind == .number, tokens[i].text.count <= 2,
              let d = Int(tokens[i].text), (1...31).contains(d) else { return nil }
        if i + 1 < tokens.count, tokens[i + 1].start == tokens[i].end {
            let next = tokens[i + 1]
            if next.kind == .word, ordinalSuffixes.contains(next.folded) { return (d, 2) }
            if next.kind == .word || next.kind == .number { return nil }
        }
        return (d, 1)
    }

    /// A four-digit year 1900–2200 at `tokens[i]` that is not glued to a word or a further digit group.
    static func year(_ tokens: [Token], at i: Int) -> Int? {
        guard i < tokens.count, tokens[i].kind == .number, tokens[i].text.count == 4,
              let y = Int(tokens[i].text), (1900...2200).contains(y) else { return nil }
        if i + 1 < tokens.count, tokens[i + 1].start == tokens[i].end, tokens[i + 1].kind != .punctuation { return nil }
        return y
    }
}

/// Reads numbers as the French and English press writes them.
enum NumberReading {
    /// The number starting at `tokens[i]`: `1 000` (space, NBSP or U+202F), `1.000`, `1,000`, `2,5`, `72`.
    /// Returns its value and the number of tokens it takes, or nil when `tokens[i]` is not a number.
    static func number(_ tokens: [Token], at i: Int) -> (value: Double, length: Int)? {
        guard i < tokens.count, tokens[i].kind == .number else { return nil }
        let n = tokens.count
        var digits = tokens[i].text
        var k = i + 1
        if digits.count <= 3 {
            // "1 000": groups of three digits one white-space scalar apart (the tokenizer drops only spaces)
            while k < n, tokens[k].kind == .number, tokens[k].text.count == 3, tokens[k].start == tokens[k - 1].end + 1 {
                digits += tokens[k].text
                k += 1
            }
            // "1.000" or "1,000": glued groups of three digits
            if k == i + 1 {
                while k + 1 < n, tokens[k].text == "." || tokens[k].text == ",", tokens[k].start == tokens[k - 1].end,
                      tokens[k + 1].kind == .number, tokens[k + 1].text.count == 3, tokens[k + 1].start == tokens[k].end {
                    digits += tokens[k + 1].text
                    k += 2
                }
            }
        }
        guard var value = Double(digits) else { return nil }
        // decimals: "2,5" or "2.5" (one or two digits after the mark)
        if k == i + 1, k + 1 < n, tokens[k].text == "," || tokens[k].text == ".", tokens[k].start == tokens[i].end,
           tokens[k + 1].kind == .number, tokens[k + 1].start == tokens[k].end, tokens[k + 1].text.count <= 2,
           let fraction = Double("0." + tokens[k + 1].text) {
            value += fraction
            k += 2
        }
        return (value, k - i)
    }
}
