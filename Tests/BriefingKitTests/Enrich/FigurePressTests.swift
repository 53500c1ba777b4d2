import Foundation
import Testing
@testable import BriefingKit

private func figures(_ text: String) throws -> [FigureMention] { try figureMentions(text) }

/// Constructions of press copy around a number: quotes, partitives, coordinated modifiers, tallies, known sets.
@Suite struct FigurePressTests {
    @Test func moneyWithASignIsNeverALabel() throws {
        let f = try figures("The port authority said the first $40 million tranche would arrive in March.")
        #expect(f.map(\.metric) == ["usd"])
        #expect(f.map(\.value) == [40_000_000])
    }

    @Test func quotationClosedAfterTheNumber() throws {
        let f = try figures("The investor promised \"at least 500\" permanent jobs in the valley.")
        #expect(f.map(\.metric) == ["jobs"])
        #expect(f.first?.qualifier == "at-least")
    }

    @Test func partitiveWithADemonstrative() throws {
        let f = try figures("Le littoral compte plus de 12 de ces usines de farine de poisson.")
        #expect(f.map(\.metric) == ["factories"])
        #expect(f.first?.qualifier == "more-than")
    }

    @Test func coordinatedModifiersBeforeTheCountedThing() throws {
        let f = try figures("Seed will go to 8,000 fishing and farming households along the river.")
        #expect(f.map(\.metric) == ["households"])
        #expect(f.map(\.value) == [8_000])
    }

    @Test func aVoteTally() throws {
        // abstentions count themselves: as votes they would read as a third, conflicting vote count
        let f = try figures("The motion carried with 97 in favour, 12 against and 6 abstentions.")
        #expect(f.map(\.metric) == ["votes", "votes", "abstentions"])
        #expect(f.map(\.value) == [97, 12, 6])
    }

    @Test func aKnownSetIsNoNewCount() throws {
        #expect(try figures("Aid convoys were attacked in all three provinces last month.").isEmpty)
        #expect(try figures("Prices rose in the four northern districts.").isEmpty)
        #expect(try figures("Four districts reported new cases.").map(\.metric) == ["districts"])
    }

    @Test func manufacturersAreCompaniesAndOuguiyasAreMoney() throws {
        #expect(try figures("Talks covered 14 manufacturers of batteries.").map(\.metric) == ["companies"])
        let f = try figures("La commune a reçu 2 milliards d'ouguiyas pour ses routes.")
        #expect(f.map(\.metric) == ["mru"])
        #expect(f.map(\.value) == [2_000_000_000])
    }

    @Test func aHyphenatedCountOfAVocabularyNoun() throws {
        let f = try figures("A 20-bed treatment centre opened in the capital.")
        #expect(f.map(\.metric) == ["beds"] && f.map(\.value) == [20])
        #expect(try figures("The minister began a 10-day visit to the region.").isEmpty)
    }

    @Test func aRangeBoundWithItsOwnThousandsKeepsItsValue() throws {
        let f = try figures("Grants will range between US$500,000 and US$2 million per project.")
        #expect(f.map(\.value) == [500_000, 2_000_000] && f.allSatisfy { $0.metric == "usd" })
        let g = try figures("between 40 and 50 million people")
        #expect(g.map(\.value) == [40_000_000, 50_000_000])
    }

    @Test func aFrenchPluralOutsideTheVocabularyTakesItsEnglishCognate() throws {
        let f = try figures("Le centre accueille des chercheurs de 110 nationalités et 230 lobbyistes.")
        #expect(f.map(\.metric) == ["nationalities", "lobbyists"])
        #expect(FigureExtractor.englishCognate("municipalites") == "municipalities")
        #expect(FigureExtractor.englishCognate("pompiers") == nil)
    }
}
