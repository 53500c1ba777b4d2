/// Tells when two names are the same person: `To Lam` = `Tô Lâm`, `Kwame Mensah` = `Kwame A. Mensah`,
/// and `Mensah` alone = the one `… Mensah` of the document.
public enum PersonIdentity {
    /// The identity key of a name: folded (no case, no diacritics), without the dots of initials,
    /// hyphens and runs of spaces made one space.
    public static func key(_ name: String) -> String {
        words(name).joined(separator: " ")
    }

    /// The better written form of one person's name: more diacritics, then longer, then the smaller string.
    public static func preferredName(_ a: String, _ b: String) -> String {
        let da = diacriticCount(a), db = diacriticCount(b)
        if da != db { return da > db ? a : b }
        let la = a.scalarCount, lb = b.scalarCount
        if la != lb { return la > lb ? a : b }
        return min(a, b)
    }

    /// The one name of `names` (of two words or more) that `surname` ends, or failing that contains; nil when
    /// none or several people could be meant.
    public static func fullName(ofSurname surname: String, among names: [String]) -> String? {
        let s = key(surname)
        guard !s.isEmpty, isLoneSurname(surname) else { return nil }
        var byKey: [String: String] = [:]
        for name in names where !isLoneSurname(name) { byKey[key(name)] = name }
        return resolve(s, among: Array(byKey.keys)).flatMap { byKey[$0] }
    }

    /// True for a surname alone: one capitalised word, with or without particles (`Mensah`, `Souza-Agbo`, `de La Tour`).
    public static func isLoneSurname(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        // "de La Tour", "von der Leyen": a name that opens on a particle is a surname
        if let first = words.first?.first, first.isLowercase { return true }
        return words.filter { $0.first?.isUppercase ?? false }.count <= 1
    }

    /// The one full key that `lone` ends, or failing that holds as whole words.
    private static func resolve(_ lone: String, among fullKeys: [String]) -> String? {
        if let k = unique(fullKeys.filter { $0.hasSuffix(" " + lone) }) { return k }
        return unique(fullKeys.filter { (" " + $0 + " ").contains(" " + lone + " ") && $0 != lone })
    }

    /// Maps each identity key to the key of the person it names in `names`.
    ///
    /// Keys are equal for the same folded name. Conservatively, a name of at least two words that is the
    /// strict prefix or suffix of exactly one longer name (`Tam Quang` in `Luong Tam Quang`) joins it; a name
    /// that differs from a longer one only by initials (`Kwame Mensah`, `Kwame A. Mensah`) or by word order
    /// joins it; one word joins the one name it ends (or, failing that, holds); otherwise it stays alone.
    public static func canonicalKeys(_ names: [String]) -> [String: String] {
        let keys = Set(names.map(key))
        let loneKeys = Set(names.filter(isLoneSurname).map(key)).subtracting(names.filter { !isLoneSurname($0) }.map(key))
        // every strict prefix and suffix of two words or more → the longer names that hold it
        var holders: [String: Set<String>] = [:]
        // the words without initials, in order → names
        var sorted: [String: Set<String>] = [:]
        for k in keys {
            let w = k.split(separator: " ").map(String.init)
            let full = w.filter { $0.count > 1 }.sorted()
            if full.count >= 2 { sorted[full.joined(separator: " "), default: []].insert(k) }
            guard w.count >= 3 else { continue }
            for n in 2..<w.count {
                holders[w.prefix(n).joined(separator: " "), default: []].insert(k)
                holders[w.suffix(n).joined(separator: " "), default: []].insert(k)
            }
        }
        let fullKeys = Array(keys.subtracting(loneKeys))
        var result: [String: String] = [:]
        for k in keys {
            let w = k.split(separator: " ").map(String.init)
            // lone surnames are resolved below, once every full name has its person
            if loneKeys.contains(k) { continue }
            if let h = holders[k], h.count == 1, let longer = h.first { result[k] = longer; continue }
            let full = w.filter { $0.count > 1 }.sorted()
            if full.count >= 2, let same = sorted[full.joined(separator: " ")], same.count > 1 {
                // the form with the most words (initials included), then the smallest string
                let target = same.max { a, b in
                    let ca = a.split(separator: " ").count, cb = b.split(separator: " ").count
                    return ca != cb ? ca < cb : a > b
                } ?? k
                // never two different initials: `Nguyen Van A` is not `Nguyen Van B`
                let initials = Set(w.filter { $0.count == 1 })
                if initials.isSubset(of: Set(target.split(separator: " ").map(String.init).filter { $0.count == 1 })) {
                    result[k] = target
                    continue
                }
            }
            result[k] = k
        }
        // follow chains (a ⊂ b ⊂ c) to the longest name
        for k in result.keys {
            var target = result[k] ?? k
            var steps = 0
            while let next = result[target], next != target, steps < 8 { target = next; steps += 1 }
            result[k] = target
        }
        // a lone surname names the one person (however many forms are written for them) whose name ends with it,
        // or failing that holds it as whole words
        for k in loneKeys {
            let ending = Set(fullKeys.filter { $0.hasSuffix(" " + k) }.map { result[$0] ?? $0 })
            let holding = Set(fullKeys.filter { (" " + $0 + " ").contains(" " + k + " ") }.map { result[$0] ?? $0 })
            result[k] = ending.count == 1 ? ending.first : (ending.isEmpty && holding.count == 1 ? holding.first : k)
        }
        return result
    }

    /// Gives every mention of one person the same `name`: the most accented, longest form written for them.
    /// A lone word that names no one else in the mentions (`Mensah` with no `… Mensah`) is left out: a
    /// surname alone never makes a person — unless a title or a courtesy title introduces it (`M. Haddad`,
    /// `President Biden`) and no fuller name of the document holds it.
    public static func unify(_ mentions: [PersonMention]) -> [PersonMention] {
        let canonical = canonicalKeys(mentions.map(\.name))
        var loneKeys = Set(mentions.map(\.name).filter(isLoneSurname).map(key)).subtracting(mentions.map(\.name).filter { !isLoneSurname($0) }.map(key))
        // "M. Haddad", "President Biden" with no fuller name anywhere: a title or a courtesy title makes the surname a person
        let fullKeys = mentions.map(\.name).filter { !isLoneSurname($0) }.map { " " + key($0) + " " }
        let titled = Set(mentions.filter { isLoneSurname($0.name) && ($0.title != nil || key($0.surface) != key($0.name)) }.map { key($0.name) })
        loneKeys = loneKeys.filter { k in !titled.contains(k) || fullKeys.contains { $0.contains(" " + k + " ") } }
        var best: [String: String] = [:]
        for m in mentions {
            let k = canonical[key(m.name)] ?? key(m.name)
            // a shorter form (Tam Quang) never replaces the full name
            let sameLength = key(m.name) == k
            if let current = best[k] {
                if sameLength { best[k] = key(current) == k ? preferredName(current, m.name) : m.name }
            } else {
                best[k] = m.name
            }
        }
        return mentions.compactMap { m in
            var m = m
            let k = canonical[key(m.name)] ?? key(m.name)
            guard !loneKeys.contains(k) else { return nil }
            if let name = best[k], key(name) == k { m.name = name }
            return m
        }
    }

    private static func unique(_ keys: [String]) -> String? {
        keys.count == 1 ? keys.first : nil
    }

    private static func words(_ name: String) -> [String] {
        TextFolder.shared.fold(name)
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" || $0 == "\t" || $0 == "." })
            .map(String.init)
    }

    private static func diacriticCount(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { count, scalar in
            scalar.value >= 0x80 && scalar.properties.isAlphabetic ? count + 1 : count
        }
    }
}
