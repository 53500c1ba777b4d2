import Foundation
import Testing
@testable import BriefingKit

@Suite struct PersonPressTests {
    @Test func reportingVerbsInEnglish() throws {
        #expect(try personNames("\"We will not give up,\" said Priya Raman, who led the talks.") == ["Priya Raman"])
        #expect(try personNames("Tomas Eriksen told reporters the vote would be close.") == ["Tomas Eriksen"])
        #expect(try personNames("According to Lena Vogt, the budget was cut twice.") == ["Lena Vogt"])
        #expect(try personNames("Olu Adebayo also warned that prices could rise.") == ["Olu Adebayo"])
    }

    @Test func reportingVerbsInFrench() throws {
        #expect(try personNames("« Rien n'est joué », a déclaré Camille Roussel devant la presse.") == ["Camille Roussel"])
        #expect(try personNames("Selon Hervé Lemoine, le scrutin sera serré.") == ["Hervé Lemoine"])
        #expect(try personNames("Amadou Traoré a affirmé que les fonds arriveraient en mars.") == ["Amadou Traoré"])
        #expect(try personNames("« Le calendrier tient », a indiqué Sophie Marchal-Dubois. Marchal-Dubois a souligné l'urgence.") == ["Sophie Marchal-Dubois"])
    }

    @Test func initialsParticlesAndAsianNames() throws {
        #expect(try personNames("Kwame A. Mensah said the deal was fair.") == ["Kwame A. Mensah"])
        #expect(try personNames("Le président du Sénat, Jean-Noël de La Tour, a salué l'accord.") == ["Jean-Noël de La Tour"])
        #expect(try personNames("Ana de la Fuente said the region needed help.") == ["Ana de la Fuente"])
        #expect(try personNames("European Commission President Ursula von der Leyen said the door was open.") == ["Ursula von der Leyen"])
        #expect(try personNames("The delegation was led by Deputy Minister Nguyen Van A, who said talks went well.") == ["Nguyen Van A"])
        #expect(try personNames("« Nous sommes prêts », a souligné Lê Thị Hồng Nhung.") == ["Lê Thị Hồng Nhung"])
    }

    @Test func englishRolesBeforeAndAfter() throws {
        let a = try personMentions("Chilean diplomat Rodrigo Fuentes Araya chaired the session.")
        #expect(a.map(\.name) == ["Rodrigo Fuentes Araya"])
        #expect(a.first?.title == "Chilean diplomat")
        let b = try personMentions("Kofi Boateng, Ghana's trade minister, said exports would double.")
        #expect(b.map(\.name) == ["Kofi Boateng"])
        #expect(b.first?.title == "Ghana's trade minister")
        #expect(b.first?.affiliation == "Ghana")
        let c = try personMentions("Maria Santos, Deputy Minister of Foreign Affairs, opened the meeting.")
        #expect(c.map(\.name) == ["Maria Santos"])
        #expect(c.first?.title == "Deputy Minister of Foreign Affairs")
        let d = try personMentions("UN Secretary-General António Guterres called for calm, while Prime Minister Sam Okoro stayed silent.")
        #expect(d.map(\.name) == ["António Guterres", "Sam Okoro"])
        #expect(d.first?.title == "UN Secretary-General")
        let e = try personMentions("Jana Novak, a Czech economist, said the forecast was too rosy.")
        #expect(e.map(\.name) == ["Jana Novak"])
        #expect(e.first?.title == "Czech economist")
    }

    @Test func frenchRolesBeforeAndAfter() throws {
        let a = try personMentions("Le ministre des Affaires étrangères Paul Kanza a reçu ses homologues.")
        #expect(a.map(\.name) == ["Paul Kanza"])
        #expect(a.first?.title == "ministre des Affaires étrangères")
        let b = try personMentions("Aïcha Diallo, vice-présidente de la Commission, a présenté le plan.")
        #expect(b.map(\.name) == ["Aïcha Diallo"])
        #expect(b.first?.title == "vice-présidente de la Commission")
        let c = try personMentions("M. Fabre et Mme Claire Vidal ont signé. Dr Ingrid Holm était présente.")
        // a courtesy title makes a surname alone a person when the document writes no fuller name for it
        #expect(c.map(\.name) == ["Fabre", "Claire Vidal", "Ingrid Holm"])
        let d = try personMentions("Le commissaire européen au Commerce, Lars Berg, a défendu le texte.")
        #expect(d.map(\.name) == ["Lars Berg"])
        #expect(d.first?.title == "commissaire européen au Commerce")
        let e = try personMentions("Selon le vice-ministre brésilien de l'Économie, Paulo Mendes da Costa, la croissance ralentit.")
        #expect(e.map(\.name) == ["Paulo Mendes da Costa"])
    }

    @Test func laterSurnameJoinsThePerson() throws {
        let p = try personMentions("Finance Minister Grace Wanjiru presented the budget.\nWanjiru said the deficit would shrink.\nMr Wanjiru? No: Ms Wanjiru added that taxes would not rise.")
        #expect(Set(p.map(\.name)) == ["Grace Wanjiru"])
        #expect(p.count >= 3)
        // a lone surname never makes its own person
        #expect(try personNames("Okafor said the port would reopen.").isEmpty)
        // "Kwame Mensah" and "Kwame A. Mensah" are one person, under the fuller name
        #expect(try personNames("Kwame Mensah said no.\nLater, Kwame A. Mensah told reporters he had changed his mind.") == ["Kwame A. Mensah"])
    }

    @Test func neverPeople() throws {
        #expect(try personNames("The White House said the talks would resume.").isEmpty)
        #expect(try personNames("Human Rights Watch said dozens were detained.").isEmpty)
        #expect(try personNames("South Africa said it would sign, and New Zealand said it would not.").isEmpty)
        #expect(try personNames("Le Burkina Faso a déclaré son soutien.").isEmpty)
        #expect(try personNames("On Monday, the President said the Secretary-General had called.").isEmpty)
        #expect(try personNames("Officials Said Nothing About It").isEmpty)
        #expect(try personNames("« Nous attendons », a déclaré le porte-parole du ministère.").isEmpty)
        #expect(try personNames("Le président brésilien a salué une victoire.").isEmpty)
    }

    @Test func titleQualifiedUpToTheComma() throws {
        let a = try personMentions("La ministre de la Coopération au développement, Inès Martens-Goy, a annoncé une aide.")
        #expect(a.map(\.name) == ["Inès Martens-Goy"])
        #expect(a.first?.title == "ministre de la Coopération au développement")
        let b = try personMentions("Le porte-parole du ministère des Finances, Tran Van Long, a estimé que la dette baisserait.")
        #expect(b.map(\.name) == ["Tran Van Long"])
        #expect(try personNames("Le député écologiste Arnaud de Villiers-Roy a déposé un amendement.") == ["Arnaud de Villiers-Roy"])
        #expect(try personNames("La cheffe de la diplomatie, Mme Léa Brunner, a reçu la délégation.") == ["Léa Brunner"])
    }

    @Test func quotationInversionAndRelativeWho() throws {
        #expect(try personNames("« La paix est possible », a rappelé mardi Karim Benali.") == ["Karim Benali"])
        #expect(try personNames("Josiah M. Kerubo, who chairs the committee, left early.") == ["Josiah M. Kerubo"])
        // things take "which", not "who"
        #expect(try personNames("Blue Harbor Logistics, which owns the port, declined to comment.").isEmpty)
    }

    @Test func monthsInsideNamesOnly() throws {
        #expect(try personNames("Spokeswoman Le Thi Mai Anh said the ferry would resume.") == ["Le Thi Mai Anh"])
        #expect(try personNames("In May 2025, the minister said nothing.").isEmpty)
    }

    @Test func fullNameConfirmedByALaterSurname() throws {
        let p = try personMentions("Le second tour opposera Jules Ferrand à Odile de Saint-Amand, arrivée deuxième.\nMme de Saint-Amand a dénoncé des fraudes.")
        #expect(p.map(\.name).contains("Odile de Saint-Amand"))
        // a full name that opens on a given name is a person of the story even with nothing around it
        #expect(p.map(\.name).contains("Jules Ferrand"))
        #expect(!p.map(\.name).contains("de Saint-Amand"))
    }

    @Test func headlinesBylinesAndPressTitlesAreNotPeople() throws {
        #expect(try personNames("• Finance minister Ruth Abara to unveil budget").isEmpty)
        #expect(try personNames("2. Senator Paul Imre calls for inquiry").isEmpty)
        #expect(try personNames("Par Margaux Lenoir, envoyée spéciale à Dakar").isEmpty)
        #expect(try personNames("Selon Le Monde, la réforme sera retardée.").isEmpty)
        #expect(try personNames("Freedom House said the law was too broad.").isEmpty)
    }

    @Test func reportingVerbAfterAnAsideOrAnAffiliation() throws {
        #expect(try personNames("Maria Okonjo, 52, a mother of three from the delta, said the water came at night.") == ["Maria Okonjo"])
        #expect(try personNames("Jane Roe of Amnesty International told reporters it was grim.") == ["Jane Roe"])
        #expect(try personNames("Jean Roussel, 54 ans, a déclaré que l'eau était montée vite.") == ["Jean Roussel"])
        #expect(try personNames("Open Lantern, which runs the shelters, said dozens were missing.").isEmpty)
    }

    @Test func arabicArticlesAndIrishPrefixes() throws {
        #expect(try personNames("Egyptian President Abdel Fattah al-Sisi received the envoy.") == ["Abdel Fattah al-Sisi"])
        let p = try personMentions("Irish envoy Conor O'Brien arrived on Monday. \"We agreed on a lot,\" O'Brien told reporters.")
        #expect(Set(p.map(\.name)) == ["Conor O'Brien"])
        #expect(p.count == 2)
    }

    @Test func coordinatedSpeakersAndCities() throws {
        #expect(try personNames("Kwame Mensah and Ama Owusu said the talks failed.") == ["Kwame Mensah", "Ama Owusu"])
        #expect(try personNames("Jean Roux et Marie Lenoir ont affirmé le contraire.") == ["Jean Roux", "Marie Lenoir"])
        #expect(try personNames("Buenos Aires said the strike had ended, and Port Louis said nothing.").isEmpty)
        #expect(try personNames("Le Ghana et le Togo ont signé.").isEmpty)
    }

    @Test func institutionsNamedAfterPeopleAndGivenNamesThatAreCountries() throws {
        #expect(try personNames("According to Johns Hopkins University, cases rose again.").isEmpty)
        #expect(try personNames("Chad Ellison said the bridge would reopen.") == ["Chad Ellison"])
        #expect(try personNames("Kwame Mensah said Tuesday that the talks had failed.") == ["Kwame Mensah"])
    }
}
