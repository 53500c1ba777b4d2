/// What the corpus-wide duplicate check needs of one paragraph, computed from its text alone (see
/// `DedupeStage`): the exact key, and for a paragraph long enough to compare, its sorted word
/// shingles and its MinHash band keys. Hashes, not text: it is what crosses documents, and what a
/// shard's partial results carry (`Partials`).
public struct ParagraphPrint: Sendable, Hashable, Codable {
    /// Hash of the paragraph's words once case, white space and punctuation are normalised.
    public var exactKey: UInt64
    /// Sorted, distinct hashes of the paragraph's word shingles; empty for a short paragraph
    /// (compared exactly only).
    public var shingles: [UInt64]
    /// One key per MinHash band; two paragraphs that share one are compared.
    public var bandKeys: [UInt64]

    public init(exactKey: UInt64, shingles: [UInt64] = [], bandKeys: [UInt64] = []) {
        self.exactKey = exactKey
        self.shingles = shingles
        self.bandKeys = bandKeys
    }
}
