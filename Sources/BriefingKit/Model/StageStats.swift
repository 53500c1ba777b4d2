/// Counters one stage keeps during a run: records in and out, drops by reason, time.
public struct StageStats: Sendable, Hashable, Codable {
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
