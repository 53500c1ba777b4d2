/// A calendar date as precise as its source allows: a whole day, or only a month.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public enum Precision: String, Sendable, Codable { case day, month }

    public var year: Int
    public var month: Int
    /// `nil` when the source only gives a month.
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var precision: Precision { day == nil ? .month : .day }

    /// ISO 8601: `2025-10-26`, or `2025-10` for a month.
    public var iso: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(year)-\(m)" }
        return "\(year)-\(m)-" + (day < 10 ? "0\(day)" : "\(day)")
    }

    public var description: String { iso }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }

    /// Checks ranges (month 1–12, day valid for the month); `nil` when out of range.
    public static func valid(year: Int, month: Int, day: Int?) -> PartialDate? {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        if let day {
            let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
                        31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            guard (1...days).contains(day) else { return nil }
        }
        return PartialDate(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian) for a day-precision date; month dates use day 1.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil; a year past ±10^9 or a month or day past ±10^6 (never a
        // real one) is clamped, so the
        // arithmetic cannot overflow whatever a caller builds.
        let year = Swift.max(-1_000_000_000, Swift.min(self.year, 1_000_000_000))
        let month = Swift.max(-1_000_000, Swift.min(self.month, 1_000_000))
        let day: Int? = self.day.map { Swift.max(-1_000_000, Swift.min($0, 1_000_000)) }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + (day ?? 1) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `n` days later (day precision).
    public func adding(days n: Int) -> PartialDate {
        PartialDate(civilFromDays: daysSinceEpoch + n)
    }

    public init(civilFromDays z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}

/// Where a document's date was found.
public enum DateOrigin: String, Sendable, Codable {
    case header, byline, url, text
    /// `HANOI, Oct 26 (Reuters) -` at the start of the first paragraph.
    case dateline
}

/// How the bytes of a file were decoded.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case windows1252 = "windows-1252"
}

/// One paragraph of a document, with its place in the source file.
public struct Paragraph: Sendable, Hashable, Codable {
    /// `<document id>#p<position>`, stable across runs.
    public var id: String
    /// 1-based position among the paragraphs parse produced.
    public var position: Int
    /// 1-based line in the source file where the paragraph starts.
    public var line: Int
    public var text: String

    public init(id: String, position: Int, line: Int, text: String) {
        self.id = id
        self.position = position
        self.line = line
        self.text = text
    }
}

/// A piece of text taken out of a document, and why.
public struct Removal: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        // parse
        case metadataHeader = "metadata-header"
        case title
        case byline
        case sourceLine = "source-line"
        case siteBanner = "site-banner"
        case imageMarker = "image-marker"
        case photoCaption = "photo-caption"
        case photoCredit = "photo-credit"
        case agencyCredit = "agency-credit"
        case commentWidget = "comment-widget"
        case relatedArticles = "related-articles"
        case widgetText = "widget-text"
        case navigation
        case dateLine = "date-line"
        case dateline
        case shareButtons = "share-buttons"
        case newsletterPrompt = "newsletter-prompt"
        case cookieNotice = "cookie-notice"
        case tags
        case teaser
        case copyright
        /// The end of a paragraph longer than `parse: max_paragraph_chars` (its first characters are kept).
        case paragraphTooLong = "paragraph-too-long"
        // dedupe
        case exactDuplicate = "exact-duplicate"
        case nearDuplicate = "near-duplicate"
    }

    public enum Scope: String, Sendable, Codable {
        case document, corpus
    }

    public var documentID: String
    /// 1-based source line.
    public var line: Int
    /// The removed paragraph's id (dedupe), `nil` for boilerplate lines.
    public var paragraphID: String?
    public var text: String
    /// The stage that removed it: `parse` or `dedupe`.
    public var stage: String
    public var reason: Reason
    /// For duplicates: the paragraph that was kept.
    public var keptParagraphID: String?
    /// For duplicates: the word-shingle similarity with the kept paragraph (1 for exact; see
    /// `DedupeStage` for the measure).
    public var similarity: Double?
    public var scope: Scope?

    public init(
        documentID: String, line: Int, paragraphID: String? = nil, text: String, stage: String,
        reason: Reason, keptParagraphID: String? = nil, similarity: Double? = nil, scope: Scope? = nil
    ) {
        self.documentID = documentID
        self.line = line
        self.paragraphID = paragraphID
        self.text = text
        self.stage = stage
        self.reason = reason
        self.keptParagraphID = keptParagraphID
        self.similarity = similarity
        self.scope = scope
    }
}

/// One article as it flows through parse, dedupe and enrich.
public struct Document: Sendable, Codable {
    /// The file name without its extension.
    public var id: String
    public var fileName: String
    public var byteCount: Int
    public var encoding: TextEncoding
    public var hasCRLF: Bool
    public var title: String?
    public var titleOrigin: String?
    public var date: PartialDate?
    public var dateOrigin: DateOrigin?
    public var sourceURL: String?
    public var publisher: String?
    /// `fr` or `en`.
    public var language: String
    public var paragraphs: [Paragraph]
    public var removed: [Removal]
    public var warnings: [String]
    public var findings: Findings
    /// The prints of `paragraphs`, one each, for the duplicate check that runs in corpus order
    /// (`DedupeStage`, `CorpusDedupe`); `nil` for a paragraph that cannot repeat another (no other
    /// paragraph of the corpus shares a key with it). Empty without dedupe, and emptied once compared.
    public var prints: [ParagraphPrint?] = []

    /// Every property but `prints`, which travel apart (`Partials`).
    enum CodingKeys: String, CodingKey {
        case id, fileName, byteCount, encoding, hasCRLF, title, titleOrigin, date, dateOrigin, sourceURL, publisher
        case language, paragraphs, removed, warnings, findings
    }

    public init(id: String, fileName: String, byteCount: Int = 0, encoding: TextEncoding = .utf8) {
        self.id = id
        self.fileName = fileName
        self.byteCount = byteCount
        self.encoding = encoding
        self.hasCRLF = false
        self.language = "fr"
        self.paragraphs = []
        self.removed = []
        self.warnings = []
        self.findings = Findings()
    }
}
