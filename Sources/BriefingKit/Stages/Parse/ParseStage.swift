/// Reads one file into a `Document`: decodes it, recovers title, date, source URL, publisher and
/// language, splits paragraphs and removes boilerplate, recording every removed line and why.
///
/// ```yaml
/// - parse:
///     split: lines          # or blank-lines
///     default_year: 2025    # year of "le 26 octobre" when nothing else gives it
///     strip_boilerplate: true
///     max_paragraph_chars: 100000   # a longer paragraph is cut there, with a warning
/// ```
///
/// Work is linear in the file's size whatever its shape: lines are split on UTF-8 bytes, every
/// check of a line looks at a bounded prefix or is guarded by the line's length, and a paragraph
/// longer than `max_paragraph_chars` Unicode scalars is cut (at the last space before the limit
/// when there is one near it) before anything else looks at it; the cut is recorded as a removal
/// `paragraph-too-long` holding the first 200 characters of what was cut, with a warning naming
/// the file and line.
public struct ParseStage: SourceStage {
    public static let kind = "parse"
    public static let unit = "files"
    public let settings: ParseSettings
    /// The language assumed when detection finds no signal.
    public let fallbackLanguage: String

    public init(settings: ParseSettings = ParseSettings(), fallbackLanguage: String = "fr") {
        self.settings = settings
        self.fallbackLanguage = fallbackLanguage == "en" ? "en" : "fr"
    }

    /// Parses `file`; `nil` when the file is empty or binary (counted in `stats` with a warning).
    public func parse(_ file: SourceFile, stats: inout StageStats, warnings: inout [String]) -> Document? {
        stats.input += 1
        let id = file.name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? file.name
        let (text, encoding): (String, TextEncoding)
        switch TextDecoding.decode(file.bytes) {
        case .empty:
            stats.drop("empty-file")
            warnings.append("\(file.name): skipped, the file is empty")
            return nil
        case .binary:
            stats.drop("binary-file")
            warnings.append("\(file.name): skipped, the file is binary, not text")
            return nil
        case .text(let s, let e):
            (text, encoding) = (s, e)
        }
        var doc = Document(id: id, fileName: file.name, byteCount: file.bytes.count, encoding: encoding)
        if encoding == .windows1252 {
            doc.warnings.append("\(file.name): not valid UTF-8, read as Windows-1252")
        }
        doc.hasCRLF = text.utf8.contains(0x0D)
        split(text, into: &doc, stats: &stats)
        doc.language = detectLanguage(doc.paragraphs, title: doc.title)
        warnings.append(contentsOf: doc.warnings)
        stats.output += 1
        stats.extra["paragraphs", default: 0] += doc.paragraphs.count
        stats.extra["boilerplate-lines", default: 0] += doc.removed.count
        let cut = doc.removed.reduce(0) { $0 + ($1.reason == .paragraphTooLong ? 1 : 0) }
        if cut > 0 { stats.extra["paragraphs-cut", default: 0] += cut }
        return doc
    }

    // MARK: - Lines

    private func split(_ text: String, into doc: inout Document, stats: inout StageStats) {
        var lines = LineReader.lines(text)
        let maxChars = max(1, settings.maxParagraphChars)
        var pendingChars = 0
        var seenNonEmpty = false
        var afterFooter = false
        var expectTitleAfterBanner = false
        var fallbackTitle: String?
        var credits: [String] = []
        var signOff: String?
        var bylinePublisher: String?
        var bylineDate: PartialDate?
        var headerDate: PartialDate?
        var pending: (line: Int, text: String)?
        // unseen layouts: masthead, date lines, datelines, related lists
        var mastheadSeen = false
        var sawContent = false
        var provisionalTitle: Int?
        var outletName: String?
        var dateLineFound: DateFinder.Found?
        var dateLineSeen = false
        var datelineFound: DateFinder.Found?
        var agency: String?
        var pageYears: [Int] = []
        var relatedRun = false
        var articleEnded = false
        /// The provisional title is a line in capitals (a label as often as a headline).
        var titleInCapitals = false

        func remove(_ lineNo: Int, _ text: String, _ reason: Removal.Reason) {
            doc.removed.append(Removal(documentID: doc.id, line: lineNo, text: text, stage: Self.kind, reason: reason))
        }
        /// A blank-lines paragraph past the limit: its removal, its warning and what was cut so far.
        var overflow: (removal: Int, warning: Int, line: Int, scalars: Int)?
        func flush() {
            if let o = overflow {
                doc.warnings[o.warning] = Self.cutWarning(doc.fileName, line: o.line, limit: maxChars, cut: o.scalars)
                overflow = nil
            }
            guard let p = pending else { return }
            let position = doc.paragraphs.count + 1
            doc.paragraphs.append(Paragraph(id: "\(doc.id)#p\(position)", position: position, line: p.line, text: p.text))
            pending = nil
        }
        /// Cuts `text` to `budget` scalars, recording the cut; `nil` when nothing is left.
        func bounded(_ lineNo: Int, _ text: String, budget: Int) -> String? {
            guard text.utf8.count > budget, let c = Self.cut(text, toScalars: budget) else { return text }
            // only white space beyond the limit: nothing is lost
            guard !c.removedHead.isEmpty else { return c.kept.isEmpty ? nil : c.kept }
            overflow = (doc.removed.count, doc.warnings.count, lineNo, c.removedScalars)
            remove(lineNo, c.removedHead, .paragraphTooLong)
            doc.warnings.append(Self.cutWarning(doc.fileName, line: lineNo, limit: maxChars, cut: c.removedScalars))
            return c.kept.isEmpty ? nil : c.kept
        }
        func addContent(_ lineNo: Int, _ text: String) {
            sawContent = true
            if settings.split == .blankLines, pending != nil {
                if let o = overflow {
                    // the paragraph is already full: the rest of it is counted in its one warning
                    overflow?.scalars = o.scalars + 1 + text.scalarCount
                    return
                }
                // appended in place: a paragraph of a million short lines stays linear
                guard let text = bounded(lineNo, text, budget: max(0, maxChars - pendingChars - 1)) else { return }
                pending?.text.append(" ")
                pending?.text.append(contentsOf: text)
                pendingChars += 1 + text.scalarCount
            } else {
                flush()
                pending = (lineNo, text)
                pendingChars = text.scalarCount
            }
        }
        var inHeaderZone: Bool { doc.paragraphs.isEmpty && pending == nil }
        /// A line first taken for the headline turns out to be a tagline above the menu.
        func retractProvisionalTitle() {
            guard let index = provisionalTitle, inHeaderZone else { return }
            doc.removed[index].reason = .siteBanner
            doc.title = nil
            doc.titleOrigin = nil
            provisionalTitle = nil
            titleInCapitals = false
        }

        for i in lines.indices {
            let (lineNo, raw) = lines[i]
            // a line too long is cut before anything looks at it (even trimming): every later check is then bounded
            var line = raw.utf8.count > maxChars ? (bounded(lineNo, raw, budget: maxChars) ?? "").trimmingCharacters()
                : raw.trimmingCharacters()
            if line.isEmpty {
                flush()
                continue
            }
            let isFirst = !seenNonEmpty
            seenNonEmpty = true
            guard settings.stripBoilerplate else {
                addContent(lineNo, line)
                continue
            }
            if afterFooter {
                let kind = LineClassifier.classify(line, isFirst: false)
                remove(lineNo, line, kind == .commentWidget ? .commentWidget : .relatedArticles)
                continue
            }
            if sawContent, LineClassifier.isReleaseEndMark(line) {
                // `# # #`: the release ends; `About …` and the press contacts follow
                flush()
                remove(lineNo, line, .agencyCredit)
                afterFooter = true
                continue
            }
            let kind = LineClassifier.classify(line, isFirst: isFirst)
            if relatedRun {
                // a related list: short headline-like lines and bullets, until a real paragraph
                let isSentence = (line.hasSuffix(".") || line.hasSuffix("»") || line.hasSuffix("\""))
                    && line.spaceSeparatedCount >= 12 && !LineClassifier.isListItem(line)
                if kind == .content, line.hasAtMostScalars(200), !isSentence {
                    remove(lineNo, line, .relatedArticles)
                    continue
                }
                relatedRun = false
            }
            switch kind {
            case .header(let date, let title):
                headerDate = date
                if !title.isEmpty { doc.title = title; doc.titleOrigin = "header" }
                remove(lineNo, line, .metadataHeader)
            case .banner:
                remove(lineNo, line, .siteBanner)
                expectTitleAfterBanner = true
                mastheadSeen = true
            case .imageMarker:
                flush()
                remove(lineNo, line, .imageMarker)
            case .caption(let text):
                flush()
                if fallbackTitle == nil, doc.paragraphs.isEmpty, pending == nil, text.scalarCount >= 20 { fallbackTitle = text }
                remove(lineNo, line, .photoCaption)
            case .credit(let agency):
                flush()
                credits.append(agency)
                remove(lineNo, line, .photoCredit)
            case .agencySignOff(let agency) where !sawContent && doc.title == nil:
                // `AP` above the headline: the outlet's name
                mastheadSeen = true
                outletName = outletName ?? agency
                remove(lineNo, line, .siteBanner)
            case .agencySignOff(let agency):
                flush()
                signOff = agency
                remove(lineNo, line, .agencyCredit)
                if sawContent { articleEnded = true }
            case .source(let url):
                flush()
                if doc.sourceURL == nil { doc.sourceURL = url }
                remove(lineNo, line, .sourceLine)
            case .byline(let publisher, let date):
                flush()
                bylinePublisher = bylinePublisher ?? publisher
                bylineDate = bylineDate ?? date
                remove(lineNo, line, .byline)
            case .commentWidget:
                flush()
                // `Comments (42) | Share | Print` above the article is a toolbar: only after content does the widget end it
                if sawContent { afterFooter = true }
                remove(lineNo, line, .commentWidget)
            case .relatedHeading:
                flush()
                relatedRun = true
                remove(lineNo, line, .relatedArticles)
            case .widgetWord:
                // `July 30, 2026 · 9 min read`: the date the reading time stands beside is the byline's
                if bylineDate == nil, headerDate == nil, doc.paragraphs.count < 2, let found = DateFinder.find(in: line).first, let y = found.year,
                   let date = PartialDate.valid(year: y, month: found.month, day: found.day) {
                    bylineDate = date
                }
                remove(lineNo, line, .widgetText)
            case .navigation:
                flush()
                retractProvisionalTitle()
                mastheadSeen = true
                remove(lineNo, line, .navigation)
            case .outletName where inHeaderZone && doc.title == nil && LineClassifier.isHeadlineLike(line)
                && LineClassifier.titleWithoutOutlet(line) == nil && !line.contains(" - ")
                && line.spaceSeparatedCount >= (mastheadSeen || outletName != nil ? 4 : 5):
                // a headline in capitals: longer than an outlet's name, or under the masthead
                flush()
                doc.title = line
                doc.titleOrigin = "headline"
                provisionalTitle = doc.removed.count
                titleInCapitals = true
                remove(lineNo, line, .title)
            case .outletName(let name):
                flush()
                if inHeaderZone, doc.title == nil || provisionalTitle != nil {
                    retractProvisionalTitle()
                    mastheadSeen = true
                    outletName = outletName ?? name
                    remove(lineNo, line, .siteBanner)
                } else if sawContent {
                    // `MORE FROM ASIA HORIZON`: a heading in capitals after the article
                    relatedRun = true
                    remove(lineNo, line, .relatedArticles)
                } else {
                    remove(lineNo, line, .widgetText)
                }
            case .dateLine(let found):
                flush()
                dateLineSeen = true
                if dateLineFound == nil { dateLineFound = found }
                if let y = found?.year { pageYears.append(y) }
                remove(lineNo, line, .dateLine)
            case .author(let named):
                flush()
                if agency == nil { agency = named }
                remove(lineNo, line, .byline)
                if sawContent, !inHeaderZone, TextFolder.shared.fold(line.prefix(30)).contains("reporting") { articleEnded = true }
            case .share:
                flush()
                remove(lineNo, line, .shareButtons)
                if sawContent { articleEnded = true }
            case .newsletter:
                flush()
                remove(lineNo, line, .newsletterPrompt)
            case .cookie:
                flush()
                remove(lineNo, line, .cookieNotice)
            case .tags:
                flush()
                remove(lineNo, line, .tags)
                if sawContent { articleEnded = true }
            case .teaser:
                flush()
                remove(lineNo, line, .teaser)
            case .copyright:
                flush()
                for f in DateFinder.tokens(line) where f.kind == .number && f.count == 4 && (1990...2200).contains(f.value) { pageYears.append(f.value) }
                if let holder = LineClassifier.copyrightHolder(line) { signOff = signOff ?? holder }
                remove(lineNo, line, .copyright)
                if sawContent { articleEnded = true }
            case .slug:
                flush()
                remove(lineNo, line, .agencyCredit)
                if sawContent { articleEnded = true }
            case .timeStamp:
                flush()
                remove(lineNo, line, .dateLine)
            case .kicker where inHeaderZone:
                // `EXCLUSIVE`, `PRESS RELEASE`, `EN DIRECT` above the headline
                remove(lineNo, line, .widgetText)
            case .kicker, .content:
                if inHeaderZone, doc.title == nil, mastheadSeen || outletName != nil, LineClassifier.isSlogan(line) {
                    // `Your region. Your stories.` under the masthead
                    remove(lineNo, line, .siteBanner)
                    continue
                }
                if inHeaderZone, let title = doc.title, doc.titleOrigin != "header",
                   title == line || LineClassifier.titleWithoutOutlet(title) == line {
                    // `Headline | Outlet` then the headline again: the page's title, then the article's
                    doc.title = line
                    remove(lineNo, line, .title)
                    continue
                }
                if inHeaderZone, doc.title == nil || provisionalTitle != nil, mastheadSeen, LineClassifier.isSectionPath(line) {
                    // `Interviews / Artificial intelligence` under the menu: the section, not the headline
                    retractProvisionalTitle()
                    remove(lineNo, line, .navigation)
                    continue
                }
                if expectTitleAfterBanner, doc.title == nil, line.hasAtMostScalars(300) {
                    expectTitleAfterBanner = false
                    doc.title = line
                    doc.titleOrigin = "after-banner"
                    // `Your region. Your stories.` under the masthead: a short line of full stops is a slogan
                    // if the menu follows it (the menu retracts it)
                    if line.hasSuffix("."), line.spaceSeparatedCount <= 6 { provisionalTitle = doc.removed.count }
                    remove(lineNo, line, .title)
                    continue
                }
                expectTitleAfterBanner = false
                if articleEnded, LineClassifier.isListItem(line) || LineClassifier.isHeadlineLike(line) {
                    // after the article's end (tags, share buttons, copyright): a related list
                    flush()
                    relatedRun = true
                    remove(lineNo, line, .relatedArticles)
                    continue
                }
                let standsAlone = settings.split == .lines || i + 1 >= lines.count || lines[i + 1].1.trimmingCharacters().isEmpty
                if inHeaderZone, doc.title == nil || provisionalTitle != nil, standsAlone, LineClassifier.isHeadlineLike(line),
                   mastheadSeen || !sawContent {
                    if provisionalTitle == nil {
                        flush()
                        doc.title = line
                        doc.titleOrigin = mastheadSeen ? "headline" : "first-line"
                        provisionalTitle = doc.removed.count
                        remove(lineNo, line, .title)
                        continue
                    }
                    if let index = provisionalTitle, let title = doc.title {
                        // `Ministry of Trade and Industry` above a press release's headline: the issuer
                        let issuer = LineClassifier.isOrganisationName(title) && !LineClassifier.isOrganisationName(line)
                        // `EVENING REPORT — TRANSCRIPT`, `COMMUNIQUÉ DE PRESSE N° 12` then the headline:
                        // the line in capitals was a label; so was `Mining & Metals`, a section's name
                        let label = titleInCapitals && !LineClassifier.isCapitals(line)
                            || LineClassifier.isSectionLabel(title) && !LineClassifier.isSectionLabel(line)
                        if issuer || label {
                            doc.removed[index].reason = issuer ? .siteBanner : .widgetText
                            titleInCapitals = false
                            doc.title = line
                            provisionalTitle = doc.removed.count
                            remove(lineNo, line, .title)
                            continue
                        }
                    }
                }
                if inHeaderZone, doc.title != nil, LineClassifier.isUnmarkedByline(line) {
                    if agency == nil, let named = line.split(separator: " ").map(String.init).first(where: {
                        LineClassifier.wireAgencies.contains(TextFolder.shared.fold($0)) && $0.first?.isUppercase == true }) { agency = named }
                    remove(lineNo, line, .byline)
                    continue
                }
                // `Associated Press`, `Summary`, `World News` above the article: not a paragraph
                if inHeaderZone, line.spaceSeparatedCount <= (mastheadSeen || provisionalTitle != nil ? 3 : 2),
                   LineClassifier.isListHeading(line) {
                    remove(lineNo, line, .widgetText)
                    continue
                }
                if LineClassifier.isListItem(line), let last = pending ?? doc.paragraphs.last.map({ ($0.line, $0.text) }),
                   sawContent, LineClassifier.isListHeading(last.text) {
                    // `Read Next` / `Nos articles` style heading the classifier did not know, then a list of headlines
                    if pending != nil { pending = nil } else { doc.paragraphs.removeLast() }
                    remove(last.line, last.text, .relatedArticles)
                    remove(lineNo, line, .relatedArticles)
                    relatedRun = true
                    continue
                }
                if doc.paragraphs.count < 3, pending == nil || settings.split == .lines,
                   let (rest, found, named) = LineClassifier.dateline(line) {
                    remove(lineNo, String(line.prefix(line.count - rest.count)).trimmingCharacters(), .dateline)
                    if datelineFound == nil { datelineFound = found }
                    if agency == nil, let named { agency = named }
                    line = rest
                }
                for prefix in LineClassifier.gluedPrefixes where line.hasPrefix(prefix) {
                    let rest = line.dropFirst(prefix.count)
                    if let first = rest.first, first.isUppercase {
                        remove(lineNo, prefix.trimmingCharacters(), .widgetText)
                        line = String(rest)
                    }
                }
                provisionalTitle = nil
                addContent(lineNo, line)
            }
        }
        flush()
        lines.removeAll()

        // Metadata, by order of trust.
        if let title = doc.title, ["headline", "first-line", "after-banner"].contains(doc.titleOrigin), let bare = LineClassifier.titleWithoutOutlet(title) {
            doc.title = bare
        }
        if let title = doc.title, ["headline", "first-line", "after-banner"].contains(doc.titleOrigin),
           let (rest, found) = LineClassifier.titleDateline(title) {
            // `Berne, 12.11.2025 - Headline`: a press release's place and date of issue, then its
            // headline; the date of issue before any date line (`Last updated …` at the foot)
            doc.title = rest
            dateLineFound = found
            if let y = found.year { pageYears.append(y) }
        }
        if doc.title == nil, let fallbackTitle { doc.title = fallbackTitle; doc.titleOrigin = "first-caption" }
        if doc.title == nil, let first = doc.paragraphs.first {
            doc.title = Tokenizer.sentences(first.text).first.map { String($0.text.prefix(200)) }
            doc.titleOrigin = "first-sentence"
        }
        let urlDate = doc.sourceURL.flatMap(DateHeuristics.dateInURL)
        if let y = headerDate?.year { pageYears.append(y) }
        if let y = bylineDate?.year { pageYears.append(y) }
        if let y = urlDate?.year { pageYears.append(y) }
        if let y = datelineFound?.year { pageYears.append(y) }
        // the page's own year: one year stated by its metadata (URL, byline, header, copyright); none when they disagree
        let pageYear = Set(pageYears).count == 1 ? pageYears.first : nil
        func resolve(_ f: DateFinder.Found?) -> PartialDate? {
            guard let f, let y = f.year ?? pageYear else { return nil }
            return PartialDate.valid(year: y, month: f.month, day: f.day)
        }
        if let headerDate {
            doc.date = headerDate; doc.dateOrigin = .header
        } else if let bylineDate {
            doc.date = bylineDate; doc.dateOrigin = .byline
        } else if let d = resolve(dateLineFound) {
            doc.date = d; doc.dateOrigin = .byline
        } else if let d = resolve(datelineFound) {
            doc.date = d; doc.dateOrigin = .dateline
        } else if let urlDate {
            doc.date = urlDate; doc.dateOrigin = .url
        } else if let d = DateHeuristics.textDate(in: doc, pageYear: pageYear, defaultYear: settings.defaultYear) {
            // a year from `default_year` is the analyst's statement about the corpus, not a guess: no warning
            doc.date = d; doc.dateOrigin = .text
        } else {
            let why = dateLineSeen || datelineFound != nil ? " (a day and month without a year)" : ""
            doc.warnings.append("\(doc.fileName): no publication date found\(why)")
        }
        if let url = doc.sourceURL, let host = DateHeuristics.host(of: url), outletName == nil {
            doc.publisher = host
        } else if let outletName {
            doc.publisher = LineClassifier.outletDisplayName(outletName)
        } else {
            doc.publisher = bylinePublisher ?? agency ?? signOff ?? credits.first { LineClassifier.isAgencySignOff($0) }
        }
        if doc.title == nil { doc.warnings.append("\(doc.fileName): no title found") }
    }


    // MARK: - Language

    /// Frequent words of one language only (`on`, `a`, `an`, `en` are left out: both languages use them).
    private static let french = Self.keys(["le", "la", "les", "des", "du", "de", "et", "est", "un", "une", "dans", "pour", "qui",
                                           "sur", "au", "aux", "avec", "ont", "que", "il", "elle", "ne", "pas", "par", "se",
                                           "sont", "mais", "ces", "nous", "ils", "leur"])
    private static let english = Self.keys(["the", "and", "of", "to", "is", "in", "for", "with", "that", "was", "are", "has",
                                            "by", "it", "at", "as", "from", "this", "be", "said", "will", "have", "were",
                                            "its", "but", "not", "they", "he", "she", "had", "been", "who"])

    /// A short ASCII word packed into an integer: every stop word has at most 4 letters.
    private static func keys(_ words: [String]) -> Set<UInt32> {
        Set(words.map { $0.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } })
    }

    /// `fr` or `en` by counting common words (on UTF-8 bytes, ASCII words of up to 4 letters, case
    /// folded) in the paragraphs, then in the title when the paragraphs give no signal (a page whose
    /// text all went as boilerplate); the configured language when there is no signal at all.
    func detectLanguage(_ paragraphs: [Paragraph], title: String? = nil) -> String {
        var fr = 0, en = 0
        let texts = paragraphs.prefix(20).map(\.text)
        count(texts, &fr, &en)
        if fr == 0 && en == 0, let title { count([title], &fr, &en) }
        if fr == 0 && en == 0 { return fallbackLanguage }
        return en > fr ? "en" : "fr"
    }

    private func count(_ texts: [String], _ fr: inout Int, _ en: inout Int) {
        // enough words to tell: no more once 60 function words are counted
        for text in texts where fr + en < 60 {
            var key: UInt32 = 0
            var length = 0
            var clean = true
            func end() {
                if clean, length > 0, length <= 4 {
                    if Self.french.contains(key) { fr += 1 } else if Self.english.contains(key) { en += 1 }
                }
                key = 0
                length = 0
                clean = true
            }
            for b in text.utf8 {
                if fr + en >= 60 { break }
                let lower = b | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    key = key << 8 | UInt32(lower)
                    length += 1
                } else if b >= 0x80 {
                    clean = false
                    length += 1
                } else {
                    end()
                }
            }
            end()
        }
    }
}

extension ParseStage {
    static func cutWarning(_ file: String, line: Int, limit: Int, cut: Int) -> String {
        "\(file): line \(line): paragraph longer than \(limit) characters (parse: max_paragraph_chars), \(cut) characters cut"
    }

    /// `text` cut to at most `limit` Unicode scalars, at the last white space in the final tenth
    /// when there is one (a word is not split), else at the limit; works on UTF-8 bytes. Returns the
    /// kept text, the number of scalars cut and the first 200 of them followed by `…`. `nil` when
    /// the text is not longer than the limit.
    static func cut(_ text: String, toScalars limit: Int) -> (kept: String, removedScalars: Int, removedHead: String)? {
        let bytes = Array(text.utf8)
        let limit = max(0, limit)
        // byte offset of scalar number `limit`, and the last space before it
        var scalars = 0
        var i = 0
        var lastSpace = -1
        var spaceScalars = 0
        while i < bytes.count, scalars < limit {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 { lastSpace = i; spaceScalars = scalars }
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            scalars += 1
        }
        guard i < bytes.count else { return nil }
        var end = i
        if lastSpace >= 0, limit - spaceScalars <= max(limit / 10, 1) { end = lastSpace }
        // the removed part: count its scalars, keep a short head
        var removed = 0
        var headEnd = end
        var j = end
        while j < bytes.count {
            if bytes[j] & 0xC0 != 0x80 {
                removed += 1
                if removed == 201 { headEnd = j }
            }
            j += 1
        }
        if removed <= 200 { headEnd = bytes.count }
        let kept = String(decoding: bytes[..<end], as: UTF8.self).trimmingCharacters()
        var head = String(decoding: bytes[end..<headEnd], as: UTF8.self).trimmingCharacters()
        if headEnd < bytes.count { head += "…" }
        return (kept, removed, head)
    }
}

/// Splits text into numbered lines on LF, CRLF or a lone CR, working on UTF-8 bytes.
enum LineReader {
    static func lines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var utf8 = text.utf8
        _ = utf8.withContiguousStorageIfAvailable { buf in
            var start = 0
            var i = 0
            var lineNo = 1
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x0A || b == 0x0D {
                    result.append((lineNo, String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)))
                    if b == 0x0D, i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
                    lineNo += 1
                    start = i + 1
                }
                i += 1
            }
            if start < n {
                result.append((lineNo, String(decoding: UnsafeBufferPointer(rebasing: buf[start..<n]), as: UTF8.self)))
            }
        }
        if result.isEmpty, !text.isEmpty {
            // non-contiguous storage: fall back to a copy
            utf8 = String(text).utf8
            return lines(String(decoding: Array(utf8), as: UTF8.self))
        }
        return result
    }
}
