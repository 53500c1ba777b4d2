import Foundation
import Testing
@testable import BriefingKit

/// Parses a fixture given as text (or bytes) with default settings.
private func parse(_ text: String, name: String = "doc.txt", settings: ParseSettings = ParseSettings(defaultYear: 2025))
    -> (Document?, StageStats, [String]) {
    parse(bytes: Array(text.utf8), name: name, settings: settings)
}

private func parse(bytes: [UInt8], name: String = "doc.txt", settings: ParseSettings = ParseSettings(defaultYear: 2025))
    -> (Document?, StageStats, [String]) {
    var stats = StageStats(stage: "parse", unit: "files")
    var warnings: [String] = []
    let doc = ParseStage(settings: settings).parse(SourceFile(name: name, path: name, bytes: bytes), stats: &stats, warnings: &warnings)
    return (doc, stats, warnings)
}

@Suite struct ParseStageTests {
    @Test func captionAndImageMarkerAreRemovedWithReasons() throws {
        let (doc, stats, _) = parse("![]() |\n| Les délégués le 26 octobre. (Photo : Jackie Chan) |\nLe Vietnam a signé la Convention.")
        let d = try #require(doc)
        #expect(d.paragraphs.map(\.text) == ["Le Vietnam a signé la Convention."])
        #expect(d.paragraphs[0].line == 3 && d.paragraphs[0].id == "doc#p1")
        #expect(d.removed.map(\.reason) == [.imageMarker, .photoCaption])
        #expect(d.title == "Les délégués le 26 octobre")
        #expect(stats.input == 1 && stats.output == 1 && stats.extra["boilerplate-lines"] == 2)
    }

    @Test func headerGivesTitleAndDateWithPrecision() throws {
        let d = try #require(parse(" date 2025-04 Hanoï se prépare\n\nPremier paragraphe.").0)
        #expect(d.title == "Hanoï se prépare" && d.titleOrigin == "header")
        #expect(d.date == PartialDate(year: 2025, month: 4) && d.date?.precision == .month && d.dateOrigin == .header)
        #expect(d.paragraphs.count == 1)
    }

    @Test func bannerTitleBylineSourceAndFooter() throws {
        let text = """
            Vietnam.vn - Nền tảng quảng bá Việt Nam

            Discours du ministre

            Le 26 octobre après-midi, à Hanoï, le ministre a parlé.

            Báo Tin TứcBáo Tin Tức26/10/2025

            Légende de la photo
            Le ministre prononce le discours. Photo : Phuong Hoa/TTXVN

            Merci beaucoup!

            Source : https://www.baotintuc.vn/thoi-su/x-20251026212645978.htm

            Comment (0)

            Laissez un commentaire pour partager vos ressentis !

            Même sujet

            Un lieu de divertissement de Noël fait sensation.
            """
        let d = try #require(parse(text).0)
        #expect(d.title == "Discours du ministre" && d.titleOrigin == "after-banner")
        #expect(d.paragraphs.map(\.text) == ["Le 26 octobre après-midi, à Hanoï, le ministre a parlé.", "Merci beaucoup!"])
        #expect(d.date == PartialDate(year: 2025, month: 10, day: 26) && d.dateOrigin == .byline)
        #expect(d.sourceURL == "https://www.baotintuc.vn/thoi-su/x-20251026212645978.htm")
        #expect(d.publisher == "baotintuc.vn")
        #expect(d.removed.map(\.reason) == [.siteBanner, .title, .byline, .photoCaption, .photoCaption, .sourceLine,
                                            .commentWidget, .commentWidget, .relatedArticles, .relatedArticles])
    }

    @Test func dateFromURLWhenNoHeaderOrByline() throws {
        let d = try #require(parse("Un paragraphe.\nSource : https://baotintuc.vn/a-20251026213451983.htm").0)
        #expect(d.date?.iso == "2025-10-26" && d.dateOrigin == .url)
    }

    @Test func dateFromTextCountsHierAsTheDayBefore() throws {
        let d = try #require(parse("Selon lui, hier matin, le 25 octobre, a eu lieu la signature.").0)
        #expect(d.date?.iso == "2025-10-26" && d.dateOrigin == .text)
    }

    @Test func gluedWidgetWordIsStrippedAndRecorded() throws {
        let d = try #require(parse("Français Les commentaires ont souligné la Convention.").0)
        #expect(d.paragraphs.map(\.text) == ["Les commentaires ont souligné la Convention."])
        #expect(d.removed.map(\.reason) == [.widgetText] && d.removed[0].text == "Français")
    }

    @Test func creditLinesAndAgencySignOffGivePublisher() throws {
        let d = try #require(parse("Premier paragraphe.\n\nPhoto : VNA/CVN\n\nSecond paragraphe.\n\nVNA/CVN").0)
        #expect(d.paragraphs.count == 2)
        #expect(d.removed.map(\.reason) == [.photoCredit, .agencyCredit])
        #expect(d.publisher == "VNA/CVN")
    }

    @Test func crlfAndBOMAreHandled() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Premier paragraphe.\r\nSecond paragraphe.\r\n".utf8)
        let d = try #require(parse(bytes: bytes).0)
        #expect(d.encoding == .utf8BOM && d.hasCRLF)
        #expect(d.paragraphs.map(\.text) == ["Premier paragraphe.", "Second paragraphe."])
        #expect(d.paragraphs.map(\.line) == [1, 2])
    }

    @Test func windows1252IsReadWithAWarning() throws {
        // "Hanoï accueille la cérémonie" in Windows-1252, with a curly apostrophe (0x92)
        let bytes: [UInt8] = Array("Hano".utf8) + [0xEF] + Array(" accueille la c".utf8) + [0xE9] + Array("r".utf8) + [0xE9]
            + Array("monie l".utf8) + [0x92] + Array("après-midi.".utf8).map { $0 }
        let (doc, _, warnings) = parse(bytes: bytes.map { $0 })
        let d = try #require(doc)
        #expect(d.encoding == .windows1252)
        #expect(d.paragraphs.first?.text.hasPrefix("Hanoï accueille la cérémonie l’") == true)
        #expect(warnings.first == "doc.txt: not valid UTF-8, read as Windows-1252")
    }

    @Test func emptyAndBinaryFilesAreSkippedWithWarnings() {
        let (empty, s1, w1) = parse("  \n\n", name: "empty.txt")
        #expect(empty == nil && s1.dropped == ["empty-file": 1] && w1 == ["empty.txt: skipped, the file is empty"])
        let (binary, s2, w2) = parse(bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], name: "image.txt")
        #expect(binary == nil && s2.dropped == ["binary-file": 1] && w2 == ["image.txt: skipped, the file is binary, not text"])
    }

    @Test func blankLineSplitJoinsWrappedLines() throws {
        let d = try #require(parse("Une phrase coupée\nen deux lignes.\n\nUn autre paragraphe.",
                                   settings: ParseSettings(split: .blankLines)).0)
        #expect(d.paragraphs.map(\.text) == ["Une phrase coupée en deux lignes.", "Un autre paragraphe."])
    }

    @Test func englishIsDetected() throws {
        let d = try #require(parse("More than 60 countries signed the convention in Hanoi on Saturday, and the UN welcomed it.").0)
        #expect(d.language == "en")
    }
}
