import Foundation
import Testing
@testable import BriefingKit

/// The path of `tool`, or an error telling how to install it.
func requireTool(_ tool: String, package: String) throws -> String {
    guard let path = findOnPath(tool) else {
        throw PythonError(message: "\(tool) is required for this test and is not on PATH; install the Debian package "
                              + "\(package) (scripts/setup.sh --test does)")
    }
    return path
}

/// The workbook opened in a real spreadsheet application: LibreOffice.
@Suite(.serialized) struct SummaryRenderTests {
    @Test func libreOfficeRendersTheSummaryOnPageOne() throws {
        _ = try requireTool("soffice", package: "libreoffice-calc-nogui")
        _ = try requireTool("pdftoppm", package: "poppler-utils")
        let pdftotext = try requireTool("pdftotext", package: "poppler-utils")
        let pdfinfo = try requireTool("pdfinfo", package: "poppler-utils")
        let folder = try makeTemporaryFolder("render")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try XLSXExporter().write(try seedsBriefing(), to: folder)

        let script = Repo.root.appendingPathComponent("scripts/render-summary.sh").path
        let png = folder + "/summary.png", pdf = folder + "/summary.pdf"
        let run = try runProcess("/bin/bash", [script, folder + "/briefing.xlsx", png], in: Repo.root.path)
        #expect(run.code == 0, "render-summary.sh failed:\n\(run.output)")
        let pdfSize = try #require(try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int)
        let pngData = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(pdfSize > 10_000, "PDF of \(pdfSize) bytes")
        #expect(pngData.count > 10_000, "PNG of \(pngData.count) bytes")
        #expect(pngData.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG file")

        // Page 1 is the Summary, landscape, with the charts drawn (their titles are on the page).
        let text = try runProcess(pdftotext, ["-f", "1", "-l", "1", "-layout", pdf, "-"], in: Repo.root.path)
        for expected in ["Headline", "72 signatory countries", "At a glance", "Key figures", "Commitments by theme",
                         "Mentions by country (top 15)", "Implementation of the Convention"] {
            #expect(text.output.contains(expected), "page 1 shows \(expected)")
        }
        let info = try runProcess(pdfinfo, ["-f", "1", "-l", "1", pdf], in: Repo.root.path)
        let size = info.output.split(separator: "\n").first { $0.hasPrefix("Page    1 size:") || $0.hasPrefix("Page size:") }
        let numbers = size.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        #expect(numbers.count >= 2 && numbers[numbers.count - 2] > numbers[numbers.count - 1],
                "landscape page: \(size.map(String.init) ?? info.output)")
    }

    @Test func libreOfficeKeepsEmptyAndRenamedTables() throws {
        let office = try requireTool("soffice", package: "libreoffice-calc-nogui")
        let tables = [
            Table(name: "empty", columns: [Column("a"), Column("b", .integer)]),
            Table(name: "dups", columns: [Column("name"), Column("Name")], rows: [[.text("x"), .text("y")]]),
        ]
        let folder = try makeTemporaryFolder("lo-tables")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try XLSXExporter().write(Briefing(run: ExportFixtures.run, tables: tables), to: folder)
        // LibreOffice opens the workbook and saves it again; the tables survive as they were.
        let run = try runProcess(office, ["-env:UserInstallation=file://\(folder)/profile", "--headless", "--convert-to",
                                       "xlsx", "--outdir", folder + "/lo", folder + "/briefing.xlsx"])
        #expect(run.code == 0, "LibreOffice could not re-save the workbook:\n\(run.output)")
        let script = """
            import sys, json, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps({ws.title: [[t.ref, [c.name for c in t.tableColumns]] for t in ws.tables.values()]
                              for ws in wb.worksheets}))
            """
        try requireOpenpyxl()
        let json = try runPython(script, args: [folder + "/lo/briefing.xlsx"])
        let saved = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[Any]]]
        #expect(saved?["empty"]?.first?.first as? String == "A1:B2")
        #expect(saved?["dups"]?.first?.last as? [String] == ["name", "Name (2)"])
    }
}
