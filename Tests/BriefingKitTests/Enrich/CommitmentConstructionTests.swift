import Foundation
import Testing
@testable import BriefingKit

/// Press constructions seen across outlets: introductory `Côté X,` / `De son côté,`, French incises
/// (`a-t-il ajouté`), `X said they would …` with a coordinated subject, pledges matched or announced.
private let pressRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

private func pressExtractor() throws -> CommitmentExtractor {
    try CommitmentExtractor(commitmentsFile: CommitmentLexicon.defaultFile(root: pressRoot),
                            themesFile: ThemeLexicon.defaultFile(root: pressRoot))
}

/// Runs the extractor over one paragraph with hand-made (kind, name, surface) entities and (name, surface) people.
private func press(_ paragraph: String, entities: [(EntityMention.Kind, String, String)] = [],
                   people: [(String, String)] = []) throws -> [CommitmentMention] {
    let extractor = try pressExtractor()
    var findings = Findings()
    let sentences = Tokenizer.sentences(paragraph)
    func provenance(_ surface: String) -> Provenance? {
        guard let r = paragraph.range(of: surface) else { return nil }
        let start = paragraph.unicodeScalars.distance(from: paragraph.unicodeScalars.startIndex, to: r.lowerBound)
        guard let s = sentences.first(where: { $0.start <= start && start < $0.end }) else { return nil }
        return Provenance(documentID: "doc", paragraphID: "p1", sentenceIndex: s.index, sentence: s.text,
                          start: start, end: start + surface.unicodeScalars.count)
    }
    for (kind, name, surface) in entities {
        if let p = provenance(surface) { findings.entities.append(EntityMention(kind: kind, name: name, surface: surface, provenance: p)) }
    }
    for (name, surface) in people {
        if let p = provenance(surface) { findings.people.append(PersonMention(name: name, surface: surface, provenance: p)) }
    }
    let contexts = sentences.map {
        SentenceContext(documentID: "doc", paragraphID: "p1", documentDate: PartialDate(year: 2025, month: 6, day: 3), sentence: $0)
    }
    extractor.extract(paragraph: contexts, into: &findings)
    return findings.commitments
}

@Suite struct CommitmentPressConstructionTests {
    @Test func sideIntroducersAreNoActors() throws {
        let a = try press("Côté italien, la ministre de l'Environnement, Giulia Ferraro, promet que Rome financera les digues.",
                          entities: [(.country, "Italie", "Rome")], people: [("Giulia Ferraro", "Giulia Ferraro")])
        #expect(a.count == 1 && a.first?.actor == "Giulia Ferraro")
        let b = try press("De son côté, le chef du FPR/Sud, Amadou K. Sissoko, a assuré que le groupe respecterait la trêve et promet la libération des otages.",
                          people: [("Amadou K. Sissoko", "Amadou K. Sissoko")])
        #expect(b.count == 1 && b.first?.actor == "Amadou K. Sissoko" && b.first?.actorText == "Amadou K. Sissoko")
        let e = try press("The head of the mission, Lars Ekström, said the ceasefire held and promised to send more monitors.",
                          people: [("Lars Ekström", "Lars Ekström")])
        #expect(e.count == 1 && e.first?.actor == "Lars Ekström")
        let c = try press("Pour sa part, le Sénégal enverra 200 soldats.", entities: [(.country, "Sénégal", "Sénégal")])
        #expect(c.count == 1 && c.first?.actor == "Sénégal")
        let d = try press("Quant au Ghana, il versera 5 millions de dollars au fonds.", entities: [(.country, "Ghana", "Ghana")])
        #expect(d.allSatisfy { !$0.actorText.hasPrefix("Quant") })
    }

    @Test func frenchIncisBetweenSubjectAndVerb() throws {
        let a = try press("Le Maroc, a-t-il ajouté, financera la construction de trois écoles.",
                          entities: [(.country, "Maroc", "Maroc")])
        #expect(a.count == 1 && a.first?.actor == "Maroc" && a.first?.trigger == "financera")
        let b = try press("L'Espagne, a précisé la ministre, enverra deux avions bombardiers d'eau.",
                          entities: [(.country, "Espagne", "Espagne")])
        #expect(b.count == 1 && b.first?.actor == "Espagne")
        let c = try press("La Banque africaine de développement, selon son président, accordera un prêt de 40 millions de dollars.",
                          entities: [(.organisation, "Banque africaine de développement", "Banque africaine de développement")])
        #expect(c.count == 1 && c.first?.actor == "Banque africaine de développement")
    }

    @Test func saidTheyWouldStandsForEveryCoordinatedSubject() throws {
        let a = try press("Sweden and Denmark said they would announce new contributions next week.",
                          entities: [(.country, "Suède", "Sweden"), (.country, "Danemark", "Denmark")])
        #expect(a.map(\.actor) == ["Suède", "Danemark"])
        let b = try press("Chile said it would match the Peruvian pledge.", entities: [(.country, "Chili", "Chile")])
        #expect(b.count == 1 && b.first?.actor == "Chili")
        // a future announcement of results is no commitment
        #expect(try press("The commission will announce the results on Monday.").isEmpty)
        #expect(try press("The two teams will match up again in the final.").isEmpty)
    }

    @Test func organisationHeadWithAnAdjective() throws {
        let a = try press("Oxfam said water points had been destroyed. The British charity urged donors to fund sanitation.",
                          entities: [(.organisation, "Oxfam", "Oxfam")])
        #expect(a.count == 1 && a.first?.actor == "Oxfam")
        let b = try press("L'Union africaine a tenu une réunion. L'organisation panafricaine enverra des observateurs à Bangui.",
                          entities: [(.organisation, "Union africaine", "Union africaine")])
        #expect(b.count == 1 && b.first?.actor == "Union africaine")
    }

    @Test func negationInsideARelativeClauseOfTheGap() throws {
        let a = try press("Marta Quintero a parlé. Elle exhorte les pays qui n'ont pas encore versé leur part à payer avant juin.",
                          people: [("Marta Quintero", "Marta Quintero")])
        #expect(a.count == 1 && a.first?.actor == "Marta Quintero")
        let b = try press("The envoy urged governments that have not yet signed to ratify the accord quickly.",
                          entities: [(.organisation, "UN", "envoy")])
        #expect(b.count == 1)
        // a negation of the trigger itself still cancels it
        #expect(try press("Le Togo n'a pas exhorté les pays à signer.", entities: [(.country, "Togo", "Togo")]).isEmpty)
    }

    @Test func reportedCommitmentInTheImperfect() throws {
        let a = try press("Le ministre du Plan, Ali Bamba, a indiqué que le Mali s'engageait à financer la moitié du projet.",
                          entities: [(.country, "Mali", "Mali")], people: [("Ali Bamba", "Ali Bamba")])
        #expect(a.count == 1 && a.first?.trigger == "s'engageait à")
    }
}

/// Passive promises with their agent, pledges with a phrase before `to`, long set-off gaps, more future acting verbs.
@Suite struct CommitmentAgentAndFutureTests {
    @Test func passiveWithAgentMakesTheAgentTheActor() throws {
        let a = try press("Most of the cost of the new clinics will be provided by the Asian Development Bank, officials said.",
                          entities: [(.organisation, "Asian Development Bank", "Asian Development Bank")])
        #expect(a.map(\.actor) == ["Asian Development Bank"])
        let b = try press("Les semences de la prochaine campagne seront financées par la Norvège, selon le ministère.",
                          entities: [(.country, "Norvège", "Norvège")])
        #expect(b.map(\.actor) == ["Norvège"])
        // a past passive reports, it promises nothing
        let c = try press("The school was funded by the Asian Development Bank in 2019.",
                          entities: [(.organisation, "Asian Development Bank", "Asian Development Bank")])
        #expect(c.isEmpty)
    }

    @Test func coordinatedAgentsOfAPassiveBothAct() throws {
        let a = try press("Le solde sera apporté par la Banque mondiale et par la Banque islamique de développement, selon le ministère.",
                          entities: [(.organisation, "Banque mondiale", "Banque mondiale"),
                                     (.organisation, "Banque islamique de développement", "Banque islamique de développement")])
        #expect(a.map(\.actor) == ["Banque mondiale", "Banque islamique de développement"])
        let b = try press("The rest will be financed by Norway and the Nordic Development Fund.",
                          entities: [(.country, "Norvège", "Norway"), (.organisation, "Nordic Development Fund", "Nordic Development Fund")])
        #expect(b.map(\.actor) == ["Norvège", "Nordic Development Fund"])
    }

    @Test func pledgeWithAPhraseBeforeItsInfinitive() throws {
        let a = try press("Chile pledged in a letter to the secretariat to double its contribution.",
                          entities: [(.country, "Chili", "Chile")])
        #expect(a.map(\.actor) == ["Chili"])
    }

    @Test func frenchEngagementWithATimeAndPlaceBeforeItsInfinitive() throws {
        let a = try press("Les ministres africains se sont engagés mardi, lors de la réunion de Kigali (Rwanda), à doubler les budgets de santé.")
        #expect(a.count == 1 && a.first?.trigger.hasSuffix("à") == true)
        let b = try press("Les ministres se sont engagés dans un long débat sur la réforme à Kigali.")
        #expect(b.isEmpty)
    }

    @Test func moreActingVerbsInTheFuture() throws {
        let a = try press("She said Ghana would designate four new forest reserves.", entities: [(.country, "Ghana", "Ghana")])
        #expect(a.map(\.actor) == ["Ghana"])
        let b = try press("Le ministre a indiqué que le Togo paierait ses arriérés avant juin.", entities: [(.country, "Togo", "Togo")])
        #expect(b.map(\.actor) == ["Togo"])
        let c = try press("Elle a ajouté que le Bénin soumettrait le texte au Parlement.", entities: [(.country, "Bénin", "Bénin")])
        #expect(c.map(\.actor) == ["Bénin"])
    }

    @Test func moreActingVerbsAfterWill() throws {
        let a = try press("Kenya will put two million dollars into the clinic network.", entities: [(.country, "Kenya", "Kenya")])
        #expect(a.map(\.actor) == ["Kenya"])
        let b = try press("Officials said Peru would bring the draft back to the council in May.", entities: [(.country, "Peru", "Peru")])
        #expect(b.map(\.actor) == ["Peru"])
    }

    @Test func aGuaranteeAndMoneySetAsideInShortScales() throws {
        let a = try press("Ghana guaranteed that the new royalty rate would hold until 2030.", entities: [(.country, "Ghana", "Ghana")])
        #expect(a.map(\.actor) == ["Ghana"])
        let b = try press("Norway has set aside $80m for the reconstruction.", entities: [(.country, "Norway", "Norway")])
        #expect(b.map(\.actor) == ["Norway"])
    }

    @Test func frenchEngagementWithALongerIncise() throws {
        let a = try press("Le Togo s'est pour sa part engagé à rouvrir la frontière.", entities: [(.country, "Togo", "Togo")])
        #expect(a.map(\.actor) == ["Togo"])
        let b = try press("Le Mali fermera deux postes de contrôle.", entities: [(.country, "Mali", "Mali")])
        #expect(b.map(\.actor) == ["Mali"])
    }
}

/// First-person pledges in quotes, a quote opened after a colon, and pledges reported in a clause
/// (`a assuré que X …rait`, `said X would …`), with sentences written for these tests.
@Suite struct CommitmentSpeechTests {
    @Test func firstPersonFutureInAQuoteIsTheSpeakersPledge() throws {
        let a = try press("« Nous reprendrons les livraisons dès lundi », a assuré Paul Mbeki, directeur de la société.",
                          people: [("Paul Mbeki", "Paul Mbeki")])
        #expect(a.count == 1 && a.first?.actor == "Paul Mbeki")
        let b = try press("\"We will not rest until every family has a roof,\" said Lena Ortiz, the mayor.",
                          people: [("Lena Ortiz", "Lena Ortiz")])
        #expect(b.count == 1 && b.first?.actor == "Lena Ortiz")
        let c = try press("\"We will run the first tests in March,\" Omar Haddad told reporters.", people: [("Omar Haddad", "Omar Haddad")])
        #expect(c.count == 1 && c.first?.actor == "Omar Haddad")
    }

    @Test func firstPersonFutureOfKnowingOrBeingIsNoPledge() throws {
        #expect(try press("« Nous verrons bien », a dit Paul Mbeki.", people: [("Paul Mbeki", "Paul Mbeki")]).isEmpty)
        #expect(try press("\"We will see what the court says,\" said Lena Ortiz.", people: [("Lena Ortiz", "Lena Ortiz")]).isEmpty)
        #expect(try press("« Nous pourrons en reparler », a dit Paul Mbeki.", people: [("Paul Mbeki", "Paul Mbeki")]).isEmpty)
    }

    @Test func aQuoteOpenedAfterAColonIsTheMainSubjects() throws {
        let a = try press("Awa Ndiaye a dénoncé des fraudes. Elle a appelé ses partisans au calme : « Nous nous battrons devant les juges. »",
                          people: [("Awa Ndiaye", "Awa Ndiaye")])
        #expect(a.count == 1 && a.first?.actor == "Awa Ndiaye")
    }

    @Test func aPledgeReportedInAClauseNeedsAnActorThere() throws {
        let a = try press("La fédération Plastiques Unis a assuré que ses membres investiraient deux milliards d'euros.",
                          entities: [(.organisation, "Plastiques Unis", "Plastiques Unis")])
        #expect(a.count == 1)
        let b = try press("Le ministre Jean Kaba a indiqué que les pluies continueraient jusqu'en mai.", people: [("Jean Kaba", "Jean Kaba")])
        #expect(b.isEmpty)
        let c = try press("Minister Gemma Hale said Canberra would back the facility.",
                          entities: [(.country, "Australie", "Canberra")], people: [("Gemma Hale", "Gemma Hale")])
        #expect(c.count == 1)
        let d = try press("Analysts said prices would rise.")
        #expect(d.isEmpty)
    }
}
