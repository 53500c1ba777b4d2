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

    /// The latest day-and-month date the text states (`le 26 octobre`, `26 octobre 2025`, `1er mars`),
    /// counting `hier …, le 25 octobre` as the day after; captions count too, they are dated like the
    /// article. Scans UTF-8 bytes, so it stays cheap on large corpora.
    static func latestDate(in doc: Document, defaultYear: Int?) -> PartialDate? {
        var best: PartialDate?
        for text in doc.paragraphs.map(\.text) + doc.removed.filter({ $0.reason == .photoCaption }).map(\.text) {
            for date in dates(in: Array(text.utf8), defaultYear: defaultYear) where best.map({ date > $0 }) ?? true {
                best = date
            }
        }
        return best
    }

    /// Every `<day> <month> [<year>]` in `bytes`, resolved with `defaultYear` when no year follows.
    static func dates(in bytes: [UInt8], defaultYear: Int?) -> [PartialDate] {
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
        /// The index after one space (ASCII, NBSP or narrow NBSP) at `k`, or nil.
        func space(_ k: Int) -> Int? {
            if k < bytes.count, bytes[k] == 0x20 { return k + 1 }
            if k + 1 < bytes.count, bytes[k] == 0xC2, bytes[k + 1] == 0xA0 { return k + 2 }
            if k + 2 < bytes.count, bytes[k] == 0xE2, bytes[k + 1] == 0x80, bytes[k + 2] == 0xAF { return k + 3 }
            return nil
        }
        var found: [PartialDate] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard isDigit(bytes[i]), i == 0 || (!isDigit(bytes[i - 1]) && !isLetter(bytes[i - 1])) else { i += 1; continue }
            var j = i
            var day = 0
            while j < n, isDigit(bytes[j]) { day = day * 10 + Int(bytes[j] - 0x30); j += 1 }
            defer { i = max(j, i + 1) }
            guard j - i <= 2 else { continue }
            if j + 1 < n, bytes[j] == 0x65, bytes[j + 1] == 0x72 { j += 2 }   // 1er
            guard let wordStart = space(j) else { continue }
            var k = wordStart
            while k < n, isLetter(bytes[k]) { k += 1 }
            guard k - wordStart >= 3, k - wordStart <= 12,
                  let month = months[TextFolder.shared.fold(String(decoding: bytes[wordStart..<k], as: UTF8.self))] else { continue }
            var year = defaultYear
            if let yearStart = space(k), yearStart + 4 <= n, bytes[yearStart..<yearStart + 4].allSatisfy(isDigit),
               yearStart + 4 == n || !isDigit(bytes[yearStart + 4]) {
                year = bytes[yearStart..<yearStart + 4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
            guard let y = year, var date = PartialDate.valid(year: y, month: month, day: day) else { continue }
            // "hier matin, le 25 octobre": the article was written the next day
            let before = String(decoding: bytes[max(0, i - 40)..<i], as: UTF8.self).lowercased()
            if before.split(whereSeparator: { !$0.isLetter }).contains("hier") { date = date.adding(days: 1) }
            found.append(date)
        }
        return found
    }
}
