import Foundation
import Testing
@testable import BriefingKit

/// The default stages on press articles written apart from the seeds, scored against their
/// hand-made gold files, per language.
///
/// - The development set (`Fixtures/devset`, 84 articles) must meet the targets: precision and recall
///   at least 0.90 for countries, organisations, people and figures, 0.80 for commitments, in each
///   language; titles and dates right for at least 90% of documents; every re-edited wire paragraph
///   found.
/// - The held-out sets (`Fixtures/heldout`, 16 articles, and `Fixtures/heldout3`, 10 articles, written by
///   people who did not develop) do not meet all of those yet (see the README's Scores section). Their
///   tests keep the floors they reached, so that a change that makes the extractors worse on unseen
///   articles fails; the floors are not the targets.
@Suite struct DevsetScoreTests {
    static let targets: [String: Double] = [
        "countries": 0.90, "organisations": 0.90, "people": 0.90, "figures": 0.90, "commitments": 0.80,
    ]
    static let checkTargets: [String: Double] = ["titles": 0.90, "dates": 0.90, "near-duplicates": 1.0]

    /// What the held-out set reached (2026-12-02), rounded down: a floor against regressions.
    static let heldOutFloors: [String: Double] = [
        "countries": 0.90, "organisations": 0.75, "people": 0.85, "figures": 0.75, "commitments": 0.70,
    ]
    static let heldOutCheckFloors: [String: Double] = ["titles": 0.75, "dates": 0.90]

    /// What `heldout3` reached (2026-12-02), rounded down: a floor against regressions.
    static let heldOut3Floors: [String: Double] = [
        "countries": 0.90, "organisations": 0.75, "people": 0.80, "figures": 0.80, "commitments": 0.70,
    ]
    static let heldOut3CheckFloors: [String: Double] = ["titles": 0.70, "dates": 0.60, "near-duplicates": 1.0]

    static func report(corpus: String) throws -> Scorer.Report {
        let fixtures = Repo.root.appendingPathComponent("Tests/BriefingKitTests/Fixtures/\(corpus)")
        var config = try PipelineLoader.load(path: Repo.root.appendingPathComponent("Pipelines/devset.yaml").path)
        config.input.folder = fixtures.appendingPathComponent("articles").path
        let documents = try PipelineRunner(config: config).documents()
        let gold = try GoldSet.load(path: fixtures.appendingPathComponent("gold").path)
        let report = Scorer(gold: gold).score(documents)
        print(ScoreReport.render(report, title: "score on \(corpus):", verbose: false))
        return report
    }

    static func expect(_ report: Scorer.Report, corpus: String, tables: [String: Double], checks: [String: Double]) throws {
        #expect(report.unmatchedDocuments.isEmpty, "\(report.unmatchedDocuments)")
        for (table, minimum) in tables {
            for language in ["en", "fr"] {
                let score = try #require(report.table(table, language: language))
                #expect(score.gold > 0, "\(corpus): no gold entry for \(table) in \(language)")
                #expect(score.precision >= minimum, "\(corpus): \(score)")
                #expect(score.recall >= minimum, "\(corpus): \(score)")
            }
        }
        for (check, minimum) in checks {
            let score = try #require(report.check(check))
            #expect(score.total > 0 && score.share >= minimum, "\(corpus): \(score): \(score.failures)")
        }
    }

    @Test func theDevelopmentSetMeetsTheTargetsInEachLanguage() throws {
        try Self.expect(try Self.report(corpus: "devset"), corpus: "devset", tables: Self.targets, checks: Self.checkTargets)
    }

    @Test func theHeldOutSetStaysAboveItsFloors() throws {
        try Self.expect(try Self.report(corpus: "heldout"), corpus: "heldout", tables: Self.heldOutFloors,
                        checks: Self.heldOutCheckFloors)
    }

    @Test func theThirdHeldOutSetStaysAboveItsFloors() throws {
        try Self.expect(try Self.report(corpus: "heldout3"), corpus: "heldout3", tables: Self.heldOut3Floors,
                        checks: Self.heldOut3CheckFloors)
    }
}
