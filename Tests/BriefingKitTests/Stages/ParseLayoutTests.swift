import Testing
@testable import BriefingKit

/// Parse on page layouts the seeds do not have: invented pages in the ways scraped news sites
/// look (mastheads, menus, breadcrumbs, date lines, datelines, widgets, related lists).
private func parse(_ text: String, defaultYear: Int? = nil, name: String = "page.txt") -> (Document, [String]) {
    var stats = StageStats(stage: "parse", unit: "files")
    var warnings: [String] = []
    let doc = ParseStage(settings: ParseSettings(defaultYear: defaultYear))
        .parse(SourceFile(name: name, path: name, bytes: Array(text.utf8)), stats: &stats, warnings: &warnings)
    return (doc ?? Document(id: "none", fileName: name), warnings)
}

@Suite struct ParseLayoutTests {
    let english = """
        Skip to main content
        THE HARBOUR HERALD
        News | Business | Sport | Opinion
        Home / World / Africa

        Flood waters recede in the delta as aid convoys reach cut-off towns

        By Jane Doe and Peter Roe
        Published November 4, 2025 3:14 PM

        [Photo] Trucks carrying food cross a repaired bridge. Photo: Harbour Herald/Sam Lee

        PORT ELLA, Nov 4 (Reuters) - Aid convoys reached three towns in the river delta on Tuesday, a week after the floods cut them off, officials said.

        Read more: How the dykes were built

        The regional governor said about 12,000 people were still in shelters.

        Reporting by Jane Doe; Editing by Peter Roe

        © 2025 Harbour Herald

        Share: Facebook | X | Email

        Related coverage
        - Drought returns to the northern plains
        - Port strike ends after pay deal

        Sign up for our morning newsletter
        We use cookies to improve your experience. [Accept]
        Comments (3)
        """

    @Test(arguments: ["# # #", "###", "-30-", "- ENDS -", "ENDS", "– FIN –"])
    func pressReleaseEndMarkEndsTheArticle(mark: String) {
        let (d, _) = parse("""
            PRESS RELEASE
            Harbour authority opens a second container terminal
            Published 4 May 2026
            The new terminal will double the port's capacity to 2 million containers a year, the authority said.

            \(mark)

            About the Harbour Authority
            The Harbour Authority is a public body that manages the ports of the northern coast and employs 3,000 people.
            Media contact: Jane Roe, press officer, +44 20 0000 0000
            """)
        #expect(d.paragraphs.map(\.text) == ["The new terminal will double the port's capacity to 2 million containers a year, the authority said."])
        #expect(!LineClassifier.isReleaseEndMark("# 3") && !LineClassifier.isReleaseEndMark("Fin des négociations"))
    }

    @Test func englishPageGivesHeadlineDateAndCleanParagraphs() {
        let (d, warnings) = parse(english)
        #expect(d.title == "Flood waters recede in the delta as aid convoys reach cut-off towns")
        #expect(d.date?.iso == "2025-11-04" && d.date?.precision == .day && d.dateOrigin == .byline)
        #expect(d.publisher == "The Harbour Herald")
        #expect(d.language == "en")
        #expect(d.paragraphs.map(\.text) == [
            "Aid convoys reached three towns in the river delta on Tuesday, a week after the floods cut them off, officials said.",
            "The regional governor said about 12,000 people were still in shelters.",
        ])
        let reasons = Set(d.removed.map(\.reason))
        for r: Removal.Reason in [.navigation, .siteBanner, .title, .byline, .dateLine, .photoCaption, .dateline, .teaser,
                                  .copyright, .shareButtons, .relatedArticles, .newsletterPrompt, .cookieNotice, .commentWidget] {
            #expect(reasons.contains(r), "\(r)")
        }
        #expect(d.removed.first { $0.reason == .dateline }?.text == "PORT ELLA, Nov 4 (Reuters) -")
        #expect(warnings.isEmpty)
    }

    let french = """
        LE COURRIER DU LAC
        Le journal de la région
        Accueil › Monde › Afrique

        Sommet régional : les chefs d'État s'accordent sur un fonds commun pour l'eau

        Par Marie Dupont, AFP
        Mis à jour le 12 mars 2026 à 18h40

        NIAMEY, 12 mars 2026 (AFP) - Les chefs d'État de la région se sont accordés jeudi sur la création d'un fonds commun pour l'eau.

        Lire aussi : « La sécheresse s'aggrave dans le Sahel »

        Le fonds sera doté de 200 millions d'euros, selon le communiqué final.

        Mots-clés : eau, Sahel, sommet
        Partager : Facebook | X | WhatsApp

        À lire aussi
        - Le Tchad inaugure un barrage
        - Pluies record au Sénégal
        """

    @Test func frenchPageGivesHeadlineDateAndCleanParagraphs() {
        let (d, _) = parse(french)
        #expect(d.title == "Sommet régional : les chefs d'État s'accordent sur un fonds commun pour l'eau")
        #expect(d.date?.iso == "2026-03-12" && d.dateOrigin == .byline)
        #expect(d.language == "fr")
        #expect(d.paragraphs.map(\.text) == [
            "Les chefs d'État de la région se sont accordés jeudi sur la création d'un fonds commun pour l'eau.",
            "Le fonds sera doté de 200 millions d'euros, selon le communiqué final.",
        ])
        #expect(d.removed.filter { $0.reason == .relatedArticles }.count == 3)
        #expect(d.removed.contains { $0.reason == .tags } && d.removed.contains { $0.reason == .teaser })
    }

    @Test func datelineWithoutYearTakesThePagesYearOrNone() {
        // the year comes from the URL
        let withURL = parse("Talks resume in the capital\n\nLUSAKA, Oct 26 (Reuters) - Talks resumed on Sunday between the two parties.\n\nhttps://news.example.com/2025/10/26/talks")
        #expect(withURL.0.date?.iso == "2025-10-26")
        // no year anywhere in the page: no date, and a warning naming the file
        let (d, warnings) = parse("Talks resume in the capital\n\nLUSAKA, Oct 26 (Reuters) - Talks resumed on Sunday between the two parties.")
        #expect(d.date == nil)
        #expect(warnings.contains { $0.hasPrefix("page.txt: no publication date found") })
        #expect(d.paragraphs.first?.text == "Talks resumed on Sunday between the two parties.")
        #expect(d.publisher == "Reuters")
    }

    @Test func aDeadlineInTheTextIsNotThePublicationDate() {
        // the report of a date two years after the article: the latest date of the text was a deadline
        let text = """
            Le traité a été signé le 25 octobre 2025 par soixante-cinq pays.
            Il reste ouvert à la signature jusqu'au 31 décembre 2026 au siège de l'ONU.
            La prochaine réunion est prévue le 3 février prochain.
            """
        let (d, _) = parse(text)
        #expect(d.date?.iso == "2025-10-25" && d.dateOrigin == .text)
        let english = parse("The treaty was signed on Oct. 25, 2025.\nIt stays open for signature until Dec. 31, 2026.").0
        #expect(english.date?.iso == "2025-10-25")
    }

    @Test func aDayWithoutAYearIsDatedOnlyWithTheConfiguredDefaultYear() {
        let text = "Les délégués se sont réunis le 25 octobre à Genève pour une nouvelle série de pourparlers."
        #expect(parse(text).0.date == nil)
        #expect(parse(text).1 == ["page.txt: no publication date found"])
        let (d, warnings) = parse(text, defaultYear: 2025)
        #expect(d.date?.iso == "2025-10-25" && d.dateOrigin == .text)
        #expect(warnings.isEmpty)
    }

    @Test func aTaglineAboveTheMenuIsNotTheHeadline() {
        let (d, _) = parse("DAILY NORTH\nYour window on the north\nHome › Politics\n\nParliament approves the new budget after a long night of debate\n\nThe parliament approved the budget on Friday by 210 votes to 140, after fourteen hours of debate.")
        #expect(d.title == "Parliament approves the new budget after a long night of debate")
        #expect(d.paragraphs.count == 1)
    }

    @Test func dateForms() {
        func first(_ s: String) -> String? {
            DateFinder.find(in: s).first.map { "\($0.year.map(String.init) ?? "?")-\($0.month)-\($0.day.map(String.init) ?? "?")" }
        }
        #expect(first("Published October 26, 2025 3:14 PM") == "2025-10-26")
        #expect(first("Updated Oct. 26, 2025") == "2025-10-26")
        #expect(first("Publié le 26/10/2025 à 14h05") == "2025-10-26")
        #expect(first("Mis à jour le 26 octobre 2025") == "2025-10-26")
        #expect(first("HANOÏ, 26 oct. 2025 (AFP) -") == "2025-10-26")
        #expect(first("Oct 26 (Reuters)") == "?-10-26")
        #expect(first("le 1er mars") == "?-3-1")
        #expect(first("2025-10-26") == "2025-10-26")
        #expect(first("mar. 3 mars 2026") == "2026-3-3")
        #expect(first("16/11/26") == "2026-11-16")
        #expect(first("16.11.26") == "2026-11-16")
        #expect(first("16-Nov-2026") == "2026-11-16")
        #expect(first("Monday, 16 November, 2026") == "2026-11-16")
        #expect(first("version 1.2.3.4") == nil)
        #expect(first("Issue 47, October 2025") == "2025-10-?")
        #expect(first("it may 26 times") == nil)
        #expect(DateHeuristics.dateInURL("https://x.com/world/2025/10/26/story") == PartialDate(year: 2025, month: 10, day: 26))
        #expect(DateHeuristics.dateInURL("https://x.com/a/story-20251026.html") == PartialDate(year: 2025, month: 10, day: 26))
        #expect(DateHeuristics.dateInURL("https://x.com/2025/10/story") == PartialDate(year: 2025, month: 10))
        #expect(DateHeuristics.dateInURL("https://x.ca/emissions/episodes/2026-07-14-feux-de-foret") == PartialDate(year: 2026, month: 7, day: 14))
        #expect(DateHeuristics.dateInURL("https://x.ca/a/12026-07-14-b") == nil)
    }

    @Test func datesInALongParagraphAreFoundAsInAShortOne() {
        // past 160 bytes only windows around digits are tokenised: the same dates, markers and order
        let filler = String(repeating: "Les délégations ont poursuivi leurs échanges sur la coopération régionale. ", count: 6)
        let text = "Réunis à Genève le 26 octobre 2025, les ministres se sont quittés. " + filler
            + "Le texte restera ouvert à la signature jusqu'au 31 décembre 2026. " + filler
            + "Published Oct. 27, la note, puis le 1er mars et 12/11/2025 sans oublier 2 500 délégués et « 3 » points."
        #expect(text.utf8.count > 1_000)
        let whole = DateFinder.find(tokens: DateFinder.tokens(text))
        let windowed = DateFinder.find(in: text)
        #expect(windowed == whole)
        #expect(windowed.map { "\($0.year ?? 0)-\($0.month)-\($0.day ?? 0)" } == ["2025-10-26", "2026-12-31", "0-10-27", "0-3-1", "2025-11-12"])
        #expect(DateFinder.isFutureMarked(windowed[1]) && !DateFinder.isFutureMarked(windowed[0]))
    }

    @Test func foldingOnBytesMatchesScalarByScalarFolding() {
        for text in ["Ménage À TROIS œuvre Đà Nẵng", "İstanbul ΣΊΣΥΦΟΣ straße", "« Hanoï » – 25 ‑ 26\u{00A0}oct.", "e\u{301}te\u{301}", ""] {
            var expected = ""
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 { expected += String(scalar).lowercased() }
                else if let f = TextFolder.shared.fold(scalar) { expected += f }
                else { expected += String(scalar).lowercased() }
            }
            #expect(TextFolder.shared.fold(text) == expected, "\(text)")
            #expect(TextFolder.shared.fold(text.dropFirst(0)) == expected)
        }
    }

    @Test func frenchAndEnglishAreTold() {
        #expect(parse("On a signé l'accord à Genève ; il est entré en vigueur et on en attend beaucoup.").0.language == "fr")
        #expect(parse("It was signed in Geneva at the end of talks that lasted from March to June.").0.language == "en")
    }

    /// A toolbar with the comment count sits between the byline and the article: it does not end
    /// the article (only a comment widget after the text does), and the page is read as English.
    @Test func commentCountAboveTheArticleIsAToolbar() {
        let page = """
            THE VALLEY GAZETTE
            Home > Region > Elections

            Council vote: ruling bloc holds on as turnout falls

            Ann Example | Politics | 4 min read

            Comments (17)  |  Share  |  Print

            The ruling bloc kept control of the district council on Sunday, winning 31 of the 50 seats.

            Turnout fell to 52 per cent, the electoral office said, the lowest since the council was created.

            Comments (17)
            > Harbour fees rise again
            """
        let (d, _) = parse(page)
        #expect(d.title == "Council vote: ruling bloc holds on as turnout falls")
        #expect(d.language == "en")
        #expect(d.paragraphs.map(\.text) == [
            "The ruling bloc kept control of the district council on Sunday, winning 31 of the 50 seats.",
            "Turnout fell to 52 per cent, the electoral office said, the lowest since the council was created.",
        ])
        #expect(d.removed.contains { $0.text == "> Harbour fees rise again" && $0.reason == .relatedArticles })
    }

    /// A section's name in title case above the headline is a label; the headline follows it.
    @Test func sectionNameAboveTheHeadlineIsNotTheTitle() {
        let page = """
            THE PORT LEDGER
            Open in app
            Energy & Shipping

            Two harbours agree to share a new fuel terminal on the northern coast

            By Sam Example
            The two port authorities signed the agreement on Monday after a year of talks.
            """
        let (d, _) = parse(page)
        #expect(d.title == "Two harbours agree to share a new fuel terminal on the northern coast")
        #expect(d.paragraphs.map(\.text) == ["The two port authorities signed the agreement on Monday after a year of talks."])
        #expect(LineClassifier.isSectionLabel("Health and Science"))
        #expect(!LineClassifier.isSectionLabel("Harbours agree on a terminal"))
    }

    /// A headline naming donors or subscribers is not a newsletter or donation prompt: the prompt
    /// words count only as whole words.
    @Test func headlineNamingDonorsIsNotAPrompt() {
        let page = """
            LE JOURNAL DES PORTS
            Accueil / Économie

            Fonds portuaire : les donateurs promettent 40 millions d'euros

            Par Jean Exemple

            Les donateurs réunis lundi ont promis 40 millions d'euros au fonds portuaire régional.

            Faites un don pour soutenir notre rédaction
            """
        let (d, _) = parse(page)
        #expect(d.title == "Fonds portuaire : les donateurs promettent 40 millions d'euros")
        #expect(d.paragraphs.map(\.text) == ["Les donateurs réunis lundi ont promis 40 millions d'euros au fonds portuaire régional."])
        #expect(d.removed.contains { $0.reason == .newsletterPrompt && $0.text.hasPrefix("Faites un don") })
        #expect("support us: donate today".containsWord("donate"))
        #expect(!"les donateurs".containsWord("donate"))
        #expect("our newsletters".containsWord("newsletter"))
    }

    /// Wire credits at the foot of an article (`With material from …`, `(Avec agences)`) are no paragraph.
    @Test func wireCreditsAtTheFootAreBylines() {
        let page = """
            Storm cuts power to the northern islands

            Power was cut to thousands of homes on the northern islands on Sunday, the utility said.

            With material from dpa and AP
            """
        let (d, _) = parse(page)
        #expect(d.paragraphs.map(\.text) == ["Power was cut to thousands of homes on the northern islands on Sunday, the utility said."])
        #expect(d.removed.contains { $0.text == "With material from dpa and AP" && $0.reason == .byline })
        #expect(LineClassifier.authorLine("(Avec agences)", folded: "(avec agences)") != nil)
    }

    /// A page with no paragraph left is told by its headline, not given the fallback language.
    @Test func languageFromTheHeadlineWhenNoParagraphIsLeft() {
        let page = """
            THE ISLAND POST
            Home > News

            Talks on the fishing deal end without agreement as the boats stay in port

            Comments (4)
            """
        let (d, _) = parse(page)
        #expect(d.paragraphs.isEmpty)
        #expect(d.title == "Talks on the fishing deal end without agreement as the boats stay in port")
        #expect(d.language == "en")
    }
}
