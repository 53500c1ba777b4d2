import Foundation
import Testing
@testable import BriefingKit

@Suite struct CSVExporterTests {
    @Test func articlesTableBytesAreExact() {
        let expected = "id,title,summary,published,url,score,featured,note\r\n"
            + "1,Tô Lâm meets Lương Tam Quang,\"Hà Nội, 12 avril — « Réunion », he said \"\"yes\"\".\nSecond line.\","
            + "2025-04-12,https://example.com/a?x=1&y=2,3.25,true,\r\n"
            + "2,\"Élodie, café & crème\",Plain summary,2025-04,https://example.com/vn/to-lam,-0.5,false,"
            + "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
        let bytes = CSVExporter.bytes(of: ExportFixtures.articles)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF], "no BOM")
    }

    @Test func quotingRoundTrips() {
        let awkward = Table(name: "t", columns: [Column("a,b"), Column("q\"uote"), Column("plain")], rows: [
            [.text("x\r\ny"), .text("\"\""), .text("")],
            [.text(","), .text("line\nbreak"), .text("Tô Lâm")],
        ])
        let parsed = parseCSV(String(decoding: CSVExporter.bytes(of: awkward), as: UTF8.self))
        #expect(parsed == [awkward.columns.map(\.name)] + awkward.rows.map { $0.map(\.plain) })
    }

    @Test func writesOneFilePerTableWithSafeUniqueNames() throws {
        let folder = try makeTemporaryFolder("csv")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var briefing = ExportFixtures.briefing
        briefing.tables.append(Table(name: "a/b", columns: [Column("x")]))
        briefing.tables.append(Table(name: "People", columns: [Column("x")]))
        let files = try CSVExporter().export(briefing, to: folder)
        #expect(files == ["articles.csv", "people.csv", "a_b.csv", "People-2.csv"])
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/articles.csv"))
        #expect([UInt8](written) == CSVExporter.bytes(of: ExportFixtures.articles))
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
