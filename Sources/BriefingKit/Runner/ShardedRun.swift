import Foundation

/// A run split in shards, what a cluster runs one task per shard (see `spark/briefing_spark.py`):
///
/// 1. `prepareShard` (one per shard): read, parse and the document stages up to dedupe, which
///    computes each paragraph's print; the documents and the prints are written apart.
/// 2. `decide` (one, in corpus order): dedupe's decisions from the prints alone: which
///    paragraphs repeat one kept earlier.
/// 3. `finishShard` (one per shard): those paragraphs removed, then the remaining document stages
///    (enrich).
/// 4. `merge` (one): aggregate, export and publish as `run()` does.
///
/// Each step does what a whole run does to the same documents in the same order, so the outputs
/// are those of `briefing run` over the same corpus, byte for byte.
extension PipelineRunner {
    /// The document stage whose corpus pass the split run decides apart (dedupe across the corpus),
    /// if the plan has one.
    /// - Throws: `RunError` for a plan with another kind of corpus pass, or more than one.
    func splitPoint(_ plan: PipelinePlan) throws -> Int? {
        let withPass = plan.steps.indices.filter { plan.steps[$0].makeCorpusPass() != nil }
        guard let first = withPass.first else { return nil }
        guard withPass.count == 1, plan.steps[first].makeCorpusPass() is CorpusDedupe else {
            throw RunError("a split run decides one corpus-wide stage, dedupe; this pipeline has \(withPass.map { type(of: plan.steps[$0]).kind })")
        }
        return first
    }

    // MARK: - 1. prepare

    /// Runs read, parse and the document stages up to dedupe (the paragraphs' prints) over shard
    /// `index` of `count` of the corpus (a contiguous range of its sorted entries:
    /// `Partials.range`) and writes the shard's folder under `root` (`Partials`).
    /// - Returns: the header written to `shard.json`.
    /// - Throws: `ConfigError` for a bad data file, `RunError` for a corpus that cannot be listed or
    ///   a partial result that cannot be written, `Interrupted` when a caught signal arrives.
    public func prepareShard(_ index: Int, of count: Int, partials root: String) throws -> Partials.Header {
        guard count >= 1, (0..<count).contains(index) else {
            throw RunError("shard \(index) of \(count): the index must be at least 0 and less than the count")
        }
        let plan = try makePlan()
        let through = try splitPoint(plan).map { $0 + 1 } ?? plan.steps.count
        let entries = try CorpusReader(config.input).entries()
        let range = Partials.range(shard: index, of: count, total: entries.count)
        let folder = Partials.folder(root, shard: index)
        try OutputFile.makeFolders(folder)
        let encoder = Self.partialEncoder
        var documents = 0
        var streamed: Streamed?
        try OutputFile.write(to: OutputFile.join(folder, Partials.documentsFile)) { flushDocuments in
            try OutputFile.write(to: OutputFile.join(folder, Partials.printsFile)) { flushPrints in
                var docBuffer: [UInt8] = [], printBuffer: [UInt8] = []
                streamed = try stream(plan: plan, entries: Array(entries[range]), through: through, corpusPasses: false) { doc in
                    var stored = doc
                    stored.prints = []
                    docBuffer += try Self.encode(stored, encoder)
                    docBuffer.append(0x0A)
                    for (p, print) in doc.prints.enumerated() {
                        guard let print else { continue }
                        printBuffer += Partials.printLine(Partials.PrintLine(
                            ref: Partials.ref(shard: index, document: documents, paragraph: p),
                            paragraphID: doc.paragraphs[p].id, documentID: doc.id, print: print))
                        printBuffer.append(0x0A)
                    }
                    documents += 1
                    if docBuffer.count >= 1 << 20 { try flushDocuments(docBuffer); docBuffer.removeAll(keepingCapacity: true) }
                    if printBuffer.count >= 1 << 20 { try flushPrints(printBuffer); printBuffer.removeAll(keepingCapacity: true) }
                }
                try flushDocuments(docBuffer)
                try flushPrints(printBuffer)
            }
        }
        guard let streamed else { throw RunError("shard \(index) of \(count): nothing was streamed") }
        let header = Partials.Header(
            phase: .prepared, pipeline: config.name, shard: index, shards: count, corpusEntries: entries.count,
            first: range.lowerBound, count: range.count, documents: documents,
            stages: streamed.stages, warnings: streamed.warnings, inputs: streamed.inputs)
        try OutputFile.write(Array(try encoder.encode(header)) + [0x0A], to: OutputFile.join(folder, Partials.headerFile))
        return header
    }

    // MARK: - 2. decide

    /// Dedupe's corpus pass over every prepared shard's prints, in corpus order: writes each
    /// shard's `decisions.jsonl` (the paragraphs that repeat one kept from an earlier document).
    /// - Parameter candidates: a file of the references of the paragraphs that share a key with
    ///   another (Spark's shuffle); only their prints are looked up. Without it, every print is.
    /// - Returns: how many paragraphs were looked up, and how many found to repeat another.
    public func decide(partials root: String, candidates: String? = nil) throws -> (lookedUp: Int, repeats: Int) {
        let plan = try makePlan()
        let headers = try readHeaders(root, phase: .prepared)
        let refs = try candidates.map { try Partials.readCandidates($0) }
        var pass = try splitPoint(plan).flatMap { plan.steps[$0].makeCorpusPass() as? CorpusDedupe }
        let encoder = Self.partialEncoder
        var lookedUp = 0, repeats = 0
        for h in headers {
            try Interruption.check()
            let folder = Partials.folder(root, shard: h.shard)
            try OutputFile.write(to: OutputFile.join(folder, Partials.decisionsFile)) { flush in
                guard pass != nil else { return }
                var buffer: [UInt8] = []
                try Partials.readPrints(OutputFile.join(folder, Partials.printsFile), keeping: refs) { line in
                    lookedUp += 1
                    guard let match = pass!.decide(line.print, paragraphID: line.paragraphID, documentID: line.documentID) else { return }
                    repeats += 1
                    buffer += try encoder.encode(Partials.Decision(ref: line.ref, match))
                    buffer.append(0x0A)
                    if buffer.count >= 1 << 20 { try flush(buffer); buffer.removeAll(keepingCapacity: true) }
                }
                try flush(buffer)
            }
        }
        return (lookedUp, repeats)
    }

    // MARK: - 3. finish

    /// Applies the decisions to shard `index`'s prepared documents, runs the remaining document
    /// stages (enrich) and writes `finished.jsonl` and `finished.json`.
    /// - Returns: the header written to `finished.json`.
    public func finishShard(_ index: Int, partials root: String) throws -> Partials.Header {
        let clock = ContinuousClock()
        let plan = try makePlan()
        let folder = Partials.folder(root, shard: index)
        var header = try readHeader(OutputFile.join(folder, Partials.headerFile), phase: .prepared)
        guard header.shard == index else {
            throw RunError("\(relative(folder)): holds shard \(header.shard), not \(index)")
        }
        let split = try splitPoint(plan)
        // the decisions, by document then paragraph position
        var decisions: [Int: [Int: DuplicateIndex.Match]] = [:]
        let decisionsPath = OutputFile.join(folder, Partials.decisionsFile)
        if split != nil {
            guard FileManager.default.fileExists(atPath: decisionsPath) else {
                throw RunError("\(relative(decisionsPath)): missing: run `briefing shard decide` first")
            }
            let next = try Partials.lines(of: decisionsPath)
            let decoder = JSONDecoder()
            var number = 0
            while let line = next() {
                number += 1
                guard !line.isEmpty else { continue }
                guard let decision = try? decoder.decode(Partials.Decision.self, from: Data(line)) else {
                    throw RunError("\(relative(decisionsPath)):\(number): not a decision")
                }
                let parts = decision.ref.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3, parts[0] == index else {
                    throw RunError("\(relative(decisionsPath)):\(number): reference \(decision.ref) is not one of shard \(index)'s")
                }
                decisions[parts[1], default: [:]][parts[2]] = decision.match
            }
        }
        var steps = plan.steps
        let first = split.map { $0 + 1 } ?? steps.count
        var stats = header.stages
        let workers = max(1, self.workers)
        let encoder = Self.partialEncoder
        let documentsPath = OutputFile.join(folder, Partials.documentsFile)
        var position = 0
        var times = [Duration](repeating: .zero, count: steps.count)
        try OutputFile.write(to: OutputFile.join(folder, Partials.finishedFile)) { flush in
            var buffer: [UInt8] = []
            var batch: [Document] = []
            // a batch of documents, as a whole run takes them: decisions applied, then the stages
            func finishBatch() throws {
                try Interruption.check()
                var start = clock.now
                if let split {
                    for i in batch.indices {
                        CorpusDedupe.apply(decisions[position + i] ?? [:], to: &batch[i], stats: &stats[split + 1])
                    }
                    times[split] += clock.now - start
                }
                for i in first..<steps.count {
                    start = clock.now
                    steps[i].run(&batch, stats: &stats[i + 1], workers: workers)
                    times[i] += clock.now - start
                }
                for doc in batch {
                    buffer += try Self.encode(doc, encoder)
                    buffer.append(0x0A)
                    if buffer.count >= 1 << 20 { try flush(buffer); buffer.removeAll(keepingCapacity: true) }
                }
                position += batch.count
                batch.removeAll(keepingCapacity: true)
            }
            try readDocuments(documentsPath, expected: header.documents) { doc in
                batch.append(doc)
                if batch.count == 64 * workers { try finishBatch() }
            }
            try finishBatch()
            try flush(buffer)
        }
        for i in steps.indices { stats[i + 1].seconds += times[i].seconds }
        header.phase = .finished
        header.stages = stats
        try OutputFile.write(Array(try encoder.encode(header)) + [0x0A], to: OutputFile.join(folder, Partials.finishedHeaderFile))
        return header
    }

    // MARK: - 4. merge

    /// Aggregates, exports and publishes the finished shards under `root` (every shard of one split
    /// of this pipeline's corpus), as `run()` does.
    /// - Throws: `RunError` for missing, foreign or inconsistent partial results, or any error `run()` throws.
    public func merge(partials root: String) throws -> RunResult {
        let headers = try readHeaders(root, phase: .finished)
        return try run { plan, consume in
            try mergeStream(plan: plan, root: root, headers: headers, consume)
        }
    }

    private func mergeStream(plan: PipelinePlan, root: String, headers: [Partials.Header],
                             _ consume: (Document) throws -> Void) throws -> Streamed {
        guard headers[0].corpusEntries > 0 else {
            throw RunError("no file matching '\(config.input.pattern)' in corpus folder \(relative(config.input.folder))")
        }
        var stages = [plan.source.newStats()] + plan.steps.map { $0.newStats() }
        for h in headers {
            guard h.stages.map(\.stage) == stages.map(\.stage) else {
                throw RunError("shard \(h.shard): stages \(h.stages.map(\.stage)), the pipeline has \(stages.map(\.stage))")
            }
            for i in stages.indices {
                stages[i].merge(h.stages[i])
                stages[i].seconds += h.stages[i].seconds
            }
        }
        guard stages[0].output > 0 else {
            throw RunError("no readable document in corpus folder \(relative(config.input.folder)) (\(headers[0].corpusEntries) file(s) skipped)")
        }
        for h in headers {
            try Interruption.check()
            let path = OutputFile.join(Partials.folder(root, shard: h.shard), Partials.finishedFile)
            try readDocuments(path, expected: h.documents, consume)
        }
        return Streamed(stages: stages, warnings: headers.flatMap(\.warnings), inputs: headers.flatMap(\.inputs))
    }

    /// Every document of a partial-results file (one per line), in order, into `body`.
    /// - Throws: `RunError` naming the file and line of a line that is not a document, or when the
    ///   file holds another number of documents than `expected` (the shard's header).
    private func readDocuments(_ path: String, expected: Int, _ body: (Document) throws -> Void) throws {
        let next = try Partials.lines(of: path)
        let decoder = JSONDecoder()
        var count = 0
        while let line = next() {
            guard !line.isEmpty else { continue }
            let doc: Document
            do {
                doc = try decoder.decode(Document.self, from: Data(line))
            } catch {
                throw RunError("\(relative(path)):\(count + 1): not a document (\(error))")
            }
            try body(doc)
            count += 1
        }
        guard count == expected else {
            throw RunError("\(relative(path)): \(count) documents, the shard's header says \(expected)")
        }
    }

    // MARK: - Headers

    private static var partialEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func encode(_ doc: Document, _ encoder: JSONEncoder) throws -> Data {
        do {
            return try encoder.encode(doc)
        } catch {
            throw RunError("\(doc.fileName): cannot encode the document: \(error)")
        }
    }

    private func readHeader(_ path: String, phase: Partials.Phase) throws -> Partials.Header {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError("\(relative(path)): missing: the shard did not finish its \(phase == .prepared ? "prepare" : "finish") step")
        }
        let header: Partials.Header
        do {
            header = try JSONDecoder().decode(Partials.Header.self, from: data)
        } catch {
            throw RunError("\(relative(path)): not a shard header (\(error))")
        }
        guard header.format == Partials.format, header.version == Partials.version else {
            throw RunError("\(relative(path)): format \(header.format) version \(header.version); this briefing reads \(Partials.format) version \(Partials.version)")
        }
        guard header.pipeline == config.name else {
            throw RunError("\(relative(path)): a shard of pipeline '\(header.pipeline)', not '\(config.name)'")
        }
        guard header.phase == phase else {
            throw RunError("\(relative(path)): a \(header.phase.rawValue) shard, where a \(phase.rawValue) one is needed")
        }
        return header
    }

    /// The shards' headers for `phase`, in shard order, checked to be one complete split of this
    /// pipeline's corpus.
    func readHeaders(_ root: String, phase: Partials.Phase) throws -> [Partials.Header] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix("shard-") }.sorted()
        } catch {
            throw RunError("cannot list the partial results in \(relative(root)): \(error.localizedDescription)")
        }
        guard !names.isEmpty else { throw RunError("no partial results (shard-NNNNN folders) in \(relative(root))") }
        let files = phase == .prepared ? [Partials.headerFile, Partials.documentsFile, Partials.printsFile]
                                       : [Partials.finishedHeaderFile, Partials.finishedFile]
        var headers: [Partials.Header] = []
        for name in names {
            let folder = OutputFile.join(root, name)
            headers.append(try readHeader(OutputFile.join(folder, files[0]), phase: phase))
            for file in files.dropFirst() where !FileManager.default.fileExists(atPath: OutputFile.join(folder, file)) {
                throw RunError("\(relative(OutputFile.join(folder, file))): missing: the shard did not finish")
            }
        }
        let count = headers[0].shards
        guard headers.count == count, headers.map(\.shard) == Array(0..<count), headers.allSatisfy({ $0.shards == count }) else {
            throw RunError("\(relative(root)): shards \(headers.map(\.shard)) of \(count): every shard of one split is needed, once")
        }
        guard headers.allSatisfy({ $0.corpusEntries == headers[0].corpusEntries }) else {
            throw RunError("\(relative(root)): the shards listed different corpora (\(Set(headers.map(\.corpusEntries)).sorted()) entries): the corpus changed during the run")
        }
        var next = 0
        for h in headers {
            guard h.first == next else { throw RunError("\(relative(root)): shard \(h.shard) starts at entry \(h.first), not \(next)") }
            next += h.count
        }
        guard next == headers[0].corpusEntries else {
            throw RunError("\(relative(root)): the shards cover \(next) of \(headers[0].corpusEntries) corpus entries")
        }
        return headers
    }
}
