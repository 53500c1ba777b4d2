import Testing
@testable import BriefingKit

/// Numbers the documents it sees: state across documents, so it runs in corpus order.
private struct Numbering: DocumentStage {
    static let kind = "numbering"
    static let unit = "documents"
    static let summary = "Numbers the documents."
    static let runsInCorpusOrder = true
    struct Settings: StageSettings {
        init() {}
        static let specs: [Setting<Settings>] = []
    }
    var seen = 0
    init(settings: Settings, pipeline: PipelineConfig) {}
    init() {}
    mutating func process(_ document: inout Document, stats: inout StageStats) {
        seen += 1
        document.title = "\(seen)"
        stats.input += 1
        stats.output += 1
    }
}

/// Counts the paragraphs of each document on its own, so it may run on every core.
private struct Counting: DocumentStage {
    static let kind = "counting"
    static let unit = "paragraphs"
    static let summary = "Counts paragraphs."
    static let runsInCorpusOrder = false
    struct Settings: StageSettings {
        init() {}
        static let specs: [Setting<Settings>] = []
    }
    init(settings: Settings, pipeline: PipelineConfig) {}
    init() {}
    mutating func process(_ document: inout Document, stats: inout StageStats) {
        stats.input += document.paragraphs.count
        stats.output += document.paragraphs.count
        stats.extra["documents", default: 0] += 1
        document.publisher = "\(document.paragraphs.count) paragraph(s)"
    }
}

private func batch(_ sizes: [Int]) -> [Document] {
    sizes.enumerated().map { i, size in
        var d = Document(id: "d\(i)", fileName: "d\(i).txt")
        d.paragraphs = (0..<size).map { Paragraph(id: "d\(i)#p\($0 + 1)", position: $0 + 1, line: $0 + 1, text: "x") }
        return d
    }
}

@Suite struct StageBatchTests {
    @Test func aStageInCorpusOrderKeepsItsStateAcrossBatches() {
        var stage = Numbering()
        var stats = Numbering.newStats()
        var first = batch([1, 1, 1]), second = batch([1, 1])
        stage.run(&first, stats: &stats, workers: 4)
        stage.run(&second, stats: &stats, workers: 4)
        #expect(first.map(\.title) == ["1", "2", "3"] && second.map(\.title) == ["4", "5"])
        #expect(stats.stage == "numbering" && stats.input == 5 && stats.output == 5)
    }

    @Test func anyOtherStageGivesTheSameResultOnAnyNumberOfThreads() {
        let sizes = (0..<50).map { $0 % 7 }
        var results: [[String?]] = []
        var counts: [StageStats] = []
        for workers in [1, 2, 8] {
            var stage = Counting()
            var stats = stage.newStats()
            var documents = batch(sizes)
            stage.run(&documents, stats: &stats, workers: workers)
            #expect(documents.map(\.id) == (0..<50).map { "d\($0)" }, "order kept")
            results.append(documents.map(\.publisher))
            counts.append(stats)
        }
        #expect(results.allSatisfy { $0 == results[0] })
        #expect(counts.allSatisfy { $0 == counts[0] })
        #expect(counts[0].input == sizes.reduce(0, +) && counts[0].extra == ["documents": 50])
    }
}
