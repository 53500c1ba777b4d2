/// Counters one stage keeps during a run: records in and out, drops by reason, time.
public struct StageStats: Sendable, Hashable {
    public var stage: String
    /// What the stage counts: `files`, `paragraphs`, …
    public var unit: String
    public var input: Int = 0
    public var output: Int = 0
    /// Dropped records by reason (`exact-duplicate`, `empty-file`, …).
    public var dropped: [String: Int] = [:]
    public var seconds: Double = 0
    /// Other figures worth reporting (`boilerplate-lines`, `findings`, …).
    public var extra: [String: Int] = [:]

    public init(stage: String, unit: String) {
        self.stage = stage
        self.unit = unit
    }

    public mutating func drop(_ reason: String, _ n: Int = 1) {
        dropped[reason, default: 0] += n
    }

    public var droppedTotal: Int { dropped.values.reduce(0, +) }

    /// Adds the counts of `other` (the same stage's work on other documents); time is kept apart.
    public mutating func merge(_ other: StageStats) {
        input += other.input
        output += other.output
        dropped.merge(other.dropped, uniquingKeysWith: +)
        extra.merge(other.extra, uniquingKeysWith: +)
    }
}

/// A file of the corpus, read but not yet decoded.
public struct SourceFile: Sendable {
    /// The file name, `000_4f9839d5057eabca.txt`.
    public var name: String
    public var path: String
    public var bytes: [UInt8]

    public init(name: String, path: String, bytes: [UInt8]) {
        self.name = name
        self.path = path
        self.bytes = bytes
    }
}

/// A stage that takes documents one at a time and changes them in place.
///
/// Implementation requirements: `process` sees documents in corpus order (sorted file names);
/// it may keep state across documents (dedupe remembers what it has seen) but must not depend on
/// anything else, so that a run is repeatable. Per-record problems are counted in `stats`, not thrown.
public protocol DocumentStage {
    /// The stage's key in the pipeline file.
    static var kind: String { get }
    /// What `stats.input` and `stats.output` count.
    static var unit: String { get }
    mutating func process(_ document: inout Document, stats: inout StageStats)
}
