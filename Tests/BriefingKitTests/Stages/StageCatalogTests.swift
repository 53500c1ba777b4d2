import Foundation
import Testing
@testable import BriefingKit

@Suite struct StageCatalogTests {
    let catalog = StageCatalog(.standard)

    /// The README's settings table is `briefing stages --markdown`.
    @Test func readmeTableIsTheGeneratedOne() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- briefing stages --markdown: begin -->\n", end = "\n<!-- briefing stages --markdown: end -->"
        let start = try #require(readme.range(of: begin), "the README has no settings table")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == catalog.markdown(),
                "regenerate the README's table with `briefing stages --markdown`")
    }

    @Test func entriesComeFromTheDeclarations() {
        #expect(catalog.entries.map(\.kind) == ["parse", "dedupe", "enrich", "aggregate"])
        let dedupe = catalog.entries[1]
        #expect(dedupe.unit == "paragraphs" && !dedupe.isRequired && dedupe.summary == DedupeStage.summary)
        #expect(dedupe.settings == DedupeStage.settingSpecs)
        #expect(dedupe.settings.map(\.key) == ["exact", "near", "threshold", "shingle_size", "min_words", "scope"])
        #expect(dedupe.settings.map { StageCatalog.defaultText($0) } == ["true", "true", "0.7", "2", "8", "corpus"])
    }

    @Test func markdownRows() {
        let lines = catalog.markdown().split(separator: "\n").map(String.init)
        #expect(lines[0] == "| stage | setting | values | default | what it does |")
        #expect(lines.contains("| `parse` (required) | `split` | `lines` or `blank-lines` | `lines` | "
                               + "How paragraphs are delimited: every non-empty line, or blank lines. |"))
        let threshold = DedupeStage.settingSpecs.first { $0.key == "threshold" }?.summary ?? "?"
        #expect(lines.contains("|  | `threshold` | number, greater than 0 and at most 1 | `0.7` | \(threshold) |"))
        #expect(lines.contains { $0.hasPrefix("|  | `default_year` | integer, a four-digit year | none | ") })
        #expect(lines.count == 2 + catalog.entries.reduce(0) { $0 + $1.settings.count })
    }

    @Test func textLayout() {
        let text = catalog.text()
        #expect(text.hasPrefix("Stages, in the order they run (parse and aggregate in every pipeline):\n\nparse (required; counts files)\n"))
        #expect(text.contains("\ndedupe (optional; counts paragraphs)\n"))
        #expect(text.contains("\n  threshold     number, greater than 0 and at most 1  default: 0.7\n"))
        #expect(text.contains("\n  scope         document or corpus                    default: corpus\n"))
        #expect(text.contains("\n  events  data file  default: none\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "lines fit a terminal")
    }

    @Test func aStageWithoutSettingsAndATextWithABar() {
        let catalog = StageCatalog(StageRegistry([Bare.self, Piped.self]))
        #expect(catalog.markdown().hasSuffix("\n| `bare` | – | | | |\n| `piped` | `on` | true or false | `false` | Either \\| or. |"))
        #expect(catalog.text().contains("\nbare (optional; counts documents)\n  A stage without settings.\n  no settings\n"))
    }

    @Test func wrapping() {
        #expect(StageCatalog.wrap("one two three", width: 9, indent: "  ") == ["  one two", "  three"])
        #expect(StageCatalog.wrap("unbreakableword x", width: 6, indent: "") == ["unbreakableword", "x"])
    }
}

/// A stage with nothing to set.
private struct Bare: DocumentStage {
    static let kind = "bare"
    static let unit = "documents"
    static let summary = "A stage without settings."
    static let runsInCorpusOrder = false
    struct Settings: StageSettings {
        init() {}
        static let specs: [Setting<Settings>] = []
    }
    init(settings: Settings, pipeline: PipelineConfig) {}
    mutating func process(_ document: inout Document, stats: inout StageStats) {}
}

/// A stage whose setting's summary holds a `|`.
private struct Piped: DocumentStage {
    static let kind = "piped"
    static let unit = "documents"
    static let summary = "A stage with one setting."
    static let runsInCorpusOrder = false
    struct Settings: StageSettings {
        var on = false
        init() {}
        static let specs: [Setting<Settings>] = [.bool("on", \.on, "Either | or.")]
    }
    init(settings: Settings, pipeline: PipelineConfig) {}
    mutating func process(_ document: inout Document, stats: inout StageStats) {}
}
