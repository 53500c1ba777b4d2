/// Removes repeated paragraphs, exact and near-duplicate, inside each document and across the corpus.
/// The first occurrence (in corpus order) is kept; every removal is recorded with the kept
/// paragraph's id, the similarity and the scope.
///
/// Near duplicates are found on word shingles (word pairs by default). Wire copy is re-edited, not
/// copied: an outlet swaps a word for a synonym or drops a clause. A swapped word breaks `size`
/// shingles, a dropped clause removes shingles from one side only (a number's qualifier, `more
/// than` / `over`, `about` / `some`, counts as one word whatever its wording: see
/// `ParagraphFingerprint.wordsForShingles`), so the similarity is the share of
/// the shorter paragraph's shingles found in the longer one (the overlap coefficient
/// |A∩B| / min(|A|, |B|)), counted when the shorter paragraph has at least half as many shingles as
/// the longer; otherwise (a sentence quoted inside a long paragraph, a summary) the similarity is
/// the Jaccard similarity |A∩B| / |A∪B|, which is at most that ratio, so below any useful threshold.
/// See `ParagraphFingerprint.similarity`.
///
/// Candidates come from a MinHash index (one-permutation hashing, 32 bands of 2 rows), then the exact similarity decides,
/// so the reported similarity is exact. The weakest pair that can reach a 0.7 overlap (half the
/// length, 70 % contained) has a Jaccard similarity of 0.30 and is a candidate with probability
/// 0.95; a pair at Jaccard 0.4 with probability 0.995.
///
/// ```yaml
/// - dedupe:
///     threshold: 0.7     # overlap of word shingles (see above)
///     shingle_size: 2
///     min_words: 8       # shorter paragraphs are compared exactly only
///     scope: corpus      # or document
/// ```
public struct DedupeStage: DocumentStage, Sendable {
    public static let kind = "dedupe"
    public static let unit = "paragraphs"
    public let settings: DedupeSettings

    private struct Kept {
        var paragraphID: String
        var documentID: String
        var shingles: [UInt64]
    }

    private static let bands = 32
    private static let rows = 2

    private var exact: [UInt64: (paragraphID: String, documentID: String)] = [:]
    private var kept: [Kept] = []
    private var buckets: [UInt64: [Int32]] = [:]
    private let seeds: [UInt64]

    public init(settings: DedupeSettings = DedupeSettings()) {
        self.settings = settings
        var s: UInt64 = 0x5EED
        self.seeds = (0..<(Self.bands * Self.rows)).map { _ in
            s = ParagraphFingerprint.mix(s)
            return s
        }
    }

    /// What the corpus-wide check needs of one paragraph, computed from its text alone: the exact
    /// key, and (for a paragraph long enough to compare) its sorted shingles and MinHash band keys.
    /// Computing it is most of dedupe's work and needs no state, so it runs on every core
    /// (`prepare(_:)`); only the lookups that decide what was seen first run in corpus order.
    public struct Print: Sendable {
        var exactKey: UInt64
        var shingles: [UInt64]
        var bandKeys: [UInt64]
    }

    /// The prints of a document's paragraphs, in order.
    public func prepare(_ document: Document) -> [Print] {
        document.paragraphs.map { p in
            let fp = ParagraphFingerprint(p.text)
            guard settings.near, fp.words.count >= settings.minWords else {
                return Print(exactKey: fp.exactKey, shingles: [], bandKeys: [])
            }
            let shingles = fp.shingles(size: settings.shingleSize)
            return Print(exactKey: fp.exactKey, shingles: shingles, bandKeys: bandKeysFor(shingles))
        }
    }

    public mutating func process(_ document: inout Document, stats: inout StageStats) {
        process(&document, prepared: prepare(document), stats: &stats)
    }

    /// - Parameter prints: `prepare(document)`, computed beforehand (on any thread).
    public mutating func process(_ document: inout Document, prepared prints: [Print], stats: inout StageStats) {
        if settings.scope == .document {
            exact.removeAll(keepingCapacity: true)
            kept.removeAll(keepingCapacity: true)
            buckets.removeAll(keepingCapacity: true)
        }
        var survivors: [Paragraph] = []
        survivors.reserveCapacity(document.paragraphs.count)
        stats.input += document.paragraphs.count
        for (p, print) in zip(document.paragraphs, prints) {
            let key = print.exactKey
            if settings.exact, let first = exact[key] {
                record(p, in: &document, reason: .exactDuplicate, kept: first, similarity: 1, stats: &stats)
                continue
            }
            if !print.shingles.isEmpty, let (index, similarity) = firstCandidate(print.shingles, print.bandKeys) {
                let k = kept[index]
                record(p, in: &document, reason: .nearDuplicate, kept: (k.paragraphID, k.documentID),
                       similarity: similarity, stats: &stats)
                continue
            }
            exact[key] = exact[key] ?? (p.id, document.id)
            if !print.shingles.isEmpty {
                let index = Int32(kept.count)
                kept.append(Kept(paragraphID: p.id, documentID: document.id, shingles: print.shingles))
                for band in print.bandKeys { buckets[band, default: []].append(index) }
            }
            survivors.append(p)
        }
        document.paragraphs = survivors
        stats.output += survivors.count
    }

    private func record(_ p: Paragraph, in document: inout Document, reason: Removal.Reason,
                        kept: (paragraphID: String, documentID: String), similarity: Double,
                        stats: inout StageStats) {
        let scope: Removal.Scope = kept.documentID == document.id ? .document : .corpus
        document.removed.append(Removal(
            documentID: document.id, line: p.line, paragraphID: p.id, text: p.text, stage: Self.kind,
            reason: reason, keptParagraphID: kept.paragraphID, similarity: (similarity * 1000).rounded() / 1000,
            scope: scope))
        stats.drop("\(reason.rawValue)/\(scope.rawValue)")
    }

    /// MinHash signature folded into one key per band, by one-permutation hashing: each shingle
    /// (already a well-mixed 64-bit hash) falls into one of `bands × rows` bins by its top bits, and a
    /// bin keeps its smallest value; an empty bin borrows the next filled one's (with the distance
    /// mixed in). One pass over the shingles instead of one per permutation; two similar paragraphs
    /// agree on a bin with probability close to their Jaccard similarity, as with full MinHash.
    private func bandKeysFor(_ shingles: [UInt64]) -> [UInt64] {
        let bins = Self.bands * Self.rows
        let shift = UInt64(64 - bins.trailingZeroBitCount)
        var mins = [UInt64](repeating: .max, count: bins)
        for s in shingles {
            let bin = Int(truncatingIfNeeded: s >> shift)
            let value = s & ((1 << shift) - 1)
            if value < mins[bin] { mins[bin] = value }
        }
        if mins.contains(.max), mins.contains(where: { $0 != .max }) {
            let filled = mins
            for i in 0..<bins where filled[i] == .max {
                var d = 1
                while filled[(i + d) % bins] == .max { d += 1 }
                mins[i] = ParagraphFingerprint.mix(filled[(i + d) % bins] ^ UInt64(d))
            }
        }
        return (0..<Self.bands).map { band in
            var h = seeds[band]
            for r in 0..<Self.rows { h = ParagraphFingerprint.mix(h ^ mins[band * Self.rows + r]) }
            return h
        }
    }

    /// The earliest kept paragraph whose similarity is at or above the threshold. (Not the most
    /// similar one: syndicated copy has hundreds of variants of one paragraph, and stopping at the
    /// first match keeps the check cheap; the first occurrence is the one kept anyway.)
    private func firstCandidate(_ shingles: [UInt64], _ bandKeys: [UInt64]) -> (Int, Double)? {
        // Each bucket lists kept paragraphs in the order they were kept (ascending), so merging the
        // buckets' heads gives the candidates earliest first, each once; the first one similar
        // enough ends the search, usually after one comparison however many variants share a band.
        let lists = bandKeys.compactMap { buckets[$0] }
        var heads = [Int](repeating: 0, count: lists.count)
        var last: Int32 = -1
        while true {
            var best: Int32 = .max
            for (l, list) in lists.enumerated() {
                var h = heads[l]
                while h < list.count, list[h] <= last { h += 1 }
                heads[l] = h
                if h < list.count, list[h] < best { best = list[h] }
            }
            guard best != .max else { return nil }
            last = best
            let sim = ParagraphFingerprint.similarity(shingles, kept[Int(best)].shingles)
            if sim >= settings.threshold { return (Int(best), sim) }
        }
    }
}
