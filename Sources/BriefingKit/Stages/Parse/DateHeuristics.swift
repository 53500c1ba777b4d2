/// Finds a document's date where the page does not state it in a header or byline.
enum DateHeuristics {

    /// The date a URL states: `/2025/10/26/` (day), `/2025/10/` (month), or `…-20251026212645978.htm`
    /// (the first run of 8+ digits in a path segment that starts with a valid `yyyymmdd`, last segment
    /// first).
    static func dateInURL(_ url: String) -> PartialDate? {
        var path = Substring(url)
        if let scheme = url.utf8Range(of: "://") {
            let rest = url[scheme.upperBound...]
            path = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        let segments = path.split(separator: "/").map(String.init)
        func number(_ s: String, digits: Int) -> Int? { s.count == digits && s.allSatisfy(\.isASCII) ? Int(s) : nil }
        for (k, seg) in segments.enumerated() {
            guard let y = number(seg, digits: 4), (1990...2200).contains(y), k + 1 < segments.count,
                  let m = number(segments[k + 1], digits: 2) else { continue }
            if k + 2 < segments.count, let d = number(segments[k + 2], digits: 2), let date = PartialDate.valid(year: y, month: m, day: d) {
                return date
            }
            if let date = PartialDate.valid(year: y, month: m, day: nil) { return date }
        }
        for seg in segments.reversed() {
            if let date = compactDate(seg) ?? hyphenatedDate(seg) { return date }
        }
        return nil
    }

    /// The first `yyyy-mm-dd` in `segment` not glued to other digits (`2026-07-14-feux-de-foret`).
    static func hyphenatedDate(_ segment: String) -> PartialDate? {
        let b = Array(segment.utf8)
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        func value(_ from: Int, _ n: Int) -> Int { (from..<from + n).reduce(0) { $0 * 10 + Int(b[$1] - 0x30) } }
        var i = 0
        while i + 10 <= b.count {
            if !digit(i - 1), (i..<i + 4).allSatisfy(digit), b[i + 4] == UInt8(ascii: "-"), digit(i + 5), digit(i + 6),
               b[i + 7] == UInt8(ascii: "-"), digit(i + 8), digit(i + 9), !digit(i + 10) {
                let y = value(i, 4)
                if (1990...2200).contains(y), let date = PartialDate.valid(year: y, month: value(i + 5, 2), day: value(i + 8, 2)) {
                    return date
                }
            }
            i += 1
        }
        return nil
    }

    /// The first run of 8 or more digits in `segment` that starts with a valid `yyyymmdd`.
    static func compactDate(_ segment: String) -> PartialDate? {
        let bytes = Array(segment.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { i += 1; continue }
            var j = i
            while j < bytes.count, bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
            if j - i >= 8 {
                let d = bytes[i..<i + 8].map { Int($0 - 0x30) }
                let y = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
                if (1990...2200).contains(y), let date = PartialDate.valid(year: y, month: d[4] * 10 + d[5], day: d[6] * 10 + d[7]) { return date }
            }
            i = j
        }
        return nil
    }

    /// `https://www.baotintuc.vn/x` → `baotintuc.vn`.
    static func host(of url: String) -> String? {
        guard let scheme = url.utf8Range(of: "://") else { return nil }
        var host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : host.lowercased()
    }

    /// The date of the report as the text states it: the latest day-and-month date in the paragraphs
    /// and captions (a date written with its year only in the first two paragraphs or a caption) (`le 26 octobre`, `26 octobre 2025`, `Oct. 26`), counting `hier …, le 25 octobre`
    /// as the day after, and skipping deadlines and plans (`until 31 December 2026`, `d'ici au 31
    /// décembre`, `le 3 novembre prochain`) and dates in a later year than the page's own.
    ///
    /// A date written without a year takes `pageYear` (a year the page states in its URL, byline,
    /// header or copyright line); when the page states none, `defaultYear` (the pipeline's
    /// `default_year`, set by the analyst for a corpus of one year); when neither is known, the date
    /// is not used: a year is never guessed.
    static func textDate(in doc: Document, pageYear: Int?, defaultYear: Int?) -> PartialDate? {
        var best: PartialDate?
        let texts = doc.paragraphs.map(\.text) + doc.removed.filter({ $0.reason == .photoCaption }).map(\.text)
        for (index, text) in texts.enumerated() {
            for f in DateFinder.find(in: text) where f.day != nil && !DateFinder.isFutureMarked(f) {
                // a date with its year further down is background (`adopted on 24 December 2024`);
                // the day of the news is written without one, or in the lead
                if f.year != nil, index >= 2, index < doc.paragraphs.count { continue }
                if let y = f.year, let pageYear, y > pageYear { continue }
                guard let y = f.year ?? pageYear ?? defaultYear,
                      var date = PartialDate.valid(year: y, month: f.month, day: f.day) else { continue }
                // "hier matin, le 25 octobre" / "yesterday, Oct. 25": the article was written the next day
                if f.before.contains("hier") || f.before.contains("yesterday") { date = date.adding(days: 1) }
                if best.map({ date > $0 }) ?? true { best = date }
            }
        }
        return best
    }
}
