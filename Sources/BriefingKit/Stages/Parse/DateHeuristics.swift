/// Finds a document's date where the page does not state it in a header or byline.
enum DateHeuristics {
    static let months: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    /// `…-20251026212645978.htm` → 2025-10-26: the first run of 8+ digits in the URL's last segment
    /// that starts with a valid `yyyymmdd`.
    static func dateInURL(_ url: String) -> PartialDate? {
        let last = url.split(separator: "/").last.map(String.init) ?? url
        let bytes = Array(last.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { i += 1; continue }
            var j = i
            while j < bytes.count, bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
            if j - i >= 8 {
                let d = bytes[i..<i + 8].map { Int($0 - 0x30) }
                let y = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
                if let date = PartialDate.valid(year: y, month: d[4] * 10 + d[5], day: d[6] * 10 + d[7]) { return date }
            }
            i = j
        }
        return nil
    }

    /// `https://www.baotintuc.vn/x` → `baotintuc.vn`.
    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : host.lowercased()
    }

    /// The latest day-and-month date the text states (`le 26 octobre`, `26 octobre 2025`), counting
    /// `hier …, le 25 octobre` as the day after; captions count too, they are dated like the article.
    static func latestDate(in doc: Document, defaultYear: Int?) -> PartialDate? {
        var best: PartialDate?
        let texts = doc.paragraphs.map(\.text) + doc.removed.filter { $0.reason == .photoCaption }.map(\.text)
        for text in texts {
            let toks = Tokenizer.tokens(text)
            for k in toks.indices where toks[k].kind == .number {
                guard k + 1 < toks.count, let month = months[toks[k + 1].folded], let day = Int(toks[k].text) else { continue }
                var year = defaultYear
                if k + 2 < toks.count, toks[k + 2].kind == .number, toks[k + 2].text.count == 4 { year = Int(toks[k + 2].text) }
                guard let y = year, var date = PartialDate.valid(year: y, month: month, day: day) else { continue }
                // "hier matin, le 25 octobre": the article was written the next day
                let window = toks[max(0, k - 6)..<k].map(\.folded)
                if window.contains("hier") { date = date.adding(days: 1) }
                if best.map({ date > $0 }) ?? true { best = date }
            }
        }
        return best
    }
}
