import Foundation
import Testing
@testable import BriefingKit

@Suite struct PipelinePlanTests {
    @Test func projectPipelineBuildsEveryStageInOrder() throws {
        let plan = try PipelineLoader.plan(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        #expect(plan.kinds == ["parse", "dedupe", "enrich", "aggregate"])
        #expect(plan.source is ParseStage)
        #expect(plan.steps.map { type(of: $0).kind } == ["dedupe", "enrich"])
        #expect(plan.aggregator is AggregateStage)
        #expect((plan.steps.first as? DedupeStage)?.settings == plan.config.settings(DedupeStage.self))
        #expect((plan.source as? ParseStage)?.settings.defaultYear == 2025)
    }

    /// `load` checks that data files exist; the plan reads them, so a bad one fails before any run.
    @Test func aMalformedDataFileFailsWhenThePlanIsBuilt() throws {
        let project = try TempProject()
        defer { project.remove() }
        let events = try project.write("events:\n  - id: [adoption\n", to: "Pipelines/data/events.yaml")
        let path = try project.write(base(replacing: 9, with: "  - aggregate: {events: Pipelines/data/events.yaml}"))
        let config = try PipelineLoader.load(path: path)
        #expect(config.settings(AggregateStage.self)?.events == events)
        let error = try #require(configError { try PipelineLoader.plan(path: path) })
        #expect(error.description.hasPrefix(events + ":3:1: error: YAML syntax error"))
        #expect(configError { try PipelinePlan(config) }?.location.file == events)
    }

    @Test func settingsThatDoNotGoTogetherFailWhenThePlanIsBuilt() throws {
        let project = try TempProject()
        defer { project.remove() }
        let commitments = try String(contentsOf: Repo.root.appendingPathComponent("Pipelines/data/commitments.yaml"), encoding: .utf8)
        try project.write(commitments, to: "Pipelines/data/commitments.yaml")
        let path = try project.write(base(replacing: 9, with: """
              - enrich: {commitments: Pipelines/data/commitments.yaml}
              - aggregate: {}
            """))
        _ = try PipelineLoader.load(path: path)
        let error = try #require(configError { try PipelineLoader.plan(path: path) })
        #expect(error.message == "the enrich stage needs both a commitments and a themes data file to find commitments")
    }

    /// Stages are values: each run works on copies, so dedupe starts afresh every time.
    @Test func onePlanServesSeveralRuns() throws {
        let project = try TempProject()
        defer { project.remove() }
        let paragraph = "La Convention favorisera la coopération internationale pour prévenir ce type de criminalité."
        try project.write("Titre A\n\(paragraph)\n", to: "seeds/a.txt")
        try project.write("Titre B\n\(paragraph)\n", to: "seeds/b.txt")
        let plan = try PipelineLoader.plan(path: try project.write(baseLines.joined(separator: "\n") + "\n"))
        let runner = PipelineRunner(plan: plan)
        let first = try runner.stream { _ in }
        let second = try runner.stream { _ in }
        #expect(first.stages.map(\.stage) == ["parse", "dedupe"])
        #expect(first.stages[1].dropped == ["exact-duplicate/corpus": 1])
        #expect(second.stages[1].dropped == first.stages[1].dropped)
        #expect(second.stages[1].output == first.stages[1].output)
    }
}
