import Foundation

/// A file a run read or wrote: its path, size in bytes and SHA-256 (lower-case hex).
public struct FileDigest: Sendable, Hashable, Codable {
    /// Relative to the project root (pipeline, data files, inputs) or to the output folder (outputs).
    public var path: String
    /// Bytes.
    public var size: Int
    /// SHA-256, 64 lower-case hex digits.
    public var sha256: String

    /// A digest already computed.
    public init(path: String, size: Int, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }

    /// The digest of bytes already in memory.
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, size: bytes.count, sha256: Self.hex(SHA256.hash(data: bytes)))
    }

    /// Reads `file` in 1 MiB chunks and hashes it; `path` is the name the digest records.
    /// - Throws: `RunError("cannot read <file>: …")`.
    public static func of(file: String, as path: String) throws -> FileDigest {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw RunError("cannot read \(file): no such file or not readable")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                size += chunk.count
            }
        } catch {
            throw RunError("cannot read \(file): \(error.localizedDescription)")
        }
        return FileDigest(path: path, size: size, sha256: hex(hasher.finalize()))
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest { out += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]] }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `manifest.json`: what a run read and wrote, with sizes and SHA-256, so that a briefing can be
/// traced to its exact inputs, and an input fingerprint that tells whether anything changed.
///
/// Everything in it is the same for two runs over the same files with the same `SOURCE_DATE_EPOCH`,
/// except `timings` and the `run.json` entry (whose timings differ): like `run.json`, the manifest
/// is a record of one run and is not itself reproducible byte for byte.
public struct Manifest: Sendable {
    public static let fileName = "manifest.json"
    /// The manifest's own format version.
    public static let formatVersion = 1

    /// A data file the pipeline names, by its key (`enrich.countries`, `aggregate.events`).
    public struct DataFile: Sendable, Hashable {
        /// The setting that names the file: `<stage>.<key>`.
        public var key: String
        /// Path relative to the project root, size and hash.
        public var file: FileDigest
    }

    /// An output file with its data rows per table (CSV: one; JSON: every table; workbook: per sheet).
    public struct Output: Sendable, Hashable {
        /// Path relative to the output folder, size and hash.
        public var file: FileDigest
        /// Table or sheet name and data rows, in file order; empty for files without rows.
        public var rows: [RowCount]
    }

    /// The data rows of one table or sheet.
    public struct RowCount: Sendable, Hashable {
        /// Table or sheet name.
        public var name: String
        /// Data rows, without the header.
        public var rows: Int
    }

    /// The pipeline's name.
    public var pipeline: String
    /// `PipelineRunner.toolVersion` of the run.
    public var toolVersion: String
    /// The run's ISO 8601 timestamp.
    public var runAt: String
    /// The pipeline file, relative to the project root.
    public var pipelineFile: FileDigest
    /// The data files the pipeline names, in pipeline order.
    public var dataFiles: [DataFile]
    /// Every corpus file read, in name order, relative to the project root.
    public var inputs: [FileDigest]
    /// Every output but the manifest, in the order written.
    public var outputs: [Output]
    /// The run's warnings.
    public var warnings: [String]
    /// Stage name and seconds, in run order.
    public var timings: [(stage: String, seconds: Double)]

    /// The fingerprint of this run's inputs (see `fingerprint(inputs:pipelineFile:dataFiles:toolVersion:)`).
    public var fingerprint: String {
        Self.fingerprint(inputs: inputs, pipelineFile: pipelineFile, dataFiles: dataFiles.map(\.file), toolVersion: toolVersion)
    }

    /// One SHA-256 over the sorted lines `input <path> <sha256>`, `data <path> <sha256>`,
    /// `pipeline <path> <sha256>` and `tool <version>`: it changes when any input file, the
    /// pipeline file, a data file or the tool changes, and not when only the run date does.
    public static func fingerprint(inputs: [FileDigest], pipelineFile: FileDigest, dataFiles: [FileDigest],
                                   toolVersion: String) -> String {
        let lines = inputs.map { "input \($0.path) \($0.sha256)" } + dataFiles.map { "data \($0.path) \($0.sha256)" }
            + ["pipeline \(pipelineFile.path) \(pipelineFile.sha256)", "tool \(toolVersion)"]
        return FileDigest.hex(SHA256.hash(data: Array((lines.sorted().joined(separator: "\n") + "\n").utf8)))
    }

    /// The fingerprint of what a run of `config` would read now, without running it: hashes the
    /// corpus files, the pipeline file and the data files.
    /// - Throws: `RunError` for a missing corpus folder or an unreadable pipeline or data file.
    public static func currentFingerprint(of config: PipelineConfig) throws -> String {
        // the reader a run uses: the same files, skipped the same way, never blocking on a FIFO
        let inputs = try CorpusReader(config.input).digests(relativeTo: config.root)
        return try fingerprint(of: config, inputs: inputs)
    }

    /// The fingerprint of a run of `config` that read `inputs` (hashed as it read them).
    /// - Throws: `RunError` for an unreadable pipeline or data file.
    public static func fingerprint(of config: PipelineConfig, inputs: [FileDigest]) throws -> String {
        fingerprint(inputs: inputs, pipelineFile: try FileDigest.of(file: config.file, as: config.relative(config.file)),
                    dataFiles: try dataFiles(of: config).map(\.file), toolVersion: PipelineRunner.toolVersion)
    }

    /// The `fingerprint` recorded in a manifest file; `nil` when the file is missing or has none.
    public static func readFingerprint(path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["fingerprint"] as? String
    }

    /// The data files a pipeline names, in pipeline order, hashed.
    static func dataFiles(of config: PipelineConfig) throws -> [DataFile] {
        try config.dataFiles.map { DataFile(key: $0.key, file: try FileDigest.of(file: $0.path, as: config.relative($0.path))) }
    }

    /// The manifest of a run whose outputs are in `folder`: hashes the pipeline file, the data
    /// files and every file of `files` (relative to `folder`); row counts come from the tables.
    /// - Parameters:
    ///   - inputs: the corpus files as the run read them.
    ///   - sheets: the workbook's data sheets and their rows (`XLSXReport.dataSheets`), empty without one.
    /// - Throws: `RunError` for a file that cannot be read.
    public static func make(config: PipelineConfig, run: RunInfo, inputs: [FileDigest], tables: [Table],
                            sheets: [XLSXReport.SheetRows], folder: String, files: [String]) throws -> Manifest {
        let rows = rowCounts(tables: tables, sheets: sheets)
        let outputs = try files.map { name in
            Output(file: try FileDigest.of(file: OutputFile.join(folder, name), as: name), rows: rows[name] ?? [])
        }
        return Manifest(pipeline: run.pipeline, toolVersion: run.toolVersion, runAt: run.runAt,
                        pipelineFile: try FileDigest.of(file: config.file, as: config.relative(config.file)),
                        dataFiles: try dataFiles(of: config), inputs: inputs, outputs: outputs,
                        warnings: run.warnings, timings: run.stages.map { ($0.stage, $0.seconds) })
    }

    /// Data rows by output file: each CSV its table, the JSON every table, the workbook every data
    /// sheet as written (a table over Excel's row limit continues on further sheets).
    static func rowCounts(tables: [Table], sheets: [XLSXReport.SheetRows]) -> [String: [RowCount]] {
        var counts: [String: [RowCount]] = [:]
        var taken: Set<String> = []
        for table in tables {
            let name = CSVExporter.fileName(for: table.name, taken: taken)
            taken.insert(name.lowercased())
            counts[name] = [RowCount(name: table.name, rows: table.count)]
        }
        counts[JSONExporter.fileName] = tables.map { RowCount(name: $0.name, rows: $0.count) }
        if !sheets.isEmpty {
            counts[XLSXExporter.fileName] = sheets.map { RowCount(name: $0.name, rows: $0.rows) }
        }
        return counts
    }

    /// The manifest as JSON, keys in a fixed order, two-space indentation, a final newline.
    public func bytes() -> [UInt8] {
        let file = { (f: FileDigest, first: [(String, JSONValue)], extra: [(String, JSONValue)]) -> JSONValue in
            .object(first + [("path", .string(f.path)), ("size", .number(String(f.size))), ("sha256", .string(f.sha256))] + extra)
        }
        let value = JSONValue.object([
            ("manifest_version", .number(String(Self.formatVersion))),
            ("pipeline", .string(pipeline)),
            ("tool_version", .string(toolVersion)),
            ("run_at", .string(runAt)),
            ("fingerprint", .string(fingerprint)),
            ("pipeline_file", file(pipelineFile, [], [])),
            ("data_files", .array(dataFiles.map { file($0.file, [("key", .string($0.key))], []) })),
            ("inputs", .array(inputs.map { file($0, [], []) })),
            ("outputs", .array(outputs.map { o in
                file(o.file, [], o.rows.isEmpty ? [] : [("rows", .object(o.rows.map { ($0.name, .number(String($0.rows))) }))])
            })),
            ("warnings", .array(warnings.map { .string($0) })),
            ("timings", .object(timings.map { t in
                let s = (t.seconds * 1000).rounded() / 1000
                return (t.stage, s.isFinite ? .number(Cell.format(s)) : .null)
            })),
        ])
        var w = JSONWriter()
        w.write(value, indent: 0)
        w.out.append(UInt8(ascii: "\n"))
        return w.out
    }

    /// Writes `manifest.json` into `folder`.
    /// - Throws: `RunError("cannot write <path>: <reason>")`.
    public func write(to folder: String) throws {
        try OutputFile.write(bytes(), to: OutputFile.join(folder, Self.fileName))
    }
}
