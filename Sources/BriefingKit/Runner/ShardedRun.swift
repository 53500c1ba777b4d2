import Foundation

/// A run split in shards (`briefing shard`, then `briefing merge`): what a cluster runs, one shard
/// per task (see `spark/briefing_spark.py`). The per-document stages run in the shards; the corpus
/// passes (dedupe across the corpus), aggregate and export run in the merge, over the shards'
/// documents in corpus order, so the outputs are those of `briefing run` over the same corpus.
extension PipelineRunner {
    /// Runs read, parse and the per-document stages over shard `index` of `count` of the corpus
    /// (a contiguous range of its sorted entries: `Partials.range`) and writes the partial results
    /// into `folder` (`Partials`), which is created.
    /// - Returns: the header written to `shard.json`.
    /// - Throws: `ConfigError` for a bad data file, `RunError` for a corpus that cannot be listed or
    ///   a partial result that cannot be written, `Interrupted` when a caught signal arrives.
    public func shard(_ index: Int, of count: Int, to folder: String) throws -> Partials.Header {
        guard count >= 1, (0..<count).contains(index) else {
            throw RunError("shard \(index) of \(count): the index must be at least 0 and less than the count")
        }
        let plan = try makePlan()
        let entries = try CorpusReader(config.input).entries()
        let range = Partials.range(shard: index, of: count, total: entries.count)
        try OutputFile.makeFolders(folder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var documents = 0
        var streamed: Streamed?
        try OutputFile.write(to: OutputFile.join(folder, Partials.documentsFile)) { flushDocuments in
            try OutputFile.write(to: OutputFile.join(folder, Partials.printsFile)) { flushPrints in
                var docBuffer: [UInt8] = [], printBuffer: [UInt8] = []
                streamed = try stream(plan: plan, entries: Array(entries[range]), corpusPasses: false) { doc in
                    do {
                        docBuffer += try encoder.encode(doc)
                    } catch {
                        throw RunError("\(doc.fileName): cannot encode the document: \(error)")
                    }
                    docBuffer.append(0x0A)
                    for (p, print) in doc.prints.enumerated() {
                        guard let print else { continue }
                        printBuffer += Partials.printLine(ref: Partials.ref(shard: index, document: documents, paragraph: p), print)
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
            pipeline: config.name, shard: index, shards: count, corpusEntries: entries.count,
            first: range.lowerBound, count: range.count, documents: documents,
            stages: streamed.stages, warnings: streamed.warnings, inputs: streamed.inputs)
        try OutputFile.write(Array(try encoder.encode(header)) + [0x0A], to: OutputFile.join(folder, Partials.headerFile))
        return header
    }

    /// Merges the partial results under `root` (one `shard-NNNNN` folder per shard, every shard of
    /// one split of this pipeline's corpus), finishes the corpus passes, aggregates, exports and
    /// publishes as `run()` does.
    /// - Parameter candidates: a file of the references of the paragraphs that share a key with
    ///   another (Spark's shuffle); only their prints are read. Without it, every print is read.
    /// - Throws: `RunError` for missing, foreign or inconsistent partial results, or any error `run()` throws.
    public func merge(partials root: String, candidates: String? = nil) throws -> RunResult {
        let headers = try readHeaders(root)
        let candidateRefs = try candidates.map { try Partials.readCandidates($0) }
        return try run { plan, consume in
            try mergeStream(plan: plan, root: root, headers: headers, candidates: candidateRefs, consume)
        }
    }

    /// The shards' headers, in shard order, checked to be one complete split of this pipeline's corpus.
    func readHeaders(_ root: String) throws -> [Partials.Header] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix("shard-") }.sorted()
        } catch {
            throw RunError("cannot list the partial results in \(relative(root)): \(error.localizedDescription)")
        }
        guard !names.isEmpty else { throw RunError("no partial results (shard-NNNNN folders) in \(relative(root))") }
        let decoder = JSONDecoder()
        var headers: [Partials.Header] = []
        for name in names {
            let path = OutputFile.join(OutputFile.join(root, name), Partials.headerFile)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RunError("\(relative(path)): missing: the shard did not finish")
            }
            let header: Partials.Header
            do {
                header = try decoder.decode(Partials.Header.self, from: data)
            } catch {
                throw RunError("\(relative(path)): not a shard header (\(error))")
            }
            guard header.format == Partials.format, header.version == Partials.version else {
                throw RunError("\(relative(path)): format \(header.format) version \(header.version); this briefing reads \(Partials.format) version \(Partials.version)")
            }
            guard header.pipeline == config.name else {
                throw RunError("\(relative(path)): a shard of pipeline '\(header.pipeline)', not '\(config.name)'")
            }
            for file in [Partials.documentsFile, Partials.printsFile] {
                let data = OutputFile.join(OutputFile.join(root, name), file)
                guard FileManager.default.fileExists(atPath: data) else {
                    throw RunError("\(relative(data)): missing: the shard did not finish")
                }
            }
            headers.append(header)
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

    /// The shards' documents in order, through the corpus passes, into `consume`.
    private func mergeStream(plan: PipelinePlan, root: String, headers: [Partials.Header],
                             candidates: Set<String>?, _ consume: (Document) throws -> Void) throws -> Streamed {
        let clock = ContinuousClock()
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
        let steps = plan.steps
        var passes: [(step: Int, pass: any CorpusPass)] = steps.indices.compactMap { i in steps[i].makeCorpusPass().map { (i, $0) } }
        let decoder = JSONDecoder()
        var passTime = [Duration](repeating: .zero, count: steps.count)
        for h in headers {
            try Interruption.check()
            let folder = Partials.folder(root, shard: h.shard)
            let prints = passes.isEmpty ? [:] : try Partials.readPrints(OutputFile.join(folder, Partials.printsFile), keeping: candidates)
            let path = OutputFile.join(folder, Partials.documentsFile)
            let next = try Partials.lines(of: path)
            var index = 0
            while let line = next() {
                guard !line.isEmpty else { continue }
                var doc: Document
                do {
                    doc = try decoder.decode(Document.self, from: Data(line))
                } catch {
                    throw RunError("\(relative(path)):\(index + 1): not a document (\(error))")
                }
                if !passes.isEmpty {
                    doc.prints = doc.paragraphs.indices.map { prints[Partials.ref(shard: h.shard, document: index, paragraph: $0)] }
                }
                for k in passes.indices {
                    let start = clock.now
                    let step = passes[k].step
                    let result = passes[k].pass.pass(&doc, stats: &stages[step + 1])
                    for later in (step + 1)..<steps.count { result.correct(&stages[later + 1]) }
                    passTime[step] += clock.now - start
                }
                try consume(doc)
                index += 1
            }
            guard index == h.documents else {
                throw RunError("\(relative(path)): \(index) documents, the shard's header says \(h.documents)")
            }
        }
        for i in steps.indices { stages[i + 1].seconds += passTime[i].seconds }
        return Streamed(stages: stages, warnings: headers.flatMap(\.warnings), inputs: headers.flatMap(\.inputs))
    }
}
