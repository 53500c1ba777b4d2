import Foundation
import Testing
@testable import BriefingKit

/// General ways the press introduces people, in sentences written for these tests (many regions, name origins and
/// syntaxes): inverted speakers with a day or an outlet between verb and name, ages, relatives of leading, parties in
/// brackets, coordination and lists, plural titles, counterparts, nationalities as nouns, abbreviated ranks, letters
/// after a name; and capitalised words that are never people (storms, organisations, places, products, headlines).
@Suite struct PersonGeneralTests {
    static let people: [(String, [String])] = [
        ("La Russie est représentée par son ministre, Vladimir Poutine faisant l'objet d'un mandat d'arrêt.", ["Vladimir Poutine"]),
        ("The tariffs Donald Trump imposed in April were lifted.", ["Donald Trump"]),
        ("Le président Macron a reçu les syndicats.", ["Macron"]),
        ("M. Haddad a estimé que la trêve tiendrait.", ["Haddad"]),
        ("Le ministre s'est félicité de l'accord, tandis que Lucie Marchand s'est inquiétée des délais.", ["Lucie Marchand"]),
        ("« C'est inacceptable », s'est indigné Karim Oufkir.", ["Karim Oufkir"]),
        ("Pour Hélène Dufour, la médiation est dans l'impasse.", ["Hélène Dufour"]),
        ("For Kwame Boateng, the deal came too late.", ["Kwame Boateng"]),
        ("Finance Minister Grace Wanjiru spoke first; Mr Wanjiru, her brother, did not.", ["Grace Wanjiru"]),
        ("M. Karim Haddad a estimé que la trêve tiendrait.", ["Karim Haddad"]),
        ("« Le temps presse », a souligné Nadia Belkacem.", ["Nadia Belkacem"]),
        ("Il faut agir vite, a rappelé Olivier Marchetti.", ["Olivier Marchetti"]),
        ("La situation reste fragile, a insisté Fatou Ndiaye lors d'un point presse.", ["Fatou Ndiaye"]),
        ("« Nous ne céderons pas », a expliqué à l'AFP Youssef El Amrani.", ["Youssef El Amrani"]),
        ("Les secours sont débordés, a indiqué Paul Girard à l'AFP.", ["Paul Girard"]),
        ("« Nous sommes inquiets », a déclaré jeudi à l'AFP Mamadou Diallo, coordinateur de l'ONG.", ["Mamadou Diallo"]),
        ("« Il n'y a pas de solution militaire », a estimé jeudi l'émissaire américain Tom Perriello.", ["Tom Perriello"]),
        ("Marc Lefebvre, porte-parole de la préfecture, a confirmé le bilan.", ["Marc Lefebvre"]),
        ("Sandrine Koffi, qui dirige une association de femmes à Abidjan, a dénoncé des violences.", ["Sandrine Koffi"]),
        ("Jean Roux, qui préside la commission, a démissionné.", ["Jean Roux"]),
        ("Aminata Sow, 45 ans, a perdu sa maison dans les inondations.", ["Aminata Sow"]),
        ("L'opposant Ousmane Sonko, 48 ans, a été libéré.", ["Ousmane Sonko"]),
        ("Le bilan a été confirmé par le Dr Denis Mukwege.", ["Denis Mukwege"]),
        ("L'avocat de la famille, Me Antoine Vey, a demandé une enquête.", ["Antoine Vey"]),
        ("La messe a été célébrée par Mgr Laurent Ulrich.", ["Laurent Ulrich"]),
        ("Le député Jean-Luc Morel (Les Républicains) a voté contre le texte.", ["Jean-Luc Morel"]),
        ("Olivier Faure (PS) a dénoncé un texte injuste.", ["Olivier Faure"]),
        ("Le patron de l'OMS, Tedros Adhanom Ghebreyesus, a appelé à la prudence.", ["Tedros Adhanom Ghebreyesus"]),
        ("Ana María Pérez-Castillo a déclaré que la frontière resterait ouverte.", ["Ana María Pérez-Castillo"]),
        ("Le général Abdel Fattah al-Burhane a rejeté la proposition.", ["Abdel Fattah al-Burhane"]),
        ("Le chef des FSR, Mohamed Hamdane Daglo, a accepté une trêve.", ["Mohamed Hamdane Daglo"]),
        ("Le dirigeant nord-coréen Kim Jong Un a supervisé un tir.", ["Kim Jong Un"]),
        ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a dénoncé des sanctions.", ["Sergueï Lavrov"]),
        ("« C'est une trahison », a lancé Dmitri Peskov.", ["Dmitri Peskov"]),
        ("Jean Roux, Marie Lenoir et Paul Caron ont signé la lettre ouverte.", ["Jean Roux", "Marie Lenoir", "Paul Caron"]),
        ("Les présidents William Ruto et Yoweri Museveni se sont entretenus vendredi.", ["William Ruto", "Yoweri Museveni"]),
        ("L'accord a été signé en présence du ministre Abdoulaye Diop.", ["Abdoulaye Diop"]),
        ("Le Premier ministre Ousmane Sonko et Bassirou Diomaye Faye ont reçu les syndicats.", ["Ousmane Sonko", "Bassirou Diomaye Faye"]),
        ("Bassirou Diomaye Faye et le Premier ministre Ousmane Sonko ont reçu les syndicats.", ["Bassirou Diomaye Faye", "Ousmane Sonko"]),
        ("Le secrétaire d'État américain Marco Rubio et son homologue Wang Yi se sont parlé.", ["Marco Rubio", "Wang Yi"]),
        ("L'ex-président Joseph Kabila a quitté le pays.", ["Joseph Kabila"]),
        ("Le Sénégalais Mamadou Ba a été élu.", ["Mamadou Ba"]),
        ("La Française Amélie Oudéa-Castéra a salué la victoire.", ["Amélie Oudéa-Castéra"]),
        ("Son coprésident, Assen Vassilev, exige la démission du procureur.", ["Assen Vassilev"]),
        ("Parmi eux figure Pavel Sidorenko, collaborateur de Radio Free Europe, détenu depuis 2021.", ["Pavel Sidorenko"]),
        ("Q: Pourquoi ce retard ? R: Les fonds ne sont pas arrivés, explique Awa Cissé.", ["Awa Cissé"]),
        ("\"We are ready,\" Hassan Sheikh Mohamud told the assembly.", ["Hassan Sheikh Mohamud"]),
        ("Presidents William Ruto and Yoweri Museveni met on Friday.", ["William Ruto", "Yoweri Museveni"]),
        ("Lawmakers Ilhan Omar and Rashida Tlaib voted against the bill.", ["Ilhan Omar", "Rashida Tlaib"]),
        ("The bill was backed by Sen. Amy Klobuchar.", ["Amy Klobuchar"]),
        ("Gov. Gavin Newsom declared a state of emergency.", ["Gavin Newsom"]),
        ("North Korean leader Kim Jong Un oversaw the launch.", ["Kim Jong Un"]),
        ("Rep. Alexandria Ocasio-Cortez (D-N.Y.) said the bill was weak.", ["Alexandria Ocasio-Cortez"]),
        ("Bernie Sanders (I-Vt.) called it a scandal.", ["Bernie Sanders"]),
        ("Farmer Joseph Mwangi, 58, said the rains had failed.", ["Joseph Mwangi"]),
        ("Jan Kowalski, Anna Nowak and Piotr Wiśniewski signed the letter.", ["Jan Kowalski", "Anna Nowak", "Piotr Wiśniewski"]),
        ("South Korean President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba met in Osaka.", ["Lee Jae-myung", "Shigeru Ishiba"]),
        ("The Nigerian Olusegun Obasanjo led the mission.", ["Olusegun Obasanjo"]),
        ("The Minister for Foreign Affairs and Trade, Seán Ó Briain T.D., today announced new funding.", ["Seán Ó Briain"]),
        ("Pakistan's Foreign Secretary, Md. Abdul Karim Bhuiyan, thanked donors.", ["Md. Abdul Karim Bhuiyan"]),
        ("Japan's ambassador to the agency, Kenji Watanabe, said the vote was fair.", ["Kenji Watanabe"]),
        ("Kyrgyz Foreign Minister Aibek Toktosunov and his Tajik counterpart Rustam Nazarov signed the deal.", ["Aibek Toktosunov", "Rustam Nazarov"]),
        ("Kenyan President William Ruto and Ugandan President Yoweri Museveni met on Friday.", ["William Ruto", "Yoweri Museveni"]),
        ("Dr. Maria Van Kerkhove, the WHO's technical lead, said cases were rising.", ["Maria Van Kerkhove"]),
        ("WHO chief Tedros Adhanom Ghebreyesus said the outbreak was contained.", ["Tedros Adhanom Ghebreyesus"]),
        ("Li Qiang, China's premier, said growth would hold.", ["Li Qiang"]),
        ("Oleksandr Kubrakov, 41, a former infrastructure minister, said the grid held.", ["Oleksandr Kubrakov"]),
        ("\"Nothing is agreed,\" said Ana María Pérez-Castillo, who heads the regional office.", ["Ana María Pérez-Castillo"]),
        ("\"We lost everything,\" Olena Shevchenko, a teacher in Kharkiv, told AFP.", ["Olena Shevchenko"]),
        ("Saudi Crown Prince Mohammed bin Salman hosted the talks.", ["Mohammed bin Salman"]),
        // a run of name words opening on a given name of the titles file, with nothing else around it
        ("The list also names Osama Faraj Tabouni and a boat yard in Sfax.", ["Osama Faraj Tabouni"]),
        ("Le texte vise aussi Frantz Dorvil et trois sociétés écrans.", ["Frantz Dorvil"]),
        ("Samuel Ndongo Menye a visité le camp de Garoua-Boulaï.", ["Samuel Ndongo Menye"]),
        // a nickname in quotes between the given name and the surname
        ("Governor Ramon \"Jun\" Dizon Labrador ordered the evacuation.", ["Ramon \"Jun\" Dizon Labrador"]),
        ("Speaking to reporters, Keir Starmer said the deal was good.", ["Keir Starmer"]),
        ("A spokesman for the ministry, Ahmed Fouad, said the border was closed.", ["Ahmed Fouad"]),
        ("Ngozi Okonjo-Iweala, director-general of the WTO, warned of a trade war.", ["Ngozi Okonjo-Iweala"]),
        ("\"This is a disaster,\" Jean-Pierre Lacroix, head of UN peacekeeping, told reporters.", ["Jean-Pierre Lacroix"]),
        ("The talks were chaired by former Nigerian president Olusegun Obasanjo.", ["Olusegun Obasanjo"]),
        ("\"We need a ceasefire now,\" Mr. Abiy Ahmed replied.", ["Abiy Ahmed"]),
        ("Opposition leader Raila Odinga rejected the results.", ["Raila Odinga"]),
        ("In an interview, Ursula von der Leyen said Europe would respond.", ["Ursula von der Leyen"]),
        ("Lula da Silva, Brazil's president, hosted the summit.", ["Lula da Silva"]),
        ("\"It's too late,\" added Pham Minh Chinh.", ["Pham Minh Chinh"]),
        ("The deal was announced by Commerce Secretary Howard Lutnick and Treasury Secretary Scott Bessent.", ["Howard Lutnick", "Scott Bessent"]),
        ("Asked about the delay, Mahmoud Abbas said nothing.", ["Mahmoud Abbas"]),
        // patronymic links: Malay bin/binti, Iban anak, Tamasheq ag, Hassaniya ould before a title-like word
        ("Its chairperson, Rosli Hamzah bin Ismail, urged the commission to recount the votes.", ["Rosli Hamzah bin Ismail"]),
        ("Their candidate, Peter Empam anak Rantai, denied the allegations.", ["Peter Empam anak Rantai"]),
        ("« Nous n'avons plus rien », raconte Ibrahim ag Alhassane, un berger de la région.", ["Ibrahim ag Alhassane"]),
        ("Son homologue, Ahmedou ould Cheikh Sidiya, a salué l'accord.", ["Ahmedou ould Cheikh Sidiya"]),
        // a courtesy title between a role and the name belongs to neither
        ("Epidemiologist Dr Maria Kovac of the national institute said cases were falling.", ["Maria Kovac"]),
        // the body a person is from, between the name and the comma closing the apposition
        ("The delegation head, Tomas Berg of the Port Authority, said talks would resume.", ["Tomas Berg"]),
        // a place closing an office's complement, then the name between commas
        ("« La frontière reste ouverte », a assuré le wali de Haute Vallée, Mohamed Salem Ould Sidi, lundi.", ["Mohamed Salem Ould Sidi"]),
    ]

    static let nobody: [String] = [
        // bylines and credits name no one of the story, even when a given name opens the run
        "Suivi en direct par Léa Castagnède-Moreau et Karim Benslimane",
        "Des Casques bleus patrouillent à Birao en janvier. (AFP/Jérôme Ngakola)",
        "Shares of Hong Kong-listed Sunrise Metals rose 4%.",
        "Next on the Evening Show: Javier Milei and the peso.",
        "Pour Air Sénégal, la saison est bonne.",
        "Pour New York, la décision est un soulagement.",
        "Okafor said the port would reopen.",
        "Le cyclone Chido et la tempête Dikeledi ont frappé Mayotte.",
        "La tempête Ciarán a touché la Bretagne.",
        "Les Sénégalais ont voté dimanche.",
        "Le Front populaire ivoirien a boycotté le scrutin.",
        "Lire aussi : Emmanuel Macron en visite à Dakar",
        "Human Rights Watch, Amnesty International et Reporters sans frontières ont signé un appel.",
        "Médecins sans frontières (MSF) a dénoncé des bombardements.",
        "La Banque africaine de développement, qui dirige le projet, a confirmé.",
        "Le Real Madrid et le FC Barcelone ont signé un accord.",
        "Le ministère de la Santé a indiqué à l'AFP que 40 personnes étaient mortes.",
        "Selon Médecins du Monde, la situation empire.",
        "Le Parisien Daily a publié une enquête.",
        "Hurricane Milton and Tropical Storm Nadine have caused damage.",
        "Storm Ciarán, which hit Brittany, left 1.2 million homes without power.",
        "Doctors Without Borders (MSF) said its hospital was hit.",
        "Green Horizon Capital (GHC) said it would invest.",
        "Blue Ocean Partners, 15, said nothing.",
        "New York, Los Angeles and San Francisco have banned the practice.",
        "Gaza City and Khan Younis were shelled, the ministry said.",
        "Breaking News: Floods Hit Lagos",
        "Samsung Galaxy sales rose, the company said.",
        "The Paris Agreement, which was signed in 2015, is under strain.",
        "An analysis by the Ocean Finance Tracker, a project run by researchers at three universities, found little.",
        "The Indian Ocean Commission met.",
        "According to Reuters, the deal is close.",
        "Cyclone Freddy killed more than 600 people in Malawi.",
        "Typhoon Haiyan struck the Philippines in 2013.",
        "Amnesty International and Human Rights Watch said the law was too broad.",
        "The New York Times reported the talks had stalled.",
        "Apple Vision Pro sales fell.",
        "Latin America and East Africa were hit.",
    ]

    @Test(arguments: people)
    func findsThePeople(_ text: String, _ expected: [String]) throws {
        #expect(try personNames(text) == expected)
    }

    @Test(arguments: nobody)
    func findsNobody(_ text: String) throws {
        #expect(try personNames(text).isEmpty)
    }
}
