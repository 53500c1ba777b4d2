@testable import BriefingKit

/// Small briefings built in code for the exporter tests.
enum ExportFixtures {
    static let run = RunInfo(
        pipeline: "vietnam-weekly", description: "Semaine « Việt Nam », test", pipelineFile: "Pipelines/vn.yaml",
        corpus: "seeds/vn", runAt: "2025-04-14T06:00:00Z", toolVersion: "0.1.0")

    /// Texts with commas, quotes, newlines, French and Vietnamese; an int, a double, a day and a month
    /// date, URLs, booleans, nulls and a formula-looking text.
    static let articles = Table(
        name: "articles",
        columns: [
            Column("id", .integer), Column("title"), Column("summary", long: true), Column("published", .date),
            Column("url", .url), Column("score", .number), Column("featured", .boolean), Column("note"),
        ],
        rows: [
            [.int(1), .text("Tô Lâm meets Lương Tam Quang"),
             .text("Hà Nội, 12 avril — « Réunion », he said \"yes\".\nSecond line."),
             .date(PartialDate(year: 2025, month: 4, day: 12)), .url("https://example.com/a?x=1&y=2"),
             .double(3.25), .bool(true), .null],
            [.int(2), .text("Élodie, café & crème"), .text("Plain summary"),
             .date(PartialDate(year: 2025, month: 4)), .url("https://example.com/vn/to-lam"),
             .double(-0.5), .bool(false), .text("=HYPERLINK(\"http://x\",\"y\")")],
        ])

    static let people = Table(
        name: "people",
        columns: [Column("name"), Column("mentions", .integer), Column("first_seen", .date)],
        rows: [
            [.text("Tô Lâm"), .int(12), .date(PartialDate(year: 2025, month: 3, day: 1))],
            [.text("Lương Cường"), .int(3), .null],
        ])

    static let briefing = Briefing(run: run, tables: [articles, people])
}
