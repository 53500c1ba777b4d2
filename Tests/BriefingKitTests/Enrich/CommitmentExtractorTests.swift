import Foundation
import Testing
@testable import BriefingKit

/// The repository root (the folder holding Package.swift), found from this file.
private let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

private func makeExtractor(speaker: String? = nil) throws -> CommitmentExtractor {
    try CommitmentExtractor(commitmentsFile: CommitmentLexicon.defaultFile(root: repoRoot),
                            themesFile: ThemeLexicon.defaultFile(root: repoRoot), speaker: speaker)
}

/// Scalar offset of `surface` in `paragraph` (first occurrence).
private func offset(of surface: String, in paragraph: String) -> Int? {
    let p = Array(paragraph.unicodeScalars), s = Array(surface.unicodeScalars)
    guard !s.isEmpty, s.count <= p.count else { return nil }
    for i in 0...(p.count - s.count) where Array(p[i..<(i + s.count)]) == s { return i }
    return nil
}

/// What earlier extractors would have appended, made by hand: (kind, name, surface) entities and
/// (name, surface) people, placed where `surface` occurs in the paragraph.
private struct Hand {
    var entities: [(EntityMention.Kind, String, String)] = []
    var people: [(String, String)] = []
    var dates: [(String, PartialDate)] = []
}

/// Runs `extractor` over a paragraph: tokenize → sentences → SentenceContext, previous sentence given
/// when `paragraphMode`, else through the plain `Extractor` entry point.
private func run(_ paragraph: String, _ extractor: CommitmentExtractor, hand: Hand = Hand(),
                 paragraphMode: Bool = true) -> [CommitmentMention] {
    var findings = Findings()
    let sentences = Tokenizer.sentences(paragraph)
    func provenance(_ surface: String) -> Provenance? {
        guard let start = offset(of: surface, in: paragraph),
              let s = sentences.first(where: { $0.start <= start && start < $0.end }) else { return nil }
        return Provenance(documentID: "doc", paragraphID: "p1", sentenceIndex: s.index, sentence: s.text,
                          start: start, end: start + surface.unicodeScalars.count)
    }
    for (kind, name, surface) in hand.entities {
        if let p = provenance(surface) { findings.entities.append(EntityMention(kind: kind, name: name, surface: surface, provenance: p)) }
    }
    for (name, surface) in hand.people {
        if let p = provenance(surface) { findings.people.append(PersonMention(name: name, surface: surface, provenance: p)) }
    }
    for (surface, date) in hand.dates {
        if let p = provenance(surface) { findings.dates.append(DateMention(surface: surface, date: date, provenance: p)) }
    }
    let contexts = sentences.map {
        SentenceContext(documentID: "doc", paragraphID: "p1", documentDate: PartialDate(year: 2025, month: 10, day: 26), sentence: $0)
    }
    if paragraphMode {
        extractor.extract(paragraph: contexts, into: &findings)
    } else {
        for c in contexts { extractor.extract(c, into: &findings) }
    }
    return findings.commitments
}

@Suite struct CommitmentExtractorTests {
    @Test func vietnamCallsForRatificationAndPledgesToCollaborate() throws {
        let s = "Le Vietnam lance un appel aux nations pour une ratification rapide de la Convention, s'engageant à collaborer avec les pays et organisations internationales pour promouvoir l'exploitation du cyberespace et la lutte contre la cybercriminalité, au service de la paix, de la stabilité et du développement durable des nations, a-t-il dit."
        let c = run(s, try makeExtractor())
        #expect(c.count == 1)
        #expect(c.first?.actor == "Vietnam" && c.first?.actorKind == "country" && c.first?.actorText == "Le Vietnam")
        #expect(c.first?.trigger == "lance un appel")
        #expect(c.first?.action.hasPrefix("aux nations pour une ratification rapide de la Convention; collaborer avec les pays") == true)
        #expect(c.first?.themes == ["ratification", "international-cooperation", "prevention"])
        // with the entity extractor's mention, its canonical name wins
        let e = run(s, try makeExtractor(), hand: Hand(entities: [(.country, "Viêt Nam", "Vietnam")]))
        #expect(e.first?.actor == "Viêt Nam" && e.first?.actorKind == "country")
        #expect(e.first?.provenance.start == 0 && e.first?.provenance.sentenceIndex == 1)
    }

    @Test func unodcReaffirmsSupportAndWill() throws {
        let s = "L'ONUDC a réaffirmé son soutien technique et sa volonté d'étudier la création d'un Centre régional de formation sur la cybercriminalité à Hanoï."
        let c = run(s, try makeExtractor())
        #expect(c.count == 1)
        #expect(c.first?.actor == "ONUDC" && c.first?.actorKind == "organisation" && c.first?.actorText == "L'ONUDC")
        #expect(c.first?.trigger == "a réaffirmé son soutien")
        #expect(c.first?.action == "son soutien technique; étudier la création d'un Centre régional de formation sur la cybercriminalité à Hanoï")
        #expect(c.first?.themes == ["technical-assistance", "training-centre"])
        let e = run(s, try makeExtractor(), hand: Hand(entities: [(.organisation, "Office des Nations unies contre la drogue et le crime", "ONUDC")]))
        #expect(e.first?.actor == "Office des Nations unies contre la drogue et le crime")
    }

    @Test func developedCountriesCommitAsDevelopingCountriesPropose() throws {
        let s = "Les pays développés se sont également engagés à renforcer leurs capacités et à fournir un soutien technique, comme le proposent les pays en développement."
        let c = run(s, try makeExtractor())
        #expect(c.count == 2)
        #expect(c.first?.actor == "pays développés" && c.first?.actorKind == "group" && c.first?.actorText == "Les pays développés")
        #expect(c.first?.trigger == "se sont également engagés à")
        #expect(c.first?.action == "renforcer leurs capacités et à fournir un soutien technique")
        #expect(c.first?.themes == ["capacity-building", "technical-assistance"])
        #expect(c.last?.actor == "pays en développement" && c.last?.trigger == "comme le proposent")
        #expect(c.last?.themes == ["capacity-building", "technical-assistance"])
    }

    @Test func speakerResolvesFirstPerson() throws {
        let s = "Pour un avenir numérique sûr, équitable et humain, je propose respectueusement et j'appelle toutes les nations, organisations et entreprises à renforcer leur coopération pour la mise en œuvre effective de la Convention de Hanoï, grâce à la solidarité et à la confiance stratégique, avec un sens des responsabilités, en partageant leurs expériences, leurs technologies et leurs ressources, et en soutenant tout particulièrement les pays en développement."
        let c = run(s, try makeExtractor(speaker: "Luong Tam Quang"))
        #expect(c.count == 1)
        #expect(c.first?.actor == "Luong Tam Quang" && c.first?.actorKind == "person" && c.first?.actorText == "je")
        #expect(c.first?.action == "renforcer leur coopération pour la mise en œuvre effective de la Convention de Hanoï")
        let themes = Set(c.first?.themes ?? [])
        #expect(themes.isSuperset(of: ["international-cooperation", "implementation", "technology-transfer", "capacity-building"]))
        // without a speaker hint the actor stays the unnamed speaker
        let anonymous = run(s, try makeExtractor())
        #expect(anonymous.first?.actor == "orateur" && anonymous.first?.actorText == "je")
    }

    @Test func vietnamPledgeAfterApposition() throws {
        let s = "Poursuivant une politique étrangère indépendante et autonome, se comportant en ami, en partenaire fiable et en membre responsable de la communauté internationale, et accordant une importance particulière à la cybersécurité et à la prévention de la cybercriminalité, conditions préalables à la protection de la souveraineté numérique, de la vie privée, des droits de l'homme et de la confiance sociale numérique, le Vietnam, fort de son système juridique et de sa stratégie nationale, s'engage à remplir pleinement, sérieusement et de manière responsable ses obligations au titre de la Convention, à renforcer la coopération bilatérale et multilatérale et à coordonner ses actions avec les États membres en matière de prévention et de lutte contre la cybercriminalité."
        let c = run(s, try makeExtractor())
        #expect(c.count == 1)
        #expect(c.first?.actor == "Vietnam" && c.first?.actorText == "le Vietnam" && c.first?.trigger == "s'engage à")
        // human rights are a motive before the pledge, not its object
        #expect(c.first?.themes == ["implementation", "international-cooperation", "prevention"])
    }

    @Test func manyCountriesCommitmentAndWill() throws {
        let s = "De nombreux pays ont affirmé leur engagement en faveur de la coopération et de l'assistance technique aux pays en développement, ainsi que leur volonté de renforcer le rôle du secteur privé, soulignant la nécessité de garantir les droits de l'homme et les libertés fondamentales dans la mise en œuvre de la Convention."
        let c = run(s, try makeExtractor())
        #expect(c.count == 1)
        #expect(c.first?.actor == "de nombreux pays" && c.first?.actorKind == "group" && c.first?.actorText == "De nombreux pays")
        #expect(c.first?.trigger == "ont affirmé leur engagement en faveur de")
        let themes = Set(c.first?.themes ?? [])
        #expect(themes.isSuperset(of: ["technical-assistance", "public-private-cooperation", "international-cooperation", "human-rights"]))
    }

    @Test func pronounResolvedFromPreviousSentence() throws {
        let p = "Saluant les préparatifs du Vietnam, des représentants de plusieurs pays ont exprimé leur gratitude pour les efforts vietnamiens et ont encouragé les nations africaines à se rendre à Hanoï pour la signature de la Convention en octobre. Ils ont également insisté sur l'impérative entrée en vigueur rapide de la Convention contre la cybercriminalité et ont appelé les pays à la signer et à la ratifier sans délai."
        for paragraphMode in [true, false] {
            let c = run(p, try makeExtractor(), paragraphMode: paragraphMode)
            #expect(c.count == 2)
            #expect(c.first?.actor == "représentants de plusieurs pays" && c.first?.actorText == "des représentants de plusieurs pays")
            #expect(c.first?.action == "se rendre à Hanoï pour la signature de la Convention en octobre")
            #expect(c.last?.actor == "représentants de plusieurs pays" && c.last?.actorText == "Ils" && c.last?.actorKind == "group")
            #expect(c.last?.themes == ["ratification"])
            #expect(c.last?.action.hasSuffix("la signer et à la ratifier sans délai") == true)
            #expect(c.last?.provenance.sentenceIndex == 2)
        }
    }

    @Test func pronounNeedsThePreviousSentenceWhenItHoldsNoCommitment() throws {
        let p = "De nombreux représentants internationaux ont salué les progrès accomplis depuis l'adoption de la Convention. Ils ont également exprimé l'espoir que ce processus soit bientôt achevé et se sont engagés à y participer pleinement et avec le plus grand sens des responsabilités."
        let c = run(p, try makeExtractor())
        #expect(c.count == 1)
        #expect(c.first?.actor == "de nombreux représentants internationaux" && c.first?.actorText == "Ils")
        #expect(c.first?.action == "y participer pleinement et avec le plus grand sens des responsabilités")
        #expect(c.first?.themes == ["other"])
        let alone = run(p, try makeExtractor(), paragraphMode: false)
        #expect(alone.first?.actor == "inconnu" && alone.first?.actorKind == "group")
    }

    @Test func ownerOfCommitmentOrDeterminationIsTheActor() throws {
        let a = run("Le secrétaire général a réaffirmé l'engagement du Vietnam à exploiter activement le potentiel du cyberespace et des technologies associées.", try makeExtractor())
        #expect(a.count == 1)
        #expect(a.first?.actor == "Vietnam" && a.first?.actorText == "Vietnam" && a.first?.themes == ["other"])
        #expect(a.first?.action == "exploiter activement le potentiel du cyberespace et des technologies associées")
        let b = run("En particulier, les déclarations de hauts dirigeants vietnamiens tels que le Secrétaire général To Lam, le Président Luong Cuong et le Premier ministre Pham Minh Chinh ont affirmé la détermination du Vietnam à mettre en œuvre prochainement la Convention avec la participation de tous les pays, afin de garantir que personne ne soit laissé pour compte.", try makeExtractor())
        #expect(b.count == 1)
        #expect(b.first?.actor == "Vietnam" && b.first?.themes == ["implementation"])
    }

    @Test func enumeratedSubjectAndStatedNeeds() throws {
        let a = run("Dans un climat de dialogue ouvert et constructif, ministres, ambassadeurs, représentants de pays et d'organisations internationales, ainsi que des entreprises, ont partagé leurs points de vue, clarifié le rôle et l'importance de la Convention et proposé des solutions pour sa mise en œuvre.", try makeExtractor())
        #expect(a.count == 1)
        #expect(a.first?.actor == "participants" && a.first?.actorKind == "group")
        #expect(a.first?.actorText == "ministres, ambassadeurs, représentants de pays et d'organisations internationales, ainsi que des entreprises")
        #expect(a.first?.action == "des solutions pour sa mise en œuvre" && a.first?.themes == ["implementation"])
        let b = run("Concernant la mise en œuvre de la Convention dans les années à venir, les pays ont souligné la nécessité d'harmoniser leurs législations nationales conformément aux obligations découlant de la Convention et de déployer des mesures nationales spécifiques ; estimant qu'il s'agit d'une opportunité d'actualiser le cadre juridique national pour un écosystème numérique juste et humain.", try makeExtractor())
        #expect(b.count == 1)
        #expect(b.first?.actor == "les pays" && b.first?.themes == ["national-law-harmonisation", "implementation"])
    }

    @Test func englishPledgeWithHandMadeEntity() throws {
        let s = "The United States pledged to share electronic evidence with partner countries."
        let c = run(s, try makeExtractor(), hand: Hand(entities: [(.country, "États-Unis", "United States")]))
        #expect(c.count == 1)
        #expect(c.first?.actor == "États-Unis" && c.first?.actorKind == "country" && c.first?.actorText == "The United States")
        #expect(c.first?.trigger == "pledged to" && c.first?.action == "share electronic evidence with partner countries")
        #expect(c.first?.themes == ["evidence-sharing"])
        let d = run("Viet Nam has called for faster ratification of the Convention.", try makeExtractor(),
                    hand: Hand(entities: [(.country, "Viêt Nam", "Viet Nam")]))
        #expect(d.first?.actor == "Viêt Nam" && d.first?.trigger == "has called for" && d.first?.themes == ["ratification"])
    }

    @Test func personAndCoordinatedEntitiesAndDate() throws {
        let a = run("Le 26 octobre, le secrétaire général Tô Lâm a appelé les pays à ratifier la Convention.", try makeExtractor(),
                    hand: Hand(people: [("Tô Lâm", "Tô Lâm")], dates: [("Le 26 octobre", PartialDate(year: 2025, month: 10, day: 26))]))
        #expect(a.count == 1)
        #expect(a.first?.actor == "Tô Lâm" && a.first?.actorKind == "person" && a.first?.date?.iso == "2025-10-26")
        #expect(a.first?.action == "ratifier la Convention" && a.first?.themes == ["ratification"])
        let b = run("Le Vietnam et l'ONUDC se sont engagés à renforcer la coopération internationale.", try makeExtractor(),
                    hand: Hand(entities: [(.country, "Vietnam", "Vietnam"), (.organisation, "ONUDC", "ONUDC")]))
        #expect(b.map(\.actor) == ["Vietnam", "ONUDC"])
        #expect(b.map(\.actorKind) == ["country", "organisation"])
        #expect(b.allSatisfy { $0.themes == ["international-cooperation"] && $0.date == nil })
    }

    @Test func englishGivingVerbsAndPledgesWithoutTo() throws {
        let a = run("Canada pledged $15 million for flood relief, and the Netherlands will provide two rescue teams.", try makeExtractor(),
                    hand: Hand(entities: [(.country, "Canada", "Canada"), (.country, "Pays-Bas", "Netherlands")]))
        #expect(a.map(\.actor) == ["Canada", "Pays-Bas"])
        #expect(a.map(\.trigger) == ["pledged", "will provide"])
        let b = run("The Arctic Research Council said it will fund ten new monitoring stations.", try makeExtractor())
        #expect(b.count == 1 && b.first?.actor == "Arctic Research Council" && b.first?.actorText == "it")
        // negated, or a noun: no commitment
        #expect(run("Brazil did not pledge to cut its tariffs.", try makeExtractor()).isEmpty)
        #expect(run("The money pledged by donors has not arrived.", try makeExtractor()).isEmpty)
    }

    @Test func frenchFutureOfGivingAndReflexivePastCommitment() throws {
        let a = run("La Norvège versera 20 millions d'euros au fonds. L'Italie s'est engagée à accueillir la prochaine réunion.", try makeExtractor(),
                    hand: Hand(entities: [(.country, "Norvège", "Norvège"), (.country, "Italie", "Italie")]))
        #expect(a.map(\.actor) == ["Norvège", "Italie"])
        #expect(a.map(\.trigger) == ["versera", "s'est engagée à"])
        let b = run("Le ministre a invité les délégués à la cérémonie de clôture.", try makeExtractor())
        #expect(b.isEmpty)
        let c = run("La Fédération des transporteurs invite les autorités à rouvrir les routes.", try makeExtractor())
        #expect(c.count == 1 && c.first?.actor == "Fédération des transporteurs" && c.first?.trigger == "invite les autorités à")
    }

    @Test func pronounsResolveToTheParagraphsActors() throws {
        // `he` after a quote: the speaker of the previous sentence
        let a = run("\"Trade must grow,\" Marta Oliveira said. She urged investors to back regional factories.", try makeExtractor(),
                    hand: Hand(people: [("Marta Oliveira", "Marta Oliveira")]))
        #expect(a.count == 1 && a.first?.actor == "Marta Oliveira" && a.first?.actorText == "She")
        // `we` inside a quote: the speaker the sentence names
        let b = run("\"We will send engineers next week,\" said Omar Haddad, the regional director.", try makeExtractor(speaker: "Someone Else"),
                    hand: Hand(people: [("Omar Haddad", "Omar Haddad")]))
        #expect(b.count == 1 && b.first?.actor == "Omar Haddad" && b.first?.actorText == "We")
        // `the agency`: the organisation named before
        let c = run("Lena Berg of the Water Relief Agency spoke first. The agency would deliver filters to every village.", try makeExtractor(),
                    hand: Hand(entities: [(.organisation, "Water Relief Agency", "Water Relief Agency")], people: [("Lena Berg", "Lena Berg")]))
        #expect(c.count == 1 && c.first?.actor == "Water Relief Agency" && c.first?.actorText == "The agency")
    }

    @Test func clauseAfterThatBelongsToTheFirstTrigger() throws {
        let c = run("Olu Adebayo promised that Lagos would host the next round.", try makeExtractor(),
                    hand: Hand(people: [("Olu Adebayo", "Olu Adebayo")]))
        #expect(c.count == 1 && c.first?.actor == "Olu Adebayo" && c.first?.trigger == "promised")
    }

    @Test func titleAppositionAndBracketedAcronym() throws {
        let a = run("Le ministre de l'Agriculture, Paul Nganou, a promis de rouvrir les marchés.", try makeExtractor(),
                    hand: Hand(people: [("Paul Nganou", "ministre de l'Agriculture, Paul Nganou")]))
        #expect(a.count == 1 && a.first?.actor == "Paul Nganou" && a.first?.actorKind == "person")
        let b = run("The Pacific Islands Forum (PIF) urged members to ratify the fisheries deal.", try makeExtractor())
        #expect(b.count == 1 && b.first?.actor == "Pacific Islands Forum" && b.first?.actorKind == "organisation")
    }

    @Test(arguments: [
        "Le Vietnam maintient une politique de défense des \"quatre non\", privilégiant la résolution pacifique des différends et contribuant activement au maintien de la paix et de la sécurité internationales, y compris en matière de cybersécurité.",
        "Avec un total de 68 articles, la Convention favorisera la coopération internationale pour prévenir et traiter ce type de criminalité, qui pose de nombreux défis au monde en raison de sa rapidité et de ses conséquences profondes.",
        "Dans son allocution, l'ambassadeur Trân Quôc Khanh a affirmé que la Convention incarne l'engagement multilatéral de la communauté internationale en établissant un cadre juridique pour une coopération internationale efficace contre la cybercriminalité, une menace majeure pour le développement socio-économique de l'Afrique et du monde.",
        "De nombreuses propositions, initiatives et engagements ont été formulés en vue de la mise en œuvre effective de la Convention de Hanoï, avec pour objectif une transformation profonde de la lutte contre la cybercriminalité.",
        "Tous expriment leur solidarité internationale dans la protection d'un cyberespace sûr, sain et durable.",
        "Le plan proposé par le Vietnam a été adopté.",
        "The proposed text was adopted by consensus.",
        "Les enfants sont prêts à apprendre.",
        "Il promet d'être un grand événement.",
        "Ce qu'on appelle la cybercriminalité touche surtout les pays à revenu faible.",
        "The meeting was called for 10 am.",
        "The storm will cut power lines across the region.",
        "Voluntary promises did not deliver vaccines.",
        "Les pays invités à la conférence sont arrivés.",
    ])
    func descriptiveSentencesYieldNothing(_ sentence: String) throws {
        #expect(run(sentence, try makeExtractor()).isEmpty)
    }
}

/// Press sentences of other events (written for these tests, none taken from the development set).
@Suite struct CommitmentPressTests {
    @Test func moneyAnnouncedIsACommitmentAndNumbersDoNotBreakTheTrigger() throws {
        let x = try makeExtractor()
        let a = run("The Inter-American Development Bank announced 4.5 million dollars in emergency aid for the flooded provinces.", x,
                    hand: Hand(entities: [(.organisation, "Inter-American Development Bank", "Inter-American Development Bank")]))
        #expect(a.count == 1 && a.first?.actor == "Inter-American Development Bank")
        #expect(a.first?.action.hasPrefix("4.5 million dollars in emergency aid") == true)
        #expect(a.first?.themes.contains("humanitarian-aid") == true)
        let b = run("Canada has announced a $1.25 billion facility for clean energy in Africa.", x,
                    hand: Hand(entities: [(.country, "Canada", "Canada")]))
        #expect(b.count == 1 && b.first?.actor == "Canada")
        let c = run("La Banque islamique de développement a annoncé mercredi une enveloppe de 2,5 millions de dollars pour les sinistrés.", x,
                    hand: Hand(entities: [(.organisation, "Banque islamique de développement", "Banque islamique de développement")]))
        #expect(c.count == 1 && c.first?.actor == "Banque islamique de développement")
        // counts of people announced, and the noun `annonce`, are no commitment
        #expect(run("The Statistics Office announced that 1.2 million people had left the region.", x,
                    hand: Hand(entities: [(.organisation, "Statistics Office", "Statistics Office")])).isEmpty)
        #expect(run("Le ministère de l'Intérieur a annoncé que 3 millions de personnes avaient été évacuées.", x,
                    hand: Hand(entities: [(.organisation, "ministère de l'Intérieur", "ministère de l'Intérieur")])).isEmpty)
        #expect(run("L'annonce d'une aide de 5 millions d'euros a été saluée par les ONG.", x).isEmpty)
    }

    @Test func readinessDeterminationAndStatedPlans() throws {
        let x = try makeExtractor()
        let a = run("Ghana stood ready to mediate between the two parties.", x, hand: Hand(entities: [(.country, "Ghana", "Ghana")]))
        #expect(a.count == 1 && a.first?.trigger == "stood ready to")
        let b = run("Le Maroc s'est dit déterminé à rouvrir ses écoles avant la rentrée.", x, hand: Hand(entities: [(.country, "Maroc", "Maroc")]))
        #expect(b.count == 1 && b.first?.actor == "Maroc")
        let c = run("Le gouvernement entend organiser des élections législatives au printemps.", x)
        #expect(c.count == 1 && c.first?.themes == ["elections"])
        // a document, or a modal obligation, is no commitment
        #expect(run("Le texte prévoit de créer un comité de suivi.", x).isEmpty)
        #expect(run("The opposition must accept the results, observers said.", x).isEmpty)
        #expect(run("Le prix est déterminé à partir du cours mondial.", x).isEmpty)
    }

    @Test func participleAfterARelativeClauseTakesTheListedSubjects() throws {
        let s = "Chile, Peru and Ecuador, which share the same fishing grounds, issued a joint statement urging distant-water fleets to respect the quotas."
        let c = run(s, try makeExtractor(), hand: Hand(entities: [(.country, "Chili", "Chile"), (.country, "Pérou", "Peru"),
                                                                  (.country, "Équateur", "Ecuador")]))
        #expect(c.map(\.actor) == ["Chili", "Pérou", "Équateur"])
        #expect(c.allSatisfy { $0.trigger == "urging" })
        // `wrote to ministers urging them`: the writers urge, not the ministers
        let w = run("Earlier this week, Oxfam and 40 other charities wrote to finance ministers urging them to cancel the debt.", try makeExtractor(),
                    hand: Hand(entities: [(.organisation, "Oxfam", "Oxfam")]))
        #expect(w.count == 1 && w.first?.actor == "Oxfam")
    }

    @Test func relativeAfterAnAppositionGoesToTheNamedPerson() throws {
        let p = "« Nous attendons des actes », a déclaré sa porte-parole, Aminata Keita, qui invite les donateurs à tenir leurs promesses."
        let c = run(p, try makeExtractor(), hand: Hand(people: [("Aminata Keita", "Aminata Keita")]))
        #expect(c.count == 1 && c.first?.actor == "Aminata Keita")
        let q = "« Les stocks s'épuisent », a expliqué le docteur Jonas Berg, responsable des urgences de Caritas Norvège, qui appelle à rouvrir la route."
        let d = run(q, try makeExtractor(), hand: Hand(people: [("Jonas Berg", "Jonas Berg")]))
        #expect(d.count == 1 && d.first?.actor == "Jonas Berg")
    }

    @Test func coordinatedActorsAndCoordinatedVerbs() throws {
        let x = try makeExtractor()
        let a = run("L'armée et les FSR s'engagent par écrit à respecter la trêve humanitaire.", x,
                    hand: Hand(entities: [(.organisation, "Forces de soutien rapide", "FSR")]))
        #expect(a.map(\.actor) == ["l'armée", "Forces de soutien rapide"])
        #expect(a.first?.themes.contains("peace-security") == true)
        let b = run("Shipping lines Hapag-Lloyd, Evergreen and COSCO vowed to slow their ships in whale habitats.", x,
                    hand: Hand(entities: [(.organisation, "Hapag-Lloyd", "Hapag-Lloyd"), (.organisation, "Evergreen", "Evergreen"),
                                          (.organisation, "COSCO", "COSCO")]))
        #expect(b.map(\.actor) == ["Hapag-Lloyd", "Evergreen", "COSCO"])
        // `… was committed to … and would work …`: one actor, the subject of the first verb
        let c = run("She said Uruguay was committed to the accord and would work with its neighbours to train customs officers.", x,
                    hand: Hand(entities: [(.country, "Uruguay", "Uruguay")], people: [("Ana Ruiz", "She")]))
        #expect(c.count == 1 && c.first?.actor == "Uruguay")
        // the government of a named country is that country; `his country` is the country named before
        let d = run("The Kenyan government pledged to double its contribution.", x, hand: Hand(entities: [(.country, "Kenya", "Kenyan")]))
        #expect(d.first?.actor == "Kenya" && d.first?.actorKind == "country")
        let e = run("Qatar's foreign minister said his country stands ready to host the talks.", x, hand: Hand(entities: [(.country, "Qatar", "Qatar")]))
        #expect(e.first?.actor == "Qatar" && e.first?.actorKind == "country")
    }

    @Test func quoteMarksAndNumbersInsideAppositions() throws {
        let x = try makeExtractor()
        let a = run("Le Togo « s'engage à ratifier le protocole avant la fin de l'année », a assuré le ministre.", x,
                    hand: Hand(entities: [(.country, "Togo", "Togo")]))
        #expect(a.count == 1 && a.first?.actor == "Togo")
        let b = run("The Pacific Islands Forum, a bloc of 18 members with some 2,300 islands, urged donors to fund adaptation.", x,
                    hand: Hand(entities: [(.organisation, "Pacific Islands Forum", "Pacific Islands Forum")]))
        #expect(b.count == 1 && b.first?.actor == "Pacific Islands Forum")
        #expect(b.first?.themes.contains("climate-environment") == true)
    }
}

@Suite struct CommitmentIntentionTests {
    @Test func willOrIntentionFollowedByAnInfinitive() throws {
        let x = try makeExtractor()
        let a = run("Le Japon entend renforcer son aide aux pays du Sahel.", x, hand: Hand(entities: [(.country, "Japon", "Japon")]))
        #expect(a.count == 1 && a.first?.trigger == "entend renforcer")
        // a wish is no commitment
        #expect(run("Le journal Le Matin souhaite présenter le texte intégral du discours.", x).isEmpty)
        let b = run("Le Tchad a pris l'engagement de rouvrir la frontière.", x, hand: Hand(entities: [(.country, "Tchad", "Tchad")]))
        #expect(b.count == 1 && b.first?.actor == "Tchad")
        // `veut dire` with a pronoun, a noun `compte`, a passive invitation, what a plan aims to do: none
        #expect(run("Cela veut dire que les prix vont encore augmenter.", x).isEmpty)
        #expect(run("Le président veut croire à une sortie de crise rapide.", x).isEmpty)
        #expect(run("Le compte rendu de la réunion sera publié lundi.", x).isEmpty)
        #expect(run("Sweden was invited to the conference as an observer.", x, hand: Hand(entities: [(.country, "Suède", "Sweden")])).isEmpty)
        #expect(run("The plan aims to cut emissions by half.", x).isEmpty)
        let c = run("Norway invited other donors to match its contribution.", x, hand: Hand(entities: [(.country, "Norvège", "Norway")]))
        #expect(c.count == 1 && c.first?.actor == "Norvège")
    }

    @Test func suffixWordsInPatterns() throws {
        let p = try KeywordPattern("veut …2 *er|*ir")
        let t = Tokenizer.tokens("Berne veut d'abord consulter les cantons")
        #expect(p.match(t, at: 1, limit: t.count)?.range == 1..<5)
        let u = Tokenizer.tokens("Berne veut la paix")
        #expect(p.match(u, at: 1, limit: u.count) == nil)
        #expect(throws: PatternError.self) { try KeywordPattern("*er veut") }
    }

    @Test func anyWordInPatterns() throws {
        let p = try KeywordPattern("we will > *")
        let t = Tokenizer.tokens("We will run the tests")
        let m = p.match(t, at: 0, limit: t.count)
        #expect(m?.range == 0..<3 && m?.actionStart == 2)
        let u = Tokenizer.tokens("We will, 2026")
        #expect(p.match(u, at: 0, limit: u.count) == nil)
        #expect(throws: PatternError.self) { try KeywordPattern("* will") }
    }
}

@Suite struct CommitmentAgreementTests {
    @Test func acceptanceAgreementOfferAndAnnouncedCreation() throws {
        let x = try makeExtractor()
        let a = run("Les deux pays sont convenus de rouvrir leurs ambassades.", x)
        #expect(a.count == 1 && a.first?.actor == "deux pays")
        let b = run("Le Qatar a offert sa médiation entre les deux camps.", x, hand: Hand(entities: [(.country, "Qatar", "Qatar")]))
        #expect(b.count == 1 && b.first?.actor == "Qatar")
        let c = run("L'Égypte se propose d'accueillir les négociations.", x, hand: Hand(entities: [(.country, "Égypte", "Égypte")]))
        #expect(c.count == 1 && c.first?.actor == "Égypte")
        let d = run("The World Bank announced the creation of a $2 billion trust fund.", x,
                    hand: Hand(entities: [(.organisation, "World Bank", "World Bank")]))
        #expect(d.count == 1 && d.first?.action.hasPrefix("the creation of a $2 billion trust fund") == true)
    }
}

@Suite struct CommitmentPronounTests {
    @Test func frenchPronounOpeningAParagraphIsTheLastPersonNamed() throws {
        var findings = Findings()
        let x = try makeExtractor()
        let first = "La candidate de l'opposition, Abena Mensah-Owusu, a reconnu sa défaite lundi soir."
        let second = "Elle a toutefois appelé ses partisans au calme."
        let s1 = Tokenizer.sentences(first), s2 = Tokenizer.sentences(second)
        let start = try #require(offset(of: "Abena Mensah-Owusu", in: first))
        findings.people.append(PersonMention(name: "Abena Mensah-Owusu", surface: "Abena Mensah-Owusu", provenance: Provenance(
            documentID: "doc", paragraphID: "p1", sentenceIndex: s1[0].index, sentence: s1[0].text, start: start, end: start + 18)))
        let date = PartialDate(year: 2025, month: 10, day: 26)
        x.extract(paragraph: s1.map { SentenceContext(documentID: "doc", paragraphID: "p1", documentDate: date, sentence: $0) }, into: &findings)
        x.extract(paragraph: s2.map { SentenceContext(documentID: "doc", paragraphID: "p2", documentDate: date, sentence: $0) }, into: &findings)
        #expect(findings.commitments.count == 1 && findings.commitments.first?.actor == "Abena Mensah-Owusu")
    }
}
