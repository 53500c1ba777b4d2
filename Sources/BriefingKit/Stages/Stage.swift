/// A stage of the pipeline: its name, its settings and how it is built. Its work is one of three
/// shapes, each a protocol refining this one: a `SourceStage` turns corpus files into documents
/// (parse), a `DocumentStage` changes documents one at a time (dedupe, enrich), an `Aggregator`
/// turns the stream of documents into tables (aggregate).
///
/// Implementation requirements:
/// - `kind` is unique in the registry (`StageRegistry`) and is the stage's key in the pipeline file.
/// - `Settings.specs` declares every setting the file may give (see `StageSettings`).
/// - `init(settings:pipeline:)` does every check and loads every data file the stage needs, so
///   that a bad pipeline fails when it is loaded (`PipelinePlan`), never in the middle of a run;
///   it throws `ConfigError`.
/// - The work is repeatable: the same documents in the same order give the same result.
///   Per-record problems are counted in `StageStats` (a drop with a reason), not thrown.
///
/// Adding a stage is one file (the stage, its settings and their specs), one line in
/// `StageRegistry.standard` and one test file.
public protocol Stage: Sendable {
    associatedtype Settings: StageSettings
    /// The stage's name: its key in the pipeline file and in the run's counters.
    static var kind: String { get }
    /// What `StageStats.input` and `output` count: `files`, `paragraphs`, `documents`.
    static var unit: String { get }
    /// What the stage does, one or two sentences (`briefing stages`).
    static var summary: String { get }
    /// Whether every pipeline must have it; `false` unless the stage says so.
    static var isRequired: Bool { get }
    /// Builds the stage from its resolved settings (data file paths absolute), loading its data files.
    /// - Parameter pipeline: the whole configuration, for what the stage takes from elsewhere
    ///   (the input's language, another stage's settings).
    /// - Throws: `ConfigError` for a data file that cannot be read or decoded, or settings that do
    ///   not go together.
    init(settings: Settings, pipeline: PipelineConfig) throws
}

extension Stage {
    public static var isRequired: Bool { false }

    /// Empty counters for this stage.
    public static func newStats() -> StageStats { StageStats(stage: kind, unit: unit) }

    /// Empty counters for this stage.
    public func newStats() -> StageStats { Self.newStats() }
}

/// A stage that reads corpus files into documents: the first stage of every pipeline.
///
/// Implementation requirements: `parse` depends only on the file (it runs on every core at once).
public protocol SourceStage: Stage {
    /// The document in `file`; `nil` when the file is skipped (counted in `stats`, with a warning).
    func parse(_ file: SourceFile, stats: inout StageStats, warnings: inout [String]) -> Document?
}

/// A stage that takes documents one at a time and changes them in place.
///
/// Implementation requirements: when `runsInCorpusOrder` is `true`, one instance sees every
/// document, in corpus order (sorted file names), on one thread: it may keep state across documents
/// but must depend on nothing else, so that a run is repeatable. When it is `false`, each document
/// may go to a copy of the stage on any thread (and to another process: `briefing shard`), so
/// `process` must depend on that document alone. What such a stage must decide across documents
/// goes in its `makeCorpusPass()`, which runs after it, in corpus order, before the next stage.
public protocol DocumentStage: Stage {
    /// Whether the stage keeps state across documents and so needs them in order, on one thread.
    static var runsInCorpusOrder: Bool { get }
    mutating func process(_ document: inout Document, stats: inout StageStats)
    /// The stage's work across documents, if it has any (dedupe across the corpus); `nil` by default.
    func makeCorpusPass() -> (any CorpusPass)?
}

extension DocumentStage {
    public func makeCorpusPass() -> (any CorpusPass)? { nil }
}

/// What a document stage decides across documents: it runs right after the stage's per-document
/// work, before the next stage, and sees every document in corpus order on one thread, keeping
/// compact state (hashes, not texts). A run of the whole corpus and a split run (`briefing shard`)
/// decide the same way over the same documents in the same order.
public protocol CorpusPass: Sendable {
    /// Counts what it removes in `stats` (its stage's counters).
    mutating func pass(_ document: inout Document, stats: inout StageStats)
}

/// The last stage of every pipeline: it sees the whole corpus, one document at a time, then makes
/// the tables (the model is NIO's `decode` and `decodeLast`).
public protocol Aggregator: Stage {
    /// Adds one document's rows.
    mutating func consume(_ document: Document, stats: inout StageStats)
    /// The tables, once every document has been consumed.
    func finish(stats: inout StageStats) -> [Table]
}
