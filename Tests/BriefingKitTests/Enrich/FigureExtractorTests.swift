import Foundation
import Testing
@testable import BriefingKit

private let extractor: FigureExtractor? = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { dir.deleteLastPathComponent() }
    return try? FigureExtractor(metricsFile: dir.appendingPathComponent("Pipelines/data/metrics.yaml").path)
}()

private func figures(_ text: String, on documentDate: PartialDate? = PartialDate(year: 2025, month: 10, day: 26)) throws -> [FigureMention] {
    let e = try #require(extractor)
    var f = Findings()
    for s in Tokenizer.sentences(text) {
        e.extract(SentenceContext(documentID: "doc", paragraphID: "doc#p1", documentDate: documentDate, sentence: s), into: &f)
    }
    return f.figures
}

@Suite struct FigureExtractorTests {
    @Test func qualifiedThousandsAndASecondFigure() throws {
        let f = try figures("Dans son discours d'ouverture, le lieutenant-général Pham The Tung, au nom du ministère de la Sécurité publique, a adressé ses plus chaleureuses salutations à plus de 1 000 délégués de 110 délégations de pays et d'organisations internationales et régionales qui ont assisté à la cérémonie de signature de la Convention des Nations Unies contre la cybercriminalité.")
        #expect(f.map(\.value) == [1000, 110])
        #expect(f.map(\.metric) == ["delegates", "delegations"])
        #expect(f.map(\.qualifier) == ["more-than", nil])
        #expect(f.first?.qualifierText == "plus de")
        #expect(f.first?.surface == "plus de 1 000 délégués")
        #expect(f.first?.unitText == "délégués")
    }

    @Test func thousandsSeparators() throws {
        for text in ["1\u{00A0}000 délégués", "1\u{202F}000 délégués", "1.000 délégués", "1,000 delegates"] {
            #expect(try figures(text).map(\.value) == [1000], "\(text)")
        }
        #expect(try figures("2,5 millions de participants").first?.value == 2_500_000)
    }

    @Test func signingByCountriesAsOfTheSentenceDate() throws {
        let f = try figures("Selon le lieutenant général supérieur, hier matin, le 25 octobre, a eu lieu un moment historique avec la signature de la Convention de Hanoi par 69 pays lors de la cérémonie la plus solennelle ; exprimant l'aspiration, la détermination et la nécessité de renforcer la coopération internationale et le désir de promouvoir un cadre juridique mondial pour prévenir la cybercriminalité.")
        #expect(f.count == 1)
        #expect(f.first?.value == 69)
        #expect(f.first?.metric == "signatory-countries")
        #expect(f.first?.asOf?.iso == "2025-10-25")
        #expect(f.first?.surface == "69 pays")
        let attendees = try figures("Lors de la réception, le général Luong Tam Quang, ministre de la Police, organisateur de cet événement, a salué le succès de la cérémonie de signature, tenue dans le respect des protocoles diplomatiques et en présence de milliers de représentants de 110 pays et organisations internationales.")
        #expect(attendees.map(\.metric) == ["countries-and-organisations"])
        #expect(attendees.first?.value == 110)
        #expect(try figures("Au total, 69 pays ont signé la Convention.").first?.metric == "signatory-countries")
    }

    @Test func signatoryCountriesAndStatements() throws {
        let f = try figures("La cérémonie d'ouverture de la signature de la Convention des Nations Unies contre la cybercriminalité s'est déroulée avec solennité et succès, en présence de représentants de 72 pays signataires.")
        #expect(f.map(\.metric) == ["signatory-countries"])
        #expect(f.first?.value == 72)
        #expect(f.first?.unitText == "pays signataires")
        let s = try figures("En outre, selon le lieutenant-général Pham The Tung, lors de la séance plénière de discussion de l'après-midi du 25 octobre, la conférence a écouté 19 déclarations, dans lesquelles les pays ont souligné le rôle de la Convention.")
        #expect(s.map(\.metric) == ["statements"])
        #expect(s.first?.value == 19)
        #expect(s.first?.asOf?.iso == "2025-10-25")
    }

    @Test func figuresInBrackets() throws {
        let f = try figures("Adoptée par l'Assemblée générale des Nations unies le 24 décembre 2024, la Convention (9 chapitres, 71 articles) sera signée à Hanoï, marquant la première fois qu'un traité international multilatéral d'une telle portée dans le domaine crucial de la cybersécurité et de la gouvernance numérique sera paraphé au Vietnam.", on: PartialDate(year: 2025, month: 4))
        #expect(f.map(\.metric) == ["chapters", "articles"])
        #expect(f.map(\.value) == [9, 71])
        // the date is the adoption's; a treaty's size has no as-of date
        #expect(f.map(\.asOf) == [nil, nil])
    }

    @Test func nearlyCountriesAndOrganisations() throws {
        let f = try figures("Durant les deux jours des 25 et 26 octobre, près de 80 pays et organisations internationales ont pris la parole lors de la séance de discussion.")
        #expect(f.count == 1)
        #expect(f.first?.value == 80)
        #expect(f.first?.qualifier == "nearly")
        #expect(f.first?.metric == "countries-and-organisations")
        #expect(f.first?.surface == "près de 80 pays et organisations internationales")
        #expect(f.first?.asOf?.iso == "2025-10-26")
    }

    @Test func englishQualifiers() throws {
        let f = try figures("More than 60 countries signed the Convention, and at least 110 delegations attended.")
        #expect(f.map(\.value) == [60, 110])
        #expect(f.map(\.metric) == ["signatory-countries", "delegations"])
        #expect(f.map(\.qualifier) == ["more-than", "at-least"])
        let g = try figures("The conference heard statements from more than 60 countries.")
        #expect(g.map(\.metric) == ["countries"])
        #expect(g.first?.qualifier == "more-than")
        #expect(g.first?.surface == "more than 60 countries")
    }

    @Test func numbersWithoutACountedThing() throws {
        #expect(try figures("Le 26 octobre après-midi, à Hanoï, le général Luong Tam Quang a prononcé le discours de clôture.").isEmpty)
        #expect(try figures("Un lieu de divertissement de Noël fait sensation auprès des jeunes à Hô Chi Minh-Ville avec un pin de 7 mètres de haut.").isEmpty)
        #expect(try figures("Le Vietnam sera la première destination mondiale en matière de patrimoine en 2025.").isEmpty)
        #expect(try figures("1. Ces deux derniers jours, notre collaboration a été très fructueuse.").isEmpty)
        #expect(try figures("Entre 60 et 70 pays ont pris la parole.").isEmpty)
        #expect(try figures("Les réseaux 5G pays voisins").isEmpty)
    }

    @Test func projectDataFileLoads() throws {
        let f = try FigureExtractor(metricsFile: Repo.root.appendingPathComponent("Pipelines/data/metrics.yaml").path)
        var findings = Findings()
        for s in Tokenizer.sentences("plus de 60 délégués") {
            f.extract(SentenceContext(documentID: "d", paragraphID: "d#p1", documentDate: nil, sentence: s), into: &findings)
        }
        #expect(findings.figures.map(\.metric) == ["delegates"])
    }

    @Test func yamlSyntaxErrorHasAPosition() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).yaml")
        try "version: 1\nmetrics:\n  countries: [pays, nations\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try FigureExtractor(metricsFile: url.path)
            Issue.record("expected a ConfigError")
        } catch let error as ConfigError {
            #expect(error.location.file == url.path)
            #expect(error.location.line == 4)
        }
    }

    @Test func wrongTypeNamesItsKeyAndLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).yaml")
        try "version: 1\nmetrics:\n  countries: [pays]\ncontext_rules:\n  - from: countries\n    to: countries\n    window: many\n    triggers: [signature]\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try FigureExtractor(metricsFile: url.path)
            Issue.record("expected a ConfigError")
        } catch let error as ConfigError {
            #expect(error.keyPath == "context_rules[0].window")
            #expect(error.location.line == 7)
            #expect(error.location.column == 13)
        }
    }

    @Test func unknownKeyInMetricsFileIsAConfigError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).yaml")
        try "version: 1\nmetrics:\n  countries: [pays]\ncontext_rules:\n  - from: countries\n    to: nowhere\n    triggers: [signature]\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ConfigError.self) { try FigureExtractor(metricsFile: url.path) }
    }
}
