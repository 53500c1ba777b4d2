/// The organisation rules that look past one lexicon match: names found by their shape, acronyms a
/// document defines (`Full Name (ACR)`, `ACR (Full Name)`, `the Full Name, or ACR,`) and uses
/// later, a bare `the Commission` that names the commission named before, companies listed after
/// `firms` or `entreprises`, wire-agency credits that name no source, and nationalities that are a
/// person's affiliation rather than a country taking part.
enum OrganisationMemory {
    private static let englishWords: Set<String> = [
        "the", "of", "and", "to", "in", "is", "was", "said", "has", "have", "for", "on", "with", "that", "by", "its",
        "will", "were", "are", "from", "at", "this", "it", "which", "who", "been",
    ]
    private static let frenchWords: Set<String> = [
        "le", "la", "les", "des", "du", "de", "et", "est", "a", "en", "dans", "pour", "sur", "une", "un", "au", "aux",
        "qui", "que", "l'", "d'", "qu'", "ont", "sont", "par", "avec", "ce", "cette", "il", "elle",
    ]

    /// True when the sentence reads as English rather than French (by its function words).
    static func isEnglish(_ tokens: [Token]) -> Bool {
        var en = 0, fr = 0
        for t in tokens where t.kind == .word && !t.isCapitalized || t.folded == "the" {
            if englishWords.contains(t.folded) { en += 1 } else if frenchWords.contains(t.folded) { fr += 1 }
        }
        return en > fr
    }

    private static let articles: Set<String> = ["the", "la", "le", "l'", "les"]
    /// Nouns that introduce an organisation's name: `l'ONG X`, `the charity X`.
    private static let ngoNouns: Set<String> = [
        "ong", "ngo", "ngos", "charity", "association", "nonprofit", "think-tank", "watchdog",
        // parties, movements and armed groups: `the far-right party Chega`, `le parti prorusse Renaissance`,
        // `the rebel group M23`, `la coalition Ensemble`
        "party", "parti", "coalition", "movement", "mouvement", "group", "groupe", "militia", "milice", "faction",
        // companies and media named after what they are: `la compagnie aérienne nationale Belavia`,
        // `the broadcaster NHK`, `le quotidien Le Soleil`
        "compagnie", "airline", "carrier", "broadcaster", "newspaper", "daily", "quotidien", "hebdomadaire",
        "weekly", "magazine", "chaine", "radio", "agency", "agence", "bank", "banque", "firm", "company",
        "societe", "entreprise", "startup", "start-up", "conglomerate", "operator", "operateur", "union", "syndicat",
        // companies named by their trade: `state miner Codelco`, `consultancy Wood Mackenzie`, `le minier Vale`
        "miner", "producer", "exporter", "importer", "trader", "utility", "insurer", "lender", "developer",
        "consultancy", "manufacturer", "automaker", "carmaker", "drugmaker", "shipper", "refiner", "retailer",
        "minier", "producteur", "exportateur", "assureur", "constructeur", "armateur", "transporteur", "cabinet",
        "consortium", "fondation", "foundation", "institute", "institut", "initiative", "collectif", "campaign",
    ]
    /// Lower-case words that may stand between such a noun and the name: `the opposition party X`,
    /// `le parti de centre droit X`, `the Islamist militant group X`.
    private static let ngoModifiers: Set<String> = [
        "opposition", "ruling", "main", "armed", "rebel", "rights", "militant", "islamist", "jihadist", "separatist",
        "nationalist", "far-right", "far-left", "right-wing", "left-wing", "centre-right", "center-right",
        "centre-left", "center-left", "conservative", "liberal", "populist", "governing", "new", "paramilitary",
        "human", "advocacy", "campaign", "environmental", "aid", "humanitarian", "medical", "relief", "state-owned",
        "state", "private", "public", "national", "local", "global", "international", "news", "press", "de", "d'",
        "centre", "center", "droite", "droit", "gauche", "extreme", "au", "pouvoir", "aerienne", "arme", "rebelle",
        "islamiste", "jihadiste", "separatiste", "ultranationaliste", "prorusse", "pro-russe", "pro-europeen",
        "presse", "tech", "technology", "mining", "energy", "oil", "telecoms", "telecom", "pharmaceutical",
        "chinese-owned", "us-based", "london-based", "paris-based", "video", "streaming", "social", "media",
        "information", "publique", "privee", "britannique", "americaine", "americain", "francaise", "chinois",
        "copper", "lithium", "gold", "steel", "research", "data", "analytics", "budget", "low-cost", "shipping",
        "logistics", "consulting", "engineering", "construction", "agricultural", "food", "chemical", "nuclear",
        "minier", "miniere", "petrolier", "petroliere", "aerien", "cuivre", "conseil", "youth", "student",
    ]
    private static let ngoStops: Set<String> = ["of", "for", "on", "in", "at", "by", "with", "and", "or", "et", "ou", "du", "des", "la", "le", "les", "the", "a", "an"]
    /// Of those nouns, the ones a list of companies may follow (`firms X, Y and Z`): that rule reads them.
    /// What a ministry the press writes in lower case is in charge of: `the health ministry`.
    private static let ministryDomains: Set<String> = [
        "health", "foreign", "interior", "defence", "defense", "finance", "finances", "trade", "commerce", "justice",
        "education", "agriculture", "energy", "environment", "economy", "labour", "labor", "transport", "mines",
        "mining", "fisheries", "information", "home", "culture", "tourism", "industry", "planning", "water",
    ]
    private static let listNouns: Set<String> = ["company", "firm", "bank", "groupe", "entreprise", "startup", "start-up"]
    private static let shareWords: Set<String> = ["share", "partager", "partagez", "follow", "suivez", "suivez-nous", "suivre"]
    private static let creditWords: Set<String> = ["©", "photo", "photos", "credit", "credits", "source", "sources"]

    /// Adds to `hits` the organisations found by shape, acronym, reference and company list, and
    /// removes the lexicon hits such a name swallows and the agency credits.
    static func findShapes(_ tokens: [Token], keys: [String], taken: inout [Bool], hits: inout [EntityHit],
                           earlier: [EntityMention], lexiconCodes: Set<String>, isMedia: (Int) -> Bool,
                           isCompany: (Int) -> Bool = { _ in false }, isPlace: (Int) -> Bool = { _ in false },
                           isLexiconName: (Int, String) -> Bool = { _, _ in true }) {
        let n = tokens.count
        var hitAt = [Int](repeating: -1, count: n)
        var hitEnd = hits.map(\.taken.upperBound)
        for (h, hit) in hits.enumerated() { for k in hit.taken { hitAt[k] = h } }
        let blocked = (0..<n).map { taken[$0] && hitAt[$0] < 0 }
        var removed = Set<Int>()
        var added: [EntityHit] = []
        var local: [String: String] = [:]

        func add(_ range: Range<Int>, taking: Range<Int>, name: String, code: String?) {
            added.append(EntityHit(range: range, taken: taking, target: -1, roles: [], name: name, code: code))
            for k in taking { taken[k] = true }
            if let code { local[code] = name }
        }
        /// `(ACR)` or `, or ACR,` right after a name ending at `end`: the acronym and where the mention ends.
        func acronym(after end: Int) -> (String, Int)? {
            if end + 2 < n, tokens[end].text == "(", OrganisationShape.isAcronym(tokens[end + 1]), tokens[end + 2].text == ")" {
                let h = hitAt[end + 1]
                // `Rapid Support Forces (RSF)`: the document's own name for the acronym wins over the lexicon's
                if h >= 0 {
                    guard hits[h].taken == end + 1..<end + 2 else { return nil }
                    removed.insert(h)
                }
                return (tokens[end + 1].text, end + 3)
            }
            if end + 3 < n, tokens[end].text == ",", keys[end + 1] == "or" || keys[end + 1] == "ou",
               OrganisationShape.isAcronym(tokens[end + 2]), hitAt[end + 2] < 0, tokens[end + 3].kind == .punctuation {
                return (tokens[end + 2].text, end + 3)
            }
            return nil
        }

        var i = 0
        while i < n {
            if hitAt[i] >= 0 {
                let h = hitAt[i]
                guard hits[h].taken.lowerBound == i else { i += 1; continue }
                // a lexicon acronym the document gave another name: `RSF` after `Rapid Support Forces (RSF)`
                if hits[h].taken.count == 1, hits[h].target >= 0, OrganisationShape.isAcronym(tokens[i]),
                   let defined = local[tokens[i].text]
                    ?? earlier.last(where: { $0.kind == .organisation && $0.code == tokens[i].text && $0.surface != tokens[i].text })?.name,
                   !isLexiconName(hits[h].target, defined) {
                    removed.insert(h)
                    add(i..<i + 1, taking: i..<i + 1, name: defined, code: tokens[i].text)
                    i += 1
                    continue
                }
                // a lexicon name that modifies a head: `UN Office in Bangkok`, `AU Peace Fund`
                if let span = OrganisationShape.span(at: i, tokens, hitAt: hitAt, hitEnd: hitEnd, blocked: blocked),
                   span.absorbed.first == h, span.range.upperBound > hitEnd[h] {
                    let (code, last) = acronym(after: span.range.upperBound) ?? (nil, span.range.upperBound)
                    add(span.range, taking: span.range.lowerBound..<last, name: text(span.range, tokens), code: code)
                    removed.formUnion(span.absorbed)
                    i = last
                    continue
                }
                let e = hitEnd[h]
                // `Bloomberg Philanthropies`, `Alibaba Cloud`: a longer name than the lexicon's company
                if hits[h].target >= 0, isCompany(hits[h].target), hits[h].taken.count == 1, e < n,
                   OrganisationShape.isCapitalised(tokens[e]), hitAt[e] < 0, !blocked[e] {
                    var m = e
                    while m < n, m - e < 3, OrganisationShape.isCapitalised(tokens[m]), hitAt[m] < 0, !blocked[m],
                          !OrganisationShape.titles.contains(tokens[m].folded), !OrganisationShape.isCalendarWord(tokens[m]) { m += 1 }
                    // a wire agency takes one word at most, and not as a source: `à l'AFP Lina Ferrand-Okafor`
                    let media = isMedia(hits[h].target)
                    let source = i > 0 && ["l'", "to", "told", "a", "à"].contains(keys[i - 1])
                    if m - e >= 1, m == n || !OrganisationShape.isCapitalised(tokens[m]), !media || (m - e == 1 && !source) {
                        add(i..<m, taking: i..<m, name: text(i..<m, tokens), code: nil)
                        removed.insert(h)
                        i = m
                        continue
                    }
                }
                // `Ministry of Foreign Affairs of Viet Nam`: the country is the ministry's, not a participant
                if OrganisationShape.isHead(tokens[hits[h].range.lowerBound]) || OrganisationShape.lowerCaseHeads.contains(keys[i]),
                   e + 1 < n, OrganisationShape.ofWords.contains(keys[e]) {
                    var k = e + 1
                    while k < n, OrganisationShape.frenchArticles.contains(keys[k]) || keys[k] == "the" { k += 1 }
                    var m = k
                    while m < n, m - k < 4, OrganisationShape.isCapitalised(tokens[m]), hitAt[m] < 0, !blocked[m],
                          !OrganisationShape.isCalendarWord(tokens[m]) { m += 1 }
                    if m > k {
                        for x in e..<m { taken[x] = true; hitAt[x] = h }
                        hits[h].taken = hits[h].taken.lowerBound..<m
                        hitEnd[h] = m
                    }
                }
                i = hitEnd[h]
                continue
            }
            if blocked[i] || taken[i] { i += 1; continue }
            let t = tokens[i]
            // `Sarvam AI`, `Mistral AI`: a name and `AI`, with no place before it (`Chinese AI firms`)
            if OrganisationShape.isCapitalised(t), !OrganisationShape.isAcronym(t), i + 1 < n, tokens[i + 1].text == "AI",
               i == 0 || !OrganisationShape.isCapitalised(tokens[i - 1]) || OrganisationShape.isOriginModifier(keys[i - 1]), !isPlace(i), hitAt[i + 1] < 0,
               !OrganisationShape.isOriginModifier(t.folded),
               !OrganisationShape.leadingWords.contains(keys[i]), !OrganisationShape.isCalendarWord(t),
               i + 2 == n || !OrganisationShape.isCapitalised(tokens[i + 2]) {
                add(i..<i + 2, taking: i..<i + 2, name: text(i..<i + 2, tokens), code: nil)
                i += 2
                continue
            }
            // `ACR (Full Name)`
            if OrganisationShape.isAcronym(t), i + 3 < n, tokens[i + 1].text == "(",
               let span = OrganisationShape.span(at: i + 2, tokens, hitAt: hitAt, hitEnd: hitEnd, blocked: blocked),
               span.range.lowerBound == i + 2, span.range.upperBound < n, tokens[span.range.upperBound].text == ")" {
                add(i..<i + 1, taking: i..<span.range.upperBound + 1, name: text(span.range, tokens), code: t.text)
                removed.formUnion(span.absorbed)
                i = span.range.upperBound + 1
                continue
            }
            // `la Banque centrale`, `l'Assemblée nationale` after the full name: the head and its adjective
            // name the organisation named before whose name holds them, one after the other
            if OrganisationShape.isCapitalised(t), OrganisationShape.isHead(t), i > 0, articles.contains(keys[i - 1]),
               i + 1 < n, tokens[i + 1].kind == .word, !tokens[i + 1].isCapitalized,
               OrganisationShape.isAdjective(tokens[i + 1]), hitAt[i + 1] < 0,
               i + 2 == n || !OrganisationShape.isCapitalised(tokens[i + 2]) && !OrganisationShape.ofWords.contains(keys[i + 2]),
               let (name, code) = named(withHead: keys[i], then: keys[i + 1], added, earlier) {
                add(i..<i + 2, taking: i..<i + 2, name: name, code: code)
                i += 2
                continue
            }
            if var span = OrganisationShape.span(at: i, tokens, hitAt: hitAt, hitEnd: hitEnd, blocked: blocked) {
                if acronym(after: span.range.upperBound) == nil, let full = glossedEnd(span.range, tokens, hitAt: hitAt, blocked: blocked) {
                    span.range = span.range.lowerBound..<full
                }
                let (code, last) = acronym(after: span.range.upperBound) ?? (nil, span.range.upperBound)
                add(span.range, taking: span.range.lowerBound..<last, name: text(span.range, tokens), code: code)
                removed.formUnion(span.absorbed)
                i = last
                continue
            }
            // `Ocean Conservancy, a US-based advocacy group`: a name its apposition calls an organisation
            if OrganisationShape.isCapitalised(t), i == 0 || articles.contains(keys[i - 1]) || tokens[i - 1].kind == .punctuation
                || OrganisationShape.leadingWords.contains(keys[i - 1]) && !tokens[i - 1].isCapitalized || i == 1 && OrganisationShape.leadingWords.contains(keys[0]),
               let r = appositive(at: i, tokens, keys, hitAt: hitAt, blocked: blocked) {
                add(r, taking: r, name: text(r, tokens), code: nil)
                i = r.upperBound
                continue
            }
            // `shares of Acme Mining`: the company whose shares
            if keys[i] == "shares" || keys[i] == "stock", i + 2 < n, keys[i + 1] == "of" || keys[i + 1] == "in",
               OrganisationShape.isCapitalised(tokens[i + 2]), !isPlace(i + 2), hitAt[i + 2] < 0, !blocked[i + 2] {
                var m = i + 2
                while m < n, m - i < 6, OrganisationShape.isCapitalised(tokens[m]), hitAt[m] < 0, !blocked[m],
                      !OrganisationShape.isCalendarWord(tokens[m]) { m += 1 }
                let possessive = tokens[m - 1].text.hasSuffix("'") || tokens[m - 1].text.hasSuffix("\u{2019}")
                if !possessive {
                    add(i + 2..<m, taking: i + 2..<m, name: text(i + 2..<m, tokens), code: nil)
                    i = m
                    continue
                }
            }
            // an acronym the document defined before
            if OrganisationShape.isAcronym(t), let (name, code) = local[t.text].map({ ($0, t.text) }) ?? definedEarlier(t.text, earlier, lexiconCodes) {
                add(i..<i + 1, taking: i..<i + 1, name: name, code: code)
                i += 1
                continue
            }
            // `Burundi's health ministry`, `the foreign ministry`: a ministry the press names in lower case
            if t.kind == .word, !t.isCapitalized, Self.ministryDomains.contains(keys[i]), i + 1 < n,
               keys[i + 1] == "ministry", !tokens[i + 1].isCapitalized, hitAt[i + 1] < 0, !blocked[i + 1] {
                add(i..<i + 2, taking: i..<i + 2, name: text(i..<i + 2, tokens), code: nil)
                i += 2
                continue
            }
            // `the Commission`: the commission named before
            if OrganisationShape.isCapitalised(t), OrganisationShape.isHead(t), i > 0, articles.contains(keys[i - 1]),
               i + 1 == n || !OrganisationShape.isCapitalised(tokens[i + 1]),
               let (name, code) = named(withHead: keys[i], added, earlier) {
                add(i..<i + 1, taking: i..<i + 1, name: name, code: code)
                i += 1
                continue
            }
            // `l'ONG nigériane Paradigm Initiative`, `the rights group Karapatan`, `le parti prorusse Renaissance`
            // (the noun in lower case, or an acronym: `NGO`, not the name `Ngo`)
            if t.kind == .word, ngoNouns.contains(keys[i]), !t.isCapitalized || OrganisationShape.isAcronym(t),
               !(listNouns.contains(keys[i]) && i + 1 < n && OrganisationShape.isCapitalised(tokens[i + 1])) {
                var k = i + 1
                while k < n, k - i <= 4, tokens[k].kind == .word, !tokens[k].isCapitalized,
                      OrganisationShape.isAdjective(tokens[k]) || ngoModifiers.contains(keys[k]) && !ngoStops.contains(keys[k])
                        && (keys[k] != "de" && keys[k] != "d'" || k + 1 < n && ["centre", "droite", "droit", "gauche", "extreme"].contains(keys[k + 1])) { k += 1 }
                var m = k
                while m < n, m - k < 4, OrganisationShape.isCapitalised(tokens[m]) || m > k && tokens[m].text == "-", hitAt[m] < 0, !blocked[m],
                      !OrganisationShape.isCalendarWord(tokens[m]), !OrganisationShape.titles.contains(keys[m]) { m += 1 }
                while m > k, tokens[m - 1].text == "-" { m -= 1 }
                let possessive = m > k && (tokens[m - 1].text.hasSuffix("'") || tokens[m - 1].text.hasSuffix("\u{2019}"))
                    || m < n && tokens[m].folded == "s" && m > k && tokens[m - 1].text.hasSuffix("'")
                // a place or a leading word is no name: `the group Kenya`, `the party The`
                let placed = m > k && (k..<m).allSatisfy { isPlace($0) || OrganisationShape.leadingWords.contains(keys[$0]) }
                // a post after the name says it is a person's: `the movement Prime Minister X`
                let post = m < n && (OrganisationShape.titles.contains(keys[m]) || personNouns.contains(keys[m]))
                if m > k, !possessive, !placed, !post {
                    add(k..<m, taking: k..<m, name: text(k..<m, tokens), code: nil)
                    i = m
                    continue
                }
            }
            // `tech firms Microsoft, Acme and Zeta`
            if t.kind == .word, !t.isCapitalized || i == 0, OrganisationShape.companyNouns.contains(keys[i]) {
                let list = OrganisationShape.companyList(after: i, tokens, blocked: blocked)
                // `helped broker South Sudan's independence`: a possessive is no company
                for r in list where !(tokens[r.upperBound - 1].text.hasSuffix("'") || tokens[r.upperBound - 1].text.hasSuffix("\u{2019}")) {
                    // `Amazon Web Services`: a longer name than the lexicon's `Amazon`
                    let inside = Set(r.compactMap { hitAt[$0] >= 0 ? hitAt[$0] : nil })
                    if inside.isEmpty || r.contains(where: { hitAt[$0] < 0 }) && inside.allSatisfy({ hits[$0].taken.lowerBound >= r.lowerBound && hits[$0].taken.upperBound <= r.upperBound }) {
                        add(r, taking: r, name: text(r, tokens), code: nil)
                        removed.formUnion(inside)
                    }
                }
                i = max(i + 1, list.last?.upperBound ?? 0)
                continue
            }
            i += 1
        }
        // wire credits: `(AFP)`, `(Reuters) -`, `© AFP`, `Photo : Reuters`
        for (h, hit) in hits.enumerated() where hit.target >= 0 && isMedia(hit.target) {
            let a = hit.range.lowerBound, b = hit.range.upperBound
            let parenthesised = a > 0 && tokens[a - 1].text == "(" && b < n && tokens[b].text == ")"
            var k = a - 1
            while k >= 0, tokens[k].text == ":" || tokens[k].text == "/" { k -= 1 }
            let credited = k >= 0 && creditWords.contains(keys[k])
            // `RIJASOLO / AFP`, `AP Photo/…`, `Belga/AFP`
            let slashed = (a > 0 && tokens[a - 1].text == "/") || (b < n && (tokens[b].text == "/" || keys[b] == "photo"))
            // `Copyright 2025 The Associated Press`
            let copyright = (max(0, a - 4)..<a).contains { keys[$0] == "copyright" || tokens[$0].text == "©" }
            // `Par la rédaction avec AFP`, `Staff Reporter, with AP`: the sentence ends on the credit
            var last = b
            while last < n, tokens[last].kind == .punctuation { last += 1 }
            let signed = last == n && a > 0 && ["avec", "with", ",", "and", "et"].contains(keys[a - 1])
            // a line of agency names only: `AFP - AGENCE FRANCE-PRESSE`, `Associated Press`
            let banner = (0..<n).allSatisfy { tokens[$0].kind == .punctuation || hitAt[$0] >= 0 && hits[hitAt[$0]].target >= 0 && isMedia(hits[hitAt[$0]].target) }
            if parenthesised || credited || slashed || copyright || signed || banner { removed.insert(h) }
        }
        // a share line names platforms, not organisations of the story: `Partager : Facebook | X`
        let shareLine = n > 0 && shareWords.contains(keys[0])
        if shareLine {
            for (h, hit) in hits.enumerated() where hit.target >= 0 && isCompany(hit.target) { removed.insert(h) }
            added.removeAll()
        } else if let share = keys.firstIndex(where: { shareWords.contains($0) }) {
            // `… | Share this live blog [f] [X] [WhatsApp]`: buttons after a share word
            for (h, hit) in hits.enumerated() where hit.target >= 0 && isCompany(hit.target) && hit.range.lowerBound > share {
                let a = hit.range.lowerBound, b = hit.range.upperBound
                if a > 0, b < n, tokens[a - 1].text == "[" || tokens[a - 1].text == "|", tokens[b].text == "]" || tokens[b].text == "|" || b + 1 == n {
                    removed.insert(h)
                }
            }
        }
        if !removed.isEmpty { hits = hits.enumerated().filter { !removed.contains($0.offset) }.map(\.element) }
        hits += added
    }

    /// The words of `range` as written, joined by single spaces (none after an elided article),
    /// without a leading article, with a capital.
    /// Where a name found by its shape really ends when the acronym in brackets comes a few words later:
    /// `Organisation pour la mise en valeur du fleuve Sénégal (OMVS)`, whose shape stops at `mise`;
    /// `Association des banques et établissements financiers du Niger (ABEFN)`. The words between are plain
    /// words, prepositions and `et`/`and` (no punctuation, verb or other name), at most eight, the last
    /// one or two may be a place; the acronym opens on the name's first letter, closes on the first letter
    /// of one of the last three words, and its letters are initials of the name's words, in order.
    static func glossedEnd(_ range: Range<Int>, _ tokens: [Token], hitAt: [Int], blocked: [Bool]) -> Int? {
        let n = tokens.count
        var k = range.upperBound
        while k < n, k - range.upperBound < 8, tokens[k].kind == .word, hitAt[k] < 0, !blocked[k],
              !OrganisationShape.notNameWords.contains(tokens[k].folded) || OrganisationShape.frenchPrepositions.contains(tokens[k].folded)
                || OrganisationShape.frenchArticles.contains(tokens[k].folded) || ["en", "in", "et", "and"].contains(tokens[k].folded) { k += 1 }
        // `… du Sénégal (APBEF)`: a place, already claimed, closing the name
        var place = 0
        while k < n, place < 2, k > range.upperBound, blocked[k], tokens[k].kind == .word,
              OrganisationShape.frenchPrepositions.contains(tokens[k - 1].folded) || OrganisationShape.frenchArticles.contains(tokens[k - 1].folded)
                || ["of", "the"].contains(tokens[k - 1].folded) || place > 0 { k += 1; place += 1 }
        guard k > range.upperBound, k + 2 < n, tokens[k].text == "(", OrganisationShape.isAcronym(tokens[k + 1]), tokens[k + 2].text == ")",
              !OrganisationShape.frenchPrepositions.contains(tokens[k - 1].folded), !OrganisationShape.frenchArticles.contains(tokens[k - 1].folded),
              !OrganisationShape.englishJoins.contains(tokens[k - 1].folded), !["en", "in", "et"].contains(tokens[k - 1].folded) else { return nil }
        let letters = Array(tokens[k + 1].folded)
        guard let first = letters.first, let last = letters.last, tokens[range.lowerBound].folded.first == first,
              tokens[max(range.lowerBound, k - 3)..<k].contains(where: { $0.folded.first == last }) else { return nil }
        // the acronym's letters are initials of the name's words, in order
        var l = 0
        for t in tokens[range.lowerBound..<k] where l < letters.count && t.folded.first == letters[l] { l += 1 }
        guard l == letters.count else { return nil }
        return k
    }

    static func text(_ range: Range<Int>, _ tokens: [Token]) -> String {
        var s = ""
        for k in range {
            let t = tokens[k].text
            if !s.isEmpty, !(s.hasSuffix("'") || s.hasSuffix("\u{2019}")), tokens[k].kind != .punctuation || t == "&" { s += " " }
            s += t
        }
        return OrganisationShape.name(s)
    }

    /// `X, a … group`: the capitalised run at `i` when an apposition after it ends on an
    /// organisation noun with no preposition on the way.
    private static func appositive(at i: Int, _ tokens: [Token], _ keys: [String], hitAt: [Int], blocked: [Bool]) -> Range<Int>? {
        let n = tokens.count
        var e = i
        while e < n, e - i < 4, OrganisationShape.isCapitalised(tokens[e]), hitAt[e] < 0, !blocked[e],
              !OrganisationShape.isCalendarWord(tokens[e]) { e += 1 }
        // `Selon X, …`: the opener is no part of the name (the run after it is tried next)
        if e - i > 1, OrganisationShape.leadingWords.contains(keys[i]) { return nil }
        guard e > i, e + 2 < n, tokens[e].text == "," else { return nil }
        // `X, the industry association,`, `X, l'association des producteurs`: with a definite article the
        // noun must end the apposition's head (`X, the company founder` is a person's post)
        let definite = ["the", "l'", "la", "le"].contains(keys[e + 1])
        guard definite || ["a", "an", "un", "une"].contains(keys[e + 1]) else { return nil }
        // a run starting a sentence with a common word is no name: `Officials, a …`
        if i == 0, e - i == 1, OrganisationShape.leadingWords.contains(keys[i]) { return nil }
        var k = e + 2
        while k < n, k - e < 8, tokens[k].kind == .word {
            if OrganisationShape.appositiveNouns.contains(keys[k]) {
                guard definite else { return i..<e }
                if k + 1 == n || tokens[k + 1].kind == .punctuation || OrganisationShape.ofWords.contains(keys[k + 1])
                    || ["for", "that", "which", "qui", "dont", "pour"].contains(keys[k + 1]) { return i..<e }
                return nil
            }
            // `X, a Y and the Z Union`: a list, not an apposition
            if ["and", "et", "or", "ou"].contains(keys[k]) { return nil }
            if OrganisationShape.englishJoins.contains(keys[k]) || OrganisationShape.frenchPrepositions.contains(keys[k])
                || ["at", "in", "with", "from", "by", "a", "au", "dans", "chez", "par"].contains(keys[k]) { return nil }
            k += 1
        }
        return nil
    }

    /// The name an earlier sentence gave the acronym `acronym`.
    private static func definedEarlier(_ acronym: String, _ earlier: [EntityMention], _ lexiconCodes: Set<String>) -> (String, String)? {
        // the lexicon's own ids are matched by its aliases, under their own rules (`AP` only as a source)
        guard !lexiconCodes.contains(acronym) else { return nil }
        for e in earlier.reversed() where e.kind == .organisation && e.code == acronym { return (e.name, acronym) }
        return nil
    }

    /// The latest organisation of the document whose name holds `head` then `next`, with more words.
    private static func named(withHead head: String, then next: String, _ added: [EntityHit], _ earlier: [EntityMention]) -> (String, String?)? {
        let fold = TextFolder.shared
        func holds(_ name: String) -> Bool {
            let words = fold.fold(name).split(separator: " ")
            guard words.count > 2 else { return false }
            for k in 0..<(words.count - 1) where words[k] == head && words[k + 1] == next { return true }
            return false
        }
        for hit in added.reversed() { if let name = hit.name, holds(name) { return (name, hit.code) } }
        for e in earlier.reversed() where e.kind == .organisation && holds(e.name) { return (e.name, e.code) }
        return nil
    }

    /// The latest organisation of the document whose name holds the head noun `head`.
    private static func named(withHead head: String, _ added: [EntityHit], _ earlier: [EntityMention]) -> (String, String?)? {
        let fold = TextFolder.shared
        func holds(_ name: String) -> Bool {
            let words = fold.fold(name).split(separator: " ")
            return words.count > 1 && words.contains { $0 == head }
        }
        for hit in added.reversed() { if let name = hit.name, holds(name) { return (name, hit.code) } }
        for e in earlier.reversed() where e.kind == .organisation && holds(e.name) { return (e.name, e.code) }
        return nil
    }

    // MARK: - Nationalities that are affiliations

    /// Person nouns a nationality qualifies: `Chilean diplomat`, `ministre vietnamien`.
    static let personNouns: Set<String> = [
        "diplomat", "diplomats", "minister", "ministers", "ambassador", "ambassadors", "envoy", "envoys", "president",
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "negotiator", "negotiators",
        "counterpart", "counterparts", "leader", "leaders", "premier", "lawmaker", "lawmakers", "senator",
        "general", "journalist", "journalists", "national", "nationals", "citizen", "citizens", "activist",
        "activists", "expert", "experts", "researcher", "researchers", "prosecutor", "judge", "chancellor", "king",
        "queen", "businessman", "delegate", "delegates", "mep", "meps", "mp", "mps", "eurodepute", "eurodeputee",
        "eurodeputes",
        // a currency: `Swiss francs`, `couronnes norvégiennes`
        "franc", "francs", "kroner", "krone", "kronor", "dollar", "dollars", "pesos", "peso", "yen", "yuan",
        "pound", "pounds", "rupee", "rupees", "shilling", "shillings", "dinar", "dinars", "dirham", "dirhams",
        "rand", "real", "reais", "won", "ringgit", "baht", "dong", "couronnes", "couronne", "livres", "livre",
        "ministre", "ministres", "vice-ministre", "diplomate", "diplomates", "ambassadeur", "ambassadrice",
        "ambassadeurs", "president", "presidente", "homologue", "homologues", "porte-parole", "negociateur",
        "negociateurs", "negociatrice", "responsable", "responsables", "dirigeant", "dirigeants", "dirigeante",
        "chef", "emissaire", "envoye", "envoyee", "journaliste", "journalistes", "ressortissant", "ressortissants",
        "experte", "militant", "militants", "depute", "deputes", "senateur", "chercheur", "chercheurs",
        "fonctionnaire", "fonctionnaires", "diplomatie", "juge", "procureur", "roi", "reine", "chancelier",
        "chanceliere", "officiel", "officiels", "delegue", "delegues",
        // a language or a cuisine: `la langue française`, `French cuisine`
        "langue", "langues", "language", "languages", "cuisine", "gastronomie",
    ]
    /// Posts whose holder speaks for the country: their nationality is the country taking part.
    static let headsOfState: Set<String> = [
        "president", "presidente", "king", "queen", "roi", "reine", "chancellor", "chancelier", "chanceliere", "emir",
        "emperor", "empereur", "sultan", "premier",
    ]
    /// Words that may stand between a nationality and its person noun: `Japanese Foreign Minister`.
    private static let titleWords: Set<String> = [
        "foreign", "deputy", "prime", "vice", "top", "senior", "former", "trade", "finance", "defence", "defense",
        "interior", "justice", "health", "economy", "security", "chief", "foreign-affairs", "affairs", "state",
        "premier", "delegue", "adjoint", "adjointe", "charge",
    ]

    /// True when the demonym at `range` qualifies a person noun, before it in English, after it in
    /// French: the nationality is the person's affiliation.
    static func isAffiliation(_ range: Range<Int>, _ tokens: [Token], demonym: Bool) -> Bool {
        guard demonym else { return false }
        /// a head of state or government acts as the country: `le président chinois`, `Indian Prime Minister X`
        func leads(_ k: Int) -> Bool {
            let f = tokens[k].folded
            if headsOfState.contains(f) { return true }
            return (f == "minister" || f == "ministre") && k > 0 && ["prime", "premier"].contains(tokens[k - 1].folded)
        }
        var k = range.upperBound
        var gap = 0
        while k < tokens.count, gap <= 2 {
            let f = tokens[k].folded
            if personNouns.contains(f) { return !leads(k) }
            guard titleWords.contains(f) else { break }
            k += 1
            gap += 1
        }
        k = range.lowerBound - 1
        gap = 0
        while k >= 0, gap <= 1 {
            let f = tokens[k].folded
            if personNouns.contains(f) { return !leads(k) }
            guard titleWords.contains(f) else { break }
            k -= 1
            gap += 1
        }
        return false
    }
}
