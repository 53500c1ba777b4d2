import Foundation
import Testing
@testable import BriefingKit

@Suite(.serialized) struct XLSXTablesTests {
    @Test func everySeedsDataSheetIsOneTypedExcelTable() throws {
        let briefing = try seedsBriefing()
        let (_, dump, folder) = try writeAndRead(briefing)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(dump.data.count == briefing.tables.count)
        var links = 0, dates = 0
        for (table, sheet) in zip(briefing.tables, dump.data) {
            #expect(sheet.name == table.name)
            #expect(sheet.tables.count == 1, "sheet \(sheet.name) holds one table")
            let excel = try #require(sheet.tables.first)
            let lastColumn = ExcelLimits.columnName(table.columns.count - 1)
            #expect(excel.ref == "A1:\(lastColumn)\(max(table.count, 1) + 1)", "table \(excel.name) covers header and rows")
            #expect(excel.headers == table.columns.map(\.name))
            #expect(Set(excel.headers.map { $0.lowercased() }).count == excel.headers.count, "unique headers")
            #expect(excel.style == "TableStyleMedium2" && excel.stripes)
            #expect(sheet.freeze == "A2" && sheet.filter == nil)
            #expect(sheet.rows.first?.allSatisfy(\.bold) == true)
            for (c, column) in table.columns.enumerated() {
                let width = try #require(sheet.widths[ExcelLimits.columnName(c)])
                #expect(width >= 8 && width <= 81, "width of \(table.name).\(column.name)")
                for r in 0..<table.count {
                    let cell = try #require(sheet.cell(r + 2, c), "\(table.name) \(r + 2):\(c)")
                    switch table.cell(r, c) {
                    case .url(let url):
                        #expect(cell.link == url, "\(table.name).\(column.name) is a link")
                        links += 1
                    case .date(let d):
                        #expect(cell.t == "d" && cell.fmt == (d.precision == .day ? "yyyy-mm-dd" : "yyyy-mm"))
                        dates += 1
                    case .int, .double:
                        #expect(cell.t == "n", "\(table.name).\(column.name) is a number")
                    default:
                        break
                    }
                }
            }
        }
        #expect(links >= 3 && dates >= 20, "the seeds have source URLs and dates (\(links), \(dates))")
    }

    @Test func emptyTablesDuplicateHeadersAndOddNamesStayValid() throws {
        let tables = [
            Table(name: "empty", columns: [Column("a"), Column("b", .integer)]),
            Table(name: "dups", columns: [Column("name"), Column("Name"), Column("name"), Column("")],
                  rows: [[.text("x"), .text("y"), .text("z"), .int(1)]]),
            Table(name: "A1", columns: [Column("v")], rows: [[.int(1)]]),
            Table(name: "x y", columns: [Column("v")], rows: [[.int(1)]]),
            Table(name: "x_y", columns: [Column("v")], rows: [[.int(2)]]),
        ]
        let (report, dump, folder) = try writeAndRead(Briefing(run: ExportFixtures.run, tables: tables))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = try #require(dump.sheet("empty"))
        #expect(empty.tables.map(\.ref) == ["A1:B2"], "an empty table spans its header and one blank row")
        #expect(empty.rows.first?.map(\.v) == ["a", "b"] && empty.rows.dropFirst().allSatisfy { $0.allSatisfy { $0.v.isEmpty } })
        let dups = try #require(dump.sheet("dups"))
        #expect(dups.tables.first?.headers == ["name", "Name (2)", "name (3)", "Column 4"])
        #expect(dups.rows.first?.map(\.v) == ["name", "Name (2)", "name (3)", "Column 4"])
        #expect(report.warnings.contains { $0.contains("'dups'") && $0.contains("made unique") })
        #expect(dump.sheet("A1")?.tables.map(\.name) == ["A1_"], "a table name is never a cell reference")
        #expect(dump.sheet("x y")?.tables.map(\.name) == ["x_y"])
        #expect(dump.sheet("x_y")?.tables.map(\.name) == ["x_y_2"], "table names are unique")
    }

    @Test func linksPastTheSheetLimitAreText() throws {
        let count = ExcelLimits.maxURLsPerSheet + 1
        let table = Table(name: "links", columns: [Column("url", .url)],
                          rows: (0..<count).map { [.url("https://example.com/\($0)")] })
        let folder = try makeTemporaryFolder("xlsx-links")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try XLSXExporter().write(Briefing(run: ExportFixtures.run, tables: [table]), to: folder)
        #expect(report.warnings == ["xlsx: sheet 'links', column 'url': 1 URL(s) past 65,530 links per sheet "
                                    + "written as text, not links (first at A65532)"])
    }

    @Test func seedsWorkbookIsTheSameBytesTwice() throws {
        let briefing = try seedsBriefing()
        let a = try makeTemporaryFolder("xlsx-seeds-a")
        let b = try makeTemporaryFolder("xlsx-seeds-b")
        defer { for f in [a, b] { try? FileManager.default.removeItem(atPath: f) } }
        _ = try XLSXExporter().write(briefing, to: a)
        _ = try XLSXExporter().write(briefing, to: b)
        let first = try Data(contentsOf: URL(fileURLWithPath: a + "/briefing.xlsx"))
        let second = try Data(contentsOf: URL(fileURLWithPath: b + "/briefing.xlsx"))
        #expect(first.count > 20_000 && first == second)
    }
}
