/// Lays out the workbook's first sheet, `Summary`: what the workbook is, the headline, counts at a
/// glance, the key figures (rows whose sources disagree highlighted by conditional formatting), and
/// two native bar charts: commitments by theme and mentions by country. Every number links back to
/// the row or sheet it comes from. It prints landscape on A4, one page wide.
struct SummarySheet {
    static let name = "Summary"
    /// Column widths in characters: metric, qualifier, value, as of, document, paragraph, conflict, figures.
    static let widths: [Double] = [32, 13, 9, 11, 24, 27, 9, 60]
    static let chartHeight = 360

    let data: SummaryData
    let locator: SheetLocator
    /// 0-based row of each document in the `documents` table, by id.
    let documentRows: [String: Int]
    /// Row-level tables the workbook shows only the first rows of.
    let cutTables: [XLSXReport.CutTable]

    init(_ briefing: Briefing, locator: SheetLocator, cutTables: [XLSXReport.CutTable] = []) {
        data = SummaryData(briefing)
        self.locator = locator
        self.cutTables = cutTables
        var rows: [String: Int] = [:]
        for (r, document) in briefing.documents.enumerated() {
            if let id = document.documentID.nonBlank, rows[id] == nil { rows[id] = r }
        }
        documentRows = rows
    }

    /// Writes the sheet; `sheet` must be the workbook's `Summary`.
    func write(to sheet: Worksheet, in workbook: Workbook) throws {
        let s = try SummaryStyles(workbook)
        let last = Self.widths.count - 1
        for (c, width) in Self.widths.enumerated() { try sheet.setColumnWidth(c, width) }
        try sheet.setPageSetup(PageSetup(landscape: true, fitWide: 1, fitTall: 0, hideGridlines: true))

        let run = data.run
        try sheet.merge(run.description.isEmpty ? run.pipeline : run.description,
                        firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: last, format: s.title)
        try sheet.setRowHeight(0, 24)
        try sheet.merge("Briefing workbook of pipeline \(run.pipeline) (\(run.pipelineFile)) · corpus \(run.corpus) · "
                        + "run \(run.runAt) · briefing \(run.toolVersion)",
                        firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: last, format: s.meta)
        if !cutTables.isEmpty {
            let list = cutTables.map { "\($0.name) shows \($0.shown) of \($0.total) rows" }.joined(separator: ", ")
            try sheet.merge("Detail sheets cut (outputs.xlsx_detail_rows): \(list); every row is in the CSV and JSON files.",
                            firstRow: 2, firstColumn: 0, lastRow: 2, lastColumn: last, format: s.flagged)
        }
        var r = 3

        if !data.headline.isEmpty {
            try section("Headline", row: r, sheet, s)
            r += 1
            for line in data.headline {
                try sheet.merge(line.text, firstRow: r, firstColumn: 0, lastRow: r, lastColumn: 5,
                                format: line.flagged ? s.flagged : s.headline)
                // Widths count default 11-point characters; bold 12-point ones are about 1.1 times as wide.
                let perLine = Int(Self.widths[0...5].reduce(0, +) / 1.1)
                try sheet.setRowHeight(r, 18 * Double((line.text.count + perLine - 1) / perLine))
                if let figure = line.figure, let target = locator.location(table: FigureRow.table.name, row: figure.row) {
                    try sheet.writeInternalLink(to: target, text: "figures: \(figure.paragraphID)", row: r, column: 6,
                                                format: s.link)
                } else if let table = line.table, let target = locator.top(of: table) {
                    try sheet.writeInternalLink(to: target, text: "sheet: \(table)", row: r, column: 6, format: s.link)
                }
                r += 1
            }
            r += 1
        }

        if !data.counts.isEmpty {
            try section("At a glance", row: r, sheet, s)
            r += 1
            for count in data.counts {
                if let target = locator.top(of: count.table) {
                    try sheet.writeInternalLink(to: target, text: count.label, row: r, column: 0, format: s.link,
                                                textFormat: s.cell)
                } else {
                    try sheet.writeString(count.label, row: r, column: 0, format: s.cell)
                }
                try sheet.writeNumber(Double(count.value), row: r, column: 1, format: s.count)
                r += 1
            }
            r += 1
        }

        if let figures = data.keyFigures, !figures.isEmpty {
            r = try writeKeyFigures(figures, from: r, sheet, s)
        }
        if !(data.themes ?? []).isEmpty || !(data.countries ?? []).isEmpty {
            try writeCharts(from: r, sheet, s)
        }
    }

    // MARK: - Sections

    private func section(_ title: String, row: Int, _ sheet: Worksheet, _ s: SummaryStyles) throws {
        try sheet.merge(title, firstRow: row, firstColumn: 0, lastRow: row, lastColumn: Self.widths.count - 1,
                        format: s.section)
        try sheet.setRowHeight(row, 20)
    }

    /// The key figures block; returns the row after it.
    private func writeKeyFigures(_ figures: [SummaryData.KeyFigure], from start: Int, _ sheet: Worksheet,
                                 _ s: SummaryStyles) throws -> Int {
        try section("Key figures (highlighted: the sources disagree)", row: start, sheet, s)
        let headers = ["Metric", "Qualifier", "Value", "As of", "Document", "Paragraph (figures row)", "Conflict",
                       "All figures, latest first"]
        for (c, header) in headers.enumerated() { try sheet.writeString(header, row: start + 1, column: c, format: s.header) }
        let first = start + 2
        for (i, figure) in figures.enumerated() {
            let r = first + i
            guard let latest = figure.latest else { continue }
            try sheet.writeString(figure.label, row: r, column: 0, format: s.cell)
            try sheet.writeString(SummaryData.words(latest.qualifier), row: r, column: 1, format: s.cell)
            try sheet.writeNumber(latest.value, row: r, column: 2, format: s.number)
            if let asOf = latest.asOf {
                try sheet.writeDate(asOf, row: r, column: 3, format: asOf.precision == .day ? s.day : s.month)
            }
            if let row = documentRows[latest.documentID], let target = locator.location(table: DocumentRow.table.name, row: row) {
                try sheet.writeInternalLink(to: target, text: latest.documentID, row: r, column: 4, format: s.link,
                                            textFormat: s.cell)
            } else {
                try sheet.writeString(latest.documentID, row: r, column: 4, format: s.cell)
            }
            if let target = locator.location(table: FigureRow.table.name, row: latest.row) {
                try sheet.writeInternalLink(to: target, text: latest.paragraphID, row: r, column: 5, format: s.link,
                                            textFormat: s.cell)
            } else {
                try sheet.writeString(latest.paragraphID, row: r, column: 5, format: s.cell)
            }
            try sheet.writeString(figure.conflict ? "yes" : "no", row: r, column: 6, format: s.cell)
            try sheet.writeString(figure.sideBySide, row: r, column: 7, format: s.wrapped)
            let perLine = Int(Self.widths[7]) - 2
            let lines = (figure.sideBySide.count + perLine - 1) / perLine
            if lines > 1 { try sheet.setRowHeight(r, SheetLayout.lineHeight * Double(lines)) }
        }
        let last = first + figures.count - 1
        let conflictCell = "$" + ExcelLimits.cellName(row: first, column: 6)
        try sheet.conditionalFormat(formula: "\(conflictCell)=\"yes\"", firstRow: first, firstColumn: 0,
                                    lastRow: last, lastColumn: Self.widths.count - 1, format: s.conflict)
        return last + 2
    }

    /// The two charts side by side, and below them the data they draw.
    private func writeCharts(from start: Int, _ sheet: Worksheet, _ s: SummaryStyles) throws {
        let chartRows = Self.chartHeight / 20 + 1
        let dataStart = start + 1 + chartRows + 1
        let blocks: [(title: String, bars: [SummaryData.Bar]?, table: String, column: Int, header: [String])] = [
            ("Commitments by theme", data.themes, ThemeRow.table.name, 0, ["Theme", "Commitments"]),
            ("Mentions by country (top 15)", data.countries, ParticipationRow.table.name, 4, ["Country", "Mentions"]),
        ]
        try section("Charts (their data is below them)", row: start, sheet, s)
        try sheet.merge("Chart data", firstRow: dataStart, firstColumn: 0, lastRow: dataStart,
                        lastColumn: Self.widths.count - 1, format: s.section)
        for block in blocks {
            guard let bars = block.bars else { continue }
            let c = block.column
            try sheet.writeString(block.header[0], row: dataStart + 1, column: c, format: s.header)
            try sheet.writeString(block.header[1], row: dataStart + 1, column: c + 1, format: s.header)
            for (i, bar) in bars.enumerated() {
                let r = dataStart + 2 + i
                if let target = locator.location(table: block.table, row: bar.row) {
                    try sheet.writeInternalLink(to: target, text: bar.label, row: r, column: c, format: s.link,
                                                textFormat: s.cell)
                } else {
                    try sheet.writeString(bar.label, row: r, column: c, format: s.cell)
                }
                try sheet.writeNumber(Double(bar.value), row: r, column: c + 1, format: s.cell)
            }
            guard !bars.isEmpty else {
                try sheet.writeString("\(block.title): no data", row: start + 1, column: c, format: s.meta)
                continue
            }
            let width = Self.widths[c..<(c + 4)].reduce(0) { $0 + Int($1 * 7 + 5) } - 10
            let chart = BarChartSpec(
                title: block.title, seriesName: block.header[1], valueAxisTitle: block.header[1], sheet: sheet.name,
                firstRow: dataStart + 2, lastRow: dataStart + 1 + bars.count, categoryColumn: c, valueColumn: c + 1,
                width: min(width, 560), height: Self.chartHeight)
            try sheet.insertBarChart(chart, row: start + 1, column: c)
        }
    }
}

/// The formats of the Summary sheet.
private struct SummaryStyles {
    let title, meta, section, headline, flagged, link, count: CellFormat
    let header, cell, number, wrapped, day, month, conflict: CellFormat

    init(_ workbook: Workbook) throws {
        title = try workbook.format(CellStyle(bold: true, fontColor: 0x1F3864, fontSize: 16))
        meta = try workbook.format(CellStyle(fontColor: 0x595959, italic: true))
        section = try workbook.format(CellStyle(bold: true, bottomBorder: true, fontColor: 0x1F3864, fontSize: 12))
        headline = try workbook.format(CellStyle(bold: true, wrap: true, alignTop: true, fontSize: 12))
        flagged = try workbook.format(CellStyle(bold: true, wrap: true, alignTop: true, fontColor: 0x9C0006,
                                                fontSize: 12))
        link = try workbook.format(CellStyle(alignTop: true, underline: true, fontColor: 0x0563C1))
        count = try workbook.format(CellStyle(bold: true, alignTop: true, horizontal: .left))
        header = try workbook.format(CellStyle(bold: true, alignTop: true, fillColor: 0x4F81BD, fontColor: 0xFFFFFF))
        cell = try workbook.format(CellStyle(alignTop: true))
        number = try workbook.format(CellStyle(alignTop: true, horizontal: .center))
        wrapped = try workbook.format(CellStyle(wrap: true, alignTop: true))
        day = try workbook.format(CellStyle(alignTop: true, numberFormat: "yyyy-mm-dd", horizontal: .center))
        month = try workbook.format(CellStyle(alignTop: true, numberFormat: "yyyy-mm", horizontal: .center))
        conflict = try workbook.format(CellStyle(fillColor: 0xFFC7CE, fontColor: 0x9C0006))
    }
}
