/// What a matched phrase stands for: one country, organisation or group.
struct EntityTarget: Sendable, Hashable {
    var kind: EntityMention.Kind
    var name: String
    var alpha2: String?
    var code: String?
    /// For organisations: `un-body`, `government`, `party`, `agency`, `media`, `company` or `other`.
    var category: String?
    /// Roles every mention of this entity has (the organising committee organises).
    var roles: [String] = []
    /// For organisations: the canonical name in English sentences, when it differs.
    var englishName: String? = nil
}

/// How one word of a pattern must be written in the text.
///
/// The rule is read from the data file as written: a word written in capitals (`ONU`, `PCV`) must
/// be in capitals in the text, a capitalised word (`Sécurité`, `Vietnam`) must be capitalised, a
/// lower-case word (`de`, `vietnamiens`, `pays`) may be written either way.
enum EntityCaseRule: UInt8, Sendable {
    case any, capitalized, upper

    init(written text: String) {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first, first.properties.isUppercase else { self = .any; return }
        if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) {
            self = .upper
        } else {
            self = .capitalized
        }
    }

    @inline(__always)
    func accepts(_ token: Token) -> Bool {
        switch self {
        case .any: return true
        case .capitalized: return token.isCapitalized
        case .upper: return token.isCapitalized && !token.text.unicodeScalars.contains { $0.properties.isLowercase }
        }
    }
}

/// A phrase to look for, as folded tokens with the case each must have.
struct EntityPattern: Sendable {
    /// Matching runs in this order; a later layer never takes tokens an earlier one took.
    enum Layer: Int, Sendable, CaseIterable {
        /// Phrases that name no entity and hide the names inside them (the treaty's own name).
        case blocked
        case organisation
        /// Countries and groups of countries.
        case place
    }

    var folded: [String]
    var rules: [EntityCaseRule]
    var layer: Layer
    /// Index into the extractor's targets; -1 for a blocked phrase.
    var target: Int
    /// When set, the token before the phrase must be one of these (folded).
    var previous: Set<String>?
    /// When set, the token after the phrase must be one of these (folded), or the sentence must end.
    var next: Set<String>?
    /// The phrase is not a name when another capitalised word stands next to it (`Maurice Ravel`).
    var guarded = false
    /// A lower-case adjective or demonym (`vietnamiens`): not after `en`/`in`, where it names a language.
    var demonym = false

    /// The pattern for `phrase` as written in a data file, or nil when it has no word.
    init?(_ phrase: String, layer: Layer, target: Int) {
        let tokens = Tokenizer.tokens(phrase)
        guard tokens.contains(where: { $0.kind != .punctuation }) else { return nil }
        folded = tokens.map(\.folded)
        rules = tokens.map { $0.kind == .word ? EntityCaseRule(written: $0.text) : .any }
        self.layer = layer
        self.target = target
    }

    /// The folded words joined by spaces: the key under which two aliases are the same alias.
    static func key(_ phrase: String) -> String {
        Tokenizer.tokens(phrase).map(\.folded).joined(separator: " ")
    }

    /// How many capitals `phrase` has: of two spellings of the same words, the one with fewer has
    /// the looser case rule and is kept.
    static func capitals(_ phrase: String) -> Int {
        phrase.unicodeScalars.filter { $0.properties.isUppercase }.count
    }
}

/// Patterns indexed by their first folded token, longest first, for a left-to-right scan.
///
/// The words and case rules of all patterns sit in two flat arrays, and the first-token lookup
/// hashes the folded token with FNV-1a into an open-addressing table: no `String` hashing and no
/// reference counting per token of the text.
struct EntityPhraseIndex: Sendable {
    private(set) var patterns: [EntityPattern] = []
    /// The words of pattern `p` are `words[wordStart[p] ..< wordStart[p + 1]]`.
    private(set) var words: [String] = []
    private(set) var rules: [EntityCaseRule] = []
    private(set) var wordStart: [Int] = [0]
    /// `patterns[p].layer`, flat, to skip patterns of other passes cheaply.
    private(set) var layers: [EntityPattern.Layer] = []
    /// Pattern indices grouped by first word, each group longest first.
    private(set) var order: [Int32] = []
    private var table = EntityTokenTable()

    mutating func add(_ pattern: EntityPattern) {
        patterns.append(pattern)
        layers.append(pattern.layer)
        words += pattern.folded
        rules += pattern.rules
        wordStart.append(words.count)
    }

    /// Groups the patterns by first word, longest first (then in insertion order); call once after adding.
    mutating func finish() {
        var groups: [UInt64: [Int32]] = [:]
        for p in patterns.indices { groups[EntityTokenTable.hash(patterns[p].folded[0]), default: []].append(Int32(p)) }
        var ranges: [UInt64: Range<Int32>] = [:]
        order = []
        for (hash, list) in groups.sorted(by: { $0.key < $1.key }) {
            let sorted = list.sorted { a, b in
                let la = patterns[Int(a)].folded.count, lb = patterns[Int(b)].folded.count
                return la != lb ? la > lb : a < b
            }
            ranges[hash] = Int32(order.count)..<Int32(order.count + sorted.count)
            order += sorted
        }
        table = EntityTokenTable(ranges)
    }

    /// Positions in `order` of the patterns whose first word is `folded` (and rarely of others
    /// with the same hash, which the word comparison then rejects).
    @inline(__always)
    func candidates(_ folded: String) -> Range<Int32>? { table.lookup(folded) }
}

/// A map from a folded token's FNV-1a hash to a range, with linear probing.
struct EntityTokenTable: Sendable {
    private var keys: [UInt64] = []
    private var values: [Range<Int32>] = []
    private var mask = 0

    init() {}

    init(_ entries: [UInt64: Range<Int32>]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Range<Int32>](repeating: 0..<0, count: size)
        mask = size - 1
        for (key, value) in entries {
            var i = Self.slot(key, mask)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }

    /// FNV-1a over the UTF-8 bytes, never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h == 0 ? 1 : h
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    @inline(__always)
    func lookup(_ s: String) -> Range<Int32>? {
        guard mask > 0 else { return nil }
        let key = Self.hash(s)
        var i = Self.slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}

/// Words that do not make a neighbour part of a longer proper name (`le Salvador`, `The Chad`).
let entityFunctionWords: Set<String> = [
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "a", "en", "et", "ou",
    "the", "of", "in", "and", "or", "to", "for", "from", "with", "by", "on", "at",
]
