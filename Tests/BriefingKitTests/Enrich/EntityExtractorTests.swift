import Foundation
import Testing
@testable import BriefingKit

/// The repository root: the folder above this file that holds Package.swift.
private let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url.path
}()

/// The extractor built from the repository's data files, once.
private let repoExtractor = Result { try EntityExtractor(projectRoot: repoRoot) }

/// Runs `extractor` over every sentence of `paragraph`.
private func entities(_ paragraph: String, _ extractor: EntityExtractor? = nil) throws -> [EntityMention] {
    let ex = try extractor ?? repoExtractor.get()
    var findings = Findings()
    for sentence in Tokenizer.sentences(paragraph) {
        ex.extract(SentenceContext(documentID: "doc", paragraphID: "p1", documentDate: nil, sentence: sentence), into: &findings)
    }
    return findings.entities
}

/// The paragraph's text at a mention's provenance offsets.
private func text(_ paragraph: String, _ p: Provenance) -> String {
    let scalars = Array(paragraph.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[p.start..<p.end])
    return String(view)
}

@Suite struct EntityExtractorTests {
    // MARK: - Countries

    @Test func ecuadorFromItsVicePresidentWhoSpeaks() throws {
        let p = "Au nom des chefs de délégation, Maria Jose Pinto Gonzalez Artigas, vice-présidente de l'Équateur, a souligné que la Convention, fondée sur la coopération et la compréhension mutuelle, engageait les parties à partager leur expertise pour une lutte conjointe et efficace."
        let found = try entities(p)
        #expect(found.count == 1)
        let ecuador = try #require(found.first)
        #expect(ecuador.kind == .country)
        #expect(ecuador.name == "Équateur")
        #expect(ecuador.alpha2 == "EC" && ecuador.code == "ECU")
        #expect(ecuador.surface == "Équateur")
        #expect(ecuador.roles == ["speaker"])
        #expect(text(p, ecuador.provenance) == "Équateur")
        #expect(ecuador.provenance.documentID == "doc" && ecuador.provenance.sentenceIndex == 1)
    }

    @Test func partyNameHidesItsCountryAndTheTreatyHidesTheUN() throws {
        let p = "Le secrétaire général du Parti communiste du Vietnam (PCV), Tô Lâm, a reçu, samedi 25 octobre à Hanoï, les chefs de délégation des pays participant à la cérémonie d'ouverture à la signature et à la conférence de haut niveau sur la Convention des Nations unies contre la cybercriminalité (Convention de Hanoï)."
        let found = try entities(p)
        #expect(found.map(\.code) == ["PCV"])
        #expect(found.first?.kind == .organisation)
        #expect(found.first?.name == "PCV")
        // the acronym in parentheses glosses the name: one mention, whose place is the name's
        #expect(found.first?.surface == "Parti communiste du Vietnam")
        #expect(text(p, try #require(found.first).provenance) == "Parti communiste du Vietnam")
    }

    @Test func vietnamAndTheUNODC() throws {
        let p = "Concernant les préparatifs de la signature, le Vietnam et l'Office des Nations unies contre la drogue et le crime (ONUDC) collaborent activement à l'élaboration du programme de la cérémonie, des événements parallèles et des discussions thématiques liés à la Convention."
        let found = try entities(p)
        #expect(found.map(\.kind) == [.country, .organisation])
        #expect(found.map(\.name) == ["Vietnam", "ONUDC"])
        #expect(found[0].alpha2 == "VN" && found[0].code == "VNM" && found[0].surface == "Vietnam")
        #expect(found[1].surface == "Office des Nations unies contre la drogue et le crime")
        #expect(found.allSatisfy { $0.roles.isEmpty })
    }

    @Test func demonymsPointToTheCountryAndPartiCountsAfterDu() throws {
        let p = "Au nom du Parti et de l'État vietnamiens, je tiens à exprimer une fois de plus ma sincère gratitude à tous les délégués, organisations et individus qui ont participé et contribué au succès général de la cérémonie de signature et de la conférence de haut niveau."
        let found = try entities(p)
        #expect(found.map(\.code) == ["PCV", "VNM"])
        #expect(found.map(\.surface) == ["Parti", "vietnamiens"])
        // another party is no PCV: its own name, found by its shape; a language is no country
        let other = try entities("Le Parti socialiste a voté contre. Le texte est traduit en vietnamien.")
        #expect(other.map(\.name) == ["Parti socialiste"])
        #expect(other.allSatisfy { $0.kind == .organisation && $0.code == nil })
        #expect(try entities("Français Les commentaires ont souligné les valeurs fondamentales de la Convention.").isEmpty)
    }

    @Test func englishNamesAndTheSecretaryGeneralsOrganisation() throws {
        let found = try entities("More than 60 countries including the United States and Viet Nam signed the Convention on 25 October.")
        #expect(found.map(\.code) == ["USA", "VNM"])
        #expect(found.map(\.surface) == ["United States", "Viet Nam"])
        #expect(found.map(\.name) == ["États-Unis", "Vietnam"])
        #expect(found.allSatisfy { $0.roles == ["signatory"] })
        let un = try entities("The ceremony was opened by the Secretary-General of the United Nations, António Guterres.")
        #expect(un.map(\.code) == ["ONU"])
        #expect(un.first?.surface == "United Nations")
        #expect(try entities("The Road to Ha Noi: Opening for Signature of the UN Convention against Cybercrime.").isEmpty)
    }

    @Test func longestNameWinsBetweenNeighbouringCountries() throws {
        let found = try entities("La Guinée équatoriale, la Guinée-Bissau, la Guinée, le Niger et le Nigeria ont signé, tout comme la République démocratique du Congo, le Congo, le Soudan et le Soudan du Sud.")
        #expect(found.map(\.code) == ["GNQ", "GNB", "GIN", "NER", "NGA", "COD", "COG", "SDN", "SSD"])
        #expect(found.prefix(5).allSatisfy { $0.roles == ["signatory"] })
        #expect(found.dropFirst(5).allSatisfy { $0.roles.isEmpty })
        #expect(found[5].name == "République démocratique du Congo" && found[6].name == "Congo")
        #expect(try entities("L'Afrique du Sud et l'Afrique").map(\.code) == ["ZAF", "africa"])
    }

    @Test func icuNamesWithEitherApostropheAndOtherCountries() throws {
        #expect(try entities("La Côte d’Ivoire et la Côte d'Ivoire").map(\.code) == ["CIV", "CIV"])
        #expect(try entities("La Norvège, l'Allemagne et la Chine.").map(\.code) == ["NOR", "DEU", "CHN"])
        #expect(try entities("La Norvège, l'Allemagne et la Chine.").map(\.name) == ["Norvège", "Allemagne", "Chine"])
    }

    @Test func meetingsCitiesAndFirstNamesAreNotCountries() throws {
        #expect(try entities("En marge de la Réunion a été organisé un événement intitulé \"The Road to Ha Noi\".").isEmpty)
        #expect(try entities("Le choix unanime de Hanoï comme lieu de signature reflète la reconnaissance.").isEmpty)
        #expect(try entities("Maurice Ravel et la chine de porcelaine.").isEmpty)
        #expect(try entities("Les délégués de La Réunion et de l'île Maurice sont arrivés à Maurice.").map(\.code) == ["REU", "MUS", "MUS"])
    }

    // MARK: - Groups and organisations

    @Test func groupsOfCountries() throws {
        let found = try entities("Les pays développés se sont également engagés à renforcer leurs capacités et à fournir un soutien technique, comme le proposent les pays en développement.")
        #expect(found.map(\.kind) == [.group, .group])
        #expect(found.map(\.name) == ["pays développés", "pays en développement"])
        #expect(found.map(\.code) == ["developed-countries", "developing-countries"])
        #expect(found.allSatisfy { $0.alpha2 == nil })
        let africa = try entities("Ils ont encouragé les nations africaines à se rendre à Hanoï, une menace pour le développement de l'Afrique et du monde.")
        #expect(africa.map(\.name) == ["nations africaines", "Afrique"])
    }

    @Test func organisationsWithTheirRoles() throws {
        let police = try entities("Lors de la réception, le général Luong Tam Quang, ministre de la Police, organisateur de cet événement, a salué le succès de la cérémonie de signature.")
        #expect(police.map(\.name) == ["Ministère de la Sécurité publique"])
        #expect(police.first?.surface == "ministre de la Police")
        #expect(police.first?.roles == ["organiser"])
        let quote = try entities("« C'est exactement ce que nous attendons dans le cadre de la session de discussion de haut niveau », a souligné le vice-ministre de la Sécurité publique.")
        #expect(quote.map(\.code) == ["MSP"])
        #expect(quote.first?.roles == ["speaker"])
        let thanks = try entities("J'adresse également mes plus vifs remerciements aux Nations Unies, au Comité d'organisation, aux agences vietnamiennes compétentes.")
        #expect(thanks.map(\.code) == ["ONU", "CO", "VNM"])
        #expect(thanks.map(\.roles) == [[], ["organiser"], []])
        let assembly = try entities("Adoptée par l'Assemblée générale des Nations unies le 24 décembre 2024, la Convention sera signée à Hanoï.")
        #expect(assembly.map(\.code) == ["AGNU"])
        #expect(try entities("Le Vietnam accueille la cérémonie.").first?.roles == ["host"])
    }

    // MARK: - Data

    @Test func withoutDataFilesOnlyICUNames() throws {
        let bare = try EntityExtractor(countriesFile: nil, organisationsFile: nil)
        let found = try entities("La vice-présidente de l'Équateur et le Parti communiste du Vietnam.", bare)
        #expect(found.map(\.alpha2) == ["EC", "VN"])
        #expect(found.map(\.name) == ["Équateur", "Viêt Nam"])
        #expect(found.allSatisfy { $0.code == nil && $0.kind == .country })
    }

    @Test func alpha3TableAgreesWithICU() throws {
        let file = try YAMLLoader.load(CountriesFile.self, path: repoRoot + "/Pipelines/data/countries.yaml")
        #expect(file.alpha3.count == 250)
        for (a2, a3) in file.alpha3 {
            #expect(Locale(identifier: "und_" + a3).region?.identifier == a2, "\(a2) → \(a3)")
        }
        let left = Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 }).subtracting(file.alpha3.keys)
        #expect(left == ["AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO"])
        #expect(left.isSubset(of: CountryLexicon.builtInNonCountries))
    }

    @Test func malformedDataFilesGiveLineAndColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func failure(_ yaml: String) throws -> ConfigError? {
            let path = dir.appendingPathComponent("organisations.yaml").path
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try EntityExtractor(countriesFile: nil, organisationsFile: path)
                return nil
            } catch let error as ConfigError {
                return error
            }
        }
        let syntax = try #require(try failure("version: 1\norganisations:\n  - id: ONU\n    aliases: [ONU, UN\n"))
        #expect(syntax.location.line == 5 && syntax.location.column == 1)
        #expect(syntax.location.file.hasSuffix("organisations.yaml"))
        let unknown = try #require(try failure("version: 1\norganisations:\n  - id: ONU\n    name: ONU\n    kind: un-body\n    alias: [UN]\n"))
        #expect(unknown.location.line == 6 && unknown.location.column == 5)
        #expect(unknown.keyPath == "organisations[0]")
        #expect(unknown.message.hasPrefix("unknown key 'alias'"))
        let kind = try #require(try failure("organisations:\n  - id: ONU\n    name: ONU\n    kind: club\n"))
        #expect(kind.location.line == 4 && kind.location.column == 11)
        #expect(kind.keyPath == "organisations[0].kind")
        let twice = try #require(try failure("organisations:\n  - {id: A, name: A, kind: other, aliases: [Alpha]}\n  - {id: B, name: B, kind: other, aliases: [Beta, alpha]}\n"))
        #expect(twice.location.line == 3 && twice.keyPath == "organisations[1].aliases[1]")
        #expect(twice.message == "alias 'alpha' already names 'A'")
    }

    // MARK: - Gold standard

    @Test func headsOfStateSpeakForTheirCountryLanguagesDoNot() throws {
        // a head of state or government acts as the country; another post is an affiliation
        #expect(try entities("Le président chinois a ouvert le sommet.").map(\.code) == ["CHN"])
        #expect(try entities("The summit heard Indian Prime Minister Rao.").map(\.code) == ["IND"])
        #expect(try entities("Un diplomate chinois a assisté au sommet.").filter { $0.kind == .country }.isEmpty)
        // a language, a cuisine
        #expect(try entities("Le texte est traduit du chinois et publié en français.").isEmpty)
        #expect(try entities("La langue française et la cuisine portugaise sont à l'honneur.").isEmpty)
        #expect(try entities("Les investissements chinois et portugais progressent.").map(\.code) == ["CHN", "PRT"])
    }

    /// A country's letters glued to a currency sign are the currency (`US$`, `NZ$`); spaced, they are the country.
    @Test func currencyPrefixesAreNoCountry() throws {
        #expect(try entities("Lenders offered US$300m for the new port.").filter { $0.kind == .country }.isEmpty)
        #expect(try entities("Exporters earned NZ$4bn from dairy last year.").filter { $0.kind == .country }.isEmpty)
        #expect(try entities("The US $40m grant was confirmed by Japan.").map(\.code) == ["USA", "JPN"])
    }

    /// `Centrafrique`, the everyday French name of the Central African Republic.
    @Test func centrafriqueIsTheCentralAfricanRepublic() throws {
        #expect(try entities("Le Tchad accueille des réfugiés venus de Centrafrique.").map(\.code) == ["TCD", "CAF"])
    }
}
