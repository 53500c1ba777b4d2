@testable import BriefingKit

/// Both passes of dedupe over `documents`, as a run does them: each document's own repeats, then
/// the corpus pass in order.
func runDedupe(_ documents: inout [Document], _ stage: DedupeStage, stats: inout StageStats) {
    var stage = stage
    for i in documents.indices { stage.process(&documents[i], stats: &stats) }
    guard var pass = stage.makeCorpusPass() else { return }
    for i in documents.indices { _ = pass.pass(&documents[i], stats: &stats) }
}
