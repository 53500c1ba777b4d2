/// Organisations that no lexicon lists, recognised from how their names are written.
///
/// English names are runs of capitalised words joined by `of`, `for`, `on`, `and`, `the`, `&` that
/// hold a head noun (`Ministry`, `Commission`, `Watch`, `Fund` …): `Permanent Mission of Chile`,
/// `Human Rights Watch`. French names start at a head noun (capitalised, or a lower-case `ministère`)
/// and take lower-case adjectives (`Banque africaine`) and complements after `de`, `du`, `des`,
/// `pour`, `sur`, `contre`, `aux` (`Ministère de l'Économie et des Finances`): any number with a
/// capitalised word, at most one with lower-case words only (`de développement`). A run stops at
/// sentence punctuation, at a verb or a function word that is no part of a name, and at a month or
/// weekday. Everything here is one pass over the sentence's tokens with set look-ups.
enum OrganisationShape {
    /// Folded head nouns, English and French.
    static let heads: Set<String> = [
        "ministry", "department", "office", "agency", "commission", "council", "centre", "center", "institute",
        "foundation", "committee", "mission", "union", "bank", "forum", "alliance", "watch", "group", "programme",
        "program", "fund", "organisation", "organization", "court", "parliament", "assembly", "authority",
        "secretariat", "party", "federation", "association", "university", "tribunal", "senate", "congress",
        "board", "bureau", "service", "directorate", "observatory", "network", "coalition", "embassy",
        "consulate", "corporation", "company", "society", "academy", "chamber", "league", "movement",
        "commissariat", "institution", "inc", "ltd", "corp", "llc", "plc", "gmbh", "ag", "sa", "sas", "holdings",
        "ministere", "departement", "agence", "conseil", "institut", "fondation", "comite", "banque", "groupe",
        "fonds", "cour", "parlement", "assemblee", "autorite", "parti", "universite", "senat", "congres",
        "direction", "observatoire", "reseau", "ambassade", "consulat", "societe", "academie", "chambre",
        "ligue", "mouvement", "haut-commissariat", "caisse", "entreprise", "cross", "crescent", "croix-rouge",
        "croissant-rouge", "plateforme", "platform", "facility", "community", "communaute", "force", "forces",
        // armed groups, parties and movements: `Popular Front`, `Front de libération`, `Arakan Army`, `Coast Guard`
        "front", "rassemblement", "army", "armee", "navy", "police", "guard", "brigades", "militia", "milice",
        // schools and laboratories: `London School of Economics`, `Imperial College London`, `Lumen Labs`
        "school", "college", "labs", "laboratory", "laboratories", "laboratoire", "laboratoires", "ecole",
        // forums of creditors, clubs: `Paris Club`, `Club of Rome`, `Global Sovereign Debt Roundtable`
        "roundtable", "club",
        // `National Treasury`, `Kenya Blue Future Trust`, `Coordination Headquarters for …`
        "treasury", "trust", "headquarters",
        // names kept in their own language in the press: `Sociedad Minera …`, `Universiti Malaya`, `Universidad de Chile`
        "sociedad", "universidad", "universidade", "universiti", "universitas", "ministerio",
        // `Compagnie des bauxites de …`, `Dispute Settlement Body`
        "compagnie", "body",
        // `Confederation of Indian Industry`, `Confédération syndicale`, `Agence … pour la coopération`, `Secrétariat d'État à …`
        "confederation", "confederacion", "syndicat", "collectif", "commissariat", "taskforce", "task", "gouvernement", "government",
    ]
    /// Words that end a company's name when they close a capitalised run: `Acme Mining`,
    /// `Kenya Airways`, `Nordstrand Energy`. Only the last word of a run of two or more, so
    /// `Energy prices` or `the Energy Commission` are no company of this kind.
    static let companyWords: Set<String> = [
        "mining", "energy", "research", "airways", "airlines", "motors", "pharmaceuticals", "pharma", "technologies",
        "telecom", "telecoms", "telecommunications", "petroleum", "minerals", "industries", "logistics", "insurance",
        "capital", "partners", "ventures", "investments", "cement", "steel", "foods", "breweries", "electric",
        "electronics", "chemicals", "shipping", "resources", "systems", "solutions", "biotech", "therapeutics",
        "securities", "enterprises", "studios", "aviation", "seafood", "seafoods", "beverages", "textiles",
        "energies", "brewing", "dairies", "farms", "agribusiness", "semiconductors", "robotics", "airlines",
    ]
    /// Words that name a person's post: after a head they end the name (`Bank Indonesia Governor …`),
    /// before `of` they are no part of it (`President of the African Development Bank`).
    static let titles: Set<String> = [
        "president", "vice-president", "secretary", "secretary-general", "director", "director-general", "head",
        "chairman", "chair", "chairperson", "chairwoman", "minister", "governor", "spokesman", "spokeswoman",
        "spokesperson", "chief", "commissioner", "ambassador", "representative", "envoy", "officials", "official",
        "members", "member", "staff", "deputy", "executive", "coordinator", "adviser", "advisor", "founder",
        "president-directeur", "directeur", "directrice", "secretaire", "secretaire-general", "secretaire-generale",
        "porte-parole", "ministre", "gouverneur", "ambassadeur", "representant", "membres", "chef", "presidente",
    ]
    /// Words that make a `Centre` a venue, not an organisation: `National Convention Center`.
    static let venueWords: Set<String> = [
        "convention", "conference", "conferences", "conventions", "exhibition", "expo", "congres", "congress",
        "sports", "sport", "shopping", "trade", "commercial", "culturel", "cultural",
    ]
    /// Heads whose name may say where they sit: `UN Mission in South Sudan`.
    static let placeHeads: Set<String> = ["mission", "office", "embassy", "delegation", "representation"]
    /// Heads that open a French name even in lower case, when a capitalised word follows (`ministère de la Santé`).
    static let lowerCaseHeads: Set<String> = ["ministere", "banque", "cour", "tribunal", "agence", "universite", "haut-commissariat"]
    /// Heads whose complement may be a person's post: `Office of the Special Envoy for Yemen`.
    static let officeHeads: Set<String> = ["office", "bureau", "cabinet"]
    /// Company suffixes: they end a name and are no head on their own.
    static let suffixes: Set<String> = ["inc", "ltd", "corp", "llc", "plc", "gmbh", "ag", "sa", "sas", "holdings"]
    /// The suffixes as companies write them (`Sá` in a name is no `SA`).
    static let writtenSuffixes: Set<String> = ["Inc", "Ltd", "Corp", "LLC", "plc", "PLC", "GmbH", "AG", "SA", "SAS", "Holdings"]
    /// English words that join the capitalised words of a name.
    static let englishJoins: Set<String> = ["of", "for", "on", "and", "the", "&", "against"]
    /// French prepositions and articles inside a name.
    static let frenchPrepositions: Set<String> = ["de", "d'", "du", "des", "pour", "sur", "contre", "aux", "au"]
    static let frenchArticles: Set<String> = ["la", "le", "les", "l'"]
    /// Prepositions after which a country is the name's complement (`Mission of Chile`, `ministère du Vietnam`);
    /// after the others (`pour le Bénin`) the name stops before it.
    static let ofWords: Set<String> = ["of", "de", "d'", "du", "des"]
    /// Capitalised words that start a sentence or a clause and are no part of a name.
    static let leadingWords: Set<String> = [
        "the", "a", "an", "but", "and", "however", "meanwhile", "yesterday", "today", "also", "while", "when", "after",
        "before", "as", "since", "with", "under", "according", "in", "on", "at", "for", "from", "by", "to", "if",
        "le", "la", "les", "l'", "un", "une", "mais", "et", "selon", "pour", "apres", "avant", "lors", "depuis",
        "alors", "ainsi", "cependant", "hier", "aujourd'hui", "en", "au", "aux", "du", "des", "de", "d'", "dans",
        "par", "sur", "avec", "this", "that", "these", "those", "ce", "cette", "ces", "its", "their", "his", "her",
        "son", "sa", "ses", "leur", "leurs", "our", "notre", "nos", "both", "all", "tous", "toutes",
        // a count before a name: `Two Indian Air Force helicopters`
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many",
        "deux", "trois", "quatre", "cinq", "plusieurs", "quelques",
    ]
    /// French adjective endings: a lower-case word after a head or a complement with one of these
    /// is an adjective of the name (`africaine`, `mondial`, `électorale`, `européen`, `unies`).
    static let adjectiveEndings = [
        "al", "ale", "ales", "aux", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes", "ais", "aise",
        "aises", "ois", "oise", "oises", "ique", "iques", "if", "ive", "ifs", "ives", "aire", "aires", "ain", "aine",
        "ains", "aines", "een", "eenne", "eens", "eennes", "ier", "iere", "iers", "ieres", "eur", "eure", "ees",
        "ee", "ien", "an", "ane", "ere", "eres", "ande", "andes", "ole", "oles", "ome", "omes", "iste", "istes",
        "euse", "euses", "eux", "ante", "antes", "ente", "entes", "ide", "ides", "ine", "ines", "ale", "unie", "unies",
    ]
    /// French adjectives that no ending above tells: `presse libre`, `Association biélorusse`, `société civile`.
    static let plainAdjectives: Set<String> = [
        "libre", "libres", "civil", "civile", "civils", "civiles", "belge", "belges", "suisse", "suisses", "russe",
        "russes", "tcheque", "tcheques", "grecque", "grecques", "turque", "turques", "malgache", "malgaches",
        "arabe", "arabes", "kurde", "kurdes", "sahraoui", "sahraouie", "rouge", "rouges", "verte", "vertes", "vert",
        "verts", "juste", "democrate", "democrates", "republicain", "republicaine", "autonome", "autonomes",
        "permanent", "permanente", "independant", "independante", "supreme", "superieur", "superieure",
        "ouest", "nord", "sud",
    ]
    /// Lower-case words that are never an adjective or a complement of a name.
    static let notNameWords: Set<String> = [
        "qui", "que", "qu'", "dont", "ou", "a", "ont", "deux", "mieux", "ceux", "entre", "comme", "contre", "toute", "toutes", "est", "sont", "etait", "sera", "se", "s'", "ne", "n'", "il",
        "elle", "ils", "elles", "on", "y", "en", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "un",
        "une", "pas", "plus", "tres", "deja", "aussi", "egalement", "mais", "et", "lors", "apres", "avant",
        "depuis", "pendant", "selon", "ainsi", "donc", "ici", "the", "a", "is", "are", "was", "were", "has", "have",
        "said", "says", "will", "would", "to", "that", "which", "who",
        // participles that read like adjectives but end a name: `a annoncé`, `réunie`
        "annonce", "declare", "indique", "precise", "estime", "souligne", "affirme", "signe", "adopte", "publie",
        "organise", "reuni", "reunie", "reunis", "reunies", "prevu", "prevue", "charge", "chargee",
    ]
    /// Nouns before a list of company names: `tech firms X, Y and Z`, `les entreprises X et Y`.
    static let companyNouns: Set<String> = [
        "firm", "firms", "company", "companies", "giant", "giants", "corporations", "makers", "providers",
        "operators", "platforms", "entreprise", "entreprises", "societes", "geant", "geants", "firmes", "compagnies",
        "operateurs", "plateformes", "groupes", "groupe", "startup", "startups", "start-up", "drugmakers",
        "drugmaker", "carmakers", "automakers", "manufacturers", "manufacturer", "lenders", "lender", "insurers",
        "insurer", "broker", "brokers", "banks", "bank", "airlines", "retailers", "shipping", "laboratoires",
        "banques", "assureurs", "constructeurs", "fabricants", "industriels",
    ]
    /// Nouns that, after `X, a …`, say X is an organisation: `Ocean Conservancy, a US-based advocacy group`.
    static let appositiveNouns: Set<String> = [
        "group", "organisation", "organization", "company", "firm", "charity", "ngo", "association", "agency",
        "coalition", "network", "watchdog", "lender", "bank", "insurer", "broker", "startup", "nonprofit",
        "non-profit", "think-tank", "consortium", "foundation", "alliance", "union", "federation",
        "ong", "organisme", "entreprise", "societe", "groupe", "fondation", "federation", "syndicat", "agence",
    ]
    /// Words between a company noun and its list: `such as`, `including`, `comme`, `notamment`.
    /// Lower-case particles inside company names: `Vinhos do Sul`.
    static let particles: Set<String> = ["do", "da", "dos", "das", "del", "von", "van", "&"]
    static let listOpeners: Set<String> = ["such", "as", "including", "like", "comme", "dont", "notamment", "tels", "telles", "que", ":"]

    /// True for a word token written with a capital.
    @inline(__always)
    static func isCapitalised(_ t: Token) -> Bool { t.kind == .word && t.isCapitalized }

    /// Compound adjectives that tell where an organisation is from, listed or owned, written before
    /// its name: `Bengaluru-based`, `Hong Kong-listed`, `Nasdaq-listed`, `Paris-headquartered`,
    /// `state-owned`, `Gulf-backed`. No part of the name.
    static func isOriginModifier(_ folded: String) -> Bool {
        guard let dash = folded.lastIndex(of: "-") else { return false }
        return originSuffixes.contains(folded[folded.index(after: dash)...])
    }
    private static let originSuffixes: Set<Substring> = ["based", "listed", "owned", "backed", "headquartered", "registered", "controlled", "funded"]

    /// True for an acronym: a word of two to ten letters, at least two of them capitals, and no
    /// lower-case letter but a trailing one (`UNODC`, `AfDB` is not, `ONU`, `CEDEAO`).
    static func isAcronym(_ t: Token) -> Bool {
        guard t.kind == .word, t.isCapitalized else { return false }
        var upper = 0, lower = 0, count = 0
        for s in t.text.unicodeScalars {
            count += 1
            if s.properties.isUppercase { upper += 1 } else if s.properties.isLowercase { lower += 1 }
        }
        return count >= 2 && count <= 10 && upper >= 2 && lower == 0
    }

    static func isAdjective(_ t: Token) -> Bool {
        guard t.kind == .word, !t.isCapitalized, !notNameWords.contains(t.folded), t.folded.count >= 4 else { return false }
        if plainAdjectives.contains(t.folded) || t.folded.hasSuffix("usse") || t.folded.hasSuffix("usses") { return true }
        return adjectiveEndings.contains { t.folded.hasSuffix($0) } && !t.folded.hasSuffix("ment")
    }

    /// One word with a head or a company word after an inner capital: `ArianeGroup`, `SoftBank`
    /// (not `McDonald`, whose tail is no such word).
    static func isCamelName(_ t: Token) -> Bool {
        guard t.kind == .word, t.isCapitalized else { return false }
        let chars = Array(t.text)
        guard chars.count >= 6 else { return false }
        for k in 3..<(chars.count - 2) where chars[k].isUppercase && chars[k - 1].isLowercase {
            let tail = TextFolder.shared.fold(String(chars[k...]))
            return heads.contains(tail) && !suffixes.contains(tail) || companyWords.contains(tail)
        }
        return false
    }

    static func isHead(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        if heads.contains(t.folded) { return true }
        // `Movement-in-Opposition`
        if let dash = t.folded.firstIndex(of: "-"), t.isCapitalized { return heads.contains(String(t.folded[..<dash])) }
        return false
    }

    /// `House of Representatives`, `House of Commons`: a chamber, not a building, before `of` and a capital.
    static func isHouse(at i: Int, _ tokens: [Token]) -> Bool {
        tokens[i].folded == "house" && tokens[i].isCapitalized && i + 2 < tokens.count && tokens[i + 1].folded == "of"
            && isCapitalised(tokens[i + 2])
    }

    static func isCalendarWord(_ t: Token) -> Bool {
        CalendarWords.months[t.folded] != nil || CalendarWords.weekdays.contains(t.folded)
    }

    /// A name found by its shape: the tokens it spans and the gazetteer hits it swallows.
    struct Span {
        var range: Range<Int>
        var absorbed: [Int]
    }

    /// The organisation name whose shape starts at `start`, if any.
    ///
    /// - Parameters:
    ///   - hitAt: for each token, the index of the lexicon organisation hit that covers it, or -1.
    ///   - hitEnd: end of each lexicon hit, by hit index.
    ///   - blocked: tokens of blocked phrases and of places already claimed; a name never crosses them.
    static func span(at start: Int, _ tokens: [Token], hitAt: [Int], hitEnd: [Int], blocked: [Bool]) -> Span? {
        let n = tokens.count
        guard start < n, !blocked[start] else { return nil }
        let first = tokens[start]
        let lowerHead = first.kind == .word && !first.isCapitalized && lowerCaseHeads.contains(first.folded)
        guard isCapitalised(first) || lowerHead else { return nil }
        // `la banque HSBC`, `l'agence Reuters`: a lower-case head right before a name introduces it
        if lowerHead, start + 1 < n, isCapitalised(tokens[start + 1]) || hitAt[start + 1] >= 0 { return nil }
        guard !isCalendarWord(first) else { return nil }
        var pos = start
        var end = start
        var headPos = -1
        var lowerComplements = 0
        var capitalAfterHead = false
        var absorbed: [Int] = []
        var afterHeadOrAdjective = false
        var lastJoin: String?
        // lower-case words after the first lower-case complement count only if a capitalised word
        // follows them: `Centre de réponse aux activités frauduleuses … sur Internet`
        var committed = start
        while pos < n {
            let t = tokens[pos]
            if blocked[pos] { break }
            let h = hitAt[pos]
            if h >= 0 {
                // a lexicon name as the complement of a head (`Mission of Chile to the UN`) or as the
                // modifier of a head right after it (`UN Office at …`)
                let e = hitEnd[h]
                let complement = headPos >= 0 && lastJoin != nil
                // `UN Office`, `European Union Election Observation Mission`
                var m = e
                while m < n, m - e < 3, isCapitalised(tokens[m]), !isHead(tokens[m]), hitAt[m] < 0, !titles.contains(tokens[m].folded) { m += 1 }
                let modifier = headPos < 0 && m < n && isCapitalised(tokens[m]) && isHead(tokens[m]) && hitAt[m] < 0
                guard hitStarts(h, at: pos, hitAt), complement || modifier else { break }
                absorbed.append(h)
                pos = e
                end = pos
                committed = pos
                capitalAfterHead = capitalAfterHead || headPos >= 0
                afterHeadOrAdjective = false
                lastJoin = nil
                continue
            }
            if isCapitalised(t) || (pos == start && lowerHead) {
                if isCalendarWord(t) { break }
                // `Office of the Special Envoy`: a post as the complement of an office is the name's
                let officeOf = headPos >= 0 && officeHeads.contains(tokens[headPos].folded) && pos > headPos + 1
                    && ofWords.contains(tokens[headPos + 1].folded)
                if headPos >= 0, titles.contains(t.folded), !officeOf { break }
                if headPos < 0, pos > start, companyWords.contains(t.folded), isCapitalised(tokens[pos - 1]),
                   pos + 1 == n || !isCapitalised(tokens[pos + 1]) && !ofWords.contains(tokens[pos + 1].folded) {
                    // `Acme Mining said`: a company word closing a capitalised run ends the name
                    headPos = pos
                    pos += 1
                    end = pos
                    committed = pos
                    break
                }
                if pos > start, suffixes.contains(t.folded), writtenSuffixes.contains(t.text), headPos < 0 || end == pos {
                    // `Acme Corp`: a suffix ends the name
                    headPos = max(headPos, pos)
                    pos += 1
                    end = pos
                    committed = pos
                    break
                }
                // `Bengaluru-based Sarvam AI`, `Hong Kong-listed Acme Group`: an origin is no part of a name
                if isOriginModifier(t.folded) { break }
                if isHead(t) && !suffixes.contains(t.folded) || isHouse(at: pos, tokens) || isCamelName(t) {
                    if headPos < 0 { headPos = pos }
                } else if headPos >= 0 {
                    capitalAfterHead = true
                }
                pos += 1
                end = pos
                committed = pos
                afterHeadOrAdjective = headPos >= 0
                lastJoin = nil
                continue
            }
            if t.folded == "s", pos > start, tokens[pos - 1].text.hasSuffix("'") || tokens[pos - 1].text.hasSuffix("\u{2019}"),
               pos + 1 < n, isCapitalised(tokens[pos + 1]) {
                // `Sudan People's Liberation Movement`, `Children's Fund`
                pos += 1
                continue
            }
            if t.kind == .number, pos > start, isCapitalised(tokens[pos - 1]), lastJoin == nil {
                // `Group of 20`, `Article 19`: a number right after a capitalised word
                pos += 1
                end = pos
                committed = pos
                continue
            }
            // `Treasury Department official`: a post after the head ends the name
            if t.kind == .word, !t.isCapitalized, headPos >= 0, afterHeadOrAdjective, isAdjective(t), !titles.contains(t.folded) {
                pos += 1
                end = pos
                if committed == pos - 1 { committed = pos }
                continue
            }
            // joins: `of the`, `de la`, `pour l'`, `et des`
            var k = pos
            var joins: [String] = []
            while k < n, joins.count < 3, tokens[k].kind == .word || tokens[k].text == "&",
                  !tokens[k].isCapitalized || (tokens[k].folded == "l'" || tokens[k].folded == "d'"),
                  englishJoins.contains(tokens[k].folded) || frenchPrepositions.contains(tokens[k].folded)
                    || frenchArticles.contains(tokens[k].folded) || tokens[k].folded == "et" || tokens[k].folded == "to"
                    || tokens[k].folded == "aupres" || (tokens[k].folded == "in" && headPos >= 0 && placeHeads.contains(tokens[headPos].folded)) {
                joins.append(tokens[k].folded)
                k += 1
            }
            guard !joins.isEmpty, k < n else { break }
            if blocked[k] {
                // a place phrase as a complement: `Plateforme d'intervention régionale de l'océan Indien`
                guard headPos >= 0, ofWords.contains(joins[0]) else { break }
                var m = k
                while m < n, blocked[m] { m += 1 }
                pos = m
                end = m
                committed = m
                continue
            }
            let next = tokens[k]
            let isAnd = joins[0] == "and" || joins[0] == "et" || joins[0] == "&"
            if isAnd {
                // `frauduleuses et malveillantes`: two adjectives
                if joins.count == 1, afterHeadOrAdjective, isAdjective(next) {
                    pos = k + 1
                    end = pos
                    if committed == pos - 2 { committed = pos }
                    continue
                }
                // `and the`, `et le`: another name follows; `et des Finances`, `and Industry` go on
                if joins.count > 1, joins[1] == "the" || frenchArticles.contains(joins[1]) { break }
                // `and Ministry of Education`: a second name; `for Internet and Society)`: one
                if hitAt[k] >= 0 || lowerCaseHeads.contains(next.folded) || isCamelName(next) { break }
                if isHead(next), k + 1 < n, ofWords.contains(tokens[k + 1].folded) || isCapitalised(tokens[k + 1]) { break }
                // `the Commission and Beijing`, `the Tribunal and Ottawa`: right after a bare head (no
                // complement begun) a capitalised word after `and` is a second party, not the name's
                // (`&` stays inside names: `Fondation Bill & Melinda Gates`)
                if headPos >= 0, joins.count == 1, joins[0] != "&", isCapitalised(next), !isHead(next),
                   (headPos..<pos).allSatisfy({ isCapitalised(tokens[$0]) }) { break }
                // `University of Nairobi and Harvard University`, `X Institute and Japan's Y Institute`: a
                // capitalised run after `and` that is a whole name of its own (it ends on a head) is a second name
                if headPos >= 0, joins.count == 1, isCapitalised(next) {
                    var m = k
                    while m < n, m - k < 6, isCapitalised(tokens[m]) || tokens[m].folded == "s" && m > k
                            && (tokens[m - 1].text.hasSuffix("'") || tokens[m - 1].text.hasSuffix("\u{2019}")) { m += 1 }
                    let possessive = (k..<m).contains { tokens[$0].folded == "s" }
                    if m - k >= 2, possessive || isHead(tokens[m - 1]) && !suffixes.contains(tokens[m - 1].folded),
                       m == n || !(ofWords.contains(tokens[m].folded) || tokens[m].folded == "and" || tokens[m].folded == "et") { break }
                }
            }
            if joins[0] == "to" || joins[0] == "aupres", hitAt[k] < 0 { break }
            if hitAt[k] >= 0 {
                // `Comité régional de l'OMS`: the lexicon's organisation owns the name, and stays itself
                guard headPos >= 0, joins[0] == "to" || joins[0] == "aupres" else { break }
                lastJoin = joins[0]
                pos = k
                continue
            }
            if isCapitalised(next) {
                if isCalendarWord(next) { break }
                // a country after `pour`, `sur`, `contre` is no part of the name
                lastJoin = joins[0]
                pos = k
                continue
            }
            // a lower-case complement: French names only, once
            let french = joins.contains { frenchPrepositions.contains($0) }
            guard french, headPos >= 0, lowerComplements < 3, next.kind == .word, !notNameWords.contains(next.folded),
                  next.folded.count >= 3, !isHead(next) else { break }
            lowerComplements += 1
            pos = k + 1
            end = pos
            // `de gestion des risques`: genitive chains are the name's; `pour la construction` waits for a capital
            if lowerComplements == 1 || joins.contains(where: { ofWords.contains($0) }) && !joins.contains(where: { ["pour", "sur", "contre", "aux", "au"].contains($0) })
                && committed == pos - joins.count - 1 { committed = pos }
            afterHeadOrAdjective = true
            lastJoin = nil
        }
        end = min(end, max(committed, headPos + 1))
        guard headPos >= 0, end > start else { return nil }
        var from = start
        // drop a title or a sentence opener before the name: `President of the African Development Bank`
        // (`Northern and Coastal Rivers Authority`: two coordinated modifiers are the name's)
        if let join = (from..<headPos).last(where: { englishJoins.contains(tokens[$0].folded) && !tokens[$0].isCapitalized }),
           join - from == 1 && !["and", "&"].contains(tokens[join].folded) || (from..<join).contains(where: { titles.contains(tokens[$0].folded) }) {
            from = join + 1
            while from < headPos, entityFunctionWords.contains(tokens[from].folded) { from += 1 }
        } else if from + 1 < headPos, englishJoins.contains(tokens[from + 1].folded), !tokens[from + 1].isCapitalized,
                  !["and", "&"].contains(tokens[from + 1].folded) {
            // `Delegates of the Northern and Coastal Rivers Authority`: one word before the first join
            from += 2
            while from < headPos, entityFunctionWords.contains(tokens[from].folded) { from += 1 }
        }
        // `Amina Diallo of the Fisheries Authority`: words before `of` with no head of their own are
        // the person or post the organisation is the complement of; a person's name has two words or
        // more and no article before it (`the Freedom of Expression Network` is one name)
        if let of = (from..<headPos).first(where: { ofWords.contains(tokens[$0].folded) && !tokens[$0].isCapitalized }),
           of - from >= 2, of - from <= 4, !leadingWords.contains(tokens[from].folded),
           from == 0 || !entityFunctionWords.contains(tokens[from - 1].folded) && !leadingWords.contains(tokens[from - 1].folded),
           !(from..<of).contains(where: { isHead(tokens[$0]) || isHouse(at: $0, tokens) || isCamelName(tokens[$0]) }) {
            from = of + 1
            while from < headPos, entityFunctionWords.contains(tokens[from].folded) { from += 1 }
        }
        while from < headPos, leadingWords.contains(tokens[from].folded), !isAcronym(tokens[from]) { from += 1 }
        // `Singapore's Cyber Security Agency`: the owner is no part of the name
        if from + 2 <= headPos, tokens[from].text.hasSuffix("'") || tokens[from].text.hasSuffix("\u{2019}"), tokens[from + 1].folded == "s" {
            from += 2
        }
        // a single word only when it is a hyphenated name of its own: `Croix-Rouge`
        let single = end - from == 1 && (tokens[from].text.contains("-") && tokens[from].isCapitalized
            && tokens[from].text.split(separator: "-").allSatisfy { $0.first?.isUppercase == true } || isCamelName(tokens[from]))
        guard from <= headPos, end - from >= 2 || single else { return nil }
        // a venue: `National Convention Center`, `Centre international de conférences`
        if ["centre", "center"].contains(tokens[headPos].folded),
           (from..<min(n, end + 3)).contains(where: { venueWords.contains(tokens[$0].folded) }) {
            return nil
        }
        if lowerHead, !capitalAfterHead { return nil }
        // a capitalised head opening a sentence with lower-case complements only: `Programme de la journée`
        if from == 0, headPos == 0, !capitalAfterHead, !(from + 1 < end && isAdjective(tokens[from + 1])) { return nil }
        // a French name never ends on a preposition's object that is a bare article
        return Span(range: from..<end, absorbed: absorbed.filter { hitEnd[$0] <= end })
    }

    @inline(__always)
    private static func hitStarts(_ h: Int, at pos: Int, _ hitAt: [Int]) -> Bool { pos == 0 || hitAt[pos - 1] != h }

    /// The canonical name of a span: its words as written, without a leading article, capitalised.
    static func name(_ text: String) -> String {
        var s = Substring(text)
        for article in ["the ", "The ", "l'", "L'", "l’", "L’", "la ", "La ", "le ", "Le ", "les ", "Les "] where s.hasPrefix(article) {
            s = s.dropFirst(article.count)
            break
        }
        guard let first = s.first else { return String(s) }
        return first.uppercased() + s.dropFirst()
    }

    /// Company names listed after a company noun: `tech firms Microsoft, Acme and Zeta` → the
    /// capitalised runs of the list, each as a token range.
    static func companyList(after noun: Int, _ tokens: [Token], blocked: [Bool]) -> [Range<Int>] {
        let n = tokens.count
        var k = noun + 1
        var opened = 0
        while k < n, opened < 2, listOpeners.contains(tokens[k].folded) { k += 1; opened += 1 }
        var out: [Range<Int>] = []
        while k < n {
            let s = k
            while k < n, k - s < 5, !blocked[k], !isCalendarWord(tokens[k]),
                  isCapitalised(tokens[k]) || (k > s && tokens[k].kind == .number)
                    || (k > s && k + 1 < n && particles.contains(tokens[k].folded) && isCapitalised(tokens[k + 1])) { k += 1 }
            guard k > s else { break }
            out.append(s..<k)
            guard k < n else { break }
            let sep = tokens[k].folded
            if sep == "," || sep == "and" || sep == "et" || sep == "or" || sep == "ou" {
                k += 1
                if k < n, tokens[k].folded == "and" || tokens[k].folded == "et" || tokens[k].folded == "or" || tokens[k].folded == "ou" { k += 1 }
                continue
            }
            break
        }
        return out
    }
}
