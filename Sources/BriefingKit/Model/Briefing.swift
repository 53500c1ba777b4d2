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
///
/// Exporters go through `tables`, whatever each holds; everything else reads the typed rows
/// (`figures`, `documents`, …), which are `nil` from `rows(_:)` when the briefing lacks the table.
public struct Briefing: Sendable {
    public var run: RunInfo
    public var tables: [Table]

    public init(run: RunInfo, tables: [Table]) {
        self.run = run
        self.tables = tables
    }

    /// Every declared table, in output order.
    public static let declared: [any TableRow.Type] = [
        DocumentRow.self, ParticipationRow.self, FigureRow.self, CommitmentRow.self, ThemeRow.self, PersonRow.self,
        TimelineRow.self, ParagraphRow.self, RemovedRow.self, ChangeRow.self,
    ]

    /// The rows of the table that holds `Row`s; `nil` when the briefing has none.
    public func rows<Row: TableRow>(_ type: Row.Type) -> [Row]? {
        for table in tables { if let rows = table.rows(type) { return rows } }
        return nil
    }

    /// Replaces the table that holds `Row`s with `rows`, or adds it at the end.
    public mutating func set<Row: TableRow>(_ rows: [Row]) {
        if let i = tables.firstIndex(where: { $0.rows(Row.self) != nil }) {
            tables[i] = Table(rows)
        } else {
            tables.append(Table(rows))
        }
    }

    public var documents: [DocumentRow] {
        get { rows(DocumentRow.self) ?? [] }
        set { set(newValue) }
    }

    public var participation: [ParticipationRow] {
        get { rows(ParticipationRow.self) ?? [] }
        set { set(newValue) }
    }

    public var figures: [FigureRow] {
        get { rows(FigureRow.self) ?? [] }
        set { set(newValue) }
    }

    public var commitments: [CommitmentRow] {
        get { rows(CommitmentRow.self) ?? [] }
        set { set(newValue) }
    }

    public var themes: [ThemeRow] {
        get { rows(ThemeRow.self) ?? [] }
        set { set(newValue) }
    }

    public var people: [PersonRow] {
        get { rows(PersonRow.self) ?? [] }
        set { set(newValue) }
    }

    public var timeline: [TimelineRow] {
        get { rows(TimelineRow.self) ?? [] }
        set { set(newValue) }
    }

    public var paragraphs: [ParagraphRow] {
        get { rows(ParagraphRow.self) ?? [] }
        set { set(newValue) }
    }

    public var removed: [RemovedRow] {
        get { rows(RemovedRow.self) ?? [] }
        set { set(newValue) }
    }

    public var changes: [ChangeRow] {
        get { rows(ChangeRow.self) ?? [] }
        set { set(newValue) }
    }
}
