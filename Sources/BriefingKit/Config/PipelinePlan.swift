/// A pipeline ready to run: its configuration and its stages, built in run order with their data
/// files loaded. `PipelineRunner` loops over it; building it is where a bad data file or settings
/// that do not go together fail, before any run starts.
///
/// Stages are values: a run works on copies, so one plan serves any number of runs.
public struct PipelinePlan: Sendable {
    public let config: PipelineConfig
    /// The first stage: corpus files to documents.
    public let source: any SourceStage
    /// The stages between, in run order, each taking one document at a time.
    public let steps: [any DocumentStage]
    /// The last stage: documents to tables.
    public let aggregator: any Aggregator

    /// Builds every stage of `config`.
    /// - Throws: `ConfigError` for a data file that cannot be read or decoded, settings that do
    ///   not go together, or stages a plan cannot run (a source first, an aggregator last, document
    ///   stages between).
    public init(_ config: PipelineConfig) throws {
        self.config = config
        let stages = try config.stages.map { try $0.makeStage(for: config) }
        guard let source = stages.first as? any SourceStage else {
            throw Self.misplaced(config, "the first stage must read the corpus files (\(Self.kinds(config)))")
        }
        guard stages.count >= 2, let aggregator = stages.last as? any Aggregator else {
            throw Self.misplaced(config, "the last stage must build the tables (\(Self.kinds(config)))")
        }
        var steps: [any DocumentStage] = []
        for stage in stages.dropFirst().dropLast() {
            guard let step = stage as? any DocumentStage else {
                throw Self.misplaced(config, "stage '\(type(of: stage).kind)' cannot run between the first and the last")
            }
            steps.append(step)
        }
        self.source = source
        self.steps = steps
        self.aggregator = aggregator
    }

    /// The names of the stages, in run order.
    public var kinds: [String] { config.stages.map(\.kind) }

    private static func kinds(_ config: PipelineConfig) -> String {
        config.stages.map(\.kind).joined(separator: " → ")
    }

    private static func misplaced(_ config: PipelineConfig, _ message: String) -> ConfigError {
        ConfigError(location: SourceLocation(file: config.file), keyPath: "stages", message: message)
    }
}
