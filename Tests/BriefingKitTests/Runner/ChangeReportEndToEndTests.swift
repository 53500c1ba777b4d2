import Foundation
import Testing
@testable import BriefingKit

/// A new article that lands in the corpus folder after the first run: two new signatory countries,
/// a new signatory count, a new organisation with a commitment.
let ghanaKenyaArticle = """
     date 2025-10-28 Le Ghana et le Kenya rejoignent les signataires de la Convention de Hanoï

    Le Ghana et le Kenya ont signé la Convention des Nations unies contre la cybercriminalité (Convention de Hanoï) \
    le 27 octobre 2025 au siège de l'Organisation des Nations unies à New York, portant à 74 le nombre de pays \
    signataires, a annoncé l'Office des Nations unies contre la drogue et le crime (ONUDC).

    Photo : VNA/CVN

    Au 27 octobre, la Convention compte désormais 74 pays signataires, contre 72 à la clôture de la cérémonie \
    organisée par le Vietnam à Hanoï, où le texte avait été ouvert à la signature les 25 et 26 octobre. Les deux \
    pays africains n'avaient pas pu envoyer de délégation à Hanoï en raison de leur calendrier parlementaire.

    Dans une déclaration publiée à Accra, le ministre ghanéen des Communications a salué « une étape décisive pour \
    protéger les citoyens et les entreprises du continent contre la fraude en ligne et les rançongiciels ». \
    À Nairobi, le gouvernement kényan a rappelé que le pays avait participé activement aux négociations du texte \
    à Vienne et à New York.

    L'Union africaine s'engage à accompagner ses États membres dans la ratification de la Convention et à renforcer \
    leurs capacités en matière de preuves électroniques et de coopération judiciaire.

    La Convention entrera en vigueur 90 jours après le dépôt du quarantième instrument de ratification.

    """

@Suite(.serialized) struct ChangeReportEndToEndTests {
    static let newID = "005_7c1e2a9b3d4f5a61"

    /// Runs the project's pipeline on the day after `epoch` (seconds) and returns the result.
    func run(_ project: TempProject, day: Int, configure: (inout PipelineRunner) -> Void = { _ in }) throws -> RunResult {
        let config = try PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml")
        var runner = PipelineRunner(config: config, environment: ["SOURCE_DATE_EPOCH": String(1761523200 + 86400 * day)])
        configure(&runner)
        return try runner.run()
    }

    /// `changes.csv` of the published outputs, header first.
    func changesCSV(_ project: TempProject) throws -> [[String]] {
        parseCSV(try String(contentsOfFile: project.root + "/out/hanoi-convention/latest/changes.csv", encoding: .utf8))
    }

    /// `run.changes` of the published `briefing.json`.
    func jsonChanges(_ project: TempProject) throws -> [String]? {
        let data = try Data(contentsOf: URL(fileURLWithPath: project.root + "/out/hanoi-convention/latest/briefing.json"))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (root?["run"] as? [String: Any])?["changes"] as? [String]
    }

    @Test func aNewArticleIsReportedInTheTableCSVJSONAndWorkbook() throws {
        let project = try seedsProject()
        defer { project.remove() }

        let first = try run(project, day: 0)
        #expect(first.briefing.rows(ChangeRow.self)?.isEmpty == true)
        #expect(first.briefing.run.changes == ["first run: nothing to compare"])
        #expect(try changesCSV(project) == [["change", "item", "detail", "document_id"]])
        #expect(try jsonChanges(project) == ["first run: nothing to compare"])

        try project.write(ghanaKenyaArticle, to: "seeds/\(Self.newID).txt")
        let second = try run(project, day: 1)
        let csv = try changesCSV(project)
        let rows = Array(csv.dropFirst())
        let table = Table(try #require(second.briefing.rows(ChangeRow.self)))
        #expect(rows == table.cells.map { $0.map(\.plain) })

        #expect(rows.contains(["new-document", Self.newID,
                               "Le Ghana et le Kenya rejoignent les signataires de la Convention de Hanoï (2025-10-28, VNA/CVN)",
                               Self.newID]))
        let countries = rows.filter { $0[0] == "new-country" }
        #expect(countries.map { $0[1] }.sorted() == ["Ghana (GHA)", "Kenya (KEN)"])
        #expect(countries.allSatisfy { $0[3] == Self.newID && $0[2].hasPrefix("named in \(Self.newID); roles: signatory") })
        #expect(rows.contains(["figure-changed", "signatory-countries",
                               "69, 72 → 74 (as of 2025-10-27), source \(Self.newID)", Self.newID]))
        #expect(rows.contains { $0[0] == "new-organisation" && $0[1] == "Union africaine" })
        let commitment = try #require(rows.first { $0[0] == "new-commitment" })
        #expect(commitment[1].hasPrefix("Union africaine: accompagner ses États membres"))
        #expect(commitment[2].contains("L'Union africaine s'engage à accompagner"))
        // Nothing about the five seeds, which did not change.
        #expect(rows.allSatisfy { $0[3] == Self.newID }, "\(rows)")

        let lines = second.briefing.run.changes
        #expect(lines.first == "1 new document: \(Self.newID)")
        #expect(lines.contains("signatory-countries: 69, 72 → 74 (as of 2025-10-27)"))
        #expect(lines.contains("new country: Ghana (GHA)") && lines.contains("new country: Kenya (KEN)"))
        #expect(try jsonChanges(project) == lines)
        let summary = RunSummary.render(second.briefing.run, outputFolder: second.outputFolder, files: second.files)
        #expect(summary.contains("changes since the previous run:\n  1 new document: \(Self.newID)\n"))

        let sheet = try #require(try readWorkbook(project.root + "/out/hanoi-convention/latest/briefing.xlsx")["changes"])
        #expect(sheet == csv)

        // The same corpus again: nothing new, and the line says since when.
        let third = try run(project, day: 2)
        #expect(third.briefing.rows(ChangeRow.self)?.isEmpty == true)
        #expect(third.briefing.run.changes == ["no change since the previous run (2025-10-28T00:00:00Z)"])
    }

    @Test func aRemovedArticleIsReported() throws {
        let project = try seedsProject()
        defer { project.remove() }
        _ = try run(project, day: 0)
        try FileManager.default.removeItem(atPath: project.root + "/seeds/003_29ee913704c63452.txt")
        let result = try run(project, day: 1)
        let rows = Array(try changesCSV(project).dropFirst())
        #expect(rows == [["removed-document", "003_29ee913704c63452",
                          "Hanoï se prépare à accueillir la signature de la Convention des Nations unies contre la cybercriminalité (2025-04, VNA/CVN)",
                          "003_29ee913704c63452"]])
        #expect(result.briefing.run.changes == ["1 removed document: 003_29ee913704c63452"])
        // the removed document is no row of this run's documents: the data package must still be valid
        let report = try frictionlessValidate(project.root + "/out/hanoi-convention/latest/datapackage.json")
        #expect(report.valid, "\(report.errors)")
    }

    @Test func anUnreadablePreviousBriefingIsAWarningNotAFailure() throws {
        let project = try seedsProject()
        defer { project.remove() }
        _ = try run(project, day: 0)
        try project.write("{ \"run\": { \"pipeline\": ", to: "out/hanoi-convention/latest/briefing.json")
        let result = try run(project, day: 1)
        #expect(result.briefing.rows(ChangeRow.self)?.isEmpty == true)
        #expect(result.briefing.run.changes == ["previous briefing unreadable: nothing to compare"])
        #expect(result.briefing.run.warnings.contains(
            "previous briefing out/hanoi-convention/latest/briefing.json is not a briefing (not valid JSON): nothing to compare"))
    }

    @Test func thePreviousBriefingPathCanPointElsewhere() throws {
        let project = try seedsProject()
        defer { project.remove() }
        _ = try run(project, day: 0)
        let kept = project.root + "/kept-briefing.json"
        try FileManager.default.copyItem(atPath: project.root + "/out/hanoi-convention/latest/briefing.json", toPath: kept)
        try project.write(ghanaKenyaArticle, to: "seeds/\(Self.newID).txt")
        _ = try run(project, day: 1)
        // Against the published output (which already has the article): nothing new.
        #expect(try run(project, day: 2).briefing.rows(ChangeRow.self)?.isEmpty == true)
        // Against the kept first run: the article again.
        let again = try run(project, day: 3) { $0.previousBriefingPath = kept }
        #expect(again.briefing.run.changes.first == "1 new document: \(Self.newID)")

        let default_ = try PipelineRunner(config: PipelineLoader.load(path: project.root + "/Pipelines/hanoi-convention.yaml"))
        #expect(default_.previousBriefingPath == project.root + "/out/hanoi-convention/latest/briefing.json")
    }
}
