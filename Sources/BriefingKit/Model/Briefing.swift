/// What a run tells about itself: the machine-readable record, also shown in every output.
public struct RunInfo: Sendable {
    public var pipeline: String
    public var description: String
    /// The pipeline file, relative to the project root.
    public var pipelineFile: String
    /// The corpus folder, relative to the project root.
    public var corpus: String
    /// ISO 8601 UTC timestamp of the run (`2026-11-22T06:00:00Z`).
    public var runAt: String
    public var toolVersion: String
    public var stages: [StageStats]
    public var warnings: [String]
    /// `succeeded` or `failed`.
    public var status = "succeeded"
    /// Why the run failed.
    public var error: String?
    /// SHA-256 over the pipeline file, its data files, the tool version and every input (see `Manifest`).
    public var fingerprint: String?
    /// What changed since the previous run, in short lines (`ChangeReport.summaryLines`).
    public var changes: [String]

    public init(pipeline: String, description: String, pipelineFile: String, corpus: String, runAt: String,
                toolVersion: String, stages: [StageStats] = [], warnings: [String] = [], changes: [String] = []) {
        self.pipeline = pipeline
        self.description = description
        self.pipelineFile = pipelineFile
        self.corpus = corpus
        self.runAt = runAt
        self.toolVersion = toolVersion
        self.stages = stages
        self.warnings = warnings
        self.changes = changes
    }
}

/// The tables a run produced, in the order the outputs show them, with the run's record.
public struct Briefing: Sendable {
    public var run: RunInfo
    public var tables: [Table]

    public init(run: RunInfo, tables: [Table]) {
        self.run = run
        self.tables = tables
    }

    public func table(_ name: String) -> Table? { tables.first { $0.name == name } }
}
