import Foundation
import Testing
@testable import BriefingKit

/// A stage written the way a new one is: this type, its settings and their specs, then one line in
/// a registry. It drops paragraphs of fewer than `min_words` words.
struct ShortParagraphFilter: DocumentStage {
    static let kind = "drop-short"
    static let unit = "paragraphs"
    static let summary = "Drops paragraphs of fewer than `min_words` words."
    static let runsInCorpusOrder = false

    struct Settings: StageSettings {
        var minWords = 3
        init() {}
        static let specs: [Setting<Settings>] = [
            .int("min_words", \.minWords, range: .atLeast(1), "Shortest paragraph kept, in words."),
        ]
    }

    let settings: Settings

    init(settings: Settings, pipeline: PipelineConfig) {
        self.settings = settings
    }

    mutating func process(_ document: inout Document, stats: inout StageStats) {
        stats.input += document.paragraphs.count
        let kept = document.paragraphs.filter { $0.text.split(separator: " ").count >= settings.minWords }
        if kept.count < document.paragraphs.count { stats.drop("short-paragraph", document.paragraphs.count - kept.count) }
        document.paragraphs = kept
        stats.output += kept.count
    }
}

@Suite struct StageRegistryTests {
    let registry = StageRegistry.standard

    // MARK: - The standard registry

    @Test func standardStagesInRunOrder() {
        #expect(registry.kinds == ["parse", "dedupe", "enrich", "aggregate"])
        #expect(registry.stages.filter { $0.isRequired }.map { $0.kind } == ["parse", "aggregate"])
        #expect(registry.stage(named: "dedupe") == DedupeStage.self)
        #expect(registry.stage(named: "dedup") == nil)
        #expect(registry.rank(of: "enrich") == 2)
    }

    /// What a plan needs: a source first, document stages between, an aggregator last; a required
    /// stage first or last (the loader's "it must be the first stage" says so).
    @Test func stagesHaveTheShapeTheirPlaceNeeds() {
        #expect(Set(registry.kinds).count == registry.kinds.count, "kinds are unique")
        #expect(registry.stages.first.map { $0 is any SourceStage.Type } == true)
        #expect(registry.stages.last.map { $0 is any Aggregator.Type } == true)
        for stage in registry.stages.dropFirst().dropLast() {
            #expect(stage is any DocumentStage.Type, "\(stage.kind) cannot run between the first and the last")
            let required = stage.isRequired
            #expect(!required, "\(stage.kind) is required in the middle")
        }
        // every standard stage works on one document at a time (so a shard can run it on its own);
        // what is decided in corpus order is dedupe's corpus pass
        #expect(!DedupeStage.runsInCorpusOrder && !EnrichStage.runsInCorpusOrder)
        #expect(DedupeStage().makeCorpusPass() is CorpusDedupe)
    }

    /// Lint of every declaration (what benthos checks of a component spec).
    @Test func everySettingIsDeclaredCompletely() {
        let keyCharacters = Set("abcdefghijklmnopqrstuvwxyz_")
        let kindCharacters = Set("abcdefghijklmnopqrstuvwxyz-")
        for stage in registry.stages {
            let kind = stage.kind
            #expect(kind.allSatisfy { kindCharacters.contains($0) }, "\(kind)")
            #expect(!stage.unit.isEmpty && stage.summary.hasSuffix("."), "\(stage.kind)")
            let keys = stage.settingSpecs.map(\.key)
            #expect(Set(keys).count == keys.count, "\(stage.kind): keys are unique")
            for spec in stage.settingSpecs {
                let name = "\(stage.kind).\(spec.key)"
                #expect(!spec.key.isEmpty && spec.key.allSatisfy { keyCharacters.contains($0) }, "\(name)")
                #expect(spec.summary.hasSuffix(".") && spec.summary.first?.isUppercase == true, "\(name)")
                switch (spec.kind, spec.defaultValue) {
                case (.bool, .bool?), (.int, .int?), (.int, nil), (.double, .double?), (.string, .string?),
                     (.dataFile, nil):
                    break
                case (.choice(let words), .string(let word)?):
                    #expect(words.contains(word), "\(name): the default is one of the choices")
                default:
                    Issue.record("\(name): default \(String(describing: spec.defaultValue)) does not fit \(spec.kind)")
                }
                if let range = spec.range {
                    switch spec.defaultValue {
                    case .int(let n)?: #expect(range.contains(Double(n)), "\(name): the default is in range")
                    case .double(let d)?: #expect(range.contains(d), "\(name): the default is in range")
                    default: break
                    }
                }
            }
        }
    }

    /// Each key, given a value other than its default, sets that setting and no other: the file's
    /// key reaches the property it documents, through decoding, resolving and reading back.
    @Test func eachKeySetsItsOwnSetting() throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("[]\n", to: "data/x.yaml")
        for stage in registry.stages {
            for spec in stage.settingSpecs {
                let (written, expected) = try #require(Self.otherValue(spec, root: project.root), "\(stage.kind).\(spec.key)")
                let lines = registry.stages.filter { $0.isRequired || $0.kind == stage.kind }.map { other in
                    other.kind == stage.kind ? "  - \(other.kind): {\(spec.key): \(written)}" : "  - \(other.kind): {}"
                }
                let path = try project.write("version: 1\nname: t\ninput: {folder: corpus}\nstages:\n"
                                             + lines.joined(separator: "\n") + "\n")
                let config = try PipelineLoader.load(path: path)
                let configured = try #require(config.stages.first { $0.kind == stage.kind })
                for (other, value) in configured.values {
                    if other.key == spec.key {
                        #expect(value == expected, "\(stage.kind).\(spec.key)")
                    } else {
                        #expect(value == other.defaultValue, "setting \(stage.kind).\(spec.key) changed \(other.key)")
                    }
                }
            }
        }
    }

    /// A valid value other than the default, as written in YAML and as read back.
    static func otherValue(_ spec: SettingSpec, root: String) -> (written: String, value: SettingValue)? {
        switch spec.kind {
        case .bool:
            guard case .bool(let flag)? = spec.defaultValue else { return nil }
            return ("\(!flag)", .bool(!flag))
        case .int:
            var n = Int(spec.range?.lower?.value ?? 1)
            if spec.defaultValue == .int(n) { n += 1 }
            return ("\(n)", .int(n))
        case .double:
            var d = spec.range?.upper.map { $0.inclusive ? $0.value : $0.value / 2 } ?? 1
            if spec.defaultValue == .double(d) { d /= 2 }
            return ("\(d)", .double(d))
        case .string:
            return ("other", .string("other"))
        case .choice(let words):
            guard let word = words.first(where: { .string($0) != spec.defaultValue }) else { return nil }
            return (word, .string(word))
        case .dataFile:
            return ("data/x.yaml", .string(root + "/data/x.yaml"))
        }
    }

    // MARK: - Adding a stage

    var extended: StageRegistry {
        StageRegistry([ParseStage.self, ShortParagraphFilter.self, DedupeStage.self, EnrichStage.self, AggregateStage.self])
    }

    @Test func aStageAddedToARegistryIsDecodedCheckedAndRun() throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("Titre de la page\nUn paragraphe assez long pour rester.\nTrop court.\n", to: "corpus/a.txt")
        let path = try project.write("""
            version: 1
            name: t
            input: {folder: corpus}
            stages:
              - parse: {}
              - drop-short: {min_words: 4}
              - aggregate: {}

            """)
        let plan = try PipelineLoader.plan(path: path, registry: extended)
        #expect(plan.kinds == ["parse", "drop-short", "aggregate"])
        #expect(plan.steps.map { type(of: $0).kind } == ["drop-short"])
        #expect(plan.config.settings(ShortParagraphFilter.self)?.minWords == 4)
        var documents: [Document] = []
        let streamed = try PipelineRunner(plan: plan).stream { documents.append($0) }
        #expect(documents.first?.paragraphs.map(\.text) == ["Un paragraphe assez long pour rester."])
        let counts = try #require(streamed.stages.first { $0.stage == "drop-short" })
        #expect(counts.unit == "paragraphs" && counts.input == 2 && counts.output == 1)
        #expect(counts.dropped == ["short-paragraph": 1])
    }

    @Test func anAddedStageGetsTheSameCheckedErrors() throws {
        let project = try TempProject()
        defer { project.remove() }
        let text = { (stage: String) in
            "version: 1\nname: t\ninput: {folder: corpus}\nstages:\n  - parse: {}\n  - \(stage)\n  - aggregate: {}\n"
        }
        let misspelt = try project.write(text("drop-short: {min_word: 2}"))
        let unknown = try #require(configError { try PipelineLoader.load(path: misspelt, registry: extended) })
        #expect(unknown.position == "6:18")
        #expect(unknown.keyPath == "stages[1].drop-short")
        #expect(unknown.message == "unknown key 'min_word' (expected one of: min_words); did you mean 'min_words'?")
        let zero = try project.write(text("drop-short: {min_words: 0}"))
        let range = try #require(configError { try PipelineLoader.load(path: zero, registry: extended) })
        #expect(range.position == "6:29")
        #expect(range.message == "must be at least 1, found 0")
        let late = try project.write(text("dedupe: {}\n  - drop-short: {}"))
        let order = try #require(configError { try PipelineLoader.load(path: late, registry: extended) })
        #expect(order.message.hasPrefix("stage 'drop-short' must come before 'dedupe' "
                                        + "(stages run in the order parse, drop-short, dedupe, enrich, aggregate)"))
        // the standard registry does not know it
        let standard = try #require(configError { try PipelineLoader.load(path: misspelt) })
        #expect(standard.message == "unknown stage 'drop-short' (expected one of parse, dedupe, enrich, aggregate)")
    }
}
