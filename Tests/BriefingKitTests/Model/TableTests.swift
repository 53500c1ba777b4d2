import Testing
@testable import BriefingKit

@Suite struct TableTests {
    static let figures = [
        FigureRow(metric: "delegates", value: 1000, qualifier: "more-than", documentID: "d1", paragraphID: "d1#p1"),
        FigureRow(metric: "signatory-countries", role: "speakers", value: 72.5, asOf: PartialDate(year: 2025, month: 10),
                  documentID: "d2"),
    ]

    @Test func typedRowsShowTheirDeclaredColumnsAndCells() {
        let table = Table(Self.figures)
        #expect(table.name == "figures" && table.description == FigureRow.table.description && !table.isDetail)
        #expect(table.columns == FigureRow.table.columns.map(\.column))
        #expect(table.count == 2)
        #expect(table.row(0) == [.text("delegates"), .null, .double(1000), .text("more-than"), .null, .null, .text(""),
                                 .text("d1"), .null, .text("d1#p1"), .text("")])
        #expect(table.cell(1, 1) == .text("speakers") && table.cell(1, 4) == .date(PartialDate(year: 2025, month: 10)))
        #expect(table.rows(FigureRow.self) == Self.figures)
        #expect(table.rows(DocumentRow.self) == nil, "only the type it holds")
        let first = table.prefix(1)
        #expect(first.count == 1 && first.rows(FigureRow.self) == [Self.figures[0]] && first.columns == table.columns)
    }

    @Test func handBuiltTablesGiveNullPastAShortRow() {
        let table = Table(name: "t", columns: [Column("a"), Column("b", .integer)], rows: [[.text("x")], [.text("y"), .int(2)]])
        #expect(table.count == 2 && table.cell(0, 1) == .null && table.cell(1, 1) == .int(2))
        #expect(table.row(0) == [.text("x")], "a hand-built row as it was given")
        #expect(table.rows(FigureRow.self) == nil && table.prefix(1).count == 1)
    }

    @Test func briefingGivesTypedRowsAndReplacesTables() {
        var briefing = Briefing(run: ExportFixtures.run, tables: [ExportFixtures.people, Table(Self.figures)])
        #expect(briefing.figures == Self.figures)
        #expect(briefing.rows(PersonRow.self) == nil && briefing.people.isEmpty, "a hand-built people table is not typed")
        briefing.figures.removeFirst()
        #expect(briefing.tables.count == 2 && briefing.figures == [Self.figures[1]])
        briefing.changes = [ChangeRow(change: .newFigure, item: "delegates")]
        #expect(briefing.tables.map(\.name) == ["people", "figures", "changes"])
        #expect(briefing.changes.map(\.item) == ["delegates"])
    }

    /// Each declaration is sound: unique table names, unique column names, keys only where declared,
    /// and references to declared columns.
    @Test func declarationsAreConsistent() {
        let tables = Briefing.declared.map { $0.emptyTable }
        #expect(Set(tables.map(\.name)).count == tables.count)
        for table in tables {
            #expect(!table.description.isEmpty, "\(table.name) has a description")
            #expect(Set(table.columns.map(\.name)).count == table.columns.count, "unique columns in \(table.name)")
            #expect(table.columns.allSatisfy { !$0.description.isEmpty }, "every column of \(table.name) is described")
            for column in table.columns {
                guard let reference = column.references else { continue }
                let target = tables.first { $0.name == reference.table }
                #expect(target?.columns.contains { $0.name == reference.column && $0.isKey } == true,
                        "\(table.name).\(column.name) refers to a key column")
            }
        }
        let keys = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.columns.filter(\.isKey).map(\.name)) })
        #expect(keys == ["documents": ["document_id"], "paragraphs": ["paragraph_id"], "participation": ["type", "name"],
                         "people": ["name"], "themes": ["theme_id"], "timeline": ["date", "event_id"], "figures": [],
                         "commitments": [], "removed": [], "changes": []])
    }
}
