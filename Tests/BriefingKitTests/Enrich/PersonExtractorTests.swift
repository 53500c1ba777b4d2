import Foundation
import Testing
@testable import BriefingKit

private let repoRoot: URL = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { dir.deleteLastPathComponent() }
    return dir
}()

private let extractor: PersonExtractor? = try? PersonExtractor(titlesFile: repoRoot.appendingPathComponent("Pipelines/data/titles.yaml").path)

private func people(_ text: String) throws -> [PersonMention] {
    let e = try #require(extractor)
    var f = Findings()
    for s in Tokenizer.sentences(text) {
        e.extract(SentenceContext(documentID: "doc", paragraphID: "doc#p1", documentDate: PartialDate(year: 2025, month: 10, day: 26), sentence: s), into: &f)
    }
    return f.people
}

@Suite struct PersonExtractorTests {
    @Test func rankThenNameThenOfficeInApposition() throws {
        let p = try people("Lors de la réception, le général Luong Tam Quang, ministre de la Police, organisateur de cet événement, a salué le succès de la cérémonie de signature, tenue dans le respect des protocoles diplomatiques et en présence de milliers de représentants de 110 pays et organisations internationales.")
        #expect(p.count == 1)
        #expect(p.first?.name == "Luong Tam Quang")
        #expect(p.first?.title == "général; ministre de la Police")
        #expect(p.first?.affiliation == "ministère de la Police")
        #expect(p.first?.surface == "le général Luong Tam Quang, ministre de la Police")
    }

    @Test func rankNameAndTwoOffices() throws {
        let p = try people("Le 26 octobre après-midi, à Hanoï, le général Luong Tam Quang, membre du Bureau politique et ministre de la Sécurité publique du Vietnam, a prononcé le discours de clôture lors de la cérémonie de signature de la Convention des Nations Unies contre la cybercriminalité (Convention de Hanoï).")
        #expect(p.map(\.name) == ["Luong Tam Quang"])
        #expect(p.first?.title == "général; membre du Bureau politique; ministre de la Sécurité publique")
        #expect(p.first?.affiliation == "ministère de la Sécurité publique")
    }

    @Test func nameThenOfficeWithOrganisation() throws {
        let p = try people("Ghada Waly, directrice exécutive de l'Office des Nations unies contre la drogue et le crime (ONUDC), a salué le rôle moteur et les contributions notables du Vietnam dans les négociations et l'organisation de la signature de la Convention à Hanoï.")
        #expect(p.map(\.name) == ["Ghada Waly"])
        #expect(p.first?.title == "directrice exécutive de l'Office des Nations unies contre la drogue et le crime")
        #expect(p.first?.affiliation == "Office des Nations unies contre la drogue et le crime (ONUDC)")
    }

    @Test func longNameAfterIntroductoryPhrase() throws {
        let p = try people("Au nom des chefs de délégation, Maria Jose Pinto Gonzalez Artigas, vice-présidente de l'Équateur, a souligné que la Convention, fondée sur la coopération et la compréhension mutuelle, engageait les parties à partager leur expertise pour une lutte conjointe et efficace.")
        #expect(p.map(\.name) == ["Maria Jose Pinto Gonzalez Artigas"])
        #expect(p.first?.title == "vice-présidente de l'Équateur")
        #expect(p.first?.affiliation == "Équateur")
    }

    @Test func titleWithComplementCommaNameComma() throws {
        let p = try people("Le secrétaire général du Parti communiste du Vietnam (PCV), Tô Lâm, a reçu, samedi 25 octobre à Hanoï, les chefs de délégation des pays participant à la cérémonie d'ouverture à la signature et à la conférence de haut niveau sur la Convention des Nations unies contre la cybercriminalité (Convention de Hanoï).")
        #expect(p.map(\.name) == ["Tô Lâm"])
        #expect(p.first?.title == "secrétaire général du Parti communiste du Vietnam")
        #expect(p.first?.affiliation == "Parti communiste du Vietnam (PCV)")
        #expect(p.first?.surface == "Le secrétaire général du Parti communiste du Vietnam (PCV), Tô Lâm")
    }

    @Test func titleThenNameAtSentenceStart() throws {
        let p = try people("Le secrétaire général Tô Lâm a insisté sur le fait que la participation des pays et des organisations internationales témoignait de la solidarité mondiale face à ce défi commun.")
        #expect(p.map(\.name) == ["Tô Lâm"])
        #expect(p.first?.title == "secrétaire général")
        #expect(p.first?.affiliation == nil)
    }

    @Test func rankAndActingOnBehalfOfAMinistry() throws {
        let p = try people("Dans son discours d'ouverture, le lieutenant-général Pham The Tung, au nom du ministère de la Sécurité publique, a adressé ses plus chaleureuses salutations à plus de 1 000 délégués de 110 délégations de pays et d'organisations internationales et régionales qui ont assisté à la cérémonie de signature de la Convention des Nations Unies contre la cybercriminalité.")
        #expect(p.map(\.name) == ["Pham The Tung"])
        #expect(p.first?.title == "lieutenant-général")
        #expect(p.first?.affiliation == "ministère de la Sécurité publique")
    }

    @Test func listOfTitledNames() throws {
        let p = try people("En particulier, les déclarations de hauts dirigeants vietnamiens tels que le Secrétaire général To Lam, le Président Luong Cuong et le Premier ministre Pham Minh Chinh ont affirmé la détermination du Vietnam à mettre en œuvre prochainement la Convention avec la participation de tous les pays, afin de garantir que personne ne soit laissé pour compte.")
        #expect(p.map(\.name) == ["To Lam", "Luong Cuong", "Pham Minh Chinh"])
        #expect(p.map { $0.title ?? "" } == ["Secrétaire général", "Président", "Premier ministre"])
    }

    @Test func ambassadorAndMinistryNameAfterComplement() throws {
        let a = try people("Dans son allocution, l'ambassadeur Trân Quôc Khanh a affirmé que la Convention incarne l'engagement multilatéral de la communauté internationale.")
        #expect(a.map(\.name) == ["Trân Quôc Khanh"])
        #expect(a.first?.title == "ambassadeur")
        let b = try people("Le vice-ministre de la Sécurité publique, le général de corps d'armée Pham The Tung, et le vice-ministre permanent des Affaires étrangères Nguyen Minh Vu ont présidé une discussion de haut niveau.")
        #expect(b.map(\.name) == ["Pham The Tung", "Nguyen Minh Vu"])
        #expect(b.first?.title == "vice-ministre de la Sécurité publique; général de corps d'armée")
        #expect(b.first?.affiliation == "ministère de la Sécurité publique")
        #expect(b.last?.title == "vice-ministre permanent des Affaires étrangères")
        #expect(b.last?.affiliation == "ministère des Affaires étrangères")
    }

    @Test func englishTitles() throws {
        let p = try people("The ceremony was opened by the Secretary-General of the United Nations António Guterres and Minister Luong Tam Quang.")
        #expect(p.map(\.name) == ["António Guterres", "Luong Tam Quang"])
        #expect(p.first?.title == "Secretary-General of the United Nations")
        #expect(p.first?.affiliation == "United Nations")
        #expect(p.last?.title == "Minister")
    }

    @Test func nationalityAndParticles() throws {
        let a = try people("Le président français Emmanuel Macron a salué l'initiative.")
        #expect(a.map(\.name) == ["Emmanuel Macron"])
        #expect(a.first?.title == "président français")
        let b = try people("La présidente de la Commission européenne Ursula von der Leyen était absente.")
        #expect(b.map(\.name) == ["Ursula von der Leyen"])
        #expect(b.first?.affiliation == "Commission européenne")
        let c = try people("Mme Ghada Waly a déclaré que 65 États avaient signé la Convention.")
        #expect(c.map(\.name) == ["Ghada Waly"])
        #expect(c.first?.title == nil)
    }

    @Test func noPersonWithoutTitleOrName() throws {
        #expect(try people("La Convention de Hanoï a établi un cadre juridique pour la coopération internationale ; elle affirme également la valeur de la coopération multilatérale.").isEmpty)
        #expect(try people("Photo : Thanh Long").isEmpty)
        #expect(try people("\"Le prestige et la position internationale actuelles du Vietnam sont indissociables du soutien chaleureux et large, tant matériel que spirituel, de la communauté internationale\", a souligné le secrétaire général.").isEmpty)
        #expect(try people("« C'est exactement ce que nous attendons dans le cadre de la session de discussion de haut niveau », a souligné le vice-ministre de la Sécurité publique.").isEmpty)
        #expect(try people("Selon le lieutenant général supérieur, hier matin, le 25 octobre, a eu lieu un moment historique avec la signature de la Convention de Hanoi par 69 pays lors de la cérémonie la plus solennelle.").isEmpty)
        #expect(try people("Hier Nguyen Van An, ministre, a parlé.").map(\.name) == ["Nguyen Van An"])
        #expect(try people("Le ministre a rencontré Nguyen Van An à Hanoï.").isEmpty)
        #expect(try people("Le Vietnam, président de l'ASEAN en 2020, a joué un rôle moteur.").isEmpty)
        #expect(try people("Hanoï, Ville pour la Paix , s'impose une fois de plus comme le point de départ de nouvelles alliances pour la protection du cyberespace mondial.").isEmpty)
    }

    @Test func identityFoldsDiacriticsAndPrefersAccentedForm() {
        #expect(PersonIdentity.key("To Lam") == PersonIdentity.key("Tô Lâm"))
        #expect(PersonIdentity.key("Tô  Lâm") == "to lam")
        #expect(PersonIdentity.preferredName("To Lam", "Tô Lâm") == "Tô Lâm")
        let prov = Provenance(documentID: "d", paragraphID: "d#p1", sentenceIndex: 1, sentence: "", start: 0, end: 0)
        let unified = PersonIdentity.unify([
            PersonMention(name: "To Lam", surface: "To Lam", provenance: prov),
            PersonMention(name: "Tô Lâm", surface: "Tô Lâm", provenance: prov),
            PersonMention(name: "Tam Quang", surface: "Tam Quang", provenance: prov),
            PersonMention(name: "Luong Tam Quang", surface: "Luong Tam Quang", provenance: prov),
            PersonMention(name: "Pham The Tung", surface: "Pham The Tung", provenance: prov),
        ])
        #expect(unified.map(\.name) == ["Tô Lâm", "Tô Lâm", "Luong Tam Quang", "Luong Tam Quang", "Pham The Tung"])
    }

    @Test func badDataFileReportsPosition() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("titles-\(UUID().uuidString).yaml")
        try "version: 1\noffices: [ministre]\nrankz: [général]\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try PersonExtractor(titlesFile: url.path)
            Issue.record("expected a ConfigError")
        } catch let error as ConfigError {
            #expect(error.location.line == 3)
            #expect(error.message.contains("unknown key 'rankz'"))
        }
    }
}
