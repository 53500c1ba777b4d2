/// The themes of commitments (`capacity-building`, `ratification`, …) with their labels and keywords,
/// loaded once from `Pipelines/data/themes.yaml`.
public struct ThemeLexicon: Sendable {
    /// One theme of the data file.
    public struct Theme: Sendable, Hashable {
        public var id: String
        /// French label.
        public var fr: String
        /// English label.
        public var en: String
    }

    /// The themes in file order.
    public let themes: [Theme]
    /// The id given when no keyword matches (`other`).
    public let fallback: String
    private let index: [String: Int]
    private let patterns: KeywordPatternSet
    /// Theme index of each pattern of `patterns`.
    private let patternTheme: [Int]

    /// The default data file below a repository root: `<root>/Pipelines/data/themes.yaml`.
    public static func defaultFile(root: String) -> String { root + "/Pipelines/data/themes.yaml" }

    /// Loads the themes file at `path`; throws `ConfigError` with the place of the problem.
    public init(file path: String) throws {
        let text = try YAMLLoader.read(path)
        try self.init(yaml: text, file: path)
    }

    /// Builds the lexicon from YAML `text`; `file` names it in errors.
    public init(yaml text: String, file: String) throws {
        let data = try YAMLLoader.decode(ThemesFile.self, from: text, file: file)
        var themes: [Theme] = []
        var index: [String: Int] = [:]
        var set = KeywordPatternSet()
        var patternTheme: [Int] = []
        for (t, entry) in data.themes.enumerated() {
            let path: [CodingKey] = [AnyKey("themes"), AnyKey(index: t)]
            guard index[entry.id] == nil else {
                throw YAMLLoader.error("duplicate theme id '\(entry.id)'", at: path + [AnyKey("id")], text: text, file: file)
            }
            index[entry.id] = themes.count
            themes.append(Theme(id: entry.id, fr: entry.fr, en: entry.en))
            for (k, keyword) in (entry.keywords ?? []).enumerated() {
                do {
                    set.add(try KeywordPattern(keyword))
                    patternTheme.append(t)
                } catch {
                    throw YAMLLoader.error(error.message, at: path + [AnyKey("keywords"), AnyKey(index: k)], text: text, file: file)
                }
            }
        }
        guard index[data.fallback] != nil else {
            throw YAMLLoader.error("fallback theme '\(data.fallback)' is not defined under themes", at: [AnyKey("fallback")], text: text, file: file)
        }
        self.themes = themes
        self.index = index
        self.fallback = data.fallback
        self.patterns = set
        self.patternTheme = patternTheme
    }

    /// Theme ids whose keywords occur in `folded` (any text; it is tokenised), in order of first
    /// occurrence, without the fallback.
    public func themes(in folded: String) -> [String] {
        let tokens = Tokenizer.tokens(folded)
        return themes(in: tokens, range: 0..<tokens.count)
    }

    /// Theme ids whose keywords occur in `tokens[range]`, in order of first occurrence, without the fallback.
    public func themes(in tokens: [Token], range: Range<Int>) -> [String] {
        var ids: [String] = []
        for (p, _) in patterns.allMatches(in: tokens, range: range) {
            let id = themes[patternTheme[p]].id
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// The label of theme `id` in `language` (`fr` or `en`); the id itself when unknown.
    public func label(_ id: String, language: String = "fr") -> String {
        guard let i = index[id] else { return id }
        return language == "en" ? themes[i].en : themes[i].fr
    }

    /// True when `id` is a theme of the file.
    public func contains(_ id: String) -> Bool { index[id] != nil }
}

private struct ThemesFile: Decodable {
    var fallback: String
    var themes: [Entry]

    struct Entry: Decodable {
        var id: String
        var fr: String
        var en: String
        var keywords: [String]?

        private enum CodingKeys: String, CodingKey { case id, fr, en, keywords }
        init(from decoder: Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: ["id", "fr", "en", "keywords"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            fr = try c.decode(String.self, forKey: .fr)
            en = try c.decode(String.self, forKey: .en)
            keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        }
    }

    private enum CodingKeys: String, CodingKey { case fallback, themes }
    init(from decoder: Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: ["fallback", "themes"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fallback = try c.decode(String.self, forKey: .fallback)
        themes = try c.decode([Entry].self, forKey: .themes)
    }
}
