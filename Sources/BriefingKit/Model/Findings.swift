/// Where a finding comes from: document, paragraph, sentence and characters.
public struct Provenance: Sendable, Hashable, Codable {
    public var documentID: String
    public var paragraphID: String
    /// 1-based index of the sentence inside the paragraph.
    public var sentenceIndex: Int
    public var sentence: String
    /// Offsets in Unicode scalars from the start of the paragraph, end exclusive.
    public var start: Int
    public var end: Int

    public init(documentID: String, paragraphID: String, sentenceIndex: Int, sentence: String, start: Int, end: Int) {
        self.documentID = documentID
        self.paragraphID = paragraphID
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.start = start
        self.end = end
    }
}

/// A country, organisation or group of countries named in the text.
public struct EntityMention: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case country, organisation, group }
    public var kind: Kind
    /// Canonical name (French for countries, the lexicon's name for organisations).
    public var name: String
    /// ISO 3166 alpha-2 for countries, nil otherwise.
    public var alpha2: String?
    /// ISO 3166 alpha-3 for countries, the lexicon's id for organisations and groups.
    public var code: String?
    /// The words as written.
    public var surface: String
    /// Roles the sentence gives the entity: signatory, speaker, host, organiser.
    public var roles: [String]
    public var provenance: Provenance

    public init(kind: Kind, name: String, alpha2: String? = nil, code: String? = nil, surface: String,
                roles: [String] = [], provenance: Provenance) {
        self.kind = kind
        self.name = name
        self.alpha2 = alpha2
        self.code = code
        self.surface = surface
        self.roles = roles
        self.provenance = provenance
    }
}

/// A person, with the title and affiliation the text gives them.
public struct PersonMention: Sendable, Hashable, Codable {
    /// The name as one person is known across the corpus (accents kept, longest form).
    public var name: String
    public var surface: String
    public var title: String?
    public var affiliation: String?
    public var provenance: Provenance

    public init(name: String, surface: String, title: String? = nil, affiliation: String? = nil, provenance: Provenance) {
        self.name = name
        self.surface = surface
        self.title = title
        self.affiliation = affiliation
        self.provenance = provenance
    }
}

/// A date or time of day, resolved against the document's own date.
public struct DateMention: Sendable, Hashable, Codable {
    public var surface: String
    public var date: PartialDate?
    /// `morning`, `afternoon`, `evening` when the text says so.
    public var timeOfDay: String?
    public var provenance: Provenance

    public init(surface: String, date: PartialDate?, timeOfDay: String? = nil, provenance: Provenance) {
        self.surface = surface
        self.date = date
        self.timeOfDay = timeOfDay
        self.provenance = provenance
    }
}

/// A stated figure: a number, its qualifier and the thing it counts.
public struct FigureMention: Sendable, Hashable, Codable {
    public var surface: String
    public var value: Double
    /// Normalised qualifier: `about`, `more-than`, `less-than`, `at-least`, `nearly`, or nil for an exact figure.
    public var qualifier: String?
    /// The qualifier as written (`près de`).
    public var qualifierText: String?
    /// Normalised metric (`countries`, `signatory-countries`, `delegations`, `delegates`, …).
    public var metric: String
    /// The counted words as written.
    public var unitText: String
    /// The date the figure refers to, when the text says it.
    public var asOf: PartialDate?
    /// What the counted things did, when the sentence says so (`speakers`: "ont pris la parole");
    /// figures of one metric with different roles count different things.
    public var role: String?
    public var provenance: Provenance

    public init(surface: String, value: Double, qualifier: String? = nil, qualifierText: String? = nil,
                metric: String, unitText: String, asOf: PartialDate? = nil, role: String? = nil, provenance: Provenance) {
        self.surface = surface
        self.value = value
        self.qualifier = qualifier
        self.qualifierText = qualifierText
        self.metric = metric
        self.unitText = unitText
        self.asOf = asOf
        self.role = role
        self.provenance = provenance
    }
}

/// A commitment or call to action: who, what, on which themes.
public struct CommitmentMention: Sendable, Hashable, Codable {
    /// The actor as written.
    public var actorText: String
    /// The normalised actor (country, organisation, person or group name).
    public var actor: String
    /// `country`, `organisation`, `person` or `group`.
    public var actorKind: String
    /// The words that make it a commitment (`s'engage à`, `appelle`).
    public var trigger: String
    /// The action in a short phrase.
    public var action: String
    public var themes: [String]
    public var date: PartialDate?
    public var provenance: Provenance

    public init(actorText: String, actor: String, actorKind: String, trigger: String, action: String,
                themes: [String], date: PartialDate? = nil, provenance: Provenance) {
        self.actorText = actorText
        self.actor = actor
        self.actorKind = actorKind
        self.trigger = trigger
        self.action = action
        self.themes = themes
        self.date = date
        self.provenance = provenance
    }
}

/// Everything enrich found in one document.
public struct Findings: Sendable, Codable {
    public var entities: [EntityMention] = []
    public var people: [PersonMention] = []
    public var dates: [DateMention] = []
    public var figures: [FigureMention] = []
    public var commitments: [CommitmentMention] = []
    /// Full names written without a title or a verb of speech (`devant Jeanne Roux, qui …`): not people
    /// until a later surname alone (`Mme Roux a dénoncé`) names them. Read and written by the people extractor only.
    public var personCandidates: [PersonMention] = []

    public init() {}

    public var count: Int { entities.count + people.count + dates.count + figures.count + commitments.count }

}
