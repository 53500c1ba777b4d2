import Foundation

/// The trigger phrases and actor words of `Pipelines/data/commitments.yaml`, compiled once.
public struct CommitmentLexicon: Sendable {
    struct Trigger: Sendable {
        var pattern: KeywordPattern
        var notAfter: Set<String>
        var notBefore: Set<String>
        /// Words that cancel the phrase when a gap (`…`) of it skips them (`announced that … million`).
        var notInGap: Set<String>
        /// Words that cancel the phrase when it ends with one of them (`veut croire`, `veut dire`).
        var notLast: Set<String>
        /// The subject follows the phrase (`comme le proposent les pays en développement`).
        var subjectAfter: Bool
        /// `a assuré que ses membres investiraient`: the `{actor}` slot must name an actor, but the
        /// actor is the main clause's subject (the one who gives the word) when it names one.
        var speakerFirst = false
    }

    let triggers: [Trigger]
    let patterns: KeywordPatternSet
    let nonActors: Set<String>
    let personHeads: Set<String>
    let groupHeads: Set<String>
    /// Nouns that, after `the`/`l'`, stand for the last organisation named (`the agency`, `l'organisation`).
    let organisationHeads: Set<String>
    /// Nouns that, after `the`/`le`, stand for the last country named (`the country`).
    let countryHeads: Set<String>
    /// The actor of an enumerated subject of common nouns (`participants`).
    public let listActor: String
    /// The actor of a pronoun that cannot be resolved.
    public let unknownActor: String
    /// The actor of `je`/`nous` when no speaker is known.
    public let speakerActor: String

    /// The default data file below a repository root: `<root>/Pipelines/data/commitments.yaml`.
    public static func defaultFile(root: String) -> String { root + "/Pipelines/data/commitments.yaml" }

    /// Loads the file at `path`; throws `ConfigError` with the place of the problem.
    public init(file path: String) throws {
        let text = try YAMLLoader.read(path)
        try self.init(yaml: text, file: path)
    }

    /// Builds the lexicon from YAML `text`; `file` names it in errors.
    public init(yaml text: String, file: String) throws {
        let data = try YAMLLoader.decode(CommitmentsFile.self, from: text, file: file)
        let folder = TextFolder.shared
        var triggers: [Trigger] = []
        var set = KeywordPatternSet()
        for (i, entry) in data.triggers.enumerated() {
            do {
                let pattern = try KeywordPattern(entry.pattern)
                set.add(pattern)
                triggers.append(Trigger(pattern: pattern,
                                        notAfter: Set((entry.notAfter ?? []).map { folder.fold($0) }),
                                        notBefore: Set((entry.notBefore ?? []).map { folder.fold($0) }),
                                        notInGap: Set((entry.notInGap ?? []).map { folder.fold($0) }),
                                        notLast: Set((entry.notLast ?? []).map { folder.fold($0) }),
                                        subjectAfter: entry.subject == .after, speakerFirst: entry.subject == .speaker))
            } catch {
                throw YAMLLoader.error(error.message, at: [AnyKey("triggers"), AnyKey(index: i),
                                                AnyKey("pattern")], text: text, file: file)
            }
        }
        self.triggers = triggers
        self.patterns = set
        self.nonActors = Set((data.nonActors ?? []).map { folder.fold($0) })
        self.personHeads = Set((data.personHeads ?? []).map { folder.fold($0) })
        self.groupHeads = Set((data.groupHeads ?? []).map { folder.fold($0) })
        self.organisationHeads = Set((data.organisationHeads ?? []).map { folder.fold($0) })
        self.countryHeads = Set((data.countryHeads ?? []).map { folder.fold($0) })
        self.listActor = data.listActor ?? "participants"
        self.unknownActor = data.unknownActor ?? "inconnu"
        self.speakerActor = data.speakerActor ?? "orateur"
    }

    /// Words that cancel a trigger right before it or inside it.
    static let negations: Set<String> = ["not", "never", "pas", "jamais", "refused", "declined", "refuse", "refusent"]

    /// Relative pronouns that open a clause of their own inside a gap.
    static let relatives: Set<String> = ["qui", "dont", "who", "which", "that", "whose"]

    /// Non-overlapping trigger matches of a sentence, leftmost-longest, honouring `notAfter`/`notBefore`.
    func matches(in tokens: [Token]) -> [(pattern: Int, match: KeywordPattern.Match)] {
        patterns.longestMatches(in: tokens, range: 0..<tokens.count) { p, m in
            let t = triggers[p]
            if m.range.lowerBound > 0, t.notAfter.contains(tokens[m.range.lowerBound - 1].folded) { return false }
            if m.range.upperBound < tokens.count, t.notBefore.contains(tokens[m.range.upperBound].folded) { return false }
            // `did not pledge`, `n'a pas promis`, `will not provide`
            let before = max(0, m.range.lowerBound - 2)..<m.range.lowerBound
            if before.contains(where: { Self.negations.contains(tokens[$0].folded) }) { return false }
            // a negation inside a relative clause of the gap is not the trigger's (`urged countries that have not yet paid to …`)
            if m.gaps.contains(where: { g in
                g.contains { i in
                    Self.negations.contains(tokens[i].folded)
                        && !(g.lowerBound..<i).contains { Self.relatives.contains(tokens[$0].folded) }
                }
            }) { return false }
            if !t.notLast.isEmpty, t.notLast.contains(tokens[m.range.upperBound - 1].folded) { return false }
            if !t.notInGap.isEmpty, m.gaps.contains(where: { g in g.contains { t.notInGap.contains(tokens[$0].folded) } }) {
                return false
            }
            return true
        }
    }
}

private struct CommitmentsFile: Decodable {
    var triggers: [Entry]
    var nonActors: [String]?
    var personHeads: [String]?
    var groupHeads: [String]?
    var organisationHeads: [String]?
    var countryHeads: [String]?
    var listActor: String?
    var unknownActor: String?
    var speakerActor: String?

    struct Entry: Decodable {
        enum Subject: String, Decodable { case before, after, speaker }
        var pattern: String
        var notAfter: [String]?
        var notBefore: [String]?
        var notInGap: [String]?
        var notLast: [String]?
        var subject: Subject?

        private enum CodingKeys: String, CodingKey { case pattern, notAfter, notBefore, notInGap, notLast, note, subject }
        init(from decoder: Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: ["pattern", "notAfter", "notBefore", "notInGap", "notLast", "note", "subject"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            pattern = try c.decode(String.self, forKey: .pattern)
            subject = try c.decodeIfPresent(Subject.self, forKey: .subject)
            notAfter = try c.decodeIfPresent([String].self, forKey: .notAfter)
            notBefore = try c.decodeIfPresent([String].self, forKey: .notBefore)
            notInGap = try c.decodeIfPresent([String].self, forKey: .notInGap)
            notLast = try c.decodeIfPresent([String].self, forKey: .notLast)
            _ = try c.decodeIfPresent(String.self, forKey: .note)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case triggers, nonActors, personHeads, groupHeads, organisationHeads, countryHeads, listActor, unknownActor, speakerActor
    }
    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: ["triggers", "nonActors", "personHeads", "groupHeads",
                                                     "organisationHeads", "countryHeads", "listActor", "unknownActor", "speakerActor"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        triggers = try c.decode([Entry].self, forKey: .triggers)
        nonActors = try c.decodeIfPresent([String].self, forKey: .nonActors)
        personHeads = try c.decodeIfPresent([String].self, forKey: .personHeads)
        groupHeads = try c.decodeIfPresent([String].self, forKey: .groupHeads)
        organisationHeads = try c.decodeIfPresent([String].self, forKey: .organisationHeads)
        countryHeads = try c.decodeIfPresent([String].self, forKey: .countryHeads)
        listActor = try c.decodeIfPresent(String.self, forKey: .listActor)
        unknownActor = try c.decodeIfPresent(String.self, forKey: .unknownActor)
        speakerActor = try c.decodeIfPresent(String.self, forKey: .speakerActor)
    }
}
