import Testing
@testable import BriefingKit

/// The briefing tables the project's pipeline builds from the seeds.
@Suite struct AggregateSeedsTests {
    /// The briefing the aggregate builds from the seeds (without the change report's table).
    static func briefing() throws -> Briefing {
        let plan = try PipelineLoader.plan(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        var aggregate = plan.aggregator
        var stats = StageStats(stage: "aggregate", unit: "documents")
        _ = try PipelineRunner(plan: plan).stream { aggregate.consume($0, stats: &stats) }
        let run = RunInfo(pipeline: "hanoi-convention", description: "", pipelineFile: "", corpus: "", runAt: "",
                          toolVersion: "")
        return Briefing(run: run, tables: aggregate.finish(stats: &stats))
    }

    @Test func tablesAreTheDeclaredOnesInOrder() throws {
        let briefing = try Self.briefing()
        #expect(briefing.tables.map(\.name) == Briefing.declared.dropLast().map { $0.emptyTable.name })
        #expect(briefing.tables.map(\.name) == ["documents", "participation", "figures", "commitments", "themes", "people",
                                                "timeline", "paragraphs", "removed"])
    }

    @Test func conflictingFiguresAreSideBySideWithTheirSources() throws {
        let figures = try #require(try Self.briefing().rows(FigureRow.self))
        let signatories = figures.filter { $0.metric == "signatory-countries" }
        #expect(signatories.map(\.value) == [69, 72])
        #expect(signatories.map(\.asOf) == [PartialDate(year: 2025, month: 10, day: 25), PartialDate(year: 2025, month: 10, day: 26)])
        #expect(signatories.map(\.documentID) == ["000_4f9839d5057eabca", "002_519f73f8a069fb80"])
        #expect(signatories[0].conflict == "disagrees with 72 (as of 2025-10-26) in 002_519f73f8a069fb80")
        #expect(signatories[1].conflict == "disagrees with 69 (as of 2025-10-25) in 000_4f9839d5057eabca")
        #expect(signatories[0].sentence.contains("par 69 pays"))
        let articles = figures.filter { $0.metric == "articles" }
        #expect(Set(articles.map(\.value)) == [68, 71])
        #expect(articles.allSatisfy { $0.conflict != nil })
        // the only conflicts: "près de 80 … ont pris la parole" counts speakers, not the 110 attending
        let conflicting = figures.filter { $0.conflict != nil }
        #expect(conflicting.count == 4)
    }

    @Test func participationHasCodesRolesAndDates() throws {
        let participation = try #require(try Self.briefing().rows(ParticipationRow.self))
        let vietnam = try #require(participation.first { $0.name == "Vietnam" })
        #expect(vietnam.type == .country && vietnam.isoAlpha3 == "VNM")
        #expect(vietnam.documentIDs.count == 4)
        #expect(vietnam.firstDate == PartialDate(year: 2025, month: 4))
        let ecuador = try #require(participation.first { $0.isoAlpha3 == "ECU" })
        #expect(ecuador.roles == ["speaker"])
        let groups = participation.filter { $0.type == .group }.map(\.name)
        #expect(groups.contains("pays en développement") && !groups.contains("Vietnam"))
    }

    @Test func peopleAreOneRowPerPerson() throws {
        let people = try #require(try Self.briefing().rows(PersonRow.self))
        let toLam = people.filter { $0.name == "Tô Lâm" }
        #expect(toLam.count == 1)
        #expect(toLam.first?.documentIDs.count == 2 && toLam.first?.affiliation == "PCV")
        #expect(people.filter { $0.name == "To Lam" }.isEmpty)
        #expect(people.count == 8)
    }

    @Test func timelineDatesTheEvents() throws {
        let timeline = try #require(try Self.briefing().rows(TimelineRow.self))
        let events = Set(timeline.map { "\($0.date.iso) \($0.eventID)" })
        for expected in ["2024-12-24 adoption", "2025-10-25 opening-signing", "2025-10-25 plenary-discussion",
                         "2025-10-25 reception", "2025-10-26 closing-session", "2025-10-26 high-level-discussion"] {
            #expect(events.contains(expected), "timeline lacks \(expected)")
        }
    }

    @Test func themesCountCommitmentsAndNameTheirActors() throws {
        let briefing = try Self.briefing()
        let themes = try #require(briefing.rows(ThemeRow.self))
        let ratification = try #require(themes.first { $0.themeID == "ratification" })
        #expect(ratification.theme == "Signature and ratification")
        #expect(ratification.actors.contains { $0.name == "Vietnam" })
        let commitments = try #require(briefing.rows(CommitmentRow.self))
        #expect(commitments.count == 17)
        let documents = try #require(briefing.rows(DocumentRow.self))
        let counts = documents.first { $0.documentID == "001_43092094198349f3" }
        #expect(counts?.people == 4 && counts?.countries == 2)
    }

    @Test func sentencesWithNothingToFindYieldNothing() throws {
        let config = try PipelineLoader.load(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        var stage = try EnrichStage(settings: try #require(config.settings(EnrichStage.self)), defaultYear: 2025)
        var doc = Document(id: "d", fileName: "d.txt")
        doc.date = PartialDate(year: 2025, month: 10, day: 26)
        doc.paragraphs = [Paragraph(id: "d#p1", position: 1, line: 1,
                                    text: "Le voisin Xyzzy a publié 12 fois en 15 ans. Marcel est arrivé tard. Il pleuvait beaucoup.")]
        var stats = StageStats(stage: "enrich", unit: "paragraphs")
        stage.process(&doc, stats: &stats)
        #expect(doc.findings.count == 0, "\(doc.findings)")
    }
}
