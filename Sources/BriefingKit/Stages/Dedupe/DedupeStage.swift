/// Removes repeated paragraphs, exact and near-duplicate, inside each document and across the corpus.
/// The first occurrence (in corpus order) is kept; every removal is recorded with the kept
/// paragraph's id, the similarity and the scope.
///
/// It works in two steps. Each paragraph's print (`ParagraphPrint`: exact key, shingle hashes,
/// MinHash band keys) depends on its text alone and is computed with the per-document work, on every
/// core (`process`). The decisions are taken in corpus order on one thread (`CorpusDedupe`), from
/// the prints alone, before enrich reads what is left. What crosses documents is hashes, not texts:
/// a split run (`briefing shard`) prepares shards apart, decides from their prints, and finishes
/// each shard apart, with the same result.
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
    /// A paragraph's print depends on its text alone; the decisions (`makeCorpusPass`) are ordered.
    public static let runsInCorpusOrder = false
    public let settings: DedupeSettings

    static let bands = 32
    static let rows = 2
    private let seeds: [UInt64]

    public init(settings: DedupeSettings = DedupeSettings()) {
        self.settings = settings
        var s: UInt64 = 0x5EED
        self.seeds = (0..<(Self.bands * Self.rows)).map { _ in
            s = ParagraphFingerprint.mix(s)
            return s
        }
    }

    /// The print of one paragraph: its exact key, and (when it has at least `min_words` words and
    /// near duplicates are looked for) its sorted shingles and MinHash band keys.
    public func print(_ text: String) -> ParagraphPrint {
        let fp = ParagraphFingerprint(text)
        guard settings.near, fp.words.count >= settings.minWords else { return ParagraphPrint(exactKey: fp.exactKey) }
        let shingles = fp.shingles(size: settings.shingleSize)
        return ParagraphPrint(exactKey: fp.exactKey, shingles: shingles, bandKeys: bandKeysFor(shingles))
    }

    /// The per-document step: the print of every paragraph, in `document.prints` (the decisions
    /// are `CorpusDedupe`'s).
    public mutating func process(_ document: inout Document, stats: inout StageStats) {
        document.prints = document.paragraphs.map { print($0.text) }
        stats.input += document.paragraphs.count
        stats.output += document.paragraphs.count
    }

    /// The decisions, in corpus order.
    public func makeCorpusPass() -> (any CorpusPass)? {
        CorpusDedupe(settings: settings)
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
}

/// The ordered half of `DedupeStage`: in corpus order, removes each paragraph that repeats (exactly
/// or nearly) one kept earlier, in the same document or (scope `corpus`) an earlier one.
///
/// It reads `Document.prints`; a paragraph without a print is kept without a lookup (a split run
/// gives prints only to the paragraphs that share a key with another: no other can match).
public struct CorpusDedupe: CorpusPass, Sendable {
    private var index: DuplicateIndex
    /// The document whose paragraphs the index holds, when the scope is one document.
    private var current: String?

    public init(settings: DedupeSettings) {
        index = DuplicateIndex(settings: settings)
    }

    public mutating func pass(_ document: inout Document, stats: inout StageStats) {
        let prints = document.prints
        document.prints = []
        var decisions: [Int: DuplicateIndex.Match] = [:]
        for (i, print) in prints.enumerated() {
            guard let print else { continue }
            if let match = decide(print, paragraphID: document.paragraphs[i].id, documentID: document.id) {
                decisions[i] = match
            }
        }
        Self.apply(decisions, to: &document, stats: &stats)
    }

    /// What to do with one paragraph, in corpus order: the kept paragraph it repeats, or `nil` (then
    /// it is kept, and remembered).
    mutating func decide(_ print: ParagraphPrint, paragraphID: String, documentID: String) -> DuplicateIndex.Match? {
        if index.settings.scope == .document, current != documentID {
            index = DuplicateIndex(settings: index.settings)
            current = documentID
        }
        if let match = index.match(print) { return match }
        index.insert(print, paragraphID: paragraphID, documentID: documentID)
        return nil
    }

    /// Removes the paragraphs decided to be repeats (by position in `document.paragraphs`), each
    /// with its removal record and counter.
    static func apply(_ decisions: [Int: DuplicateIndex.Match], to document: inout Document, stats: inout StageStats) {
        guard !decisions.isEmpty else { return }
        var survivors: [Paragraph] = []
        survivors.reserveCapacity(document.paragraphs.count - decisions.count)
        for (i, p) in document.paragraphs.enumerated() {
            if let match = decisions[i] {
                document.removed.append(match.removal(of: p, in: document.id))
                stats.drop(match.dropReason(in: document.id))
            } else {
                survivors.append(p)
            }
        }
        stats.output -= document.paragraphs.count - survivors.count
        document.paragraphs = survivors
    }
}

/// The paragraphs kept so far, looked up by exact key and by MinHash band.
struct DuplicateIndex: Sendable {
    struct Match: Codable, Sendable, Equatable {
        var reason: Removal.Reason
        var paragraphID: String
        var documentID: String
        var similarity: Double

        func removal(of p: Paragraph, in documentID: String) -> Removal {
            Removal(documentID: documentID, line: p.line, paragraphID: p.id, text: p.text, stage: DedupeStage.kind,
                    reason: reason, keptParagraphID: paragraphID, similarity: (similarity * 1000).rounded() / 1000,
                    scope: scope(in: documentID))
        }

        func scope(in documentID: String) -> Removal.Scope {
            self.documentID == documentID ? .document : .corpus
        }

        func dropReason(in documentID: String) -> String {
            "\(reason.rawValue)/\(scope(in: documentID).rawValue)"
        }
    }

    private struct Kept {
        var paragraphID: String
        var documentID: String
        var shingles: [UInt64]
    }

    let settings: DedupeSettings
    private var exact: [UInt64: (paragraphID: String, documentID: String)] = [:]
    private var kept: [Kept] = []
    private var buckets: [UInt64: [Int32]] = [:]

    init(settings: DedupeSettings) {
        self.settings = settings
    }

    /// The kept paragraph `print` repeats: the one with the same exact key, else the earliest kept
    /// whose similarity is at or above the threshold.
    func match(_ print: ParagraphPrint) -> Match? {
        if settings.exact, let first = exact[print.exactKey] {
            return Match(reason: .exactDuplicate, paragraphID: first.paragraphID, documentID: first.documentID, similarity: 1)
        }
        if !print.shingles.isEmpty, let (index, similarity) = firstCandidate(print.shingles, print.bandKeys) {
            let k = kept[index]
            return Match(reason: .nearDuplicate, paragraphID: k.paragraphID, documentID: k.documentID, similarity: similarity)
        }
        return nil
    }

    /// Remembers a kept paragraph.
    mutating func insert(_ print: ParagraphPrint, paragraphID: String, documentID: String) {
        if exact[print.exactKey] == nil { exact[print.exactKey] = (paragraphID, documentID) }
        guard !print.shingles.isEmpty else { return }
        let index = Int32(kept.count)
        kept.append(Kept(paragraphID: paragraphID, documentID: documentID, shingles: print.shingles))
        for band in print.bandKeys { buckets[band, default: []].append(index) }
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
