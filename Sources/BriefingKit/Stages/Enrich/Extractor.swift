/// One sentence of a kept paragraph, with what an extractor needs to know about where it sits.
public struct SentenceContext: Sendable {
    public var documentID: String
    public var paragraphID: String
    /// The document's own date, to resolve `hier`, `le 25 octobre`, `octobre prochain`.
    public var documentDate: PartialDate?
    /// The year to assume when neither the text nor the document date gives one.
    public var defaultYear: Int?
    public var sentence: Sentence

    public init(documentID: String, paragraphID: String, documentDate: PartialDate?, defaultYear: Int? = nil,
                sentence: Sentence) {
        self.documentID = documentID
        self.paragraphID = paragraphID
        self.documentDate = documentDate
        self.defaultYear = defaultYear
        self.sentence = sentence
    }

    /// Provenance for the tokens `from..<to` of this sentence (indices into `sentence.tokens`).
    public func provenance(tokens range: Range<Int>) -> Provenance {
        let toks = sentence.tokens
        let start = range.isEmpty ? sentence.start : toks[range.lowerBound].start
        let end = range.isEmpty ? sentence.start : toks[range.upperBound - 1].end
        return Provenance(documentID: documentID, paragraphID: paragraphID, sentenceIndex: sentence.index,
                          sentence: sentence.text, start: start, end: end)
    }

    /// The original text of tokens `range`, with the sentence's own spacing.
    public func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let toks = sentence.tokens
        let a = toks[range.lowerBound].start - sentence.start
        let b = toks[range.upperBound - 1].end - sentence.start
        let scalars = sentence.text.unicodeScalars
        let lo = scalars.index(scalars.startIndex, offsetBy: a)
        let hi = scalars.index(scalars.startIndex, offsetBy: b)
        return String(scalars[lo..<hi])
    }
}

/// Finds one kind of thing in sentences.
///
/// Implementation requirements: `extract` only appends to `findings` (it may read what earlier
/// extractors appended for the same sentence, as commitments read the entities and people);
/// it never throws and never finds anything in a sentence that does not state it.
public protocol Extractor: Sendable {
    func extract(_ context: SentenceContext, into findings: inout Findings)
}
