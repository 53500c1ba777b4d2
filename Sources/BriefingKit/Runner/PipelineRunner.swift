import Foundation
import Logging

/// What a finished run produced.
public struct RunResult: Sendable {
    public var briefing: Briefing
    /// The published output folder.
    public var outputFolder: String
    /// Files written, relative to the output folder.
    public var files: [String]
}

/// Runs a pipeline: reads the corpus, streams every document through the plan's stages (parse,
/// then dedupe and enrich when the pipeline has them), aggregates, exports into a temporary folder
/// and publishes it in place of the previous outputs.
public struct PipelineRunner {
    public static let toolVersion = "0.1.0"

    public let config: PipelineConfig
    /// The stages, built; `nil` until a run builds them from `config`.
    public let plan: PipelinePlan?
    /// The run's timestamp; `SOURCE_DATE_EPOCH` fixes it for reproducible outputs.
    public var runDate: Date
    /// Where the run says what it does; silent unless the caller gives a handler.
    public var logger = Logger(label: "briefing", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Called after each batch of files with (files done, files in all), for a progress bar.
    public var progress: ((Int, Int) -> Void)?
    /// Threads for the per-document work (read, parse, enrich); the outputs do not depend on it.
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    private var reader: CorpusReader { CorpusReader(config.input) }

    /// What one worker made of one file: its digest (nil when it could not be read), the parsed
    /// document (nil when skipped), the parse counters (a skipped file counts as a drop) and warnings.
    private struct ParsedFile: Sendable {
        var digest: FileDigest?
        var document: Document?
        var stats: StageStats?
        var warnings: [String]
    }
    /// The previous run's `briefing.json`, which the `changes` table compares with;
    /// `<outputs.folder>/latest/briefing.json` (the newest published run) unless set.
    public var previousBriefingPath: String

    /// A runner of `plan`, whose stages are built already (`PipelineLoader.plan`).
    public init(plan: PipelinePlan, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(config: plan.config, plan: plan, environment: environment)
    }

    /// A runner of `config`, which builds its stages (loading the data files) when a run starts.
    public init(config: PipelineConfig, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(config: config, plan: nil, environment: environment)
    }

    private init(config: PipelineConfig, plan: PipelinePlan?, environment: [String: String]) {
        self.config = config
        self.plan = plan
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            runDate = Date(timeIntervalSince1970: epoch)
        } else {
            runDate = Date()
        }
        previousBriefingPath = OutputFile.join(RunHistory(root: config.outputs.folder).latestLink, JSONExporter.fileName)
    }

    /// The plan a run follows: the one given, or one built from `config`.
    /// - Throws: `ConfigError` for a bad data file.
    public func makePlan() throws -> PipelinePlan {
        try plan ?? PipelinePlan(config)
    }

    /// The corpus after parse, dedupe and enrich, with each stage's counters.
    public struct Streamed {
        /// parse, then dedupe and enrich when the pipeline has them.
        public var stages: [StageStats]
        public var warnings: [String]
        /// Every corpus file read (skipped ones too), in name order, with size and SHA-256.
        public var inputs: [FileDigest] = []
    }

    /// Streams every document of the corpus through parse, dedupe and enrich, in file-name order,
    /// handing each to `consume`; documents are not kept, so memory stays flat on large corpora.
    /// A corpus entry that cannot be read (a FIFO, a link out of the corpus, a file that vanished…)
    /// is skipped with a warning and counted as a drop of the parse stage; the run goes on.
    /// - Throws: `ConfigError` for a bad data file, `RunError` for a missing or empty corpus folder,
    ///   `Interrupted` when a caught signal arrives (checked before each document and each batch).
    public func stream(_ consume: (Document) throws -> Void) throws -> Streamed {
        try stream(plan: makePlan(), consume)
    }

    /// `stream(_:)` through the stages of `plan`.
    private func stream(plan: PipelinePlan, _ consume: (Document) throws -> Void) throws -> Streamed {
        try Interruption.check()
        let names = try reader.entries()
        guard !names.isEmpty else {
            throw RunError("no file matching '\(config.input.pattern)' in corpus folder \(relative(config.input.folder))")
        }
        let streamed = try stream(plan: plan, entries: names, through: plan.steps.count, corpusPasses: true, consume)
        guard streamed.stages[0].output > 0 else {
            throw RunError("no readable document in corpus folder \(relative(config.input.folder)) (\(names.count) file(s) skipped)")
        }
        return streamed
    }

    /// Streams the corpus entries `names` (in that order) through parse and the first `stepCount`
    /// document stages, handing each document to `consume`.
    /// - Parameter corpusPasses: whether to run the stages' corpus passes (`CorpusPass`: dedupe
    ///   across the corpus), each right after its stage; a shard (`briefing shard prepare`) stops
    ///   before the first and leaves the documents' prints for `briefing shard decide`.
    func stream(plan: PipelinePlan, entries names: [CorpusReader.Entry], through stepCount: Int, corpusPasses: Bool,
                _ consume: (Document) throws -> Void) throws -> Streamed {
        let clock = ContinuousClock()
        try Interruption.check()
        let parse = plan.source
        var steps = plan.steps
        var parseStats = parse.newStats()
        var stepStats = steps.map { $0.newStats() }
        var passes: [(any CorpusPass)?] = steps.map { corpusPasses ? $0.makeCorpusPass() : nil }
        var warnings: [String] = []
        var times = [Duration](repeating: .zero, count: 1 + steps.count)
        var inputs: [FileDigest] = []
        let workers = max(1, self.workers)
        let reader = self.reader
        let relativeRoot = config.root

        logger.info("reading corpus", metadata: ["folder": "\(relative(config.input.folder))", "files": "\(names.count)",
                                                 "workers": "\(workers)"])
        // Batches of documents: read, hash and parse on every core, then each document stage (on
        // every core, or in file-name order on one for a stage that keeps state), each followed by
        // its corpus pass (dedupe's decisions), in file-name order on one, which decides what was
        // seen first; hand over in order. Each document's work depends only on it and on the passes'
        // ordered state, so any number of workers gives the same documents in the same order.
        let batchSize = 64 * workers
        var done = 0
        for batchStart in stride(from: 0, to: names.count, by: batchSize) {
            let batch = Array(names[batchStart..<min(batchStart + batchSize, names.count)])
            var start = clock.now
            let parsed = parallelMap(batch.count, workers: workers) { i -> ParsedFile in
                // once a signal has arrived, the batch is thrown away: do no more work on it
                guard Interruption.received == nil else { return ParsedFile(warnings: []) }
                var stats = parse.newStats()
                switch reader.read(batch[i]) {
                case .skipped(let skip):
                    stats.input += 1
                    stats.drop(skip.reason)
                    return ParsedFile(stats: stats, warnings: [CorpusReader.warning(for: batch[i].name, skip)])
                case .file(let file):
                    var warnings: [String] = []
                    let doc = parse.parse(file, stats: &stats, warnings: &warnings)
                    // a file name may hold a line break: every warning stays on one line
                    return ParsedFile(digest: FileDigest(path: Self.relative(file.path, to: relativeRoot), bytes: file.bytes),
                                      document: doc, stats: stats, warnings: warnings.map(SafeText.oneLine))
                }
            }
            try Interruption.check()
            var now = clock.now
            times[0] += now - start
            start = now
            var docs: [Document] = []
            for p in parsed {
                if let digest = p.digest { inputs.append(digest) }
                if let stats = p.stats { parseStats.merge(stats) }
                warnings += p.warnings
                if let doc = p.document { docs.append(doc) }
            }
            // the plan's document stages in order (see `DocumentStage.run`), each followed by its
            // corpus pass, if any, in corpus order
            for i in 0..<stepCount {
                steps[i].run(&docs, stats: &stepStats[i], workers: workers)
                if passes[i] != nil {
                    for d in docs.indices { passes[i]!.pass(&docs[d], stats: &stepStats[i]) }
                }
                now = clock.now
                times[i + 1] += now - start
                start = now
            }
            for doc in docs { try consume(doc) }
            try Interruption.check()
            done += batch.count
            progress?(done, names.count)
        }
        parseStats.seconds = times[0].seconds
        for i in stepStats.indices { stepStats[i].seconds = times[i + 1].seconds }
        return Streamed(stages: [parseStats] + stepStats, warnings: warnings, inputs: inputs)
    }

    /// Every document after parse, dedupe and enrich (for tests and tools; `run` streams instead).
    public func documents() throws -> [Document] {
        var docs: [Document] = []
        _ = try stream { docs.append($0) }
        return docs
    }

    /// The history of this pipeline's runs, under its output folder.
    public var history: RunHistory { RunHistory(root: config.outputs.folder) }

    /// Runs every stage and publishes the outputs as a new run in the history, then prunes old runs.
    /// A run that fails leaves its record (`runs/<name>/run.json`, status `failed`, the error) and
    /// the previous outputs as they were.
    /// - Throws: `ConfigError` for a bad data file, `RunError` when the run cannot complete,
    ///   `Interrupted` when a caught signal (SIGTERM, SIGINT) stopped it before publishing.
    public func run() throws -> RunResult {
        try run { plan, consume in try stream(plan: plan, consume) }
    }

    /// What gives a run its documents: the whole corpus streamed through the stages (`run()`), or
    /// shards' partial results merged (`merge(partials:candidates:)`).
    typealias DocumentSource = (PipelinePlan, (Document) throws -> Void) throws -> Streamed

    /// `run()` with the documents of `source`.
    func run(_ source: DocumentSource) throws -> RunResult {
        let history = self.history
        try history.prepare()
        let name = history.newRunName()
        var stagesDone: [StageStats] = []
        do {
            let result = try run(publishingAs: name, in: history, source: source, stagesDone: &stagesDone)
            if let keep = config.outputs.keep { history.prune(keep: keep) }
            return result
        } catch let caught {
            // an output that failed because a signal arrived reads as the interruption it is
            let error: any Error = Interruption.received.map { Interrupted(signal: $0) } ?? caught
            var record = RunInfo(
                pipeline: config.name, description: config.description, pipelineFile: relative(config.file),
                corpus: relative(config.input.folder), runAt: Self.iso8601(runDate), toolVersion: Self.toolVersion)
            record.stages = stagesDone
            record.status = "failed"
            record.error = "\(error)"
            record.fingerprint = try? Manifest.currentFingerprint(of: config)
            if let problem = history.recordFailure(as: name, record: JSONExporter.runRecord(record)) {
                logger.error("the failed run could not be recorded", metadata: ["reason": "\(problem)"])
            }
            if let keep = config.outputs.keep { history.prune(keep: keep) }
            throw error
        }
    }

    /// - Parameter stagesDone: the counters of the stages that finished, for the record of a run that fails later.
    private func run(publishingAs name: String, in history: RunHistory, source: DocumentSource,
                     stagesDone: inout [StageStats]) throws -> RunResult {
        let clock = ContinuousClock()
        let plan = try makePlan()
        var aggregate = plan.aggregator
        var aggregateStats = aggregate.newStats()
        var aggregateTime = Duration.zero
        let streamed = try source(plan) { doc in
            let start = clock.now
            aggregate.consume(doc, stats: &aggregateStats)
            aggregateTime += clock.now - start
        }
        let finishStart = clock.now
        let tables = aggregate.finish(stats: &aggregateStats)
        aggregateStats.seconds = (aggregateTime + (clock.now - finishStart)).seconds
        let stages = streamed.stages + [aggregateStats]
        stagesDone = stages
        let warnings = streamed.warnings
        for warning in warnings { logger.warning("\(warning)") }
        for s in stages {
            logger.info("stage done", metadata: ["stage": "\(s.stage)", "in": "\(s.input)", "out": "\(s.output)",
                                                 "dropped": "\(s.droppedTotal)", "seconds": "\(RunSummary.format(s.seconds))"])
        }

        let run = RunInfo(
            pipeline: config.name, description: config.description, pipelineFile: relative(config.file),
            corpus: relative(config.input.folder), runAt: Self.iso8601(runDate), toolVersion: Self.toolVersion,
            stages: stages, warnings: warnings)
        var briefing = Briefing(run: run, tables: tables)
        // What changed since the previous run: a `changes` table and summary lines; an unreadable
        // previous briefing is a warning, never a failure.
        let previous = PreviousRun.load(path: previousBriefingPath, shownAs: relative(previousBriefingPath))
        let changes = ChangeReport.compare(previous: previous.previous, current: briefing)
        briefing.changes = changes
        briefing.run.changes = ChangeReport.summaryLines(changes, previous: previous)
        if let warning = previous.warning { briefing.run.warnings.append(warning) }

        let exportStart = clock.now
        // The workbook goes first so that its warnings (truncated cells…) reach the JSON's run record.
        let formats = config.outputs.formats.sorted { ($0 == .xlsx ? 0 : 1) < ($1 == .xlsx ? 0 : 1) }
        let files = try history.publish(as: name) { folder in
            var files: [String] = []
            var sheets: [XLSXReport.SheetRows] = []
            for format in formats {
                try Interruption.check()
                switch format {
                case .xlsx:
                    let report = try XLSXExporter(detailRowLimit: config.outputs.xlsxDetailRows).write(briefing, to: folder)
                    briefing.run.warnings += report.warnings
                    sheets = report.dataSheets
                    files.append(report.file)
                case .csv: files += try CSVExporter(settings: config.outputs.csv).export(briefing, to: folder)
                case .json: files += try JSONExporter().export(briefing, to: folder)
                }
            }
            try Interruption.check()
            files += try BriefingNote().export(briefing, to: folder, changes: briefing.run.changes)
            var exportStats = StageStats(stage: "export", unit: "tables")
            exportStats.input = briefing.tables.count
            exportStats.output = briefing.tables.count
            exportStats.extra["files"] = files.count + 2
            exportStats.seconds = (clock.now - exportStart).seconds
            briefing.run.stages.append(exportStats)
            briefing.run.fingerprint = try Manifest.fingerprint(of: config, inputs: streamed.inputs)
            try OutputFile.write(JSONExporter.runRecord(briefing.run), to: OutputFile.join(folder, "run.json"))
            files.append("run.json")
            // Last, so that it lists every other output with its size and hash.
            try Manifest.make(config: config, run: briefing.run, inputs: streamed.inputs, tables: briefing.tables,
                              sheets: sheets, folder: folder, files: files).write(to: folder)
            return files + [Manifest.fileName]
        }
        logger.info("published", metadata: ["run": "\(relative(history.runsFolder + "/" + name))", "files": "\(files.count)"])
        return RunResult(briefing: briefing, outputFolder: history.runsFolder + "/" + name, files: files)
    }

    /// `path` relative to the project root when it is inside it.
    public func relative(_ path: String) -> String { config.relative(path) }

    static func relative(_ path: String, to root: String) -> String {
        PipelineConfig.relative(path, to: root)
    }

    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
