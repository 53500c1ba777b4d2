/// The organisations data file (`Pipelines/data/organisations.yaml`) as written.
struct OrganisationsFile: Decodable, Sendable {
    static let categories = ["un-body", "government", "party", "agency", "media", "company", "other"]
    static let roleNames = ["signatory", "speaker", "host", "organiser"]

    var organisations: [Organisation]
    /// Phrases that name no entity and hide the names inside them (the treaty's own name).
    var blocked: [String]
    var roles: [RoleTriggers]

    struct Organisation: Decodable, Sendable {
        var id: String
        var name: String
        /// The canonical name in English sentences, when it differs.
        var nameEn: String?
        var kind: String
        var aliases: [String]
        var contextual: [ContextualAlias]
        var roles: [String]

        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, nameEn = "name_en", kind, aliases, contextual, roles }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.entityKeyNames)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            name = try c.decode(String.self, forKey: .name)
            nameEn = try c.decodeIfPresent(String.self, forKey: .nameEn)
            kind = try c.decode(String.self, forKey: .kind)
            guard OrganisationsFile.categories.contains(kind) else {
                throw YAMLLoader.invalid(decoder, "kind", "unknown kind '\(kind)' (expected one of: \(OrganisationsFile.categories.joined(separator: ", ")))")
            }
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            contextual = try c.decodeIfPresent([ContextualAlias].self, forKey: .contextual) ?? []
            roles = try c.decodeIfPresent([String].self, forKey: .roles) ?? []
            for role in roles where !OrganisationsFile.roleNames.contains(role) {
                throw YAMLLoader.invalid(decoder, "roles", "unknown role '\(role)' (expected one of: \(OrganisationsFile.roleNames.joined(separator: ", ")))")
            }
        }
    }

    /// An alias that names the organisation only between given words (`du Parti et`).
    struct ContextualAlias: Decodable, Sendable {
        var alias: String
        var previous: [String]?
        var next: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable { case alias, previous, next }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.entityKeyNames)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            alias = try c.decode(String.self, forKey: .alias)
            previous = try c.decodeIfPresent([String].self, forKey: .previous)
            next = try c.decodeIfPresent([String].self, forKey: .next)
        }
    }

    /// The words that give an entity a role, by where the entity stands.
    struct RoleTriggers: Decodable, Sendable {
        var role: String
        /// Words that follow the entity they are about (`le Vietnam a signé`).
        var entityFirst: [String]
        /// Words that come before the entity they are about (`signé par le Vietnam`).
        var triggerFirst: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case role, entityFirst = "entity_first", triggerFirst = "trigger_first"
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.entityKeyNames)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            role = try c.decode(String.self, forKey: .role)
            guard OrganisationsFile.roleNames.contains(role) else {
                throw YAMLLoader.invalid(decoder, "role", "unknown role '\(role)' (expected one of: \(OrganisationsFile.roleNames.joined(separator: ", ")))")
            }
            entityFirst = try c.decodeIfPresent([String].self, forKey: .entityFirst) ?? []
            triggerFirst = try c.decodeIfPresent([String].self, forKey: .triggerFirst) ?? []
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case version, organisations, blocked, roles }

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.entityKeyNames)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let version = try c.decodeIfPresent(Int.self, forKey: .version), version != 1 {
            throw YAMLLoader.invalid(decoder, "version", "unsupported version \(version) (expected 1)")
        }
        organisations = try c.decodeIfPresent([Organisation].self, forKey: .organisations) ?? []
        blocked = try c.decodeIfPresent([String].self, forKey: .blocked) ?? []
        roles = try c.decodeIfPresent([RoleTriggers].self, forKey: .roles) ?? []
        // The same alias for two organisations would make the result depend on the file's order.
        var owner: [String: String] = [:]
        for (i, org) in organisations.enumerated() {
            for (j, alias) in org.aliases.enumerated() {
                let key = EntityPattern.key(alias)
                if let other = owner[key], other != org.id {
                    throw YAMLIssue("alias '\(alias)' already names '\(other)'").decodingError(
                        at: decoder.codingPath + [CodingKeys.organisations, AnyKey(index: i),
                                                  Organisation.CodingKeys.aliases, AnyKey(index: j)])
                }
                owner[key] = org.id
            }
        }
    }
}

/// Builds organisation and blocked-phrase patterns from the organisations data file.
enum OrganisationLexicon {
    /// Appends a target per organisation and the patterns of its aliases and the blocked phrases.
    static func build(_ file: OrganisationsFile, targets: inout [EntityTarget], index: inout EntityPhraseIndex) {
        for phrase in file.blocked {
            if let pattern = EntityPattern(phrase, layer: .blocked, target: -1) { index.add(pattern) }
        }
        for org in file.organisations {
            let target = targets.count
            targets.append(EntityTarget(kind: .organisation, name: org.name, code: org.id, category: org.kind, roles: org.roles,
                                        englishName: org.nameEn))
            // one pattern per set of words; of two spellings, the one with the looser case rule
            var forms: [String: String] = [:]
            var order: [String] = []
            for alias in [org.name] + (org.nameEn.map { [$0] } ?? []) + org.aliases {
                let key = EntityPattern.key(alias)
                if let old = forms[key] {
                    if EntityPattern.capitals(alias) < EntityPattern.capitals(old) { forms[key] = alias }
                } else {
                    forms[key] = alias
                    order.append(key)
                }
            }
            for key in order {
                if let alias = forms[key], let pattern = EntityPattern(alias, layer: .organisation, target: target) {
                    index.add(pattern)
                }
            }
            for contextual in org.contextual {
                guard var pattern = EntityPattern(contextual.alias, layer: .organisation, target: target) else { continue }
                pattern.previous = contextual.previous.map { Set($0.map { TextFolder.shared.fold($0) }) }
                pattern.next = contextual.next.map { Set($0.map { TextFolder.shared.fold($0) }) }
                index.add(pattern)
            }
        }
    }
}
