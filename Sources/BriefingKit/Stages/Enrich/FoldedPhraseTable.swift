/// Phrases of one or more words looked up by their folded first token, longest first.
struct FoldedPhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(tokens: [String], value: Value)]] = [:]

    init() {}

    /// Adds `phrase` (tokenized and folded like the text) with its value; empty phrases are ignored.
    mutating func add(_ phrase: String, _ value: Value) {
        let tokens = Tokenizer.tokens(phrase).map(\.folded)
        guard let first = tokens.first else { return }
        var list = byFirst[first, default: []]
        list.removeAll { $0.tokens == tokens }
        list.append((tokens, value))
        list.sort { $0.tokens.count > $1.tokens.count }
        byFirst[first] = list
    }

    /// True when no phrase was added.
    var isEmpty: Bool { byFirst.isEmpty }

    /// The longest phrase starting at `tokens[i]`: its length in tokens and its value.
    func match(_ tokens: [Token], at i: Int) -> (length: Int, value: Value)? {
        guard i < tokens.count, let list = byFirst[tokens[i].folded] else { return nil }
        outer: for entry in list {
            let n = entry.tokens.count
            guard i + n <= tokens.count else { continue }
            for k in 1..<max(n, 1) where tokens[i + k].folded != entry.tokens[k] { continue outer }
            return (n, entry.value)
        }
        return nil
    }
}
