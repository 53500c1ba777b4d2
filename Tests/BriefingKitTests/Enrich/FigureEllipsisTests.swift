import Foundation
import Testing
@testable import BriefingKit

private func figures(_ text: String) throws -> [FigureMention] { try figureMentions(text) }

/// Amounts the press writes without repeating the currency, and French counted nouns given English ids.
@Suite struct FigureEllipsisTests {
    @Test func bareScaledAmountsAfterMoneyTakeItsCurrency() throws {
        let f = try figures("Le Japon apporte 2,4 milliards de yens, devant la Corée (1,1 milliard) et l'Australie (900 millions).")
        #expect(f.map(\.metric) == ["jpy", "jpy", "jpy"])
        #expect(f.map(\.value) == [2_400_000_000, 1_100_000_000, 900_000_000])
        let g = try figures("Donors pledged $4.2 billion on Monday. The total falls short of the 6 billion the agency sought.")
        #expect(g.map(\.metric) == ["usd", "usd"])
        #expect(g.last?.value == 6_000_000_000)
        let h = try figures("Les bailleurs ont promis 700 millions d'euros. Il manque encore près de 2 milliards à l'objectif.")
        #expect(h.map(\.metric) == ["eur", "eur"])
        #expect(h.last?.qualifier == "nearly")
    }

    @Test func bareScaledAmountsWithoutMoneyOrWithACountedThingStayApart() throws {
        // no money before: nothing to inherit
        #expect(try figures("La région compte 3 millions, selon le recensement.").isEmpty)
        // a counted thing after the amount is what it counts
        let f = try figures("The bank lent $300 million to a country of 12 million people.")
        #expect(f.map(\.metric) == ["usd", "people"])
        // an unscaled number after money does not become money
        #expect(try figures("Le fonds a reçu 5 millions d'euros de 14 donateurs, dont 3 nouveaux.").map(\.metric).filter { $0 == "eur" }.count == 1)
    }

    @Test func poundsInFrenchOnlyAfterAScale() throws {
        #expect(try figures("Londres promet 1,5 milliard de livres pour le fonds.").map(\.metric) == ["gbp"])
        #expect(try figures("La bibliothèque a reçu 500 livres anciens.").map(\.metric).contains("gbp") == false)
    }

    @Test func frenchCountedNounsGetEnglishIds() throws {
        #expect(try figures("Le chantier emploie 1 200 ingénieurs et 300 techniciens.").map(\.metric) == ["engineers", "technicians"])
        #expect(try figures("Environ 25 000 objets sont suivis en orbite.").map(\.metric) == ["objects"])
        #expect(try figures("L'agence a livré 4 000 glacières et 12 000 médicaments.").map(\.metric) == ["cool-boxes", "medicines"])
        #expect(try figures("The network counts 300 satellites and 40 engineers.").map(\.metric) == ["satellites", "engineers"])
    }

    @Test func participleAfterABareAmount() throws {
        let f = try figures("Les pays ont promis 4 milliards d'euros, loin de l'objectif de 6,5 milliards annoncé en mars.")
        #expect(f.map(\.metric) == ["eur", "eur"])
        #expect(f.last?.value == 6_500_000_000)
    }

    @Test func qualifiersAroundTheFigure() throws {
        // an adverb between the qualifier and the number
        #expect(try figures("Le prix du traitement dépasse encore 12 dollars par patient.").first?.qualifier == "more-than")
        #expect(try figures("Turnout is still over 60 percent in the north.").first?.qualifier == "more-than")
        // a qualifier after the counted thing
        #expect(try figures("Le traité entrera en vigueur lorsque cinquante États au moins l'auront ratifié.").first?.qualifier == "at-least")
        #expect(try figures("The accord needs 30 countries at least to ratify it.").first?.qualifier == "at-least")
        // "supérieures à", "inférieur à"
        #expect(try figures("Des promesses supérieures à 2 milliards de dollars ont été faites.").first?.qualifier == "more-than")
        #expect(try figures("Un budget inférieur à 500 millions d'euros a été voté.").first?.qualifier == "less-than")
    }

    @Test func partOfAWholeAfterAPossessive() throws {
        let f = try figures("Floods hit 12 of the region's 30 districts this week.")
        #expect(f.map(\.metric) == ["districts", "districts"])
        #expect(f.map(\.value) == [12, 30])
    }

    @Test func thePairNamedAfterDesOrAux() throws {
        #expect(try figures("Le texte a été paraphé par les chefs des deux délégations.").isEmpty)
        #expect(try figures("Le médiateur a écrit aux deux gouvernements hier.").isEmpty)
    }

    @Test func seasonsAreADurationNotACount() throws {
        #expect(try figures("Quotas will be cut over three seasons, and by 10 percent.").map(\.metric) == ["percent"])
        #expect(try figures("Les quotas baisseront sur trois saisons.").isEmpty)
    }

    @Test func aPartIntroducedByDontOrIncludingCountsWhatTheWholeCounts() throws {
        let f = try figures("Quelque 80 maires ont signé l'appel, dont une vingtaine issus de petites communes.")
        #expect(f.map(\.metric) == ["mayors", "mayors"])
        #expect(f.last?.qualifier == "about")
        let g = try figures("Some 2.5 million people need help, including about 900,000 in the north.")
        #expect(g.map(\.metric) == ["people", "people"])
        #expect(g.last?.value == 900_000)
        let h = try figures("The mission deployed 1,200 police officers, of whom 300 were women.")
        #expect(h.map(\.value) == [1200, 300])
        // the whole is at least as large as its part
        let k = try figures("Quelque 2 millions d'habitants vivent dans les cinq provinces, dont environ 800 000 dans la capitale.")
        #expect(k.first?.metric == "people")
        #expect(k.last?.metric == "people")
        #expect(k.last?.value == 800_000)
        // nothing counted before: no figure
        #expect(try figures("Plusieurs villes, dont 3 au nord, ont voté.").isEmpty)
    }
}
