import Testing
@testable import BriefingKit

/// Parse on file shapes that could make work grow faster than the file: one huge line, a huge
/// paragraph of short lines, a number of thousands of digits.
@Suite struct ParseBoundsTests {
    private func parse(_ text: String, _ settings: ParseSettings) -> (Document?, [String], StageStats) {
        var stats = StageStats(stage: "parse", unit: "files")
        var warnings: [String] = []
        let doc = ParseStage(settings: settings)
            .parse(SourceFile(name: "big.txt", path: "big.txt", bytes: Array(text.utf8)), stats: &stats, warnings: &warnings)
        return (doc, warnings, stats)
    }

    @Test func aLineLongerThanTheLimitIsCutAtASpaceWithAWarning() throws {
        let words = Array(repeating: "mot", count: 2_000).joined(separator: " ")   // 7,999 characters
        let text = "Un titre de page assez long pour un titre\n\nPremière ligne courte du texte.\n" + words + "\nFin du texte ici."
        let (doc, warnings, stats) = parse(text, ParseSettings(maxParagraphChars: 1_000))
        let d = try #require(doc)
        let long = try #require(d.paragraphs.first { $0.text.hasPrefix("mot mot") })
        #expect(long.text.unicodeScalars.count <= 1_000 && long.text.unicodeScalars.count >= 900)
        #expect(long.text.hasSuffix("mot"))
        #expect(d.paragraphs.last?.text == "Fin du texte ici.")
        let cut = try #require(d.removed.first { $0.reason == .paragraphTooLong })
        #expect(cut.line == 4)
        #expect(cut.text.hasSuffix("…") && cut.text.unicodeScalars.count <= 201)
        #expect(warnings.contains { $0.hasPrefix("big.txt: line 4: paragraph longer than 1000 characters") })
        #expect(stats.extra["paragraphs-cut"] == 1)
    }

    @Test func aLineWithoutSpacesIsCutAtTheLimitOnAScalarBoundary() throws {
        let text = "Titre de la page pour ce test\n" + String(repeating: "é", count: 5_000)
        let (doc, _, _) = parse(text, ParseSettings(maxParagraphChars: 1_000))
        let d = try #require(doc)
        #expect(d.paragraphs.last?.text == String(repeating: "é", count: 1_000))
    }

    @Test func blankLineParagraphsOfManyLinesAreBoundedToo() throws {
        let lines = Array(repeating: "le texte continue ici sans point", count: 5_000).joined(separator: "\n")
        let (doc, warnings, _) = parse("Titre de la page pour ce test\n\n" + lines + "\n\nFin.", ParseSettings(split: .blankLines, maxParagraphChars: 2_000))
        let d = try #require(doc)
        #expect(d.paragraphs.allSatisfy { $0.text.unicodeScalars.count <= 2_000 })
        #expect(d.paragraphs.last?.text == "Fin.")
        #expect(warnings.filter { $0.contains("paragraph longer than 2000 characters") }.count == 1)
    }

    @Test func shortLinesAreUntouched() throws {
        let (doc, warnings, _) = parse("Titre de la page pour ce test\nUn paragraphe.", ParseSettings(maxParagraphChars: 1_000))
        #expect(doc?.removed.contains { $0.reason == .paragraphTooLong } == false)
        #expect(!warnings.contains { $0.contains("max_paragraph_chars") })
    }

    @Test func cutWorksOnBytes() {
        #expect(ParseStage.cut("abc def", toScalars: 10) == nil)
        let c = ParseStage.cut("aaaa bbbb cccc", toScalars: 12)
        #expect(c?.kept == "aaaa bbbb cccc".prefix(12).description)
        #expect(c?.removedScalars == 2)
        let d = ParseStage.cut(String(repeating: "x", count: 95) + " " + String(repeating: "y", count: 20), toScalars: 100)
        #expect(d?.kept == String(repeating: "x", count: 95))
    }

    @Test func settingIsReadWithPositionedErrors() throws {
        let project = try TempProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: try project.write(base(replacing: 6, with: "  - parse: { max_paragraph_chars: 5000 }")))
        #expect(config.settings(ParseStage.self)?.maxParagraphChars == 5_000)
        #expect(ParseSettings().maxParagraphChars == 100_000)
        let small = try #require(try loadError(base(replacing: 6, with: "  - parse: { max_paragraph_chars: 10 }")))
        #expect(small.position == "6:35")
        #expect(small.keyPath == "stages[0].parse.max_paragraph_chars")
        #expect(small.message == "must be between 1000 and 10000000, found 10")
        let word = try #require(try loadError(base(replacing: 6, with: "  - parse: { max_paragraph_chars: lots }")))
        #expect(word.position == "6:35")
    }
}
