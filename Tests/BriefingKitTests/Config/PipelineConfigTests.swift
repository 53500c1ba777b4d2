import Foundation
import Testing
@testable import BriefingKit

@Suite struct PipelineConfigTests {
    @Test func dataFilesAreNamedBySettingInPipelineOrder() throws {
        let config = try PipelineLoader.load(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        #expect(config.dataFiles.map(\.key) == ["enrich.countries", "enrich.organisations", "enrich.titles", "enrich.metrics",
                                                "enrich.commitments", "enrich.themes", "aggregate.events"])
        #expect(config.dataFiles.map { config.relative($0.path) } == [
            "Pipelines/data/countries.yaml", "Pipelines/data/organisations.yaml", "Pipelines/data/titles.yaml",
            "Pipelines/data/metrics.yaml", "Pipelines/data/commitments.yaml", "Pipelines/data/themes.yaml",
            "Pipelines/data/events.yaml",
        ])
    }

    @Test func settingsOfAStageThePipelineLeavesOut() throws {
        let project = try TempProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: try project.write(base(replacing: 7...8, with: nil)))
        #expect(config.stages.map(\.kind) == ["parse", "aggregate"])
        #expect(config.settings(DedupeStage.self) == nil)
        #expect(config.settings(ParseStage.self) == ParseSettings())
        #expect(config.dataFiles.isEmpty)
    }

    @Test func relativePaths() {
        #expect(PipelineConfig.relative("/srv/briefing/seeds/a.txt", to: "/srv/briefing") == "seeds/a.txt")
        #expect(PipelineConfig.relative("/srv/briefing/seeds/a.txt", to: "/srv/briefing/") == "seeds/a.txt")
        #expect(PipelineConfig.relative("/srv/briefingX/a.txt", to: "/srv/briefing") == "/srv/briefingX/a.txt")
    }
}
