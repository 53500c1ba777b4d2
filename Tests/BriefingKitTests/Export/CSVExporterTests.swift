import Foundation
import Testing
@testable import BriefingKit

@Suite struct CSVExporterTests {
    /// The articles fixture in the RFC 4180 dialect, with the formula-looking note as given.
    static let articlesRFC = "id,title,summary,published,url,score,featured,note\r\n"
        + "1,Tô Lâm meets Lương Tam Quang,\"Hà Nội, 12 avril — « Réunion », he said \"\"yes\"\".\nSecond line.\","
        + "2025-04-12,https://example.com/a?x=1&y=2,3.25,true,\r\n"
        + "2,\"Élodie, café & crème\",Plain summary,2025-04,https://example.com/vn/to-lam,-0.5,false,"
        + "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"

    @Test func articlesTableBytesAreExactWithoutNeutralisation() {
        let bytes = CSVExporter.bytes(of: ExportFixtures.articles, settings: CSVSettings(neutraliseFormulas: false))
        #expect(String(decoding: bytes, as: UTF8.self) == Self.articlesRFC)
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF], "no BOM")
    }

    @Test func defaultIsRFC4180WithTheFormulaNeutralised() {
        let expected = Self.articlesRFC.replacingOccurrences(of: ",\"=HYPERLINK(", with: ",\"'=HYPERLINK(")
        #expect(expected != Self.articlesRFC)
        let bytes = CSVExporter.bytes(of: ExportFixtures.articles)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(bytes == CSVExporter.bytes(of: ExportFixtures.articles, settings: CSVSettings(dialect: .rfc4180)))
        #expect(CSVSettings() == CSVSettings(dialect: .rfc4180, neutraliseFormulas: true))
        // The JSON is data, not a spreadsheet: never neutralised.
        #expect(JSONExporter.text(of: ExportFixtures.briefing).contains("\"note\":\"=HYPERLINK(\\\"http://x\\\""))
    }

    @Test func excelDialectBytesAreExact() {
        let table = Table(name: "t", columns: [Column("id", .integer), Column("name"), Column("note"), Column("day", .date)],
                          rows: [
                              [.int(-3), .text("a;b"), .text("x, y"), .date(PartialDate(year: 2025, month: 10, day: 26))],
                              [.int(7), .text("say \"hi\""), .text("two\nlines"), .null],
                              [.double(-0.5), .text("=1+1"), .text("plain"), .date(PartialDate(year: 2025, month: 4))],
                          ])
        let bytes = CSVExporter.bytes(of: table, settings: CSVSettings(dialect: .excel))
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(("id;name;note;day\r\n"
            + "-3;\"a;b\";x, y;2025-10-26\r\n"
            + "7;\"say \"\"hi\"\"\";\"two\nlines\";\r\n"
            + "-0.5;'=1+1;plain;2025-04\r\n").utf8)
        #expect(bytes == expected)
        let plain = CSVExporter.bytes(of: table, settings: CSVSettings(dialect: .excel, neutraliseFormulas: false))
        #expect(String(decoding: plain.dropFirst(3), as: UTF8.self).contains("\r\n-0.5;=1+1;plain;2025-04\r\n"))
    }

    @Test func formulaLikeTextIsNeutralisedButNumbersAreNot() {
        let texts = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-x", "@cmd", "\tindented", "\rreturn"]
        let table = Table(name: "t", columns: [Column("v"), Column("link", .url), Column("n", .integer),
                                               Column("x", .number), Column("d", .date), Column("b", .boolean)],
                          rows: texts.map { [.text($0), .url($0), .int(-3), .double(-0.5),
                                             .date(PartialDate(year: 2025, month: 4)), .bool(false)] })
        let records = parseCSV(String(decoding: CSVExporter.bytes(of: table), as: UTF8.self))
        #expect(records.count == texts.count + 1)
        for (text, record) in zip(texts, records.dropFirst()) {
            #expect(record == ["'" + text, "'" + text, "-3", "-0.5", "2025-04", "false"], "\(text.debugDescription)")
        }
        let off = parseCSV(String(decoding: CSVExporter.bytes(of: table, settings: CSVSettings(neutraliseFormulas: false)),
                                  as: UTF8.self))
        #expect(off.dropFirst().map { $0[0] } == texts)
        #expect(off.dropFirst().map { $0[1] } == texts)
        // Only the first character counts, and harmless text is left alone.
        for safe in ["a=b", " =1", "'quoted", "", "3-2", "Tô Lâm"] {
            #expect(CSVExporter.neutralised(.text(safe)) == safe)
        }
        #expect(CSVExporter.neutralised(.int(-3)) == "-3")
        #expect(CSVExporter.neutralised(.double(-0.5)) == "-0.5")
        #expect(CSVExporter.neutralised(.null) == "")
    }

    @Test func quotingRoundTrips() {
        let awkward = Table(name: "t", columns: [Column("a,b"), Column("q\"uote"), Column("plain")], rows: [
            [.text("x\r\ny"), .text("\"\""), .text("")],
            [.text(","), .text("line\nbreak"), .text("Tô Lâm")],
        ])
        let parsed = parseCSV(String(decoding: CSVExporter.bytes(of: awkward), as: UTF8.self))
        #expect(parsed == [awkward.columns.map(\.name)] + awkward.cells.map { $0.map(\.plain) })
    }

    @Test func writesOneFilePerTableWithSafeUniqueNames() throws {
        let folder = try makeTemporaryFolder("csv")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var briefing = ExportFixtures.briefing
        briefing.tables.append(Table(name: "a/b", columns: [Column("x")]))
        briefing.tables.append(Table(name: "People", columns: [Column("x")]))
        let files = try CSVExporter().export(briefing, to: folder)
        #expect(files == ["articles.csv", "people.csv", "a_b.csv", "People-2.csv", "datapackage.json"])
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/articles.csv"))
        #expect([UInt8](written) == CSVExporter.bytes(of: ExportFixtures.articles))
        let excel = try makeTemporaryFolder("csv-excel")
        defer { try? FileManager.default.removeItem(atPath: excel) }
        let settings = CSVSettings(dialect: .excel, neutraliseFormulas: false)
        _ = try CSVExporter(settings: settings).export(briefing, to: excel)
        let excelBytes = try Data(contentsOf: URL(fileURLWithPath: excel + "/articles.csv"))
        #expect([UInt8](excelBytes) == CSVExporter.bytes(of: ExportFixtures.articles, settings: settings))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty)
    }

    @Test func unwritableFolderIsARunError() {
        #expect {
            _ = try CSVExporter().export(ExportFixtures.briefing, to: "/proc/briefing-cannot-write")
        } throws: { error in
            guard let error = error as? RunError else { return false }
            return error.message.hasPrefix("cannot write /proc/briefing-cannot-write")
        }
    }
}
