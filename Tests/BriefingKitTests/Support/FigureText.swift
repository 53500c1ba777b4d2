import Foundation
import Testing
@testable import BriefingKit

/// The figure extractor with the repository's `Pipelines/data/metrics.yaml`, loaded once.
private let figureExtractor: FigureExtractor? = try? FigureExtractor(
    metricsFile: Repo.root.appendingPathComponent("Pipelines/data/metrics.yaml").path)

/// The figures of `text`, sentence by sentence, as one paragraph of an undated document.
func figureMentions(_ text: String) throws -> [FigureMention] {
    let e = try #require(figureExtractor)
    var f = Findings()
    for s in Tokenizer.sentences(text) {
        e.extract(SentenceContext(documentID: "doc", paragraphID: "doc#p1", documentDate: nil, sentence: s), into: &f)
    }
    return f.figures
}
