/// Closed word lists the figures extractor reads a sentence with: function words of English and
/// French (to tell the sentence's language and to stop before a verb or an article), and English
/// plurals (`12 hospitals` counts hospitals). Language-level lists, so they live in code; what an
/// analyst may want to change (the vocabulary of counted things) is in `Pipelines/data/metrics.yaml`.
enum FigureWords {
    static let englishFunctionWords: Set<String> = [
        "the", "of", "and", "to", "in", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
        "would", "could", "should", "can", "may", "might", "must", "shall", "did", "do", "does", "that", "which", "who",
        "whom", "whose", "this", "these", "those", "it", "its", "their", "they", "them", "his", "her", "he", "she", "we",
        "our", "you", "your", "with", "from", "for", "by", "at", "on", "into", "onto", "than", "as", "but", "or", "not",
        "per", "an", "a", "said", "says", "also", "more", "less", "most", "over", "under", "about", "after", "before",
        "while", "when", "where", "if", "so", "out", "up", "down", "there", "here", "such", "all", "each", "every",
        "other", "both", "between", "among", "across", "against", "through", "during", "since", "until", "per", "via",
        "including", "last", "next", "only", "just", "still", "yet", "now", "then", "some", "any", "no", "nor",
        "what", "how", "why", "because", "though", "although", "again", "ago", "away", "back", "even", "ever",
        "further", "once", "twice", "very", "too", "much", "many", "few", "several", "own", "same", "another",
        "s", "'s",
    ]

    static let frenchFunctionWords: Set<String> = [
        "le", "la", "les", "l'", "de", "des", "du", "d'", "et", "est", "sont", "a", "ont", "un", "une", "dans", "pour",
        "par", "sur", "avec", "qui", "que", "qu'", "ce", "cette", "ces", "il", "elle", "ils", "elles", "se", "s'", "sa",
        "son", "ses", "leur", "leurs", "au", "aux", "en", "ne", "n'", "pas", "plus", "moins", "ou", "mais", "lors",
        "selon", "entre", "vers", "chez", "sans", "sous", "apres", "avant", "depuis", "pendant", "dont", "ou", "aussi",
        "etait", "etaient", "sera", "seront", "ete", "avait", "avaient", "nous", "vous", "on", "y", "tout", "tous",
        "toutes", "toute", "autre", "autres", "meme", "tres", "deja", "encore", "ainsi", "c'", "j'", "m'", "t'",
        "quelque", "quelques", "plusieurs", "chaque", "environ", "pres", "contre", "parmi", "jusqu'",
    ]

    /// Words before a year ("in 2024", "depuis 2020", "the 2025 budget").
    static let yearLeads: Set<String> = [
        "in", "since", "by", "until", "till", "from", "to", "of", "after", "before", "during", "for", "the", "early", "late",
        "mid", "en", "depuis", "de", "d'", "jusqu'", "a", "apres", "avant", "pendant", "pour", "le", "la", "les", "l'",
        "des", "du", "au", "fin", "debut", "mi", "an", "annee", "year", "et", "and", "or", "ou", "through", "between", "entre",
    ]

    /// Words that are never an adjective or a counted noun right after a number.
    static func isFunctionWord(_ folded: String) -> Bool {
        englishFunctionWords.contains(folded) || frenchFunctionWords.contains(folded)
    }

    private static let irregularPlurals: Set<String> = [
        "people", "children", "men", "women", "police", "cattle", "sheep", "fish", "personnel", "staff", "aircraft",
        "livestock", "crew", "feet", "teeth", "mice", "geese", "data", "media", "criteria", "phenomena", "bacteria",
    ]
    private static let irregularSingulars: [String: String] = [
        "person": "people", "child": "children", "man": "men", "woman": "women", "aircraft": "aircraft",
        "staff": "staff", "police": "police", "sheep": "sheep", "fish": "fish", "personnel": "personnel",
    ]

    /// True when `folded` looks like an English plural noun (`hospitals`, `families`, `children`).
    static func looksPlural(_ folded: String) -> Bool {
        if irregularPlurals.contains(folded) { return true }
        guard folded.hasSuffix("s"), !folded.hasSuffix("ss"), !folded.hasSuffix("us"), !folded.hasSuffix("is"),
              !folded.hasSuffix("'s"), !folded.hasSuffix("ous") else { return false }
        return folded.scalarCount >= 3
    }

    /// The plural of an English noun read after `1` or `one` (`hospital` → `hospitals`).
    static func plural(_ folded: String) -> String? {
        if let p = irregularSingulars[folded] { return p }
        if looksPlural(folded) { return nil }
        let scalars = Array(folded.unicodeScalars)
        guard let last = scalars.last else { return nil }
        let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]
        if last == "y", scalars.count > 1, !vowels.contains(scalars[scalars.count - 2]) { return String(folded.dropLast()) + "ies" }
        if folded.hasSuffix("s") || folded.hasSuffix("x") || folded.hasSuffix("ch") || folded.hasSuffix("sh") { return folded + "es" }
        return folded + "s"
    }
}
