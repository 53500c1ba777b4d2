import Foundation
import Testing
@testable import BriefingKit

/// Name shapes of many regions in the syntaxes the press uses to introduce people: middle initials after a long
/// title, patronymic particles (`wa`, `Ould`, `bint`), a title with a slashed acronym or a list of portfolios, an inverted
/// speaker followed by a possessive role, bylines and related-article links whose people are not the article's.
@Suite struct PersonNameShapeTests {
    static let cases: [(String, [String])] = [
        ("La commissaire de l'UE aux affaires sociales, à l'emploi et à l'inclusion, Mariama N. Touré, a annoncé une aide.", ["Mariama N. Touré"]),
        ("Le porte-parole du FLN/MPA, Joseph K. Mwamba, a assuré que le mouvement tiendrait parole.", ["Joseph K. Mwamba"]),
        ("« Nous respecterons le texte », a déclaré le chef de la délégation de Bamako, Pierre-Marie Ilunga wa Ngoy, à l'issue de la réunion.", ["Pierre-Marie Ilunga wa Ngoy"]),
        ("The historian Mbuyi wa Kabongo said the archive had been lost.", ["Mbuyi wa Kabongo"]),
        ("\"The rains came overnight,\" said Mohamed Ould Salem, UNHCR's head of office in Niger.", ["Mohamed Ould Salem"]),
        ("Le ministre Ahmed ould Bah a reçu les bailleurs.", ["Ahmed ould Bah"]),
        ("Kofi Adjei, Political Correspondent\nThe finance minister, Ama Owusu, said the budget would pass.", ["Ama Owusu"]),
        ("Jeanne Roux, envoyée spéciale à Dakar\nLe ministre Abdoulaye Diop a reçu les bailleurs.", ["Abdoulaye Diop"]),
        ("À LIRE AUSSI\n› Football : Didier Drogba annonce sa retraite « définitive »\nLe ministre Abdoulaye Diop a reçu les bailleurs.", ["Abdoulaye Diop"]),
        ("Under the plan of the Global Sovereign Debt Roundtable, creditors will act within six months.", []),
        ("Its delegation head, Kenji Watanabe, said Tokyo would fund the observers.", ["Kenji Watanabe"]),
        ("\"We lost everything,\" said Ahmed Ould Sheikh, WFP's head of office in Mauritania.", ["Ahmed Ould Sheikh"]),
        ("The chair, Ashwini R. Venkataraman, promised a vote before Friday.", ["Ashwini R. Venkataraman"]),
    ]

    @Test(arguments: cases)
    func finds(_ c: (String, [String])) throws {
        let got = try personNames(c.0)
        #expect(got == c.1, "\(c.0) → \(got)")
    }
}
