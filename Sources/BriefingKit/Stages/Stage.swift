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
