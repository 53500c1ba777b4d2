import Foundation
import Testing
@testable import BriefingKit

/// What `dumpScript` prints for a workbook: every cell as the CSV would show it, plus its looks.
struct WorkbookDump: Decodable {
    struct Cell: Decodable {
        /// The value as CSV shows it (dates per their number format, booleans `true`/`false`).
        var v: String
        /// openpyxl's data type: `s`, `n`, `d`, `b`, `f`.
        var t: String
        var fmt: String
        var bold: Bool
        var wrap: Bool
        var link: String?
        /// The place an internal link goes to, such as `'figures'!A5`.
        var location: String?
    }
    struct Table: Decodable {
        var name: String
        var ref: String
        var style: String?
        var stripes: Bool
        var headers: [String]
    }
    struct Sheet: Decodable {
        var name: String
        var freeze: String?
        var filter: String?
        var rows: [[Cell]]
        var widths: [String: Double]
        var heights: [String: Double]
        var tables: [Table]
        var charts: Int
        /// Conditional formatting: `sqref` and formulas of each rule.
        var conditional: [[String]]
    }
    var sheets: [Sheet]
    var title: String?
    var subject: String?
    var creator: String?
    var keywords: String?
    var comments: String?
    var created: String?

    /// The data sheets: every sheet but the Summary.
    var data: [Sheet] { sheets.filter { $0.name != "Summary" } }
    func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
}

let dumpScript = #"""
import sys, json, datetime
try:
    import openpyxl
except ImportError as error:
    sys.exit("openpyxl is not importable: %s" % error)
wb = openpyxl.load_workbook(sys.argv[1])
p = wb.properties
out = {"sheets": [], "title": p.title, "subject": p.subject, "creator": p.creator, "keywords": p.keywords,
       "comments": p.description, "created": p.created.isoformat() if p.created else None}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, bool): s = "true" if v else "false"
            elif isinstance(v, datetime.datetime): s = v.strftime("%Y-%m" if c.number_format == "yyyy-mm" else "%Y-%m-%d")
            elif isinstance(v, float) and v.is_integer(): s = str(int(v))
            elif v is None: s = ""
            else: s = str(v)
            cells.append({"v": s, "t": c.data_type, "fmt": c.number_format, "bold": bool(c.font.b),
                          "wrap": bool(c.alignment.wrap_text), "link": c.hyperlink.target if c.hyperlink else None,
                          "location": c.hyperlink.location if c.hyperlink else None})
        rows.append(cells)
    out["sheets"].append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows,
                          "widths": {k: d.width for k, d in ws.column_dimensions.items()},
                          "heights": {str(k): d.height for k, d in ws.row_dimensions.items() if d.height},
                          "tables": [{"name": t.name, "ref": t.ref,
                                      "style": t.tableStyleInfo.name if t.tableStyleInfo else None,
                                      "stripes": bool(t.tableStyleInfo and t.tableStyleInfo.showRowStripes),
                                      "headers": [col.name for col in t.tableColumns]} for t in ws.tables.values()],
                          "charts": len(ws._charts),
                          "conditional": [[str(cf.sqref)] + [f for rule in cf.rules for f in (rule.formula or [])]
                                          for cf in ws.conditional_formatting]})
print(json.dumps(out))
"""#

/// Writes `briefing` with `exporter` into a fresh folder and reads the workbook back with openpyxl.
func writeAndRead(_ briefing: Briefing, _ exporter: XLSXExporter = XLSXExporter()) throws
    -> (report: XLSXReport, dump: WorkbookDump, folder: String) {
    try requireOpenpyxl()
    let folder = try makeTemporaryFolder("xlsx")
    let report = try exporter.write(briefing, to: folder)
    let json = try runPython(dumpScript, args: [folder + "/" + report.file])
    let dump = try JSONDecoder().decode(WorkbookDump.self, from: Data(json.utf8))
    return (report, dump, folder)
}

@Suite struct XLSXExporterTests {
    @Test func cellsReadBackAsTheCSVShowsThem() throws {
        let (report, dump, folder) = try writeAndRead(ExportFixtures.briefing)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(report.file == "briefing.xlsx")
        #expect(report.sheets == ["Summary", "articles", "people"])
        #expect(report.warnings.isEmpty)
        #expect(dump.sheets.map(\.name) == ["Summary", "articles", "people"])
        #expect(dump.title == "Semaine « Việt Nam », test")
        #expect(dump.creator == "Briefing")
        #expect(dump.keywords == "vietnam-weekly, briefing")
        #expect(dump.subject?.contains("vietnam-weekly") == true)
        #expect(dump.comments?.contains("Pipelines/vn.yaml") == true)
        #expect(dump.created == "2025-04-14T06:00:00")

        for (table, sheet) in zip(ExportFixtures.briefing.tables, dump.data) {
            let csv = parseCSV(String(decoding: CSVExporter.bytes(of: table, settings: CSVSettings(neutraliseFormulas: false)), as: UTF8.self))
            #expect(sheet.rows.map { $0.map(\.v) } == csv, "sheet \(sheet.name)")
            #expect(sheet.rows.first?.allSatisfy(\.bold) == true, "header bold")
            #expect(sheet.rows.dropFirst().allSatisfy { $0.allSatisfy { !$0.bold } })
            #expect(sheet.freeze == "A2")
            let lastColumn = ExcelLimits.columnName(table.columns.count - 1)
            #expect(sheet.filter == nil, "the table's own filter, no sheet autofilter")
            #expect(sheet.tables.count == 1)
            #expect(sheet.tables.first?.ref == "A1:\(lastColumn)\(table.count + 1)")
            #expect(sheet.tables.first?.headers == table.columns.map(\.name))
            #expect(sheet.tables.first?.style == "TableStyleMedium2" && sheet.tables.first?.stripes == true)
            for (c, column) in table.columns.enumerated() {
                let width = try #require(sheet.widths[ExcelLimits.columnName(c)], "width of \(column.name)")
                #expect(width >= 8 && width <= (column.isLongText ? 81 : 61))
            }
        }

        let articles = dump.sheets[1].rows
        #expect(articles[1][0].t == "n" && articles[2][0].t == "n", "integers are numbers")
        #expect(articles[1][5].t == "n" && articles[2][5].t == "n", "doubles are numbers")
        #expect(articles[1][3].t == "d" && articles[1][3].fmt == "yyyy-mm-dd")
        #expect(articles[2][3].t == "d" && articles[2][3].fmt == "yyyy-mm", "month dates are dates shown yyyy-mm")
        #expect(articles[1][6].t == "b" && articles[2][6].t == "b")
        #expect(articles[1][4].link == "https://example.com/a?x=1&y=2")
        #expect(articles[2][4].link == "https://example.com/vn/to-lam")
        #expect(articles[2][7].t == "s" && articles[2][7].v == "=HYPERLINK(\"http://x\",\"y\")",
                "a formula-looking text stays text")
        #expect(articles[2][7].link == nil)
        #expect(articles[1][7].v == "" && articles[1][7].t == "n", "null is an empty cell")
        #expect(articles[1][2].wrap && articles[2][2].wrap, "long text wraps")
        #expect((dump.sheets[1].heights["2"] ?? 0) >= 30, "a two-line row is at least two lines high")
    }

    @Test func excelLimitsAreGuarded() throws {
        let long = String(repeating: "Lương Cường ", count: 3_300) + String(repeating: "x", count: 400)
        #expect(long.count == 40_000)
        let longURL = "https://example.com/" + String(repeating: "a", count: 2_980)
        let url300 = "https://example.com/" + String(repeating: "b", count: 280)
        #expect(url300.count == 300)
        let sheetName = "Quarterly/annual review of Việt Nam news"  // 40 characters, with a '/'
        #expect(sheetName.count == 40)
        let table = Table(name: sheetName, columns: [Column("text", long: true), Column("url", .url)], rows: [
            [.text(long), .url(longURL)],
            [.text("=SUM(1,2)"), .url("ftp.example.com")],
            [.text("mail"), .url("mailto:redaction@example.vn")],
            [.text("=HYPERLINK(\"http://x\",\"y\")"), .url(url300)],
        ])
        let (report, dump, folder) = try writeAndRead(Briefing(run: ExportFixtures.run, tables: [table]))
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let sheet = try #require(dump.data.first)
        #expect(sheet.name.count <= 31 && !sheet.name.contains("/"), "sheet name \(sheet.name)")
        #expect(sheet.name == "Quarterly_annual review of Việt")
        let text = sheet.rows[1][0].v
        #expect(text.hasSuffix(ExcelLimits.truncationMarker))
        #expect(text.utf16.count <= ExcelLimits.maxStringUTF16 && text.utf16.count > 32_700)
        #expect(long.hasPrefix(text.dropLast(ExcelLimits.truncationMarker.count)))
        #expect(sheet.rows[1][1].v == longURL && sheet.rows[1][1].link == nil && sheet.rows[1][1].t == "s")
        #expect(sheet.rows[2][0].t == "s" && sheet.rows[2][0].v == "=SUM(1,2)")
        #expect(sheet.rows[2][1].v == "ftp.example.com" && sheet.rows[2][1].link == nil)
        #expect(sheet.rows[3][1].v == "mailto:redaction@example.vn", "shown as given, not stripped of mailto:")
        #expect(sheet.rows[3][1].link == "mailto:redaction@example.vn")
        #expect(sheet.rows[4][0].t == "s" && sheet.rows[4][0].v == "=HYPERLINK(\"http://x\",\"y\")" && sheet.rows[4][0].link == nil,
                "a formula-looking text is text, not a formula nor a link")
        #expect(sheet.rows[4][1].v == url300 && sheet.rows[4][1].link == url300, "a 300-character URL is a working link")

        #expect(report.warnings.count == 3, "\(report.warnings)")
        #expect(report.warnings.contains { $0.contains("is on sheet '\(sheet.name)'") })
        #expect(report.warnings.contains { $0.contains("column 'text': 1 text(s) over 32,767") && $0.contains("A2") })
        #expect(report.warnings.contains { $0.contains("column 'url': 1 URL(s) over 2,079") })
    }

    @Test func bigTablesContinueOnNumberedSheets() throws {
        var exporter = XLSXExporter()
        exporter.rowsPerSheet = 2
        let table = Table(name: "t", columns: [Column("n", .integer)], rows: (1...5).map { [.int($0)] })
        let (report, dump, folder) = try writeAndRead(Briefing(run: ExportFixtures.run, tables: [table]), exporter)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(dump.data.map(\.name) == ["t", "t (2)", "t (3)"])
        #expect(dump.data.map { $0.rows.map { $0.map(\.v) } } == [[["n"], ["1"], ["2"]], [["n"], ["3"], ["4"]], [["n"], ["5"]]])
        #expect(dump.data.map { $0.tables.map(\.name) } == [["t"], ["t__2_"], ["t__3_"]], "one validly named table per sheet")
        #expect(dump.data.map { $0.tables.map(\.ref) } == [["A1:A3"], ["A1:A3"], ["A1:A2"]])
        #expect(report.warnings.count == 2)
    }

    @Test func rowLevelSheetsStopAtTheDetailLimitAndTheSummarySaysSo() throws {
        // Which tables are row-level is declared: documents, paragraphs and removed.
        #expect(Briefing.declared.filter { $0.emptyTable.isDetail }.map { $0.emptyTable.name }
                    == ["documents", "paragraphs", "removed"])
        let removed = Table(name: "removed", columns: [Column("line", .integer)], rows: (1...7).map { [.int($0)] },
                            isDetail: true)
        let people = Table(name: "people", columns: [Column("n", .integer)], rows: (1...7).map { [.int($0)] })
        let (report, dump, folder) = try writeAndRead(Briefing(run: ExportFixtures.run, tables: [removed, people]),
                                                      XLSXExporter(detailRowLimit: 3))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(dump.sheet("removed")?.rows.map { $0.map(\.v) } == [["line"], ["1"], ["2"], ["3"]])
        #expect(dump.sheet("people")?.rows.count == 8, "an aggregate table is never cut")
        #expect(report.cutTables == [XLSXReport.CutTable(name: "removed", shown: 3, total: 7)])
        #expect(report.warnings.contains { $0.contains("'removed' has 7 rows") && $0.contains("outputs.xlsx_detail_rows") })
        let summary = try #require(dump.sheet("Summary"))
        #expect(summary.rows.flatMap { $0.map(\.v) }.contains { $0.contains("removed shows 3 of 7 rows") })
    }

    @Test func sameRunGivesTheSameBytes() throws {
        let a = try makeTemporaryFolder("xlsx-a")
        let b = try makeTemporaryFolder("xlsx-b")
        defer { for f in [a, b] { try? FileManager.default.removeItem(atPath: f) } }
        _ = try XLSXExporter().export(ExportFixtures.briefing, to: a)
        _ = try XLSXExporter().export(ExportFixtures.briefing, to: b)
        let first = try Data(contentsOf: URL(fileURLWithPath: a + "/briefing.xlsx"))
        let second = try Data(contentsOf: URL(fileURLWithPath: b + "/briefing.xlsx"))
        #expect(first == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: a) == ["briefing.xlsx"], "no .tmp left")
    }

    @Test func unwritableFolderIsARunError() {
        #expect {
            _ = try XLSXExporter().export(ExportFixtures.briefing, to: "/proc/briefing-cannot-write")
        } throws: { error in
            (error as? RunError)?.message.hasPrefix("cannot write /proc/briefing-cannot-write") == true
        }
    }
}

@Suite struct ExcelLimitsTests {
    @Test func sheetNamesAreValidAndUnique() {
        #expect(ExcelLimits.sheetName("a[b]:c*d?e/f\\g", taken: []) == "a_b__c_d_e_f_g")
        #expect(ExcelLimits.sheetName("'quoted'", taken: []) == "quoted")
        // found by the xlsx fuzz target: a forbidden character or an apostrophe carrying a combining mark
        #expect(ExcelLimits.sheetName("a\\\u{65B}b:\u{301}c", taken: []) == "a_b_c")
        #expect(ExcelLimits.sheetName("'\u{301}x", taken: []) == "\u{301}x")
        #expect(ExcelLimits.sheetName("", taken: []) == "Sheet")
        #expect(ExcelLimits.sheetName("History", taken: []) == "History_")
        #expect(ExcelLimits.sheetName("People", taken: ["people"]) == "People (2)")
        #expect(ExcelLimits.sheetName("People", taken: ["people", "people (2)"]) == "People (3)")
        let long = String(repeating: "x", count: 40)
        #expect(ExcelLimits.sheetName(long, taken: []) == String(repeating: "x", count: 31))
        #expect(ExcelLimits.sheetName(long, taken: [String(repeating: "x", count: 31)])
                    == String(repeating: "x", count: 27) + " (2)")
    }

    @Test func aDateExcelCannotHoldIsTextNotACrash() throws {
        // found by the xlsx fuzz target: a year of Int.max overflowed the serial computation
        let table = Table(name: "d", columns: [Column("d", .date)],
                          rows: [[.date(PartialDate(year: Int.max, month: 1, day: 1))], [.date(PartialDate(year: 12025, month: 3))],
                                 [.date(PartialDate(year: 2025, month: 10, day: 26))]])
        let (report, dump, folder) = try writeAndRead(Briefing(run: ExportFixtures.run, tables: [table]))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cells = try #require(dump.sheet("d")).rows.dropFirst().map { $0[0] }
        #expect(cells.map(\.t) == ["s", "s", "d"])
        #expect(cells[1].v == "12025-03")
        #expect(report.warnings.contains { $0.contains("outside Excel's range") })
    }

    @Test func truncationKeepsCharactersWhole() throws {
        #expect(ExcelLimits.truncated(String(repeating: "a", count: 32_767)) == nil)
        let emoji = String(repeating: "😀", count: 20_000)  // 40,000 UTF-16 units
        let cut = try #require(ExcelLimits.truncated(emoji))
        #expect(cut.utf16.count <= 32_767 && cut.hasSuffix(ExcelLimits.truncationMarker))
        #expect(cut.dropLast(ExcelLimits.truncationMarker.count).allSatisfy { $0 == "😀" })
    }

    @Test func columnAndCellNames() {
        #expect([0, 25, 26, 701, 702].map(ExcelLimits.columnName) == ["A", "Z", "AA", "ZZ", "AAA"])
        #expect(ExcelLimits.cellName(row: 1, column: 2) == "C2")
    }

    @Test func tableNamesHeadersAndLinkLocations() {
        #expect(ExcelLimits.tableName("documents", taken: []) == "documents")
        #expect(ExcelLimits.tableName("t (2)", taken: []) == "t__2_")
        #expect(ExcelLimits.tableName("Việt Nam", taken: []) == "Việt_Nam")
        #expect(ExcelLimits.tableName("2025 figures", taken: []) == "_2025_figures")
        for reference in ["A1", "tbl1", "XFD1048576", "R", "c", "R1C1", "r12", "C3"] {
            #expect(ExcelLimits.tableName(reference, taken: []) == reference + "_", "\(reference)")
        }
        #expect(ExcelLimits.tableName("XFE1", taken: []) == "XFE1", "past the last column: not a reference")
        #expect(ExcelLimits.tableName("people", taken: ["people"]) == "people_2")
        #expect(ExcelLimits.uniqueHeaders(["id", "ID", "id", "", "a\nb"]) == ["id", "ID (2)", "id (3)", "Column 4", "a b"])
        #expect(ExcelLimits.location(sheet: "figures", row: 4, column: 0) == "'figures'!A5")
        #expect(ExcelLimits.location(sheet: "l'été", row: 0, column: 2) == "'l''été'!C1")
    }

    @Test func runTimestampBecomesCreationSeconds() {
        #expect(XLSXExporter.seconds(fromISO: "1970-01-02T00:00:01Z") == 86_401)
        #expect(XLSXExporter.seconds(fromISO: "2025-04-14T06:00:00Z") == 1_744_610_400)
        #expect(XLSXExporter.seconds(fromISO: "2025-04-14 06:00") == nil)
    }
}
