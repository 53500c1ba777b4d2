/// Numbers in digits as the French and English press writes them, for the figures extractor:
/// `2,500` and `2.500` and `2 500` (space, NBSP, U+202F) thousands, `1.2` and `1,2` decimals,
/// `1.2 million`, `1,2 milliard`, `1.2m`, `2bn`, `50 mille`.
///
/// The tokenizer makes each digit run one token; the groups are joined here. A number longer than
/// `maxDigits` digits is read to its end but has no value (no `Double` round trip of a huge string).
enum FigureNumbers {
    struct Reading {
        /// Nil when the number has too many digits to be a stated figure.
        var value: Double?
        /// Index after the number (and its multiplier, when there is one).
        var end: Int
        /// Index after the digits, before the multiplier.
        var digitsEnd: Int
        var multiplied: Bool
        /// A bare four-digit number 1800–2199 without separators: a year, unless a counted thing says otherwise.
        var yearLike: Bool
    }

    static let maxDigits = 15

    /// Multiplier words after a number (`1.2 million`, `3 milliards`).
    static let multiplierWords: [String: Double] = [
        "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
        "trillion": 1e12, "trillions": 1e12, "thousand": 1e3, "mille": 1e3, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
        "mn": 1e6, "mln": 1e6, "bn": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
    ]
    /// Abbreviations that multiply only when glued to the digits (`1.2m`, `$3b`, `40k`).
    static let gluedMultipliers: [String: Double] = ["m": 1e6, "b": 1e9, "k": 1e3, "bn": 1e9, "mn": 1e6, "tn": 1e12]

    /// Abbreviated multipliers written before a currency sign (`M$`, `Md€`, `Mds $`), case as written.
    static let currencyMultipliers: [String: Double] = ["M": 1e6, "Md": 1e9, "Mds": 1e9, "Mrd": 1e9, "Mrds": 1e9, "G": 1e9, "k": 1e3, "K": 1e3]
    static let currencySigns: Set<String> = ["$", "€", "£", "¥"]

    /// The number in digits at `tokens[i]`.
    static func read(_ tokens: [Token], at i: Int) -> Reading? {
        guard i < tokens.count, tokens[i].kind == .number else { return nil }
        let n = tokens.count
        var integer = tokens[i].text
        var fraction = ""
        var k = i + 1
        var tooLong = integer.utf8.count > maxDigits
        var grouped = false
        var groupMark: String?
        if integer.utf8.count <= 3 {
            // "1 000": groups of three digits one white-space scalar apart
            while k < n, tokens[k].kind == .number, tokens[k].text.utf8.count == 3, tokens[k].start == tokens[k - 1].end + 1 {
                if !tooLong { integer += tokens[k].text }
                tooLong = tooLong || integer.utf8.count > maxDigits
                k += 1
                grouped = true
            }
            // "1.000" or "1,000": glued groups of three digits, one mark throughout
            if k == i + 1 {
                let mark = k < n ? tokens[k].text : ""
                while k + 1 < n, mark == "." || mark == ",", tokens[k].text == mark, tokens[k].start == tokens[k - 1].end,
                      tokens[k + 1].kind == .number, tokens[k + 1].text.utf8.count == 3, tokens[k + 1].start == tokens[k].end,
                      !(k + 2 < n && tokens[k + 2].kind == .number && tokens[k + 2].start == tokens[k + 1].end) {
                    if !tooLong { integer += tokens[k + 1].text }
                    tooLong = tooLong || integer.utf8.count > maxDigits
                    k += 2
                    grouped = true
                    groupMark = mark
                }
            }
        }
        // decimals: "2,5", "2.5", "1.25"; after groups only with the other mark ("2,500.5", "2 500,5")
        if k + 1 < n, tokens[k].text == "," || tokens[k].text == ".", tokens[k].start == tokens[k - 1].end,
           tokens[k + 1].kind == .number, tokens[k + 1].start == tokens[k].end {
            let digits = tokens[k + 1].text
            if groupMark != tokens[k].text, digits.utf8.count != 3 || grouped, digits.utf8.count <= maxDigits {
                fraction = digits
                k += 2
            }
        }
        let digitsEnd = k
        tooLong = tooLong || integer.utf8.count + fraction.utf8.count > maxDigits
        var multiplier = 1.0
        var multiplied = false
        if k < n, tokens[k].kind == .word {
            let glued = tokens[k].start == tokens[k - 1].end
            if glued, let m = gluedMultipliers[tokens[k].folded] {
                multiplier = m; multiplied = true; k += 1
            } else if !glued, let m = multiplierWords[tokens[k].folded] {
                multiplier = m; multiplied = true; k += 1
            } else if let m = currencyMultipliers[tokens[k].text], k + 1 < n, tokens[k + 1].start == tokens[k].end,
                      currencySigns.contains(tokens[k + 1].text) {
                // French abbreviations before a currency sign: "50 M$", "1,5 Md€", "300 k€"
                multiplier = m; multiplied = true; k += 1
            }
        }
        let yearLike = !grouped && fraction.isEmpty && tokens[i].text.utf8.count == 4
            && (Int(tokens[i].text).map { (1800...2199).contains($0) } ?? false)
        guard !tooLong, let mantissa = Double(integer + fraction) else {
            return Reading(value: nil, end: k, digitsEnd: digitsEnd, multiplied: multiplied, yearLike: false)
        }
        var scale = 1.0
        for _ in 0..<fraction.utf8.count { scale *= 10 }
        let value = mantissa * multiplier / scale
        return Reading(value: value.isFinite ? value : nil, end: k, digitsEnd: digitsEnd, multiplied: multiplied, yearLike: yearLike)
    }
}
