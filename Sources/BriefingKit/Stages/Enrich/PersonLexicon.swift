import Foundation

/// The titles data file (`Pipelines/data/titles.yaml`) as written.
struct TitlesFile: Decodable {
    var version: Int
    var ranks: [String]
    var offices: [String]
    var honorifics: [String]
    var affiliationHeads: [String: String]
    var nameParticles: [String]
    var notNames: [String]
    var sentenceStarters: [String]
    var allowNames: [String]
    var refuseCountryNames: Bool
    var titleModifiers: [String]
    var roleModifiers: [String]
    var reportingVerbs: [String]
    var subjectVerbs: [String]
    var reportingAdverbs: [String]
    var knownPeople: [String]
    var givenNames: [String]

    private enum CodingKeys: String, CodingKey {
        case version, ranks, offices, honorifics
        case affiliationHeads = "affiliation_heads"
        case nameParticles = "name_particles"
        case notNames = "not_names"
        case sentenceStarters = "sentence_starters"
        case allowNames = "allow_names"
        case refuseCountryNames = "refuse_country_names"
        case titleModifiers = "title_modifiers"
        case roleModifiers = "role_modifiers"
        case reportingVerbs = "reporting_verbs"
        case subjectVerbs = "subject_verbs"
        case reportingAdverbs = "reporting_adverbs"
        case knownPeople = "known_people"
        case givenNames = "given_names"
    }

    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: [
            "version", "ranks", "offices", "honorifics", "affiliation_heads", "name_particles", "not_names",
            "sentence_starters", "allow_names", "refuse_country_names", "title_modifiers",
            "role_modifiers", "reporting_verbs", "subject_verbs", "reporting_adverbs", "known_people",
            "given_names",
        ])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        guard version == 1 else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "unsupported version \(version) (expected 1)")
        }
        ranks = try c.decodeIfPresent([String].self, forKey: .ranks) ?? []
        offices = try c.decode([String].self, forKey: .offices)
        honorifics = try c.decodeIfPresent([String].self, forKey: .honorifics) ?? []
        affiliationHeads = try c.decodeIfPresent([String: String].self, forKey: .affiliationHeads) ?? [:]
        nameParticles = try c.decodeIfPresent([String].self, forKey: .nameParticles) ?? []
        notNames = try c.decodeIfPresent([String].self, forKey: .notNames) ?? []
        sentenceStarters = try c.decodeIfPresent([String].self, forKey: .sentenceStarters) ?? []
        allowNames = try c.decodeIfPresent([String].self, forKey: .allowNames) ?? []
        refuseCountryNames = try c.decodeIfPresent(Bool.self, forKey: .refuseCountryNames) ?? true
        titleModifiers = try c.decodeIfPresent([String].self, forKey: .titleModifiers) ?? []
        roleModifiers = try c.decodeIfPresent([String].self, forKey: .roleModifiers) ?? []
        reportingVerbs = try c.decodeIfPresent([String].self, forKey: .reportingVerbs) ?? []
        subjectVerbs = try c.decodeIfPresent([String].self, forKey: .subjectVerbs) ?? []
        reportingAdverbs = try c.decodeIfPresent([String].self, forKey: .reportingAdverbs) ?? []
        knownPeople = try c.decodeIfPresent([String].self, forKey: .knownPeople) ?? []
        givenNames = try c.decodeIfPresent([String].self, forKey: .givenNames) ?? []
    }
}

/// What the people extractor knows, built once from the titles file.
struct PersonLexicon: Sendable {
    enum TitleKind: Sendable { case rank, office, honorific }

    var titles = FoldedPhraseTable<TitleKind>()
    /// Folded title (whole, then first word) → the affiliation's head word (`ministère`).
    var affiliationHeads: [String: String] = [:]
    var particles: Set<String> = []
    /// Folded single words that are never part of a name.
    var notNameWords: Set<String> = []
    /// Folded month names: a name word only right after another name word and not before a number.
    var months: Set<String> = []
    /// Folded words that name a country but also people (`Jordan`, `Chad`): a name word even where the entity extractor found a country.
    var allowNames: Set<String> = []
    /// Folded title words that may stand between two name words (`Sheikh` in `Hassan Sheikh Mohamud`).
    var innerTitleWords: Set<String> = []
    /// Folded phrases of several words that are never part of a name (`Viet Nam`, `New York`).
    var notNamePhrases = FoldedPhraseTable<Bool>()
    var sentenceStarters: Set<String> = []
    /// Lower-case words between a title and a name (`sortant`); nationality adjectives are recognised by ending.
    var titleModifiers: Set<String> = []
    /// Lower-case words before a title that qualify it (`trade minister`, `former president`).
    var roleModifiers: Set<String> = []
    /// Verbs that make a capitalised run next to them a person: `said X`, `X a déclaré`.
    var reportingVerbs: Set<String> = []
    /// Verbs that make a capitalised run before them a person: `X told reporters`.
    var subjectVerbs: Set<String> = []
    /// Adverbs between a name and its reporting verb: `X also said`, `X a également souligné`.
    var reportingAdverbs: Set<String> = []
    /// Full names of people the press names without introducing them (`Vladimir Poutine`), folded words joined by spaces.
    var knownPeople: Set<String> = []
    /// Given names (`Aminata`, `Jean-Pierre`), folded: a run of name words opening on one is a person.
    var givenNames: Set<String> = []
    /// Country names: a ministry's complement stops before them ("ministre de la Sécurité publique | du Vietnam").
    var countries = FoldedPhraseTable<Bool>()

    /// Words that join the parts of an organisation's name inside a title's complement.
    static let connectors: Set<String> = [
        "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "contre", "pour", "sur", "of", "the", "and", "for", "against", "on",
    ]
    /// Auxiliaries between a name and a reporting verb: `X a déclaré`, `X has said`.
    static let auxiliaries: Set<String> = ["a", "avait", "aura", "ont", "avaient", "has", "had", "have", "would", "will"]
    /// Articles that follow a first particle inside a name: `de la Fuente`, `von der Leyen`, `de los Santos`.
    static let secondParticles: Set<String> = ["la", "le", "los", "las", "der", "den"]

    /// Lower-case words that end a title's complement (verbs, prepositions of place and time).
    static let boundaries: Set<String> = [
        "lors", "a", "ont", "est", "sont", "sera", "etait", "qui", "que", "qu'", "au", "aux", "a-t-il", "a-t-elle", "dans",
        "avec", "pendant", "selon", "par", "en", "ou", "ainsi", "has", "have", "had", "is", "was", "were", "will", "said",
        "who", "which", "at", "in", "during", "with", "to", "from", "as", "by",
    ]

    init(_ file: TitlesFile) {
        let fold = TextFolder.shared
        for t in file.ranks { titles.add(t, .rank) }
        for t in file.offices { titles.add(t, .office) }
        for t in file.honorifics { titles.add(t, .honorific) }
        for (title, head) in file.affiliationHeads {
            affiliationHeads[Tokenizer.tokens(title).map(\.folded).joined(separator: " ")] = head
        }
        particles = Set(file.nameParticles.map { fold.fold($0) })
        sentenceStarters = Set(file.sentenceStarters.map { fold.fold($0) })
        titleModifiers = Set(file.titleModifiers.map { fold.fold($0) })
        roleModifiers = Set(file.roleModifiers.map { fold.fold($0) })
        reportingVerbs = Set(file.reportingVerbs.map { fold.fold($0) })
        subjectVerbs = Set(file.subjectVerbs.map { fold.fold($0) })
        reportingAdverbs = Set(file.reportingAdverbs.map { fold.fold($0) })
        knownPeople = Set(file.knownPeople.map { Self.nameKey(Tokenizer.tokens($0)[...]) })
        givenNames = Set(file.givenNames.map { fold.fold($0) })
        let allowed = Set(file.allowNames.map { fold.fold($0) })
        allowNames = allowed
        var phrases = file.notNames
        let countryNames = Self.countryNames()
        for name in countryNames { countries.add(name, true) }
        if file.refuseCountryNames { phrases += countryNames + Self.cityNames() }
        // the words of titles are never names ("le Président Luong Cuong"); an acronym qualifying a title
        // ("UN Secretary-General") is not refused in another case ("Kim Jong Un")
        for t in file.ranks + file.offices {
            for tok in Tokenizer.tokens(t) where tok.kind == .word && !Self.connectors.contains(tok.folded) {
                if tok.text.count >= 2, tok.text.allSatisfy({ !$0.isLetter || $0.isUppercase }) { continue }
                notNameWords.insert(tok.folded)
            }
        }
        // a title word listed among the allowed names may stand inside a name ("Hassan Sheikh Mohamud")
        innerTitleWords = allowed.intersection(notNameWords)
        // weekdays are capitalised in English, never names; months only inside a name ("Nguyen Thi Mai Lan", "Theresa May")
        months = Set(CalendarWords.months.keys)
        notNameWords.formUnion(CalendarWords.weekdays)
        for phrase in phrases {
            let toks = Tokenizer.tokens(phrase).filter { $0.kind == .word }
            if toks.count == 1 {
                if !allowed.contains(toks[0].folded) { notNameWords.insert(toks[0].folded) }
            } else if toks.count > 1 {
                notNamePhrases.add(phrase, true)
            }
        }
    }

    /// French and English names of every region the system knows (`Viêt Nam`, `Équateur`, `Ecuador`).
    private static func countryNames() -> [String] {
        let locales = [Locale(identifier: "fr_FR"), Locale(identifier: "en_US")]
        var names: [String] = []
        for region in Locale.Region.isoRegions where region.identifier.count == 2 && region.identifier.allSatisfy(\.isLetter) {
            for locale in locales {
                if let name = locale.localizedString(forRegionCode: region.identifier) { names.append(name) }
            }
        }
        return names
    }

    /// Cities of several words the system's time zones name (`Buenos Aires`, `Phnom Penh`, `Addis Ababa`).
    private static func cityNames() -> [String] {
        TimeZone.knownTimeZoneIdentifiers.compactMap { id -> String? in
            guard let city = id.split(separator: "/").last?.replacingOccurrences(of: "_", with: " "), city.contains(" ") else { return nil }
            return city
        }
    }

    /// Endings of nationality adjectives (`français`, `américain`, `chinois`, `vietnamien`, `espagnol`).
    private static let nationalitySuffixes = ["ais", "aise", "ain", "aine", "ien", "ienne", "ois", "oise", "and", "ande", "ol", "ole", "en", "enne"]

    /// True for a lower-case word that may stand between a title and a name.
    func isTitleModifier(_ folded: String) -> Bool {
        if titleModifiers.contains(folded) { return true }
        guard folded.count >= 5, !Self.boundaries.contains(folded), !Self.connectors.contains(folded) else { return false }
        return Self.nationalitySuffixes.contains { folded.hasSuffix($0) }
    }

    /// Endings of English nationality adjectives (`Chilean`, `Ghanaian`, `Chinese`, `British`, `Israeli`).
    private static let demonymSuffixes = ["an", "ese", "ish", "i"]

    /// True for a capitalised word that may be a nationality, looked at only right before a title (`Chilean diplomat`).
    func isDemonym(_ folded: String) -> Bool {
        folded.count >= 4 && Self.demonymSuffixes.contains { folded.hasSuffix($0) }
    }

    /// The key of a run of name tokens: folded words, dots left out.
    static func nameKey(_ toks: ArraySlice<Token>) -> String {
        toks.filter { $0.kind == .word }.map(\.folded).joined(separator: " ")
    }

    /// The affiliation head for a title as written (`ministre` → `ministère`), if any.
    func affiliationHead(_ titleTokens: ArraySlice<Token>) -> String? {
        let folded = titleTokens.map(\.folded)
        if let h = affiliationHeads[folded.joined(separator: " ")] { return h }
        if let first = folded.first { return affiliationHeads[first] }
        return nil
    }
}
