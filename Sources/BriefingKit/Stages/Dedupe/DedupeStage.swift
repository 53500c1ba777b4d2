/// Removes repeated paragraphs, exact and near-duplicate, inside each document and across the corpus.
/// The first occurrence (in corpus order) is kept; every removal is recorded with the kept
/// paragraph's id, the similarity and the scope.
///
/// Near duplicates are found with word-shingle Jaccard similarity. Candidates come from a
/// MinHash index (10 bands of 3 rows), then the exact Jaccard similarity decides, so the reported
/// similarity is exact; a pair at the 0.8 threshold is a candidate with probability 0.999.
///
/// ```yaml
/// - dedupe:
///     threshold: 0.8     # Jaccard similarity of word shingles
///     shingle_size: 3
///     min_words: 8       # shorter paragraphs are compared exactly only
///     scope: corpus      # or document
/// ```
public struct DedupeStage: DocumentStage {
    public static let kind = "dedupe"
    public static let unit = "paragraphs"
    public let settings: DedupeSettings

    private struct Kept {
        var paragraphID: String
        var documentID: String
        var shingles: [UInt64]
    }

    private static let bands = 10
    private static let rows = 3

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

    public mutating func process(_ document: inout Document, stats: inout StageStats) {
        if settings.scope == .document {
            exact.removeAll(keepingCapacity: true)
            kept.removeAll(keepingCapacity: true)
            buckets.removeAll(keepingCapacity: true)
        }
        var survivors: [Paragraph] = []
        survivors.reserveCapacity(document.paragraphs.count)
        stats.input += document.paragraphs.count
        for p in document.paragraphs {
            let fp = ParagraphFingerprint(p.text)
            let key = fp.exactKey
            if settings.exact, let first = exact[key] {
                record(p, in: &document, reason: .exactDuplicate, kept: first, similarity: 1, stats: &stats)
                continue
            }
            var shingles: [UInt64] = []
            var bandKeys: [UInt64] = []
            if settings.near, fp.words.count >= settings.minWords {
                shingles = fp.shingles(size: settings.shingleSize)
                bandKeys = bandKeysFor(shingles)
                if let (index, similarity) = bestCandidate(shingles, bandKeys) {
                    let k = kept[index]
                    record(p, in: &document, reason: .nearDuplicate, kept: (k.paragraphID, k.documentID),
                           similarity: similarity, stats: &stats)
                    continue
                }
            }
            exact[key] = exact[key] ?? (p.id, document.id)
            if !shingles.isEmpty {
                let index = Int32(kept.count)
                kept.append(Kept(paragraphID: p.id, documentID: document.id, shingles: shingles))
                for band in bandKeys { buckets[band, default: []].append(index) }
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

    /// MinHash signature folded into one key per band.
    private func bandKeysFor(_ shingles: [UInt64]) -> [UInt64] {
        var mins = [UInt64](repeating: .max, count: seeds.count)
        for s in shingles {
            for (i, seed) in seeds.enumerated() {
                let h = ParagraphFingerprint.mix(s ^ seed)
                if h < mins[i] { mins[i] = h }
            }
        }
        return (0..<Self.bands).map { band in
            var h = UInt64(band) &+ 1
            for r in 0..<Self.rows { h = ParagraphFingerprint.mix(h ^ mins[band * Self.rows + r]) }
            return h
        }
    }

    /// The most similar kept paragraph at or above the threshold (the earliest on ties).
    private func bestCandidate(_ shingles: [UInt64], _ bandKeys: [UInt64]) -> (Int, Double)? {
        var best: (Int, Double)?
        var seen = Set<Int32>()
        for band in bandKeys {
            guard let list = buckets[band] else { continue }
            for index in list where seen.insert(index).inserted {
                let sim = ParagraphFingerprint.jaccard(shingles, kept[Int(index)].shingles)
                guard sim >= settings.threshold else { continue }
                if let b = best, sim < b.1 || (sim == b.1 && Int(index) > b.0) { continue }
                best = (Int(index), sim)
            }
        }
        return best
    }
}
