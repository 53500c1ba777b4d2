/// Finds dates and times of day (`le 25 octobre`, `samedi 25 octobre`, `l'après-midi du 25 octobre`,
/// `hier matin`, `26/10/2025`, `des 25 et 26 octobre`, `en octobre prochain`, `October 25, 2025`)
/// and resolves them against the document's own date.
///
/// A day and month without a year take the document date's year, or `defaultYear` when the document
/// has none; `hier`/`demain` need a document date with a day. A bare year or weekday is not a date.
public struct DateExtractor: Extractor {
    /// A date found in a sentence: the tokens it covers and what it resolves to.
    struct Found {
        var range: Range<Int>
        var date: PartialDate
        var timeOfDay: String?
    }

    private var relative = FoldedPhraseTable<(days: Int, timeOfDay: String?)>()
    /// Folded words without which a sentence holds no date (numbers aside): months, relative days, times of day.
    private var anchors: Set<String> = []
    /// Folded words a date may start with (numbers aside).
    private var starts: Set<String> = []

    /// Words that may open a date (`le 25 octobre`, `des 25 et 26 octobre`, `on 24 December`); only the
    /// article `le` stays in the surface, and `en`/`in` before a bare month (`en octobre`).
    private static let openers: Set<String> = ["le", "les", "du", "des", "au", "en", "on", "in"]
    private static let openersInSurface: Set<String> = ["le"]
    /// Words before a bare month that make it a date (`en octobre`, `début octobre`).
    private static let monthOpeners: Set<String> = ["en", "in", "debut", "fin", "courant", "early", "late", "mid"]
    private static let relativeMonthWords: Set<String> = ["prochain", "dernier"]
    private static let todLeads: Set<String> = ["dans", "in", "on"]
    private static let articles: Set<String> = ["le", "la", "l'", "the"]
    private static let todLinks: Set<String> = ["du", "de", "of"]
    /// Words that join two days of one month (`25 et 26 octobre`, `25-26 octobre`).
    private static let dayJoiners: Set<String> = ["et", "au", "-", "–", "and", "to"]

    /// Builds the extractor; its word lists are built in.
    public init() {
        for (phrase, days) in [("hier", -1), ("avant-hier", -2), ("aujourd'hui", 0), ("demain", 1), ("après-demain", 2),
                               ("yesterday", -1), ("today", 0), ("tomorrow", 1)] {
            relative.add(phrase, (days, nil))
        }
        for (phrase, tod) in [("ce matin", "morning"), ("cet après-midi", "afternoon"), ("ce soir", "evening"),
                              ("this morning", "morning"), ("this afternoon", "afternoon"), ("this evening", "evening"),
                              ("tonight", "evening")] {
            relative.add(phrase, (0, tod))
        }
        let relativeFirst: Set<String> = ["hier", "avant-hier", "aujourd'", "demain", "apres-demain", "yesterday", "today", "tomorrow",
                                          "tonight", "ce", "cet", "this"]
        anchors = Set(CalendarWords.months.keys).union(CalendarWords.monthAbbreviations.keys).union(CalendarWords.timesOfDay.keys)
            .union(relativeFirst.subtracting(["ce", "cet", "this"]))
        starts = anchors.union(relativeFirst).union(Self.openers).union(Self.todLeads).union(Self.articles)
            .union(CalendarWords.weekdays).union(["next", "last"])
    }

    public func extract(_ context: SentenceContext, into findings: inout Findings) {
        for f in found(in: context) {
            findings.dates.append(DateMention(surface: context.text(tokens: f.range), date: f.date,
                                              timeOfDay: f.timeOfDay, provenance: context.provenance(tokens: f.range)))
        }
    }

    /// Every resolved date of the sentence, in text order (two entries for `des 25 et 26 octobre`).
    func found(in context: SentenceContext) -> [Found] {
        let toks = context.sentence.tokens
        guard toks.contains(where: { t in
            t.kind == .number || (t.kind == .word && (3...12).contains(t.folded.utf8.count) && (anchors.contains(t.folded) || Self.isMidMonth(t.folded)))
        }) else { return [] }
        var result: [Found] = []
        var i = 0
        while i < toks.count {
            let t = toks[i]
            if t.kind == .punctuation || (t.kind == .word && !starts.contains(t.folded) && !Self.isMidMonth(t.folded)) {
                i += 1
                continue
            }
            if let r = relativeDay(toks, at: i, context: context) {
                result.append(r)
                i = r.range.upperBound
            } else if let e = explicit(toks, at: i, context: context), !e.isEmpty {
                result.append(contentsOf: e)
                i = e[0].range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// `mi-octobre`: compares bytes, not characters.
    private static func isMidMonth(_ folded: String) -> Bool {
        let u = folded.utf8
        return u.count > 5 && u.starts(with: "mi-".utf8)
    }

    // MARK: - Relative days

    private func relativeDay(_ toks: [Token], at i: Int, context: SentenceContext) -> Found? {
        guard let (len, value) = relative.match(toks, at: i) else { return nil }
        // "le monde d'aujourd'hui" is no date
        if i > 0, toks[i - 1].folded == "d'" || toks[i - 1].folded == "of" { return nil }
        guard let base = context.documentDate, base.day != nil else { return nil }
        var end = i + len
        var tod = value.timeOfDay
        if tod == nil, end < toks.count, let t = CalendarWords.timesOfDay[toks[end].folded] {
            tod = t
            end += 1
        }
        return Found(range: i..<end, date: base.adding(days: value.days), timeOfDay: tod)
    }

    // MARK: - Explicit dates

    private func explicit(_ toks: [Token], at i: Int, context: SentenceContext) -> [Found]? {
        var j = i
        var tod: String?
        var opener: Int?
        // "l'après-midi du 25 octobre", "dans la matinée du 26", "on the morning of 25 October"
        var p = j
        if p < toks.count, Self.todLeads.contains(toks[p].folded) { p += 1 }
        if p < toks.count, Self.articles.contains(toks[p].folded) { p += 1 }
        if p + 1 < toks.count, let t = CalendarWords.timesOfDay[toks[p].folded], Self.todLinks.contains(toks[p + 1].folded) {
            tod = t
            j = p + 2
        } else if j < toks.count, Self.openers.contains(toks[j].folded) {
            opener = j
            j += 1
        }
        let afterOpener = j
        if j < toks.count, CalendarWords.weekdays.contains(toks[j].folded) { j += 1 }
        guard var found = core(toks, at: j, context: context) else { return nil }
        // an opener stays in the surface only when it is an article, or `en` before a bare month
        var start = i
        if let o = opener, !Self.openersInSurface.contains(toks[o].folded), !(found.bareMonth && ["en", "in"].contains(toks[o].folded)) {
            start = afterOpener
        }
        var end = found.end
        if tod == nil, end < toks.count {
            if let t = CalendarWords.timesOfDay[toks[end].folded] {
                tod = t; end += 1
            } else if end + 1 < toks.count, toks[end].folded == "au", let t = CalendarWords.timesOfDay[toks[end + 1].folded] {
                tod = t; end += 2
            }
        }
        found.end = end
        return found.dates.map { Found(range: start..<end, date: $0, timeOfDay: tod) }
    }

    private struct Core {
        var dates: [PartialDate]
        var end: Int
        /// A month alone (`en octobre`), which needs its opener.
        var bareMonth = false
    }

    /// A date without its opener at `toks[j]`.
    private func core(_ toks: [Token], at j: Int, context: SentenceContext) -> Core? {
        guard j < toks.count else { return nil }
        if let c = numeric(toks, at: j) { return c }
        // day first: "25 octobre", "1er novembre 2025", "25 et 26 octobre", "25 October 2025"
        if let (d1, l1) = CalendarWords.day(toks, at: j) {
            var k = j + l1
            var days = [d1]
            if k + 1 < toks.count, Self.dayJoiners.contains(toks[k].folded), let (d2, l2) = CalendarWords.day(toks, at: k + 1), d2 > d1 {
                days.append(d2)
                k += 1 + l2
            }
            guard let (month, ml) = CalendarWords.month(toks, at: k, allowAbbreviation: true) else { return nil }
            k += ml
            var year = CalendarWords.year(toks, at: k)
            if year != nil {
                k += 1
            } else if k < toks.count, Self.relativeMonthWords.contains(toks[k].folded) {
                // "le 25 octobre prochain"
                year = relativeMonth(month, next: toks[k].folded == "prochain", context: context)?.year
                k += 1
            }
            year = year ?? context.documentDate?.year ?? context.defaultYear
            guard let y = year else { return nil }
            let dates = days.compactMap { PartialDate.valid(year: y, month: month, day: $0) }
            return dates.count == days.count ? Core(dates: dates, end: k) : nil
        }
        // English month first, capitalised: "October 25, 2025", "Oct. 25"
        if toks[j].isCapitalized, let (month, ml) = CalendarWords.month(toks, at: j, allowAbbreviation: true),
           let (d, dl) = CalendarWords.day(toks, at: j + ml) {
            var k = j + ml + dl
            var year: Int?
            if k + 1 < toks.count, toks[k].text == ",", let y = CalendarWords.year(toks, at: k + 1) {
                year = y; k += 2
            } else if let y = CalendarWords.year(toks, at: k) {
                year = y; k += 1
            }
            guard let y = year ?? context.documentDate?.year ?? context.defaultYear,
                  let date = PartialDate.valid(year: y, month: month, day: d) else { return nil }
            return Core(dates: [date], end: k)
        }
        // "next October", "last October"
        if ["next", "last"].contains(toks[j].folded), let (month, ml) = CalendarWords.month(toks, at: j + 1, allowAbbreviation: false),
           toks[j + 1].isCapitalized, let date = relativeMonth(month, next: toks[j].folded == "next", context: context) {
            return Core(dates: [date], end: j + 1 + ml)
        }
        return monthOnly(toks, at: j, context: context)
    }

    /// `octobre 2025`, `octobre prochain`, `en octobre`, `mi-octobre`: a month-precision date.
    private func monthOnly(_ toks: [Token], at j: Int, context: SentenceContext) -> Core? {
        var month: Int
        var midPrefix = false
        if let (m, _) = CalendarWords.month(toks, at: j, allowAbbreviation: false) {
            month = m
        } else if toks[j].kind == .word, Self.isMidMonth(toks[j].folded),
                  let m = CalendarWords.months[String(toks[j].folded.dropFirst(3))] {
            month = m
            midPrefix = true
        } else {
            return nil
        }
        let k = j + 1
        if let y = CalendarWords.year(toks, at: k), let date = PartialDate.valid(year: y, month: month, day: nil) {
            return Core(dates: [date], end: k + 1)
        }
        if k < toks.count, Self.relativeMonthWords.contains(toks[k].folded),
           let date = relativeMonth(month, next: toks[k].folded == "prochain", context: context) {
            return Core(dates: [date], end: k + 1)
        }
        let opened = midPrefix || (j > 0 && Self.monthOpeners.contains(toks[j - 1].folded))
        guard opened, let y = context.documentDate?.year ?? context.defaultYear,
              let date = PartialDate.valid(year: y, month: month, day: nil) else { return nil }
        return Core(dates: [date], end: k, bareMonth: true)
    }

    /// The next (or last) occurrence of `month` after (before) the document date.
    private func relativeMonth(_ month: Int, next: Bool, context: SentenceContext) -> PartialDate? {
        if let base = context.documentDate {
            let year = next ? (month > base.month ? base.year : base.year + 1) : (month < base.month ? base.year : base.year - 1)
            return PartialDate.valid(year: year, month: month, day: nil)
        }
        guard let y = context.defaultYear else { return nil }
        return PartialDate.valid(year: y, month: month, day: nil)
    }

    /// `26/10/2025`, `26.10.2025`, `2025-10-26`: glued digits and separators.
    private func numeric(_ toks: [Token], at j: Int) -> Core? {
        guard j + 4 < toks.count, toks[j].kind == .number else { return nil }
        let parts = [toks[j], toks[j + 2], toks[j + 4]]
        let seps = [toks[j + 1], toks[j + 3]]
        for k in j..<(j + 4) where toks[k + 1].start != toks[k].end { return nil }
        guard parts.allSatisfy({ $0.kind == .number }), seps[0].text == seps[1].text else { return nil }
        if j + 5 < toks.count, toks[j + 5].start == toks[j + 4].end, toks[j + 5].kind != .punctuation { return nil }
        let a = parts.map { Int($0.text) ?? -1 }
        let date: PartialDate?
        switch seps[0].text {
        case "/", ".":
            guard parts[0].text.count <= 2, parts[1].text.count <= 2, parts[2].text.count == 4 else { return nil }
            date = PartialDate.valid(year: a[2], month: a[1], day: a[0])
        case "-":
            guard parts[0].text.count == 4, parts[1].text.count == 2, parts[2].text.count == 2 else { return nil }
            date = PartialDate.valid(year: a[0], month: a[1], day: a[2])
        default:
            return nil
        }
        return date.map { Core(dates: [$0], end: j + 5) }
    }
}
