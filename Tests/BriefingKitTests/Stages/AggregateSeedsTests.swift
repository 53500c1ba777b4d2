import Testing
@testable import BriefingKit

/// The briefing tables the project's pipeline builds from the seeds.
@Suite struct AggregateSeedsTests {
    static func tables() throws -> [String: Table] {
        let plan = try PipelineLoader.plan(path: Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        var aggregate = plan.aggregator
        var stats = StageStats(stage: "aggregate", unit: "documents")
        _ = try PipelineRunner(plan: plan).stream { aggregate.consume($0, stats: &stats) }
        return Dictionary(uniqueKeysWithValues: aggregate.finish(stats: &stats).map { ($0.name, $0) })
    }

    static func rows(_ table: Table, where column: String, is value: Cell) -> [[String: Cell]] {
        let named = table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), $0)) }
        return named.filter { $0[column] == value }
    }

    @Test func conflictingFiguresAreSideBySideWithTheirSources() throws {
        let figures = try #require(try Self.tables()["figures"])
        let signatories = Self.rows(figures, where: "metric", is: .text("signatory-countries"))
        #expect(signatories.map { $0["value"] } == [.double(69), .double(72)])
        #expect(signatories.map { $0["as_of"] } == [.date(PartialDate(year: 2025, month: 10, day: 25)), .date(PartialDate(year: 2025, month: 10, day: 26))])
        #expect(signatories.map { $0["document_id"] } == [.text("000_4f9839d5057eabca"), .text("002_519f73f8a069fb80")])
        #expect(signatories[0]["conflict"] == .text("disagrees with 72 (as of 2025-10-26) in 002_519f73f8a069fb80"))
        #expect(signatories[1]["conflict"] == .text("disagrees with 69 (as of 2025-10-25) in 000_4f9839d5057eabca"))
        if case .text(let sentence)? = signatories[0]["sentence"] { #expect(sentence.contains("par 69 pays")) } else { Issue.record("no sentence") }
        let articles = Self.rows(figures, where: "metric", is: .text("articles"))
        #expect(Set(articles.compactMap { $0["value"] }) == [.double(68), .double(71)])
        #expect(articles.allSatisfy { $0["conflict"] != .null })
        // the only conflicts: "près de 80 … ont pris la parole" counts speakers, not the 110 attending
        let conflicting = figures.rows.filter { $0[5] != .null }
        #expect(conflicting.count == 4)
    }

    @Test func participationHasCodesRolesAndDates() throws {
        let participation = try #require(try Self.tables()["participation"])
        let vietnam = try #require(Self.rows(participation, where: "name", is: .text("Vietnam")).first)
        #expect(vietnam["type"] == .text("country") && vietnam["iso_alpha3"] == .text("VNM"))
        #expect(vietnam["documents"] == .int(4))
        #expect(vietnam["first_date"] == .date(PartialDate(year: 2025, month: 4)))
        let ecuador = try #require(Self.rows(participation, where: "iso_alpha3", is: .text("ECU")).first)
        #expect(ecuador["roles"] == .text("speaker"))
        let groups = Self.rows(participation, where: "type", is: .text("group")).compactMap { $0["name"] }
        #expect(groups.contains(.text("pays en développement")) && !groups.contains(.text("Vietnam")))
    }

    @Test func peopleAreOneRowPerPerson() throws {
        let people = try #require(try Self.tables()["people"])
        let toLam = Self.rows(people, where: "name", is: .text("Tô Lâm"))
        #expect(toLam.count == 1)
        #expect(toLam.first?["documents"] == .int(2) && toLam.first?["affiliation"] == .text("PCV"))
        #expect(Self.rows(people, where: "name", is: .text("To Lam")).isEmpty)
        #expect(people.rows.count == 8)
    }

    @Test func timelineDatesTheEvents() throws {
        let timeline = try #require(try Self.tables()["timeline"])
        let events = Set(timeline.rows.map { "\($0[0].plain) \($0[3].plain)" })
        for expected in ["2024-12-24 adoption", "2025-10-25 opening-signing", "2025-10-25 plenary-discussion",
                         "2025-10-25 reception", "2025-10-26 closing-session", "2025-10-26 high-level-discussion"] {
            #expect(events.contains(expected), "timeline lacks \(expected)")
        }
    }

    @Test func themesCountCommitmentsAndNameTheirActors() throws {
        let tables = try Self.tables()
        let themes = try #require(tables["themes"])
        let ratification = try #require(Self.rows(themes, where: "theme_id", is: .text("ratification")).first)
        #expect(ratification["theme"] == .text("Signature and ratification"))
        if case .text(let actors)? = ratification["actors"] { #expect(actors.contains("Vietnam")) } else { Issue.record("no actors") }
        let commitments = try #require(tables["commitments"])
        #expect(commitments.rows.count == 17)
        let documents = try #require(tables["documents"])
        let counts = Self.rows(documents, where: "document_id", is: .text("001_43092094198349f3")).first
        #expect(counts?["people"] == .int(4) && counts?["countries"] == .int(2))
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
