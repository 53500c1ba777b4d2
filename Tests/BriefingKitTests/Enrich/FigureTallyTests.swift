import Foundation
import Testing
@testable import BriefingKit

private func figures(_ text: String) throws -> [FigureMention] { try figureMentions(text) }

/// Tallies the press states through a noun before the number, halves of scales, captives and currencies.
@Suite struct FigureTallyTests {
    @Test func deathTollBeforeABareNumberCountsDeaths() throws {
        let f = try figures("The death toll from the floods in the north has climbed to 38, officials said.")
        #expect(f.map(\.metric) == ["deaths"])
        #expect(f.map(\.value) == [38])
    }

    @Test func numberOfReadThroughTheQualifier() throws {
        let f = try figures("The agency put the number of people affected at more than 40,000.")
        #expect(f.map(\.metric) == ["people"])
        #expect(f.first?.qualifier == "more-than")
        #expect(f.first?.value == 40_000)
    }

    @Test func halfAfterAScaleInWords() throws {
        let f = try figures("Le programme distribuera deux millions et demi de moustiquaires.")
        #expect(f.map(\.value) == [2_500_000])
        #expect(f.map(\.metric) == ["mosquito-nets"])
        let g = try figures("The camps shelter two and a half million refugees.")
        #expect(g.map(\.value) == [2_500_000])
        #expect(g.map(\.metric) == ["refugees"])
    }

    @Test func frenchCapacityReadsAsUpTo() throws {
        let f = try figures("Le port aura une capacité pouvant atteindre 900 conteneurs par jour.")
        #expect(f.first?.qualifier == "up-to")
        #expect(f.first?.metric == "containers")
    }

    @Test func nationalsHeldAreCountedAsPrisoners() throws {
        let f = try figures("Officials said roughly 2,300 Moldovans believed to be held abroad would be traced.")
        #expect(f.map(\.metric) == ["prisoners"])
        #expect(f.first?.qualifier == "about")
        // people who are merely present stay people
        #expect(try figures("Roughly 2,300 Moldovans live in the region.").map(\.metric) == ["people"])
    }

    @Test func hadBeenInjuredCountsInjured() throws {
        #expect(try figures("By nightfall, 230 people had been injured in the blasts.").map(\.metric) == ["injured"])
    }

    @Test func moreCurrenciesAndCountedThings() throws {
        #expect(try figures("Congress approved 80 million soles for the clinics.").map(\.metric) == ["pen"])
        #expect(try figures("Pékin promet 50 millions de yuans.").map(\.metric) == ["cny"])
        #expect(try figures("The state spent MYR 12 million, or 40 million ringgit in all.").map(\.metric) == ["myr", "myr"])
        #expect(try figures("The plan adds 9 new marine protected areas.").map(\.metric) == ["marine-protected-areas"])
        #expect(try figures("La Cour a attribué trois des cinq îlots au pays voisin.").map(\.metric).contains("islets"))
    }
}
