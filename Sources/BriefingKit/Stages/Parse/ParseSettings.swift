/// The `parse:` settings.
///
/// ```yaml
/// - parse:
///     split: lines          # or blank-lines
///     default_year: 2025    # year of "le 26 octobre" when nothing else gives it
///     strip_boilerplate: true
///     max_paragraph_chars: 100000   # a longer paragraph is cut there, with a warning
/// ```
public struct ParseSettings: StageSettings {
    /// How paragraphs are delimited: every non-empty line (`lines`) or blank lines (`blank-lines`).
    public enum Split: String, Sendable, CaseIterable { case lines, blankLines = "blank-lines" }
    public var split = Split.lines
    /// Year given to day-and-month dates in the text (`le 26 octobre`) when nothing else tells it.
    public var defaultYear: Int?
    /// Remove captions, banners, widgets and related-article lists.
    public var stripBoilerplate = true
    /// Longest paragraph kept, in Unicode scalars; the rest of a longer one is cut with a warning
    /// (`paragraph-too-long`), so that one huge line cannot make the run slow or large.
    public var maxParagraphChars = 100_000

    /// Every setting at its default.
    public init() {}

    /// The given settings, and the defaults for the others.
    public init(split: Split? = nil, defaultYear: Int? = nil, stripBoilerplate: Bool? = nil,
                maxParagraphChars: Int? = nil) {
        if let split { self.split = split }
        self.defaultYear = defaultYear
        if let stripBoilerplate { self.stripBoilerplate = stripBoilerplate }
        if let maxParagraphChars { self.maxParagraphChars = maxParagraphChars }
    }

    public static let specs: [Setting<ParseSettings>] = [
        .choice("split", \.split, "How paragraphs are delimited: every non-empty line, or blank lines."),
        .int("default_year", \.defaultYear, range: .between(1000...9999, "a four-digit year"),
             "Year of a day written without one (`le 25 octobre`) when the page states none; without it such a date is left empty, with a warning."),
        .bool("strip_boilerplate", \.stripBoilerplate,
              "Remove captions, banners, menus, bylines, widgets and related-article lists, each with its reason."),
        .int("max_paragraph_chars", \.maxParagraphChars, range: .between(1_000...10_000_000),
             "Longest paragraph kept, in characters; a longer one is cut there with a warning (`paragraph-too-long`)."),
    ]
}

extension ParseStage {
    public static let summary = "Reads every corpus file into a document: title, date, publisher, language and paragraphs; removes boilerplate, each removed line with its reason."
    public static let isRequired = true

    /// The parse stage of `pipeline`, assuming its input language when detection is unsure.
    public init(settings: ParseSettings, pipeline: PipelineConfig) {
        self.init(settings: settings, fallbackLanguage: pipeline.input.language)
    }
}
