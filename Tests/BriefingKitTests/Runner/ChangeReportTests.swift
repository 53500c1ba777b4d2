import Foundation
import Testing
@testable import BriefingKit

/// Small briefings built in code: only the fields `ChangeReport` reads are filled.
enum ChangeFixtures {
    static let day = PartialDate(year: 2025, month: 10, day: 27)

    static func documents(_ rows: [(String, String)]) -> Table {
        Table(rows.map { DocumentRow(documentID: $0.0, title: $0.1, date: day) })
    }

    static func participation(_ rows: [(type: String, name: String, code: String?, docs: String)]) -> Table {
        Table(rows.map {
            ParticipationRow(type: EntityMention.Kind(rawValue: $0.type) ?? .group, name: $0.name, isoAlpha3: $0.code,
                             documentIDs: $0.docs.components(separatedBy: ", "),
                             roles: $0.type == "country" ? ["signatory"] : [])
        })
    }

    static func people(_ names: [(String, String)]) -> Table {
        Table(names.map { PersonRow(name: $0.0, titles: ["ministre"], documentIDs: $0.1.components(separatedBy: ", ")) })
    }

    static func commitments(_ rows: [(doc: String, actor: String, sentence: String)]) -> Table {
        Table(rows.map {
            CommitmentRow(actor: $0.actor, themes: ["capacity building"], action: "renforcer les capacités",
                          documentID: $0.doc, sentence: $0.sentence)
        })
    }

    static func figures(_ rows: [(metric: String, role: String?, value: Double, doc: String)]) -> Table {
        Table(rows.map { FigureRow(metric: $0.metric, role: $0.role, value: $0.value, asOf: day, documentID: $0.doc) })
    }

    static func briefing(_ tables: [Table], at: String = "2025-10-28T06:00:00Z") -> Briefing {
        Briefing(run: RunInfo(pipeline: "p", description: "", pipelineFile: "Pipelines/p.yaml", corpus: "seeds",
                              runAt: at, toolVersion: "0.1.0"), tables: tables)
    }

    /// The previous run: documents d1 and d2, Vietnam and ONUDC, one person, one commitment,
    /// signatory-countries 69 and 72, delegates 1000.
    static let before = briefing([
        documents([("d1", "Ouverture"), ("d2", "Clôture")]),
        participation([("country", "Viêt Nam", "VNM", "d1, d2"), ("organisation", "ONUDC", nil, "d1")]),
        people([("Luong Tam Quang", "d1, d2")]),
        commitments([("d1", "Viêt Nam", "Le Viêt Nam s'engage à renforcer les capacités.")]),
        figures([("signatory-countries", nil, 72, "d2"), ("signatory-countries", nil, 69, "d1"),
                 ("delegates", nil, 1000, "d1")]),
    ], at: "2025-10-27T06:00:00Z")

    static var previous: PreviousRun { PreviousRun(briefing: before) }
}

@Suite struct ChangeReportTests {
    typealias F = ChangeFixtures

    /// The changes as (change, item, detail, document_id) strings, as the table writes them.
    func rows(_ changes: [ChangeRow]) -> [[String]] { Table(changes).cells.map { $0.map(\.plain) } }

    @Test func noPreviousRunGivesAnEmptyTableAndTheFirstRunLine() {
        let table = ChangeReport.compare(previous: nil, current: F.before)
        #expect(ChangeRow.table.name == "changes")
        #expect(ChangeRow.table.columns.map(\.name) == ["change", "item", "detail", "document_id"])
        #expect(table.isEmpty)
        #expect(ChangeReport.summaryLines(table, previous: .missing) == ["first run: nothing to compare"])
    }

    @Test func identicalRunsGiveNoChange() {
        let table = ChangeReport.compare(previous: F.previous, current: F.before)
        #expect(table.isEmpty)
        #expect(ChangeReport.summaryLines(table) == ["no change since the previous run"])
        #expect(ChangeReport.summaryLines(table, previous: .loaded(F.previous))
            == ["no change since the previous run (2025-10-27T06:00:00Z)"])
    }

    @Test func newAndRemovedDocuments() {
        let current = F.briefing([F.documents([("d2", "Clôture"), ("d3", "Le Ghana signe")])])
        let table = ChangeReport.compare(previous: F.previous, current: current)
        #expect(rows(table) == [
            ["new-document", "d3", "Le Ghana signe (2025-10-27)", "d3"],
            ["removed-document", "d1", "Ouverture (2025-10-27)", "d1"],
        ])
        #expect(ChangeReport.summaryLines(table) == ["1 new document: d3", "1 removed document: d1"])
    }

    @Test func newCountriesOrganisationsAndGroupsNameTheNewDocuments() {
        let current = F.briefing([
            F.documents([("d1", "Ouverture"), ("d2", "Clôture"), ("d3", "Le Ghana signe")]),
            F.participation([("country", "Viêt Nam", "VNM", "d1, d2, d3"), ("country", "Ghana", "GHA", "d1, d3"),
                             ("organisation", "ONUDC", nil, "d1"), ("organisation", "Union africaine", nil, "d3"),
                             ("group", "pays africains", nil, "d2")]),
        ])
        let table = ChangeReport.compare(previous: F.previous, current: current)
        #expect(rows(table) == [
            ["new-document", "d3", "Le Ghana signe (2025-10-27)", "d3"],
            ["new-country", "Ghana (GHA)", "named in d3; roles: signatory", "d3"],
            ["new-organisation", "Union africaine", "named in d3", "d3"],
            // Named only by an old document (an extractor that learnt a new word): all its documents.
            ["new-group", "pays africains", "named in d2", "d2"],
        ])
        #expect(ChangeReport.summaryLines(table) == [
            "1 new document: d3", "new country: Ghana (GHA)", "new organisation: Union africaine", "new group: pays africains",
        ])
    }

    @Test func newPeopleAndCommitments() {
        let sentence = "L'Union africaine s'engage à accompagner ses États membres dans la ratification de la Convention."
        let current = F.briefing([
            F.people([("Luong Tam Quang", "d1, d2"), ("Ama Mensah", "d3"), ("Kofi Owusu", "d3")]),
            F.commitments([("d1", "Viêt Nam", "Le Viêt Nam s'engage à renforcer les capacités."),
                           ("d3", "Union africaine", sentence)]),
        ])
        let table = ChangeReport.compare(previous: F.previous, current: current)
        #expect(rows(table) == [
            ["new-person", "Ama Mensah", "ministre; named in d3", "d3"],
            ["new-person", "Kofi Owusu", "ministre; named in d3", "d3"],
            ["new-commitment", "Union africaine: renforcer les capacités", "themes: capacity building; « \(sentence) »", "d3"],
        ])
        #expect(ChangeReport.summaryLines(table) == [
            "2 new people: Ama Mensah, Kofi Owusu", "new commitment: Union africaine: renforcer les capacités",
        ])
    }

    @Test func commitmentsAreKeyedByDocumentActorAndSentence() {
        // The same sentence by the same actor, now also reported by another document: a new row.
        let current = F.briefing([F.commitments([
            ("d1", "Viêt Nam", "Le Viêt Nam s'engage à renforcer les capacités."),
            ("d3", "Viêt Nam", "Le Viêt Nam s'engage à renforcer les capacités."),
        ])])
        let table = ChangeReport.compare(previous: F.previous, current: current)
        #expect(rows(table).map { [$0[0], $0[3]] } == [["new-commitment", "d3"]])
    }

    @Test func figuresChangedAndNew() {
        let current = F.briefing([F.figures([
            ("signatory-countries", nil, 69, "d1"), ("signatory-countries", nil, 72, "d2"),
            ("signatory-countries", nil, 74, "d3"), ("signatory-countries", nil, 74, "d4"),
            ("delegates", nil, 1000, "d1"),
            ("countries", "speakers", 80, "d3"),
        ])])
        let table = ChangeReport.compare(previous: F.previous, current: current)
        #expect(rows(table) == [
            ["figure-changed", "signatory-countries", "69, 72 → 74 (as of 2025-10-27), source d3", "d3"],
            ["new-figure", "countries (speakers)", "80 (as of 2025-10-27), source d3", "d3"],
        ])
        #expect(ChangeReport.summaryLines(table) == [
            "signatory-countries: 69, 72 → 74 (as of 2025-10-27)", "new figure: countries (speakers) 80 (as of 2025-10-27)",
        ])
    }

    @Test func aFigureRoleIsItsOwnMetric() {
        // 72 was known for signatory-countries without a role; with a role it is a new figure.
        let current = F.briefing([F.figures([("signatory-countries", "speakers", 72, "d2")])])
        let table = ChangeReport.compare(previous: F.previous, current: current)
        #expect(rows(table).map { [$0[0], $0[1]] } == [["new-figure", "signatory-countries (speakers)"]])
    }

    @Test func aTableEitherRunLacksIsNotCompared() {
        // An older previous run without commitments and people: nothing is "new" there; documents still are.
        var older = F.previous
        older.tables["commitments"] = nil
        older.tables["people"] = nil
        let current = F.briefing(F.before.tables + [])
        #expect(rows(ChangeReport.compare(previous: older, current: current)).isEmpty)
        var withNew = F.before
        withNew.tables[0] = F.documents([("d1", "Ouverture"), ("d2", "Clôture"), ("d3", "Le Ghana signe")])
        withNew.tables[2] = F.people([("Ama Mensah", "d3")])
        #expect(rows(ChangeReport.compare(previous: older, current: withNew)).map(\.first) == ["new-document"])
    }

    @Test func summaryIsCappedWithACount() {
        let names = (1...20).map { ("country", "Pays \($0)", "P\($0)" as String?, "d3") }
        let table = ChangeReport.compare(previous: F.previous, current: F.briefing([F.participation(names)]))
        let lines = ChangeReport.summaryLines(table)
        #expect(table.count == 20)
        #expect(lines.count == ChangeReport.maxSummaryLines + 1)
        #expect(lines.first == "new country: Pays 1 (P1)")
        #expect(lines.last == "… and 8 more (see the changes table)")
    }

    @Test func previousRunReadsTheExportedJSONAsPlainCells() throws {
        // every kind of cell, in a table the change report compares (`documents`)
        let mixed = Table(name: "documents", columns: [Column("n", .integer), Column("x", .number), Column("b", .boolean),
                                                       Column("d", .date), Column("u", .url), Column("z")],
                          rows: [[.int(1), .double(0.25), .bool(true), .date(PartialDate(year: 2025, month: 4)),
                                  .url("https://example.com/a"), .null],
                                 [.int(0), .double(1e20), .bool(false), .date(PartialDate(year: 2025, month: 1, day: 2)),
                                  .text("é \"q\" \\ \u{1F600}\n\u{7}"), .text("1")],
                                 // found by the `text` fuzz target: an integer past 2^53, and a NaN (written as null)
                                 [.int(Int.max), .double(.nan), .null, .null, .null, .null]])
        let cells = try PreviousRun(json: Data(JSONExporter.bytes(of: F.briefing([mixed]))))
        #expect(cells.rows("documents") == [
            ["n": "1", "x": "0.25", "b": "true", "d": "2025-04", "u": "https://example.com/a", "z": ""],
            ["n": "0", "x": Cell.format(1e20), "b": "false", "d": "2025-01-02", "u": "é \"q\" \\ \u{1F600}\n\u{7}", "z": "1"],
            ["n": "9223372036854775807", "x": "", "b": "", "d": "", "u": "", "z": ""],
        ])
        #expect(cells == PreviousRun(briefing: F.briefing([mixed])))

        // a whole briefing: the compared tables read back as they were; row-level tables not read at all
        var tables = F.before.tables
        tables.append(Table(name: "paragraphs", columns: [Column("text")], rows: [[.text("not read")]]))
        let briefing = F.briefing(tables, at: "2025-10-27T06:00:00Z")
        let read = try PreviousRun(json: Data(JSONExporter.bytes(of: briefing)))
        #expect(read == PreviousRun(briefing: briefing))
        #expect(!read.has("paragraphs"))
        #expect(read.runAt == "2025-10-27T06:00:00Z")
        #expect(read.pipeline == "p")
        #expect(ChangeReport.compare(previous: read, current: F.before).isEmpty)
    }

    @Test func previousRunInAnotherLayoutIsParsedWhole() throws {
        // the same briefing, pretty-printed by another tool: not the exporter's line layout
        let briefing = F.briefing(F.before.tables, at: "2025-10-27T06:00:00Z")
        let object = try JSONSerialization.jsonObject(with: Data(JSONExporter.bytes(of: briefing)))
        let other = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        #expect(try PreviousRun(json: other) == PreviousRun(briefing: briefing))
    }

    @Test func loadTellsMissingFromUnreadable() throws {
        let folder = try makeTemporaryFolder("previous")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(PreviousRun.load(path: folder + "/briefing.json") == .missing)

        let cases = [
            ("{ \"run\": {", "is not a briefing (not valid JSON)"),
            ("[1, 2]", "the top level is not an object"),
            ("{\"run\": {}}", "no \"tables\" object"),
            ("{\"tables\": {\"documents\": {}}}", "table \"documents\" is not an array"),
            ("{\"tables\": {\"documents\": [1]}}", "a row of table \"documents\" is not an object"),
        ]
        for (text, reason) in cases {
            try text.write(toFile: folder + "/briefing.json", atomically: true, encoding: .utf8)
            let loaded = PreviousRun.load(path: folder + "/briefing.json", shownAs: "out/p/briefing.json")
            #expect(loaded.previous == nil)
            let warning = try #require(loaded.warning, "\(text)")
            #expect(warning.hasPrefix("previous briefing out/p/briefing.json "), "\(warning)")
            #expect(warning.contains(reason), "\(warning)")
            #expect(ChangeReport.summaryLines([], previous: loaded)
                == ["previous briefing unreadable: nothing to compare"])
        }
        try "{\"run\": {\"run_at\": \"2025-10-27T06:00:00Z\"}, \"tables\": {}}"
            .write(toFile: folder + "/briefing.json", atomically: true, encoding: .utf8)
        #expect(PreviousRun.load(path: folder + "/briefing.json") == .loaded(PreviousRun(runAt: "2025-10-27T06:00:00Z")))
    }
}
