extension DocumentStage {
    /// Runs the stage over one batch of documents, in place.
    ///
    /// A stage that runs in corpus order takes them one after the other on this thread, keeping its
    /// state; any other (dedupe's prints, enrich) takes each on up to `workers` threads,
    /// through a copy of itself, and its counters are added up in document order, so the result
    /// does not depend on `workers`.
    mutating func run(_ batch: inout [Document], stats: inout StageStats, workers: Int) {
        let stage = self
        let input = batch
        if Self.runsInCorpusOrder {
            for i in batch.indices { process(&batch[i], stats: &stats) }
            return
        }
        let done = parallelMap(batch.count, workers: workers) { i -> (Document, StageStats) in
            var copy = stage
            var document = input[i]
            var counts = stage.newStats()
            copy.process(&document, stats: &counts)
            return (document, counts)
        }
        for (_, counts) in done { stats.merge(counts) }
        batch = done.map(\.0)
    }
}
