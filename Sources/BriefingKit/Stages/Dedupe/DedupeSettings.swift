/// The `dedupe:` settings (see `DedupeStage` for the similarity measure).
///
/// ```yaml
/// - dedupe:
///     threshold: 0.7     # overlap of word shingles
///     shingle_size: 2
///     min_words: 8       # shorter paragraphs are compared exactly only
///     scope: corpus      # or document
/// ```
public struct DedupeSettings: StageSettings {
    public enum Scope: String, Sendable, CaseIterable { case document, corpus }
    /// Remove paragraphs equal after normalising case, white space and punctuation.
    public var exact = true
    /// Remove paragraphs whose word-shingle similarity with a kept one (see `DedupeStage`) is at least `threshold`.
    public var near = true
    public var threshold = 0.7
    /// Words per shingle.
    public var shingleSize = 2
    /// Paragraphs with fewer words are only compared exactly.
    public var minWords = 8
    /// Compare inside each document only, or across the corpus too.
    public var scope = Scope.corpus

    /// Every setting at its default.
    public init() {}

    /// The given settings, and the defaults for the others.
    public init(exact: Bool? = nil, near: Bool? = nil, threshold: Double? = nil, shingleSize: Int? = nil,
                minWords: Int? = nil, scope: Scope? = nil) {
        if let exact { self.exact = exact }
        if let near { self.near = near }
        if let threshold { self.threshold = threshold }
        if let shingleSize { self.shingleSize = shingleSize }
        if let minWords { self.minWords = minWords }
        if let scope { self.scope = scope }
    }

    public static let specs: [Setting<DedupeSettings>] = [
        .bool("exact", \.exact, "Remove paragraphs equal to a kept one once case, white space and punctuation are normalised."),
        .bool("near", \.near, "Also remove near-duplicates: paragraphs whose similarity with a kept one is at least `threshold`."),
        .double("threshold", \.threshold, range: .above(0, atMost: 1),
                "Similarity from which a paragraph is a near-duplicate: the share of the shorter paragraph's word shingles found in the longer one."),
        .int("shingle_size", \.shingleSize, range: .between(1...10), "Words per shingle."),
        .int("min_words", \.minWords, range: .atLeast(1), "Paragraphs with fewer words are compared exactly only."),
        .choice("scope", \.scope, "Compare paragraphs inside each document only, or across the corpus too."),
    ]
}

extension DedupeStage {
    public static let summary = "Removes repeated paragraphs, exact and near-duplicate, inside each document and across the corpus; the first occurrence is kept, each removal records the kept paragraph and the similarity."
    public init(settings: DedupeSettings, pipeline: PipelineConfig) {
        self.init(settings: settings)
    }
}
