/// The stages a pipeline file may name, in the only order they may run.
///
/// The one list of stages: pipeline files are decoded against it (`PipelineFile.Stage`), the loader
/// checks order and required stages with it (`PipelineLoader`), and `briefing stages` and the
/// README's settings table are made from it (`StageCatalog`). A new stage is one line here.
public struct StageRegistry: Sendable {
    /// The stages, in run order: a `SourceStage` first, then `DocumentStage`s, an `Aggregator` last.
    public let stages: [any Stage.Type]

    public init(_ stages: [any Stage.Type]) {
        self.stages = stages
    }

    /// The stages of Briefing.
    public static let standard = StageRegistry([
        ParseStage.self,
        DedupeStage.self,
        EnrichStage.self,
        AggregateStage.self,
    ])

    /// Every stage's name, in run order.
    public var kinds: [String] { stages.map { $0.kind } }

    /// The stage called `kind`, if there is one.
    public func stage(named kind: String) -> (any Stage.Type)? {
        stages.first { $0.kind == kind }
    }

    /// The stage's rank in run order (`nil` for a stage not registered).
    public func rank(of kind: String) -> Int? {
        stages.firstIndex { $0.kind == kind }
    }

    // MARK: - Decoding against a registry

    /// The `userInfo` key under which a decoder finds the registry a `PipelineFile` is checked against.
    public static let userInfoKey = CodingUserInfoKey(rawValue: "briefing.stageRegistry")

    /// `userInfo` for a decoder that checks a `PipelineFile`'s stages against this registry.
    public var userInfo: [CodingUserInfoKey: any Sendable] {
        guard let key = Self.userInfoKey else { return [:] }
        return [key: self]
    }

    /// The registry in a decoder's `userInfo`, or `standard`.
    static func from(_ userInfo: [CodingUserInfoKey: Any]) -> StageRegistry {
        guard let key = userInfoKey, let registry = userInfo[key] as? StageRegistry else { return .standard }
        return registry
    }
}

extension Stage {
    /// The settings' declarations, as data.
    public static var settingSpecs: [SettingSpec] { Settings.specs.map(\.spec) }

    /// The settings a stage's mapping in a pipeline file gives, checked against `Settings.specs`.
    static func decodeValues(from decoder: any Decoder) throws -> [String: SettingValue] {
        try SettingSpec.decodeValues(settingSpecs, from: decoder)
    }
}
