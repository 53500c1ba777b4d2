/// Tells when two names are the same person: `To Lam` = `Tô Lâm`.
public enum PersonIdentity {
    /// The identity key of a name: folded (no case, no diacritics), hyphens and runs of spaces made one space.
    public static func key(_ name: String) -> String {
        words(name).joined(separator: " ")
    }

    /// The better written form of one person's name: more diacritics, then longer, then the smaller string.
    public static func preferredName(_ a: String, _ b: String) -> String {
        let da = diacriticCount(a), db = diacriticCount(b)
        if da != db { return da > db ? a : b }
        let la = a.unicodeScalars.count, lb = b.unicodeScalars.count
        if la != lb { return la > lb ? a : b }
        return min(a, b)
    }

    /// Maps each identity key to the key of the person it names in `names`.
    ///
    /// Keys are equal for the same folded name. Conservatively, a name of at least two words that is the
    /// strict prefix or suffix of exactly one longer name (`Tam Quang` in `Luong Tam Quang`) joins it.
    public static func canonicalKeys(_ names: [String]) -> [String: String] {
        let keys = Set(names.map(key))
        // every strict prefix and suffix of two words or more → the longer names that hold it
        var holders: [String: Set<String>] = [:]
        for k in keys {
            let w = k.split(separator: " ")
            guard w.count >= 3 else { continue }
            for n in 2..<w.count {
                holders[w.prefix(n).joined(separator: " "), default: []].insert(k)
                holders[w.suffix(n).joined(separator: " "), default: []].insert(k)
            }
        }
        var result: [String: String] = [:]
        for k in keys {
            if let h = holders[k], h.count == 1, let longer = h.first { result[k] = longer } else { result[k] = k }
        }
        // follow chains (a ⊂ b ⊂ c) to the longest name
        for k in result.keys {
            var target = result[k] ?? k
            var steps = 0
            while let next = result[target], next != target, steps < 8 { target = next; steps += 1 }
            result[k] = target
        }
        return result
    }

    /// Gives every mention of one person the same `name`: the most accented, longest form written for them.
    public static func unify(_ mentions: [PersonMention]) -> [PersonMention] {
        let canonical = canonicalKeys(mentions.map(\.name))
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
        return mentions.map { m in
            var m = m
            let k = canonical[key(m.name)] ?? key(m.name)
            if let name = best[k], key(name) == k { m.name = name }
            return m
        }
    }

    private static func words(_ name: String) -> [String] {
        TextFolder.shared.fold(name)
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" || $0 == "\t" })
            .map(String.init)
    }

    private static func diacriticCount(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { count, scalar in
            scalar.value >= 0x80 && scalar.properties.isAlphabetic ? count + 1 : count
        }
    }
}
