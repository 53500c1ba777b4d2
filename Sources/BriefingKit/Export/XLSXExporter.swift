/// What writing the workbook produced: the file, its sheets, and what Excel could not hold as given.
public struct XLSXReport: Sendable, Hashable {
    /// The workbook's name, relative to the output folder.
    public var file: String
    /// The sheet names as written, in order.
    public var sheets: [String]
    /// One line per problem (truncated texts, links written as text, renamed or split sheets, …).
    public var warnings: [String]
    /// The data sheets with the data rows each holds (a table past Excel's row limit spans several).
    public var dataSheets: [SheetRows] = []
    /// Row-level tables the workbook shows only the first rows of (`detailRowLimit`): name, rows shown, rows in all.
    public var cutTables: [CutTable] = []

    /// A row-level table of which the workbook shows the first `shown` of `total` rows.
    public struct CutTable: Sendable, Hashable {
        public var name: String
        public var shown: Int
        public var total: Int
    }

    /// A data sheet and its rows, header not counted.
    public struct SheetRows: Sendable, Hashable {
        public var name: String
        public var rows: Int
    }

    public init(file: String, sheets: [String], warnings: [String]) {
        self.file = file
        self.sheets = sheets
        self.warnings = warnings
    }
}

/// Writes `briefing.xlsx`: a `Summary` sheet first, then one sheet per table, in briefing order.
///
/// The Summary (see `SummarySheet`) tells the story at a glance: the run, the headline, counts, the
/// key figures with disagreeing sources highlighted, and two native bar charts; every number on it
/// links to its row or sheet. It reads the typed rows and leaves out what a briefing lacks.
///
/// Each data sheet is one Excel table (see `DataSheetWriter`) with a frozen header row; cells keep
/// their types:
/// - integers and numbers are numbers (integers beyond 15 digits, which Excel would round, and
///   non-finite doubles are written as text);
/// - day dates are real dates shown `yyyy-mm-dd`; month dates are real dates of the month's first day
///   shown `yyyy-mm`, so the column still sorts and filters as dates;
/// - URLs are hyperlinks (plain text past Excel's limits or for non-web schemes);
/// - booleans are Excel booleans, shown TRUE / FALSE;
/// - nulls are empty cells; text is always text, never a formula.
///
/// A table over 1,048,575 data rows continues on a sheet `name (2)`, and so on.
/// The workbook's creation time comes from the run's `runAt`, and nothing else in it depends on the
/// clock, so the same run gives the same bytes.
public struct XLSXExporter: Exporter {
    public static let format: OutputSettings.Format = .xlsx
    public static let fileName = "briefing.xlsx"

    /// Creation time in seconds since 1970; `nil` takes the run's `runAt` (or now, if it does not parse).
    public var created: Int?
    /// Data rows per sheet before a table continues on the next sheet (lowered in tests).
    var rowsPerSheet = ExcelLimits.maxRows - 1
    /// Rows shown of each row-level table (`Table.isDetail`: one row per document, paragraph or
    /// removed line); `nil` shows them all. The aggregate tables (participation, figures,
    /// commitments, people, timeline, …) are always shown whole.
    public var detailRowLimit: Int?

    public init(created: Int? = nil, detailRowLimit: Int? = nil) {
        self.created = created
        self.detailRowLimit = detailRowLimit
    }

    /// Writes `briefing.xlsx` and returns its name; `write(_:to:)` also gives the warnings.
    public func export(_ briefing: Briefing, to folder: String) throws -> [String] {
        [try write(briefing, to: folder).file]
    }

    /// Writes `briefing.xlsx` into `folder` and reports sheets and warnings.
    /// - Throws: `RunError("cannot write <path>: <reason>")`.
    public func write(_ briefing: Briefing, to folder: String) throws -> XLSXReport {
        try OutputFile.prepare(folder: folder)
        let path = OutputFile.join(folder, Self.fileName)
        let tmp = OutputFile.temporary(for: path)
        var report = XLSXReport(file: Self.fileName, sheets: [], warnings: [])
        do {
            let workbook = try Workbook(path: tmp, useZip64: Self.needsZip64(briefing))
            // The Summary is added first so that it is the first sheet, and written last, once the
            // data sheets are placed and it can link to their rows.
            let summary = try workbook.addSheet(named: SummarySheet.name)
            report.sheets.append(summary.name)
            var data = try DataSheetWriter(workbook: workbook, rowsPerSheet: rowsPerSheet)
            var locator = SheetLocator()
            for var table in briefing.tables {
                if let limit = detailRowLimit, table.isDetail, table.count > limit {
                    report.cutTables.append(XLSXReport.CutTable(name: table.name, shown: limit, total: table.count))
                    report.warnings.append("xlsx: table '\(table.name)' has \(table.count) rows; the workbook shows "
                                           + "the first \(limit) (outputs.xlsx_detail_rows), every row is in the CSV and JSON files")
                    table = table.prefix(limit)
                }
                try data.write(table, report: &report, locator: &locator)
            }
            try SummarySheet(briefing, locator: locator, cutTables: report.cutTables).write(to: summary, in: workbook)
            try workbook.setProperties(properties(of: briefing))
            try workbook.close()
        } catch let error as XLSXError {
            OutputFile.discard(tmp)
            throw RunError("cannot write \(path): \(error)")
        }
        try OutputFile.commit(tmp, to: path)
        return report
    }

    // MARK: - Workbook

    private func properties(of briefing: Briefing) -> DocumentProperties {
        let run = briefing.run
        return DocumentProperties(
            title: run.description.isEmpty ? "Briefing: \(run.pipeline)" : run.description,
            subject: "Briefing \(run.pipeline): tables from the corpus \(run.corpus)",
            author: "Briefing",
            keywords: "\(run.pipeline), briefing",
            comments: "Written by briefing \(run.toolVersion) from the pipeline file \(run.pipelineFile) "
                + "over the corpus \(run.corpus); run at \(run.runAt).",
            created: created ?? Self.seconds(fromISO: run.runAt))
    }

    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds or an offset are not accepted).
    static func seconds(fromISO text: String) -> Int? {
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).map { Int($0) }
        guard text.utf8.count == 20, text.hasSuffix("Z"), parts.count == 6,
              let y = parts[0], let mo = parts[1], let d = parts[2], let h = parts[3], let mi = parts[4],
              let s = parts[5], let date = PartialDate.valid(year: y, month: mo, day: d),
              (0..<24).contains(h), (0..<60).contains(mi), (0..<61).contains(s) else { return nil }
        return date.daysSinceEpoch * 86_400 + h * 3_600 + mi * 60 + s
    }

    /// ZIP64 only when a part could pass 4 GB (a rough upper bound on the XML written).
    static func needsZip64(_ briefing: Briefing) -> Bool {
        var bytes = 0
        for table in briefing.tables {
            table.forEachRow { row in
                for cell in row {
                    switch cell {
                    case .text(let s), .url(let s): bytes += s.utf8.count * 2 + 40
                    default: bytes += 40
                    }
                }
            }
        }
        return bytes > 3_000_000_000
    }
}
