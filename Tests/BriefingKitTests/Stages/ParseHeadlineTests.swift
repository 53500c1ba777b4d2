import Testing
@testable import BriefingKit

/// Headlines and date lines on page layouts not seen in the corpora: kickers, headlines in capitals,
/// `<title>` lines with the outlet's name, press releases, live blogs (invented pages).
private func parse(_ text: String, name: String = "page.txt") -> Document {
    var stats = StageStats(stage: "parse", unit: "files")
    var warnings: [String] = []
    return ParseStage(settings: ParseSettings())
        .parse(SourceFile(name: name, path: name, bytes: Array(text.utf8)), stats: &stats, warnings: &warnings)
        ?? Document(id: "none", fileName: name)
}

@Suite struct ParseHeadlineTests {
    static let body = "The two sides signed the text on Tuesday after four days of talks, officials said."

    @Test(arguments: ["EXCLUSIVE", "ANALYSIS", "Analysis", "EXCLUSIF", "Analyse", "DÉCRYPTAGE", "Opinion", "INTERVIEW", "ENQUÊTE"])
    func kickerAboveTheHeadlineIsNotTheTitleNorTheOutlet(kicker: String) {
        let d = parse("""
            THE HARBOUR HERALD
            World | Business | Sport
            \(kicker)
            Rebels and army agree on a ceasefire in the northern hills
            Published March 3, 2026
            \(Self.body)
            """)
        #expect(d.title == "Rebels and army agree on a ceasefire in the northern hills")
        #expect(d.publisher == "The Harbour Herald")
        #expect(d.paragraphs.map(\.text) == [Self.body])
    }

    @Test func kickerWithoutMasthead() {
        let d = parse("""
            ANALYSE
            Pourquoi la trêve reste fragile dans les collines du Nord
            Publié le 3 mars 2026 à 10h12
            Les deux camps ont signé le texte mardi, après quatre jours de pourparlers.
            """)
        #expect(d.title == "Pourquoi la trêve reste fragile dans les collines du Nord")
        #expect(d.date?.iso == "2026-03-03")
        #expect(d.publisher != "Analyse")
    }

    @Test func headlineInCapitalsAfterTheMasthead() {
        let d = parse("""
            LE JOURNAL DU SUD
            Accueil › Politique
            LES DÉPUTÉS ADOPTENT LE BUDGET APRÈS TROIS NUITS
            Mis en ligne le 12/03/2026 à 09h15
            Les députés ont adopté le budget dans la nuit de mercredi à jeudi, par 289 voix contre 250.
            """)
        #expect(d.title == "LES DÉPUTÉS ADOPTENT LE BUDGET APRÈS TROIS NUITS")
        #expect(d.date?.iso == "2026-03-12")
        #expect(d.publisher == "Le Journal du Sud")
    }

    @Test func headlineInCapitalsOnTheFirstLine() {
        let d = parse("""
            EARTHQUAKE IN THE ANDES: DEATH TOLL RISES TO 40
            Posted on March 3, 2026
            Rescue teams reached the last cut-off villages on Monday, the civil protection agency said.
            """)
        #expect(d.title == "EARTHQUAKE IN THE ANDES: DEATH TOLL RISES TO 40")
        #expect(d.date?.iso == "2026-03-03")
    }

    @Test(arguments: [" | The Gulf Ledger", " - Gulf Ledger", " – BBC News", " | gulfledger.com"])
    func titleLineWithTheOutletsNameThenTheHeadline(suffix: String) {
        let d = parse("""
            Ceasefire talks resume in Doha as envoys return\(suffix)
            Ceasefire talks resume in Doha as envoys return
            By Sara Lind
            Envoys from both sides returned to Doha on Sunday, the mediators said.
            """)
        #expect(d.title == "Ceasefire talks resume in Doha as envoys return")
        #expect(d.paragraphs.map(\.text) == ["Envoys from both sides returned to Doha on Sunday, the mediators said."])
    }

    @Test(arguments: [" | The Gulf Ledger", " | gulfledger.com", " - BBC News"])
    func titleLineWithTheOutletsNameAlone(suffix: String) {
        let d = parse("""
            Ceasefire talks resume in Doha as envoys return\(suffix)
            Envoys from both sides returned to Doha on Sunday, the mediators said.
            """)
        #expect(d.title == "Ceasefire talks resume in Doha as envoys return")
    }

    @Test func aDashInsideAHeadlineStays() {
        let d = parse("""
            Vietnam - China: border talks resume after a two-year pause
            Envoys from both sides met in Hanoi on Sunday, the ministry said.
            """)
        #expect(d.title == "Vietnam - China: border talks resume after a two-year pause")
    }

    @Test(arguments: [("PRESS RELEASE", "For immediate release"), ("COMMUNIQUÉ DE PRESSE", "Pour diffusion immédiate"),
                      ("Press release", "FOR IMMEDIATE RELEASE"), ("Communiqué", "")])
    func pressReleaseHeader(header: String, second: String) {
        let d = parse("""
            \(header)
            \(second)
            Global health fund pledges new money for malaria vaccines
            GENEVA, 4 March 2026 – The fund said on Wednesday it would spend more on vaccines.
            """)
        #expect(d.title == "Global health fund pledges new money for malaria vaccines")
        #expect(d.date?.iso == "2026-03-04")
        #expect(!(d.publisher ?? "").lowercased().contains("press"))
        #expect(!(d.publisher ?? "").lowercased().contains("communiqu"))
    }

    @Test func liveBlogHeaderAndTimeStamps() {
        let d = parse("""
            LIVE
            Election night: follow the results as they come in
            Last updated: 5 May 2026, 23:40 BST
            23:40 BST
            Polls have closed across the country and counting has begun in most constituencies.
            22:15
            Turnout was higher than at the last election, according to early figures.
            """)
        #expect(d.title == "Election night: follow the results as they come in")
        #expect(d.date?.iso == "2026-05-05")
        #expect(d.paragraphs.map(\.text) == [
            "Polls have closed across the country and counting has begun in most constituencies.",
            "Turnout was higher than at the last election, according to early figures.",
        ])
    }

    @Test func frenchLiveBlog() {
        let d = parse("""
            EN DIRECT
            Inondations dans le Sud : suivez la situation heure par heure
            Mis à jour le 5 mai 2026 à 23h40
            14h05
            Les secours ont évacué 300 personnes dans la nuit, selon la préfecture.
            """)
        #expect(d.title == "Inondations dans le Sud : suivez la situation heure par heure")
        #expect(d.date?.iso == "2026-05-05")
        #expect(d.paragraphs.map(\.text) == ["Les secours ont évacué 300 personnes dans la nuit, selon la préfecture."])
    }

    @Test(arguments: [
        ("Le 26/10/2025 à 14h05", "2025-10-26"),
        ("26 octobre 2025 - 14:05", "2025-10-26"),
        ("Mis en ligne le 26 octobre 2025 à 14h05", "2025-10-26"),
        ("Mis en ligne le 26/10/2025", "2025-10-26"),
        ("Posted on October 26, 2025", "2025-10-26"),
        ("Last updated: 26 October 2025", "2025-10-26"),
        ("Publié le 26 octobre 2025 à 14h05, modifié le 27 octobre 2025 à 08h00", "2025-10-26"),
        ("First published on Sun 26 Oct 2025 14.05 GMT", "2025-10-26"),
        ("Date de publication : 26/10/2025", "2025-10-26"),
        ("Actualisé le 26 octobre 2025", "2025-10-26"),
    ])
    func dateLineUnderTheHeadline(line: String, iso: String) {
        let d = parse("""
            Rebels and army agree on a ceasefire in the northern hills
            \(line)
            \(Self.body)
            """)
        #expect(d.title == "Rebels and army agree on a ceasefire in the northern hills")
        #expect(d.date?.iso == iso)
        #expect(d.paragraphs.map(\.text) == [Self.body])
    }

    @Test func headlineThenStandfirstInTheSameCase() {
        let d = parse("""
            THE HARBOUR HERALD
            Rebels and army agree on a ceasefire in the northern hills
            The deal, the first in ten years, opens the way to talks on disarmament
            Published March 3, 2026
            \(Self.body)
            """)
        #expect(d.title == "Rebels and army agree on a ceasefire in the northern hills")
        #expect(d.paragraphs.first?.text == "The deal, the first in ten years, opens the way to talks on disarmament")
    }

    @Test(arguments: ["DPA — Deutsche Presse-Agentur", "AP - Associated Press", "NTB – Norsk Telegrambyrå"])
    func acronymAndNameMastheadThenATwoItemMenu(masthead: String) {
        let d = parse("""
            \(masthead)
            Europe | Climate
            04/03/2026 11:20

            Storm leaves thousands without power along the northern coast

            \(Self.body)
            """)
        #expect(d.title == "Storm leaves thousands without power along the northern coast")
        #expect(d.date?.iso == "2026-03-04")
        #expect(d.paragraphs.map(\.text) == [Self.body])
    }

    @Test func sectionPathUnderTheMenu() {
        let d = parse("""
            THE ENERGY LETTER
            Markets | Policy | Features | Podcasts
            Features / Offshore wind

            Why the North Sea grid deal took six years to agree

            March 4, 2026 · Story by Ana Ruiz

            \(Self.body)
            """)
        #expect(d.title == "Why the North Sea grid deal took six years to agree")
    }

    @Test(arguments: [("Septembre 2025", "2025-09"), ("March 2026", "2026-03"), ("Publié en mars 2026", "2026-03")])
    func aMonthAloneDatesThePageToTheMonth(line: String, iso: String) {
        let d = parse("""
            COMMUNIQUÉ
            Les défenseurs des droits saluent la libération de douze militants
            \(line)
            \(Self.body)
            """)
        #expect(d.title == "Les défenseurs des droits saluent la libération de douze militants")
        #expect(d.date?.iso == iso && d.date?.precision == .month)
    }

    @Test func pressReleaseHeadlineStartingWithPlaceAndDateOfIssue() {
        let d = parse("""
            Ministry of Fisheries - Press office
            Home > Press releases

            Lisbon, 04.02.2026 - New quotas agreed for the northern sardine fleet

            \(Self.body)

            Last updated 05.02.2026
            """)
        #expect(d.title == "New quotas agreed for the northern sardine fleet")
        #expect(d.date?.iso == "2026-02-04")
        let fr = parse("""
            Communiqué de presse

            Genève, 3 mars 2026 – Reprise des pourparlers sur la pêche artisanale

            Les deux camps ont signé le texte mardi, après quatre jours de pourparlers.
            """)
        #expect(fr.title == "Reprise des pourparlers sur la pêche artisanale")
        #expect(fr.date?.iso == "2026-03-03")
        // a headline with a comma and a dash but no date of issue stays whole
        #expect(LineClassifier.titleDateline("Peru, Chile - Ministers agree on a border crossing") == nil)
        #expect(LineClassifier.titleDateline("In Lima, 300 families - Homeless after the quake") == nil)
    }

    @Test func aSloganUnderTheMastheadIsNoHeadline() {
        let d = parse("""
            THE ISLAND HERALD
            Your island. Your news.
            Home | Politics | Business | Sport
            Fishing states agree to cut the tuna catch by a fifth
            \(Self.body)
            """)
        #expect(d.title == "Fishing states agree to cut the tuna catch by a fifth")
        #expect(d.paragraphs.map(\.text) == [Self.body])
    }

    @Test func aPaywallNoticeIsNoHeadline() {
        let d = parse("""
            LE COURRIER DU LAC
            Accueil > Monde > Afrique
            Cet article vous est offert. Abonnez-vous pour 1 € le premier mois.
            Les pêcheurs du lac obtiennent un quota commun
            Les deux pays ont signé mardi le texte après quatre jours de discussions, selon les autorités.
            """)
        #expect(d.title == "Les pêcheurs du lac obtiennent un quota commun")
        #expect(d.removed.contains { $0.reason == .newsletterPrompt && $0.text.hasPrefix("Cet article") })
    }

    @Test func theDateBesideAReadingTimeIsTheBylines() {
        let d = parse("""
            THE HARBOUR HERALD
            A line in the water: how a tribunal settled the sea dispute
            By Ama Mensah
            July 30, 2026 · 9 min read
            \(Self.body)
            """)
        #expect(d.date == PartialDate(year: 2026, month: 7, day: 30))
    }

    @Test func thePressReleasesIssuerIsNoHeadline() {
        let d = parse("""
            FOR IMMEDIATE RELEASE
            Ministry of Trade and Industry
            Ghana and Togo sign customs cooperation agreement
            ACCRA, 3 March 2026 – The governments of Ghana and Togo today signed an agreement to share customs data, the ministry said.
            """)
        #expect(d.title == "Ghana and Togo sign customs cooperation agreement")
        let f = parse("""
            COMMUNIQUÉ DE PRESSE
            Ministère des Affaires étrangères
            Le Sénégal et la Gambie signent un accord sur le pont de Farafenni
            Dakar, le 3 mars 2026 – Le Sénégal et la Gambie ont signé ce mardi un accord sur l'entretien du pont, a annoncé le ministère.
            """)
        #expect(f.title == "Le Sénégal et la Gambie signent un accord sur le pont de Farafenni")
        #expect(LineClassifier.isOrganisationName("Ministry of Trade and Industry"))
        #expect(!LineClassifier.isOrganisationName("Ministry confirms eight new cases in the north"))
    }

    @Test func aMenuLeftApartByRunsOfSpacesIsNavigation() {
        let d = parse("""
            Reuters
            Skip to main content
            World  Business  Markets  Sustainability  Legal  Technology
            Sustainability | Climate & Energy
            Botswana and Namibia sign a solar power pact
            \(Self.body)
            """)
        #expect(d.title == "Botswana and Namibia sign a solar power pact")
        #expect(LineClassifier.spacedItems("World  Business\tMarkets") == ["World", "Business", "Markets"])
        #expect(LineClassifier.spacedItems("One space only") == nil)
    }
}
