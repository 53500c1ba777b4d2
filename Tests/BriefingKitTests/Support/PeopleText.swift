import Foundation
@testable import BriefingKit

/// The people of `text` as the enrich stage finds them: paragraphs split on new lines, the entity
/// extractor first, then people, affiliations normalised, one mention per person.
func personMentions(_ text: String) throws -> [PersonMention] {
    func data(_ name: String) -> String { Repo.root.appendingPathComponent("Pipelines/data/\(name)").path }
    let entities = try EntityExtractor(countriesFile: data("countries.yaml"), organisationsFile: data("organisations.yaml"))
    let persons = try PersonExtractor(titlesFile: data("titles.yaml"))
    var f = Findings()
    for (k, paragraph) in text.components(separatedBy: "\n").enumerated() {
        for s in Tokenizer.sentences(paragraph) {
            let c = SentenceContext(documentID: "doc", paragraphID: "doc#p\(k + 1)",
                                    documentDate: PartialDate(year: 2025, month: 11, day: 3), sentence: s)
            entities.extract(c, into: &f)
            let first = f.people.count
            persons.extract(c, into: &f)
            EnrichStage.normaliseAffiliations(&f, from: first)
        }
    }
    return PersonIdentity.unify(f.people)
}

/// The names of `personMentions(text)`, each once, in order of first mention.
func personNames(_ text: String) throws -> [String] {
    var seen: [String] = []
    for p in try personMentions(text) where !seen.contains(p.name) { seen.append(p.name) }
    return seen
}
