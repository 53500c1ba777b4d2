/// One stage of a pipeline, resolved: its type from the registry and its settings, defaults filled
/// in and data file paths absolute. `makeStage(for:)` builds it (`PipelinePlan`).
public struct ConfiguredStage: Sendable {
    /// The stage's type.
    public let stage: any Stage.Type
    /// Its settings, of type `stage.Settings`.
    public let settings: any StageSettings
    /// Every setting the stage declares with its value here, in declaration order (`nil`: unset).
    public let values: [(spec: SettingSpec, value: SettingValue?)]
    private let build: @Sendable (PipelineConfig) throws -> any Stage

    /// The stage's name, its key in the pipeline file.
    public var kind: String { stage.kind }

    /// `type` with `settings`.
    public init<S: Stage>(_ type: S.Type, settings: S.Settings) {
        stage = type
        self.settings = settings
        values = S.Settings.specs.map { ($0.spec, $0.read(settings)) }
        build = { pipeline in try S(settings: settings, pipeline: pipeline) }
    }

    /// `type` with the settings a pipeline file gives (`values`, by key, checked against the
    /// stage's specs when decoded); the others keep their defaults.
    /// - Parameter dataFile: the absolute path of the data file a setting names, from its key and
    ///   its value as written; throws when there is no such file.
    public init<S: Stage>(_ type: S.Type, values: [String: SettingValue],
                          dataFile: (_ key: String, _ path: String) throws -> String) throws {
        var resolved = values
        for setting in S.Settings.specs where setting.spec.kind == .dataFile {
            if case .string(let path)? = values[setting.spec.key] {
                resolved[setting.spec.key] = .string(try dataFile(setting.spec.key, path))
            }
        }
        var settings = S.Settings()
        Setting.apply(resolved, to: &settings)
        self.init(type, settings: settings)
    }

    /// The stage, built for `pipeline`: its data files loaded and its settings checked together.
    /// - Throws: `ConfigError`.
    public func makeStage(for pipeline: PipelineConfig) throws -> any Stage {
        try build(pipeline)
    }
}
