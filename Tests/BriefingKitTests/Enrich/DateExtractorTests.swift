import Testing
@testable import BriefingKit

private func dates(_ text: String, on documentDate: PartialDate?, defaultYear: Int? = nil) -> [DateMention] {
    var f = Findings()
    for s in Tokenizer.sentences(text) {
        DateExtractor().extract(SentenceContext(documentID: "doc", paragraphID: "doc#p1", documentDate: documentDate,
                                                defaultYear: defaultYear, sentence: s), into: &f)
    }
    return f.dates
}

private let oct26 = PartialDate(year: 2025, month: 10, day: 26)

@Suite struct DateExtractorTests {
    @Test func relativeDayAndTheExplicitDateInApposition() {
        let d = dates("Selon le lieutenant général supérieur, hier matin, le 25 octobre, a eu lieu un moment historique avec la signature de la Convention de Hanoi par 69 pays lors de la cérémonie la plus solennelle ; exprimant l'aspiration, la détermination et la nécessité de renforcer la coopération internationale et le désir de promouvoir un cadre juridique mondial pour prévenir la cybercriminalité.", on: oct26)
        #expect(d.map(\.surface) == ["hier matin", "le 25 octobre"])
        #expect(d.map { $0.date?.iso } == ["2025-10-25", "2025-10-25"])
        #expect(d.map(\.timeOfDay) == ["morning", nil])
    }

    @Test func timeOfDayBeforeAndAfterTheDate() {
        let a = dates("En outre, selon le lieutenant-général Pham The Tung, lors de la séance plénière de discussion de l'après-midi du 25 octobre, la conférence a écouté 19 déclarations.", on: oct26)
        #expect(a.map { $0.date?.iso } == ["2025-10-25"])
        #expect(a.first?.timeOfDay == "afternoon")
        #expect(a.first?.surface == "l'après-midi du 25 octobre")
        let b = dates("Le 26 octobre après-midi, à Hanoï, le général Luong Tam Quang a prononcé le discours de clôture.", on: oct26)
        #expect(b.first?.surface == "Le 26 octobre après-midi")
        #expect(b.first?.date?.iso == "2025-10-26")
        #expect(b.first?.timeOfDay == "afternoon")
        let c = dates("Aperçu de la séance de discussion de haut niveau tenue le matin du 26 octobre.", on: nil, defaultYear: 2025)
        #expect(c.map { $0.date?.iso } == ["2025-10-26"])
        #expect(c.first?.timeOfDay == "morning")
    }

    @Test func weekdayAndDayMonthTakeTheDocumentYear() {
        let d = dates("Le secrétaire général du Parti communiste du Vietnam (PCV), Tô Lâm, a reçu, samedi 25 octobre à Hanoï, les chefs de délégation.", on: PartialDate(year: 2025, month: 10, day: 25))
        #expect(d.map(\.surface) == ["samedi 25 octobre"])
        #expect(d.first?.date?.iso == "2025-10-25")
        #expect(d.first?.timeOfDay == nil)
        #expect(dates("Le 1er novembre, la Convention sera publiée.", on: oct26).first?.date?.iso == "2025-11-01")
        #expect(dates("le 25 octobre prochain", on: PartialDate(year: 2025, month: 11, day: 3)).first?.date?.iso == "2026-10-25")
    }

    @Test func explicitYearWins() {
        let d = dates("Adoptée par l'Assemblée générale des Nations unies le 24 décembre 2024, la Convention (9 chapitres, 71 articles) sera signée à Hanoï.", on: PartialDate(year: 2025, month: 4))
        #expect(d.map(\.surface) == ["le 24 décembre 2024"])
        #expect(d.first?.date?.iso == "2024-12-24")
    }

    @Test func twoDaysOfOneMonth() {
        let d = dates("Durant les deux jours des 25 et 26 octobre, près de 80 pays et organisations internationales ont pris la parole lors de la séance de discussion.", on: oct26)
        #expect(d.map { $0.date?.iso } == ["2025-10-25", "2025-10-26"])
        #expect(d.map(\.surface) == ["25 et 26 octobre", "25 et 26 octobre"])
        #expect(dates("du 25 au 26 octobre", on: oct26).map { $0.date?.iso } == ["2025-10-25", "2025-10-26"])
    }

    @Test func monthPrecisionNextOccurrence() {
        let april = PartialDate(year: 2025, month: 4)
        let d = dates("L’objectif était de présenter la Convention et la cérémonie de signature de cette dernière prévue à Hanoï en octobre prochain.", on: april)
        #expect(d.map(\.surface) == ["octobre prochain"])
        #expect(d.first?.date?.iso == "2025-10")
        #expect(d.first?.date?.precision == .month)
        #expect(dates("octobre prochain", on: PartialDate(year: 2025, month: 11, day: 2)).first?.date?.iso == "2026-10")
        let bare = dates("les nations africaines à se rendre à Hanoï pour la signature de la Convention en octobre.", on: april)
        #expect(bare.map(\.surface) == ["en octobre"])
        #expect(bare.first?.date?.iso == "2025-10")
        #expect(dates("en octobre 2025", on: nil).first?.date?.iso == "2025-10")
        #expect(dates("La Conférence se réunira mi-novembre à Vienne.", on: oct26).map { $0.date?.iso } == ["2025-11"])
        #expect(dates("Le texte a été adopté en décembre dernier.", on: PartialDate(year: 2025, month: 4)).map { $0.date?.iso } == ["2024-12"])
    }

    @Test func relativeDays() {
        #expect(dates("Hier, le Vietnam a signé.", on: oct26).first?.date?.iso == "2025-10-25")
        #expect(dates("Aujourd'hui, la Convention est ouverte.", on: oct26).first?.date?.iso == "2025-10-26")
        #expect(dates("La cérémonie reprendra demain matin.", on: oct26).map { "\($0.date?.iso ?? "") \($0.timeOfDay ?? "")" } == ["2025-10-27 morning"])
        // no document day: nothing to resolve against
        #expect(dates("Hier, le Vietnam a signé.", on: PartialDate(year: 2025, month: 4)).isEmpty)
        #expect(dates("les défis du monde d'aujourd'hui", on: oct26).isEmpty)
    }

    @Test func numericAndEnglishDates() {
        #expect(dates("Báo Tin Tức 26/10/2025", on: nil).first?.date?.iso == "2025-10-26")
        #expect(dates("published 2025-10-26", on: nil).first?.date?.iso == "2025-10-26")
        let e = dates("The Convention was opened for signature on October 25, 2025 in Hanoi.", on: nil)
        #expect(e.map(\.surface) == ["October 25, 2025"])
        #expect(e.first?.date?.iso == "2025-10-25")
        #expect(dates("It was adopted on 24 December 2024.", on: nil).map(\.surface) == ["24 December 2024"])
        #expect(dates("Delegates met on 25 October.", on: oct26).first?.date?.iso == "2025-10-25")
        #expect(dates("The meeting on the afternoon of 25 October ended.", on: oct26).first?.timeOfDay == "afternoon")
    }

    @Test func notDates() {
        #expect(dates("Le Vietnam sera la première destination mondiale en matière de patrimoine en 2025.", on: oct26).isEmpty)
        #expect(dates("La réunion aura lieu samedi à Hanoï.", on: oct26).isEmpty)
        #expect(dates("Avec un total de 68 articles, la Convention favorisera la coopération.", on: oct26).isEmpty)
        #expect(dates("1. Ces deux derniers jours, notre collaboration a été très fructueuse.", on: oct26).isEmpty)
        #expect(dates("le 31 février", on: oct26).isEmpty)
        #expect(dates("You may sign it.", on: oct26).isEmpty)
        // a day and month without any year to take
        #expect(dates("le 25 octobre", on: nil).isEmpty)
    }
}
