import Foundation

/// The countries data file (`Pipelines/data/countries.yaml`) as written.
struct CountriesFile: Decodable, Sendable {
    /// ISO 3166-1 alpha-2 → alpha-3; the regions listed here are the countries.
    var alpha3: [String: String]
    /// ICU names that must not match on their own (folded forms).
    var dropNames: [String]
    /// Names that count only when no other capitalised word stands next to them.
    var guardedNames: [String]
    var countries: [String: CountryEntry]
    var groups: [GroupEntry]

    struct CountryEntry: Decodable, Sendable {
        var displayName: String?
        var aliases: [String]
        var demonyms: [String]

        enum CodingKeys: String, CodingKey { case displayName = "display_name", aliases, demonyms }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.entityKeyNames)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            displayName = try c.decodeIfPresent(String.self, forKey: .displayName)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            demonyms = try c.decodeIfPresent([String].self, forKey: .demonyms) ?? []
        }
    }

    struct GroupEntry: Decodable, Sendable {
        var id: String
        var name: String
        var aliases: [String]

        enum CodingKeys: String, CodingKey { case id, name, aliases }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.entityKeyNames)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            name = try c.decode(String.self, forKey: .name)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    enum CodingKeys: String, CodingKey {
        case version, alpha3, dropNames = "drop_names", guardedNames = "guarded_names", countries, groups
    }

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.entityKeyNames)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let version = try c.decodeIfPresent(Int.self, forKey: .version), version != 1 {
            throw YAMLLoader.invalid(decoder, "version", "unsupported version \(version) (expected 1)")
        }
        alpha3 = try c.decode([String: String].self, forKey: .alpha3)
        for (a2, a3) in alpha3 where !Self.isCode(a2, length: 2) || !Self.isCode(a3, length: 3) {
            throw YAMLLoader.invalid(decoder, "alpha3", "'\(a2): \(a3)' is not an alpha-2 code and its alpha-3 code in capitals")
        }
        dropNames = try c.decodeIfPresent([String].self, forKey: .dropNames) ?? []
        guardedNames = try c.decodeIfPresent([String].self, forKey: .guardedNames) ?? []
        countries = try c.decodeIfPresent([String: CountryEntry].self, forKey: .countries) ?? [:]
        for code in countries.keys where alpha3[code] == nil {
            throw YAMLIssue("'\(code)' is not a country listed under alpha3", target: .key)
                .decodingError(at: decoder.codingPath + [CodingKeys.countries, AnyKey(code)])
        }
        groups = try c.decodeIfPresent([GroupEntry].self, forKey: .groups) ?? []
    }

    private static func isCode(_ s: String, length: Int) -> Bool {
        s.scalarCount == length && s.unicodeScalars.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A }
    }
}

extension CodingKey where Self: CaseIterable {
    static var entityKeyNames: [String] { allCases.map(\.stringValue) }
}

extension CountriesFile.CountryEntry.CodingKeys: CaseIterable {}
extension CountriesFile.GroupEntry.CodingKeys: CaseIterable {}
extension CountriesFile.CodingKeys: CaseIterable {}

/// Builds the country and group patterns: ICU names in French and English, plus the data file's extras.
enum CountryLexicon {
    /// Two-letter ICU regions that are not countries, used when no data file says which are.
    static let builtInNonCountries: Set<String> = ["AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "ZZ"]

    /// How sure a source is that a phrase names this entity: data aliases beat ICU names, which beat
    /// forms derived from ICU names; two entities claiming a phrase at the same level drop it.
    private enum Priority: Int { case derived = 1, icu = 2, data = 3 }

    private struct Claim {
        var phrase: String
        var target: Int
        var priority: Priority
        var demonym: Bool
        var ambiguous = false
    }

    /// Appends targets for every country and group and their patterns to `index`.
    static func build(_ file: CountriesFile?, targets: inout [EntityTarget], index: inout EntityPhraseIndex) {
        let fr = Locale(identifier: "fr")
        let en = Locale(identifier: "en")
        let regions = Locale.Region.isoRegions.map(\.identifier).filter { $0.scalarCount == 2 }
        let codes: [String]
        if let file {
            codes = file.alpha3.keys.sorted()
        } else {
            codes = regions.filter { !builtInNonCountries.contains($0) }.sorted()
        }
        let known = Set(regions)
        var claims: [String: Claim] = [:]
        var order: [String] = []

        func claim(_ phrase: String, _ target: Int, _ priority: Priority, demonym: Bool = false) {
            let key = EntityPattern.key(phrase)
            guard !key.isEmpty else { return }
            if var old = claims[key] {
                if priority.rawValue > old.priority.rawValue {
                    claims[key] = Claim(phrase: phrase, target: target, priority: priority, demonym: demonym)
                } else if priority == old.priority, old.target != target {
                    old.ambiguous = true
                    claims[key] = old
                } else if priority == old.priority, EntityPattern.capitals(phrase) < EntityPattern.capitals(old.phrase) {
                    // the same words for the same entity: keep the form with the looser case rule
                    old.phrase = phrase
                    old.demonym = old.demonym || demonym
                    claims[key] = old
                }
            } else {
                claims[key] = Claim(phrase: phrase, target: target, priority: priority, demonym: demonym)
                order.append(key)
            }
        }

        for code in codes {
            let entry = file?.countries[code]
            let icuFrench = known.contains(code) ? fr.localizedString(forRegionCode: code) : nil
            guard let name = entry?.displayName ?? icuFrench else { continue }
            let target = targets.count
            targets.append(EntityTarget(kind: .country, name: name, alpha2: code, code: file?.alpha3[code]))
            for (locale, icuName) in [(fr, icuFrench), (en, known.contains(code) ? en.localizedString(forRegionCode: code) : nil)] {
                guard let icuName else { continue }
                claim(icuName, target, .icu)
                for variant in variants(of: icuName, english: locale == en) { claim(variant, target, .derived) }
            }
            if let display = entry?.displayName { claim(display, target, .data) }
            for alias in entry?.aliases ?? [] { claim(alias, target, .data) }
            for demonym in entry?.demonyms ?? [] {
                claim(demonym, target, .data, demonym: true)
                for form in inflections(of: demonym) { claim(form, target, .derived, demonym: true) }
            }
        }
        for group in file?.groups ?? [] {
            let target = targets.count
            targets.append(EntityTarget(kind: .group, name: group.name, code: group.id))
            claim(group.name, target, .data)
            for alias in group.aliases { claim(alias, target, .data) }
        }

        let dropped = Set((file?.dropNames ?? []).map(EntityPattern.key))
        let guarded = Set((file?.guardedNames ?? []).map(EntityPattern.key))
        for key in order {
            guard let c = claims[key], !c.ambiguous else { continue }
            if c.priority != .data, dropped.contains(key) { continue }
            guard var pattern = EntityPattern(c.phrase, layer: .place, target: c.target) else { continue }
            pattern.guarded = guarded.contains(key)
            pattern.demonym = c.demonym
            index.add(pattern)
        }
    }

    /// The feminine and plural forms of a French demonym written in the masculine singular
    /// (`chilien` → `chilienne`, `chiliens`, `chiliennes`); none for a capitalised (English) one.
    static func inflections(of demonym: String) -> [String] {
        guard let first = demonym.unicodeScalars.first, first.properties.isLowercase, !demonym.contains(" ") else { return [] }
        if demonym.hasSuffix("en") { return [demonym + "ne", demonym + "s", demonym + "nes"] }
        if demonym.hasSuffix("s") || demonym.hasSuffix("x") { return [demonym + "e", demonym + "es"] }
        if demonym.hasSuffix("e") { return [demonym + "s"] }
        return [demonym + "e", demonym + "s", demonym + "es"]
    }

    /// Other spellings of an ICU name: without its parenthesis (`Myanmar (Birmanie)`), and in
    /// English with `and` for `&` and `Saint` for `St.`.
    static func variants(of name: String, english: Bool) -> [String] {
        var out: [String] = []
        let plain = name.replacingOccurrences(of: "\u{2019}", with: "'")
        if let open = plain.firstIndex(of: "("), let close = plain.lastIndex(of: ")"), open < close {
            let inner = String(plain[plain.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            let outer = String(plain[..<open]).trimmingCharacters(in: .whitespaces)
            out.append(outer)
            if !inner.isEmpty, inner.first?.isUppercase == true, !inner.contains(" ") { out.append(inner) }
        }
        if english {
            for base in [plain] + out where base.contains("&") { out.append(base.replacingOccurrences(of: "&", with: "and")) }
            for base in [plain] + out where base.hasPrefix("St. ") { out.append("Saint " + base.dropFirst(4)) }
        }
        return out
    }
}
