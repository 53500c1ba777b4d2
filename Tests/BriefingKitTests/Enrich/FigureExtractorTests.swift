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
        #expect(try figures("Les réseaux 5G pays voisins").isEmpty)
    }

    @Test func pressNumberSyntax() throws {
        let cases: [(String, Double, String)] = [
            ("Some 2,500 nurses joined the strike.", 2500, "nurses"),
            ("Au total, 2.500 soignants et 1 200 médecins.", 1200, "doctors"),
            ("Le salon a accueilli 2\u{202F}500 exposants et 3\u{00A0}400 journalistes.", 3400, "journalists"),
            ("The census counted 1.2 million people on the coast.", 1_200_000, "people"),
            ("La région compte 1,2 million d'habitants.", 1_200_000, "people"),
            ("Officials said 1.2m voters had registered.", 1_200_000, "voters"),
            ("Les ménages ont reçu 3 milliards de dollars d'aide.", 3_000_000_000, "usd"),
            ("The fund will reach $50 million next year.", 50_000_000, "usd"),
            ("The bank lent US$2bn to the utility.", 2_000_000_000, "usd"),
            ("Brussels promised €3 billion for the region.", 3_000_000_000, "eur"),
            ("L'Union a débloqué 50 millions d'euros.", 50_000_000, "eur"),
            ("The charity raised £4.5m this spring.", 4_500_000, "gbp"),
            ("Le budget atteint 5 000 milliards de dongs.", 5e12, "vnd"),
            ("Turnout rose to 15% in the north.", 15, "percent"),
            ("La participation a atteint 15 % dans le nord.", 15, "percent"),
            ("Exports fell 15 per cent in March.", 15, "percent"),
            ("Le chômage a reculé de 15 pour cent.", 15, "percent"),
            ("Seventy-two reporters covered the vote.", 72, "journalists"),
            ("Twelve ministers signed the text.", 12, "ministers"),
            ("Soixante-neuf délégations étaient présentes.", 69, "delegations"),
            ("Vingt et un pays ont voté contre.", 21, "countries"),
            ("Quatre-vingt-dix journalistes ont couvert l'événement.", 90, "journalists"),
            ("Cent candidats se présentent.", 100, "candidates"),
            ("Mille bénévoles ont aidé.", 1000, "volunteers"),
            ("Two hundred and fifty troops arrived.", 250, "troops"),
            ("A dozen countries objected.", 12, "countries"),
            ("The army sent 300 additional troops.", 300, "troops"),
            ("Rescuers reached 12 field hospitals.", 12, "hospitals"),
        ]
        for (text, value, metric) in cases {
            let f = try figures(text)
            #expect(f.contains { $0.value == value && $0.metric == metric }, "\(text) → \(f.map { "\($0.value) \($0.metric)" })")
        }
    }

    @Test func qualifiersInBothLanguages() throws {
        let cases: [(String, String?)] = [
            ("More than 40 ships were seized.", "more-than"), ("Over 40 ships were seized.", "more-than"),
            ("Nearly 40 ships were seized.", "nearly"), ("Almost 40 ships were seized.", "nearly"),
            ("About 40 ships were seized.", "about"), ("Around 40 ships were seized.", "about"),
            ("At least 40 ships were seized.", "at-least"), ("Up to 40 ships were seized.", "up-to"),
            ("Fewer than 40 ships were seized.", "less-than"), ("Plus de 40 chalutiers ont été saisis.", "more-than"),
            ("Près de 40 journalistes sont venus.", "nearly"), ("Environ 40 journalistes sont venus.", "about"),
            ("Quelque 40 journalistes sont venus.", "about"), ("Au moins 40 journalistes sont venus.", "at-least"),
            ("Jusqu'à 40 journalistes sont attendus.", "up-to"), ("Moins de 40 journalistes sont venus.", "less-than"),
            ("Une vingtaine de journalistes sont venus.", "about"),
        ]
        for (text, qualifier) in cases {
            let f = try figures(text)
            // a French counted noun takes its English id from the vocabulary
            if text.hasPrefix("Plus de 40 chalutiers") { #expect(f.map(\.metric) == ["trawlers"]) }
            #expect(f.count == 1, "\(text)")
            #expect(f.first?.qualifier == qualifier, "\(text) → \(String(describing: f.first?.qualifier))")
            #expect(f.first?.value == (text.hasPrefix("Une vingtaine") ? 20 : 40), "\(text)")
        }
    }

    @Test func rangesGiveOneFigurePerBound() throws {
        for text in ["Between 40 and 50 journalists were detained.", "Some 40-50 journalists were detained.",
                     "Entre 40 et 50 journalistes ont été arrêtés.", "De 40 à 50 journalistes ont été arrêtés.",
                     "From 40 to 50 journalists were detained."] {
            let f = try figures(text)
            #expect(f.map(\.value) == [40, 50], "\(text)")
            #expect(f.map(\.metric) == ["journalists", "journalists"], "\(text)")
            #expect(f.allSatisfy { $0.qualifier == nil }, "\(text)")
        }
        #expect(try figures("The plan costs between $1 billion and $2 billion.").map(\.value) == [1e9, 2e9])
        #expect(try figures("Between 1 and 2 million people fled.").map(\.value) == [1e6, 2e6])
        let speakers = try figures("Entre 60 et 70 pays ont pris la parole.")
        #expect(speakers.map(\.value) == [60, 70])
        #expect(speakers.allSatisfy { $0.role == "speakers" })
    }

    @Test func casualtiesFromTheVerb() throws {
        #expect(try figures("At least 12 people were killed in the floods.").map(\.metric) == ["deaths"])
        #expect(try figures("The blast killed at least 12 people.").map(\.metric) == ["deaths"])
        #expect(try figures("Au moins 12 personnes ont été tuées.").map(\.metric) == ["deaths"])
        #expect(try figures("Some 300 people were evacuated.").map(\.metric) == ["evacuated"])
        #expect(try figures("The quake left 40 dead and 200 injured.").map(\.metric) == ["deaths", "injured"])
    }

    @Test func numbersThatCountNothing() throws {
        let texts = [
            "Published October 26, 2025 3:14 PM", "Mis à jour le 26/10/2025 à 14h05",
            "The talks lasted three days.", "Les discussions ont duré deux jours.",
            "Under article 5 of the treaty, members must act.", "Resolution 2231 was adopted in 2015.",
            "The 45-year-old minister resigned.", "A man aged 45 was arrested.", "Call +84 24 3825 1234 for details.",
            "In 2024 voters rejected the plan.", "The meeting starts at 10.30am on Monday.", "The COVID-19 pandemic.",
            "One of the ministers spoke.", "He finished in 3rd place.", "Dozens of people protested.",
            "Des milliers de manifestants ont défilé.", "Les vents ont soufflé jusqu'à 210 km/h.",
            "Only one in five voters turned out.", "Un électeur sur dix a voté blanc.", "Temperatures reached 45 degrees.", "Articles 5 and 6 apply.", "Cinq continents étaient représentés.",
        ]
        for text in texts {
            let f = try figures(text)
            #expect(f.isEmpty, "\(text) → \(f.map { "\($0.value) \($0.metric)" })")
        }
    }

    @Test func hugeNumbersAndLongParagraphs() throws {
        let digits = String(repeating: "7", count: 10_000)
        #expect(try figures("There were \(digits) delegates and 12 ministers.").map(\.value) == [12])
        let groups = Array(repeating: "123", count: 3_000).joined(separator: " ")
        #expect(try figures("Some 1 \(groups) delegates came; 5 ministers too.").map(\.value) == [5])
        let sentence = "Nearly 40 journalists and 12 ministers attended the talks in the capital on Monday, "
        let long = String(repeating: sentence, count: 2_500)
        let clock = ContinuousClock()
        let t = clock.measure { _ = try? figures(long) }
        #expect(try figures(long).count == 5_000)
        #expect(t < .seconds(20))
    }

    @Test func theCountedThingFromTheSentence() throws {
        // a part of a whole counts what the whole counts; the whole is a figure of its own
        let part = try figures("Seven of the 10 member states voted in favour.")
        #expect(part.map(\.value) == [7, 10])
        #expect(part.map(\.metric) == ["member-states", "member-states"])
        #expect(try figures("At least 20 of the countries that signed have no such law.").first?.metric == "signatory-countries")
        #expect(try figures("Six of the 10 members of the African Union backed the plan.").map(\.metric) == ["member-states", "member-states"])
        #expect(try figures("The party has 120 members of parliament.").map(\.metric) == ["lawmakers"])
        // a casualty phrase stands for its noun
        #expect(try figures("Officials said 15 were still missing.").map(\.metric) == ["missing"])
        #expect(try figures("Plus de 4 000 ont été évacués.").map(\.metric) == ["evacuated"])
        // a comparison with the figure just stated
        let seats = try figures("The party won 42 seats, down from 57 five years ago.")
        #expect(seats.map(\.value) == [42, 57])
        #expect(seats.map(\.metric) == ["seats", "seats"])
        // with no counted thing stated before, a comparison copies nothing
        #expect(try figures("Les sinistrés sont 3 000, contre 1 200 la veille.").isEmpty)
        // "the number of X … to N"
        #expect(try figures("The number of hospitals in the network has risen to 85.").map(\.metric) == ["hospitals"])
        // a plural nationality counts people
        #expect(try figures("Près de 2 millions de Libanais ont voté.").map(\.metric) == ["people"])
        #expect(try figures("Some 4,000 Ethiopians crossed the border.").map(\.metric) == ["people"])
    }

    @Test func wordsThatAreNotFigures() throws {
        // a bare "one" counts only when a rule names what it counts
        #expect(try figures("The law lets police in one country ask for data held in another.").isEmpty)
        #expect(try figures("One person was killed in the blast.").map(\.metric) == ["deaths"])
        // a number after a name is a model or an edition
        #expect(try figures("The airline grounded its Boeing 737 jets.").isEmpty)
        // an exchange rate is no amount of money
        #expect(try figures("Markets: USD/VND 26,345 at the close.").isEmpty)
        // ordinal context: "the first two summits"
        #expect(try figures("Only 40 percent of pledges made at the first two summits were paid.").map(\.metric) == ["percent"])
    }

    @Test func asOfOnlyFromAWrittenDay() throws {
        #expect(try figures("Le 25 octobre, 72 pays ont signé la Convention.").first?.asOf?.iso == "2025-10-25")
        #expect(try figures("The council committed to cover 90 percent of tariff lines by June 2026.").first?.asOf == nil)
        #expect(try figures("Aujourd'hui, 39 pays disposent d'une loi spécifique.").first?.asOf == nil)
        #expect(try figures("The bloc must reach 50 ratifications by 30 June 2026.").first?.asOf == nil)
    }

    @Test func rulesMayStartFromSeveralMetrics() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).yaml")
        try "version: 1\nmetrics:\n  people: [people]\n  workers: [workers]\n  deaths: [dead]\ncontext_rules:\n  - from: [people, workers]\n    to: deaths\n    after: [were killed]\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let e = try FigureExtractor(metricsFile: url.path)
        var f = Findings()
        for s in Tokenizer.sentences("At least 14 aid workers were killed and 3 people were killed.") {
            e.extract(SentenceContext(documentID: "d", paragraphID: "d#p1", documentDate: nil, sentence: s), into: &f)
        }
        #expect(f.figures.map(\.metric) == ["deaths", "deaths"])
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

@Suite struct FigureGeneralisationTests {
    @Test func frenchNounsOutsideTheVocabularyCountThemselves() throws {
        let f = try figures("Les autorités ont distribué 4 500 moustiquaires et 12 citernes dans la région de Mopti.")
        #expect(f.map(\.metric) == ["moustiquaires", "citernes"] || f.map(\.metric) == ["mosquito-nets", "citernes"])
        #expect(f.map(\.value) == [4500, 12])
        // a noun the vocabulary knows takes its English id
        #expect(try figures("Une centaine de motos ont été saisies à la frontière.").map(\.metric) == ["motorcycles"])
        // time, measure and participles give nothing; a collective needs its "de"
        #expect(try figures("Le chantier a duré 15 ans et la digue mesure 40 mètres.").isEmpty)
        #expect(try figures("Les 27 rassemblés à Bruxelles ont tranché.").isEmpty)
        // "conduites" is a participle, not what is counted: the part after "dont" counts the whole's countries
        // (the dev-set rule: every number that counts something)
        let part = try figures("Soixante-neuf pays, dont une trentaine conduites par des ministres, étaient présents.")
        #expect(part.map(\.value) == [69, 30])
        #expect(part.map(\.metric) == ["countries", "countries"])
        #expect(try figures("Près de deux tiers des escroqueries passent par les réseaux sociaux.").isEmpty)
    }

    @Test func frenchVocabularyOfNews() throws {
        let f = try figures("Au moins 31 professionnels des médias sont détenus, et 250 000 familles ont reçu des kits d'hygiène.")
        #expect(f.map(\.metric) == ["journalists", "households"])
        #expect(f.first?.qualifier == "at-least")
        #expect(try figures("Trois centres de traitement ont ouvert à Luanda.").map(\.metric) == ["treatment-centres"])
        #expect(try figures("Le Rwanda a débloqué 52,6 milliards de francs guinéens.").first?.metric == "gnf")
        #expect(try figures("Une vingtaine d'épidémiologistes ont été déployés.").map(\.metric) == ["experts"])
        #expect(try figures("Ils ont reçu 15 autres camions.").map(\.metric) == ["vehicles"])
    }

    @Test func frenchApproximateAndLargeNumbers() throws {
        let a = try figures("Près d'un million de personnes vivent dans la zone.")
        #expect(a.map(\.value) == [1_000_000])
        #expect(a.first?.qualifier == "nearly")
        #expect(a.first?.metric == "people")
        let b = try figures("Un millier de manifestants et une dizaine de milliers de sympathisants ont défilé.")
        #expect(b.map(\.value) == [1000, 10000])
        #expect(b.map(\.qualifier) == ["about", "about"])
        #expect(b.map(\.metric) == ["protesters", "supporters"])
        #expect(try figures("Des centaines de familles et des milliers d'enfants sont touchés.").isEmpty)
        #expect(try figures("15.000 réfugiés et 1,5 million de déplacés").map(\.value) == [15000, 1_500_000])
    }

    @Test func frenchPercentagesAndMoney() throws {
        for (text, metric, value) in [("Le chômage a reculé de 15 %.", "percent", 15.0),
                                      ("Les prix ont augmenté de 3 pour cent.", "percent", 3),
                                      ("Le taux a gagné 2 points de pourcentage.", "percentage-points", 2),
                                      ("Une aide de 500 millions de francs CFA a été votée.", "xof", 500_000_000),
                                      ("Le budget atteint 12 milliards FCFA.", "xof", 12_000_000_000),
                                      ("Washington a promis 50 millions de dollars américains.", "usd", 50_000_000),
                                      ("Le fonds dispose de 50 M$ pour la reconstruction.", "usd", 50_000_000),
                                      ("L'Union a mobilisé 1,5 Md€ cette année.", "eur", 1_500_000_000),
                                      ("Bruxelles débloque 3 milliards d'euros.", "eur", 3_000_000_000)] {
            let f = try figures(text)
            #expect(f.map(\.metric) == [metric], "\(text)")
            #expect(f.map(\.value) == [value], "\(text)")
        }
    }

    @Test func englishCompoundsAndHeads() throws {
        #expect(try figures("The two sides agreed to reopen four road crossings on the border.").map(\.metric) == ["crossings"])
        #expect(try figures("The ministry ordered 38,000 graphics processors for its data centres.").map(\.metric) == ["processors"])
        #expect(try figures("Tariffs of 15 percent apply to cars.").map(\.metric) == ["percent"])
        #expect(try figures("Officials said 1,900 civil society groups had signed the letter.").map(\.metric) == ["organisations"])
        #expect(try figures("Teams cleared about 2.4 square kilometres of farmland.").map(\.metric) == ["square-kilometres"])
        #expect(try figures("India sent 1 billion Nepalese rupees in relief.").map(\.metric) == ["npr"])
    }

    @Test func englishBareNumbersThatReferBack() throws {
        let a = try figures("At least 120,000 people in the north and roughly 90,000 in the south were affected.")
        #expect(a.map(\.value) == [120_000, 90_000])
        #expect(a.map(\.metric) == ["people", "people"])
        #expect(a.map(\.qualifier) == ["at-least", "about"])
        let b = try figures("The motion passed with 101 votes in favour, 7 against and 20 abstentions.")
        #expect(b.map(\.value) == [101, 7, 20])
        #expect(b.map(\.metric) == ["votes", "votes", "abstentions"])
        let c = try figures("The floods killed more than 40 people and displaced around 60,000.")
        #expect(c.map(\.metric) == ["deaths", "displaced"])
        let d = try figures("The ruling party won 40 seats. Independents took the remaining five.")
        #expect(d.map(\.metric) == ["seats", "seats"])
        #expect(d.map(\.value) == [40, 5])
        #expect(try figures("Nothing changed in 2021 and 2022 for the villagers.").isEmpty)
    }

    @Test func aPairNamedBeforeIsNotACount() throws {
        #expect(try figures("Trade between the two countries fell sharply.").isEmpty)
        #expect(try figures("Les deux blocs représentent un vaste marché.").isEmpty)
        #expect(try figures("Two countries abstained.").map(\.metric) == ["countries"])
        #expect(try figures("Les trois pays ont signé.").map(\.value) == [3])
    }

    @Test func sizesOfBodies() throws {
        #expect(try figures("The resolution passed on the 35-member Board of Governors.").map(\.metric) == ["member-states"])
        #expect(try figures("The 27-nation bloc agreed the package.").map(\.metric) == ["countries"])
        #expect(try figures("A 12-member jury heard the case.").map(\.metric) == ["members"])
        #expect(try figures("The 45-year-old minister resigned.").isEmpty)
    }

    @Test func casualtiesOfMoreKindsOfPeople() throws {
        let f = try figures("At least 14 aid workers have been killed this year, and 3 teachers were injured.")
        #expect(f.map(\.metric) == ["deaths", "injured"])
    }

    @Test func aDateInASetOffClauseDoesNotDateTheFigure() throws {
        let f = try figures("Adoptée par l'Assemblée générale le 24 décembre 2024, la convention entrera en vigueur après sa ratification par 40 États.")
        #expect(f.map(\.value) == [40])
        #expect(f.first?.asOf == nil)
        let g = try figures("Since the deal took effect on January 1, exports have grown by 15 percent.")
        #expect(g.first?.asOf == nil)
        // a date that only opens the sentence still dates the figure
        #expect(try figures("Le 25 octobre, 65 pays ont signé la convention.").first?.asOf?.iso == "2025-10-25")
        #expect(try figures("On October 25, 65 countries signed the convention.").first?.asOf?.iso == "2025-10-25")
    }
}
