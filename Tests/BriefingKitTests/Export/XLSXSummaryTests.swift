import Foundation
import Testing
@testable import BriefingKit

/// The seeds pipeline's briefing, run in a throwaway project at a fixed `SOURCE_DATE_EPOCH`.
func seedsBriefing() throws -> Briefing {
    let project = try seedsProject()
    defer { project.remove() }
    let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
    return try PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": "1761523200"]).run().briefing
}

extension WorkbookDump.Sheet {
    /// The cell at a 1-based row and 0-based column, if the sheet has it.
    func cell(_ row: Int, _ column: Int) -> WorkbookDump.Cell? {
        guard row >= 1, row <= rows.count, column < rows[row - 1].count else { return nil }
        return rows[row - 1][column]
    }

    /// The 1-based row whose first cell's value is `text`.
    func row(startingWith text: String) -> Int? {
        rows.firstIndex { $0.first?.v == text }.map { $0 + 1 }
    }

    /// Every value on the sheet.
    var texts: [String] { rows.flatMap { $0.map(\.v) } }
}

/// `'figures'!A11` → ("figures", 11, 0).
func parseLocation(_ location: String) -> (sheet: String, row: Int, column: Int)? {
    guard let bang = location.lastIndex(of: "!") else { return nil }
    var sheet = String(location[..<bang])
    if sheet.hasPrefix("'"), sheet.hasSuffix("'"), sheet.count >= 2 {
        sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    let ref = location[location.index(after: bang)...]
    let letters = ref.prefix { $0.isLetter }
    guard let row = Int(ref.dropFirst(letters.count)) else { return nil }
    let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    return (sheet, row, column)
}

/// The chart parts of a workbook: for each `xl/charts/chartN.xml`, its `<c:f>` ranges.
func chartRanges(_ path: String) throws -> [String: [String]] {
    let script = """
        import sys, json, re, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        charts = {n: re.findall(r"<c:f>(.*?)</c:f>", z.read(n).decode()) for n in z.namelist()
                  if re.fullmatch(r"xl/charts/chart[0-9]+\\.xml", n)}
        print(json.dumps(charts))
        """
    let json = try runPython(script, args: [path])
    return try JSONDecoder().decode([String: [String]].self, from: Data(json.utf8))
}

@Suite(.serialized) struct XLSXSummaryTests {
    @Test func summaryComesFirstWithHeadlineCountsAndCharts() throws {
        let briefing = try seedsBriefing()
        let (report, dump, folder) = try writeAndRead(briefing)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(report.sheets.first == "Summary")
        #expect(dump.sheets.map(\.name) == ["Summary"] + briefing.tables.map(\.name))
        let summary = try #require(dump.sheets.first)

        // What the workbook is.
        #expect(summary.cell(1, 0)?.v == briefing.run.description)
        let about = try #require(summary.cell(2, 0)?.v)
        for part in ["hanoi-convention", "Pipelines/hanoi-convention.yaml", "seeds", "2025-10-27T00:00:00Z"] {
            #expect(about.contains(part), "\(part) in \(about)")
        }

        // The headline, from the data: the latest signatory-countries figure with the earlier one flagged.
        let signatories = try #require(summary.texts.first { $0.hasPrefix("72 signatory countries as of 2025-10-26") })
        #expect(signatories.contains("earlier figure: 69 as of 2025-10-25") && signatories.contains("sources disagree"))
        #expect(summary.texts.contains("110 delegations as of 2025-10-26"))
        let participation = try #require(briefing.rows(ParticipationRow.self))
        let countries = participation.filter { $0.type == .country }.count
        let organisations = participation.filter { $0.type == .organisation }.count
        #expect(countries == 2)
        #expect(summary.texts.contains("\(countries) countries and \(organisations) organisations named in the coverage"))
        // Each headline figure links to the row of the figures sheet that states it.
        let figuresSheet = try #require(dump.sheet("figures"))
        let headlineRow = try #require(summary.rows.firstIndex { $0.first?.v == signatories }) + 1
        let headlineLink = try #require(summary.rows[headlineRow - 1].compactMap(\.location).first)
        let target = try #require(parseLocation(headlineLink))
        #expect(target.sheet == "figures")
        #expect(figuresSheet.cell(target.row, 0)?.v == "signatory-countries" && figuresSheet.cell(target.row, 2)?.v == "72")

        // Counts at a glance, each linked to its sheet.
        let expected: [(String, Int)] = [
            ("Documents", 5), ("Paragraphs kept", 50), ("Duplicates removed", 2), ("Countries", countries),
            ("Organisations", organisations), ("People", briefing.rows(PersonRow.self)?.count ?? -1),
            ("Commitments", briefing.rows(CommitmentRow.self)?.count ?? -1),
        ]
        for (label, value) in expected {
            let r = try #require(summary.row(startingWith: label), "count \(label)")
            #expect(summary.cell(r, 1)?.v == String(value) && summary.cell(r, 1)?.t == "n", "count \(label)")
            #expect(summary.cell(r, 0)?.location?.hasSuffix("!A1") == true, "\(label) links to its sheet")
        }

        // Two native bar charts over ranges of the Summary: themes and countries.
        #expect(summary.charts == 2)
        let charts = try chartRanges(folder + "/briefing.xlsx")
        #expect(charts.keys.sorted() == ["xl/charts/chart1.xml", "xl/charts/chart2.xml"])
        let themes = try #require(briefing.rows(ThemeRow.self)).count
        let themeRanges = try #require(charts["xl/charts/chart1.xml"])
        #expect(themeRanges.count == 2 && themeRanges.allSatisfy { $0.hasPrefix("Summary!$") })
        let themeSpan = try #require(themeRanges.first.flatMap(rowSpan))
        do {
            let (first, last) = themeSpan
            #expect(last - first + 1 == themes, "one bar per theme")
            #expect(summary.cell(first, 0)?.v == "Implementation of the Convention" && summary.cell(first, 1)?.v == "7")
        }
        let countryRanges = try #require(charts["xl/charts/chart2.xml"])
        let countrySpan = try #require(countryRanges.first.flatMap(rowSpan))
        do {
            let (first, last) = countrySpan
            #expect(last - first + 1 == countries)
            #expect(summary.cell(first, 4)?.v == "Vietnam" && summary.cell(first, 4)?.location != nil)
            #expect(countryRanges.count == 2 && countryRanges.allSatisfy { $0.hasPrefix("Summary!$E$") || $0.hasPrefix("Summary!$F$") })
        }
    }

    @Test func keyFiguresShowEveryValueLinkBackAndHighlightConflicts() throws {
        let briefing = try seedsBriefing()
        let (_, dump, folder) = try writeAndRead(briefing)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try #require(dump.sheets.first)
        let figures = try #require(dump.sheet("figures"))
        let documents = try #require(dump.sheet("documents"))

        let header = try #require(summary.row(startingWith: "Metric"))
        #expect(summary.rows[header - 1].prefix(8).map(\.v) == ["Metric", "Qualifier", "Value", "As of", "Document",
                                                               "Paragraph (figures row)", "Conflict", "All figures, latest first"])
        let first = header + 1
        var last = first
        while summary.cell(last + 1, 0)?.v.isEmpty == false { last += 1 }
        let metrics = Set(try #require(briefing.rows(FigureRow.self)).map { row -> String in
            row.role.map { "\(row.metric) (\($0))" } ?? row.metric
        })
        #expect(Set((first...last).compactMap { summary.cell($0, 0)?.v }) == metrics, "one line per metric and role")

        let signatories = try #require((first...last).first { summary.cell($0, 0)?.v == "signatory-countries" })
        #expect(summary.cell(signatories, 2)?.v == "72" && summary.cell(signatories, 2)?.t == "n")
        #expect(summary.cell(signatories, 3)?.t == "d" && summary.cell(signatories, 3)?.v == "2025-10-26")
        #expect(summary.cell(signatories, 6)?.v == "yes")
        #expect(summary.cell(signatories, 7)?.v
                    == "72 (as of 2025-10-26, 002_519f73f8a069fb80) | 69 (as of 2025-10-25, 000_4f9839d5057eabca)")

        // The conflict column says yes exactly for the metrics whose figures disagree.
        let conflicting = Set(try #require(briefing.rows(FigureRow.self)).filter { $0.conflict != nil }.map(\.metric))
        #expect(conflicting == ["articles", "signatory-countries"])
        #expect(Set((first...last).filter { summary.cell($0, 6)?.v == "yes" }.compactMap { summary.cell($0, 0)?.v }) == conflicting)
        // … and conditional formatting colours those rows.
        let expectedRange = "A\(first):H\(last)"
        #expect(summary.conditional == [[expectedRange, "$G\(first)=\"yes\""]])

        for r in first...last {
            let paragraph = try #require(summary.cell(r, 5))
            let target = try #require(paragraph.location.flatMap(parseLocation), "row \(r) links to the figures sheet")
            #expect(target.sheet == "figures")
            #expect(figures.cell(target.row, 9)?.v == paragraph.v, "paragraph id of the linked figures row")
            #expect(figures.cell(target.row, 2)?.v == summary.cell(r, 2)?.v, "value of the linked figures row")
            let document = try #require(summary.cell(r, 4))
            let source = try #require(document.location.flatMap(parseLocation), "row \(r) links to its document")
            #expect(source.sheet == "documents" && documents.cell(source.row, 0)?.v == document.v)
        }
    }

    @Test func sectionsWhoseTablesAreMissingAreLeftOut() throws {
        let briefing = try seedsBriefing()
        let rowLevel = Briefing(run: briefing.run, tables: briefing.tables.filter(\.isDetail))
        let (_, bare, a) = try writeAndRead(rowLevel)
        defer { try? FileManager.default.removeItem(atPath: a) }
        let summary = try #require(bare.sheets.first)
        #expect(summary.name == "Summary")
        #expect(summary.row(startingWith: "Documents") != nil && summary.row(startingWith: "Paragraphs kept") != nil)
        for gone in ["Headline", "Key figures (highlighted: the sources disagree)", "Countries", "Commitments"] {
            #expect(summary.row(startingWith: gone) == nil, "\(gone) left out")
        }
        #expect(summary.charts == 0 && summary.conditional.isEmpty)

        let withoutFigures = Briefing(run: briefing.run, tables: briefing.tables.filter { $0.rows(FigureRow.self) == nil })
        let (_, partial, b) = try writeAndRead(withoutFigures)
        defer { try? FileManager.default.removeItem(atPath: b) }
        let second = try #require(partial.sheets.first)
        #expect(second.row(startingWith: "Key figures (highlighted: the sources disagree)") == nil)
        #expect(!second.texts.contains { $0.contains("signatory countries") })
        #expect(second.texts.contains { $0.hasSuffix("organisations named in the coverage") })
        #expect(second.charts == 2 && second.conditional.isEmpty)
    }

    @Test func pipelineWithoutEnrichHasASummaryWithoutFindings() throws {
        let project = try seedsProject()
        defer { project.remove() }
        let path = try project.write("""
            version: 1
            name: plain
            input: { folder: seeds, pattern: "*.txt" }
            stages:
              - parse: { default_year: 2025 }
              - dedupe: {}
              - aggregate: {}
            outputs: { folder: out/plain, formats: [xlsx] }
            """, to: "Pipelines/plain.yaml")
        let result = try PipelineRunner(config: try PipelineLoader.load(path: path),
                                        environment: ["SOURCE_DATE_EPOCH": "1761523200"]).run()
        try requireOpenpyxl()
        let json = try runPython(dumpScript, args: [result.outputFolder + "/briefing.xlsx"])
        let dump = try JSONDecoder().decode(WorkbookDump.self, from: Data(json.utf8))
        let summary = try #require(dump.sheets.first)
        #expect(summary.name == "Summary")
        #expect(summary.row(startingWith: "Documents").flatMap { summary.cell($0, 1)?.v } == "5")
        #expect(summary.row(startingWith: "Headline") == nil && summary.row(startingWith: "Metric") == nil)
        #expect(summary.charts == 0 && summary.conditional.isEmpty)
    }

    @Test func summaryDataReadsTheTypedRows() throws {
        let data = SummaryData(try seedsBriefing())
        let signatories = try #require(data.keyFigures?.first { $0.metric == "signatory-countries" })
        #expect(signatories.conflict && signatories.values.map(\.value) == [72, 69])
        #expect(signatories.values.map { $0.asOf?.iso } == ["2025-10-26", "2025-10-25"])
        #expect(data.headline.first?.flagged == true)
        #expect(data.headline.map(\.figure?.paragraphID) == ["002_519f73f8a069fb80#p4", "000_4f9839d5057eabca#p1", nil])
        #expect(data.countries?.map(\.label) == ["Vietnam", "Équateur"])
        #expect(data.themes?.first == SummaryData.Bar(label: "Implementation of the Convention", value: 7, row: 0))
        #expect(SummaryData(Briefing(run: ExportFixtures.run, tables: [])).counts.isEmpty)
    }
}

/// First and last row of `Summary!$A$53:$A$67`.
private func rowSpan(_ range: String) -> (Int, Int)? {
    let ends = range.split(separator: "!").last?.split(separator: ":").map { $0.filter(\.isNumber) }
    guard let ends, ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]) else { return nil }
    return (a, b)
}
