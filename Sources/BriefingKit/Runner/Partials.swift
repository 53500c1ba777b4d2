import Foundation

/// The partial results of a split run (`briefing shard …`, then `briefing merge`): what a cluster
/// runs (see `spark/briefing_spark.py`), in format `briefing-shard`, version 1. Under one partials
/// folder, a folder `shard-NNNNN` per shard holds:
///
/// - after `briefing shard prepare` (read, parse and the document stages up to dedupe, which
///   computes each paragraph's print): `shard.json` (`Partials.Header`, phase `prepared`: pipeline, shard
///   index and count, the corpus entries listed and the range taken, the stages' counters, warnings,
///   input digests); `documents.jsonl`, one document per line (`Document`, JSON), in corpus order;
///   `prints.jsonl`, one line per paragraph print, in corpus order:
///   `{"ref":"<shard>:<document>:<paragraph>","p":"<paragraph id>","d":"<document id>",
///   "x":"<exact key>","b":["<band key>",…],"s":"<shingles>"}` (keys as 16 hex digits; `s` the
///   sorted shingle hashes as one run of 16-hex-digit groups, empty for a paragraph compared
///   exactly only; `<document>` and `<paragraph>` are 0-based positions in the shard and among the
///   document's paragraphs).
/// - after `briefing shard decide` (one process, the whole corpus in order, from the prints alone):
///   `decisions.jsonl`, one line per paragraph found to repeat one kept earlier (in its own document
///   or an earlier one):
///   `{"ref":…,"reason":"exact-duplicate"|"near-duplicate","paragraphID":<kept>,"documentID":<its
///   document>,"similarity":…}`. Given a candidates file (one reference per line: the paragraphs
///   that share a key with another, from Spark's shuffle), only those prints are looked up: any
///   other shares no key with any paragraph, so no lookup can find it or be found by it.
/// - after `briefing shard finish` (the decisions applied, then the remaining document stages,
///   enrich): `finished.json` (phase `finished`, every stage's counters) and `finished.jsonl`, one
///   document per line, which `briefing merge` aggregates, exports and publishes.
public enum Partials {
    public static let format = "briefing-shard"
    public static let version = 1
    public static let headerFile = "shard.json"
    public static let documentsFile = "documents.jsonl"
    public static let printsFile = "prints.jsonl"
    public static let decisionsFile = "decisions.jsonl"
    public static let finishedHeaderFile = "finished.json"
    public static let finishedFile = "finished.jsonl"

    /// How far a shard has gone.
    public enum Phase: String, Codable, Sendable {
        case prepared, finished
    }

    /// `shard.json` and `finished.json`.
    public struct Header: Codable, Sendable, Equatable {
        public var format = Partials.format
        public var version = Partials.version
        public var phase: Phase
        public var pipeline: String
        public var shard: Int
        public var shards: Int
        /// Corpus entries listed by this shard (all shards must agree).
        public var corpusEntries: Int
        /// The entries this shard took: `first ..< first + count` of the sorted listing.
        public var first: Int
        public var count: Int
        public var documents: Int
        /// Parse's and every document stage's counters for this shard, so far.
        public var stages: [StageStats]
        public var warnings: [String]
        public var inputs: [FileDigest]
    }

    /// One line of `decisions.jsonl`: a paragraph that repeats one kept from an earlier document.
    public struct Decision: Codable, Sendable, Equatable {
        public var ref: String
        public var reason: Removal.Reason
        /// The kept paragraph and its document.
        public var paragraphID: String
        public var documentID: String
        public var similarity: Double

        init(ref: String, _ match: DuplicateIndex.Match) {
            self.ref = ref
            reason = match.reason
            paragraphID = match.paragraphID
            documentID = match.documentID
            similarity = match.similarity
        }

        var match: DuplicateIndex.Match {
            DuplicateIndex.Match(reason: reason, paragraphID: paragraphID, documentID: documentID, similarity: similarity)
        }
    }

    /// A line of `prints.jsonl`.
    struct PrintLine: Equatable {
        var ref: String
        var paragraphID: String
        var documentID: String
        var print: ParagraphPrint
    }

    /// The entries shard `index` of `count` takes out of `total`: contiguous, in order, sizes within one.
    public static func range(shard index: Int, of count: Int, total: Int) -> Range<Int> {
        total * index / count..<total * (index + 1) / count
    }

    /// The folder of shard `index` in a partials folder.
    public static func folder(_ root: String, shard index: Int) -> String {
        let digits = String(index)
        return OutputFile.join(root, "shard-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits)
    }

    /// The reference of a paragraph in `prints.jsonl` and `decisions.jsonl`.
    public static func ref(shard: Int, document: Int, paragraph: Int) -> String {
        "\(shard):\(document):\(paragraph)"
    }

    // MARK: - Print lines

    /// One line of `prints.jsonl` (no line break).
    static func printLine(_ line: PrintLine) -> [UInt8] {
        let print = line.print
        var out: [UInt8] = []
        out.reserveCapacity(96 + 19 * print.bandKeys.count + 16 * print.shingles.count)
        out += Array("{\"ref\":\"\(line.ref)\",\"p\":".utf8)
        appendJSONString(line.paragraphID, to: &out)
        out += Array(",\"d\":".utf8)
        appendJSONString(line.documentID, to: &out)
        out += Array(",\"x\":\"".utf8)
        appendHex(print.exactKey, to: &out)
        out += Array("\",\"b\":[".utf8)
        for (i, key) in print.bandKeys.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            appendHex(key, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        out += Array("],\"s\":\"".utf8)
        for s in print.shingles { appendHex(s, to: &out) }
        out += Array("\"}".utf8)
        return out
    }

    /// A line of `prints.jsonl` read back: in the layout `printLine` writes, by a scan of its bytes;
    /// any other valid JSON with the same fields, through JSONSerialization.
    /// - Throws: `RunError` for a line that is not one.
    static func parsePrintLine(_ line: [UInt8]) throws -> PrintLine {
        if let fast = scanPrintLine(line) { return fast }
        return try parsePrintLineAsJSON(line)
    }

    /// The fields of a line written by `printLine`, or `nil` when the line is laid out otherwise.
    private static func scanPrintLine(_ line: [UInt8]) -> PrintLine? {
        var i = 0
        func expect(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard i + n <= line.count else { return false }
            let ok = text.withUTF8Buffer { t in (0..<n).allSatisfy { line[i + $0] == t[$0] } }
            if ok { i += n }
            return ok
        }
        func string() -> String? {
            guard i < line.count, line[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            var bytes: [UInt8] = []
            while i < line.count {
                let b = line[i]
                if b == UInt8(ascii: "\"") { i += 1; return String(decoding: bytes, as: UTF8.self) }
                if b == UInt8(ascii: "\\") {
                    guard i + 1 < line.count else { return nil }
                    let e = line[i + 1]
                    if e == UInt8(ascii: "\"") || e == UInt8(ascii: "\\") {
                        bytes.append(e); i += 2
                    } else if e == UInt8(ascii: "u"), i + 6 <= line.count,
                              let v = hexValue(line[i + 2..<i + 6], digits: 4), v < 0x80 {
                        bytes.append(UInt8(v)); i += 6
                    } else {
                        return nil
                    }
                    continue
                }
                bytes.append(b)
                i += 1
            }
            return nil
        }
        func key() -> UInt64? {
            guard i + 18 <= line.count, line[i] == UInt8(ascii: "\""), line[i + 17] == UInt8(ascii: "\""),
                  let v = hexValue(line[i + 1..<i + 17]) else { return nil }
            i += 18
            return v
        }
        guard expect("{\"ref\":"), let ref = string(), expect(",\"p\":"), let paragraphID = string(),
              expect(",\"d\":"), let documentID = string(), expect(",\"x\":"), let x = key(), expect(",\"b\":[") else { return nil }
        var bandKeys: [UInt64] = []
        if !expect("]") {
            while true {
                guard let k = key() else { return nil }
                bandKeys.append(k)
                if expect("]") { break }
                guard expect(",") else { return nil }
            }
        }
        guard expect(",\"s\":\"") else { return nil }
        var shingles: [UInt64] = []
        while i + 16 <= line.count, line[i] != UInt8(ascii: "\"") {
            guard let v = hexValue(line[i..<i + 16]) else { return nil }
            shingles.append(v)
            i += 16
        }
        guard expect("\"}"), i == line.count else { return nil }
        return PrintLine(ref: ref, paragraphID: paragraphID, documentID: documentID,
                         print: ParagraphPrint(exactKey: x, shingles: shingles, bandKeys: bandKeys))
    }

    private static func parsePrintLineAsJSON(_ line: [UInt8]) throws -> PrintLine {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let ref = object["ref"] as? String, let paragraphID = object["p"] as? String,
              let documentID = object["d"] as? String, let x = (object["x"] as? String).flatMap(hexValue),
              let bands = object["b"] as? [String], let s = object["s"] as? String, s.utf8.count % 16 == 0 else {
            throw RunError("not a print line: \(String(decoding: line.prefix(120), as: UTF8.self))")
        }
        var bandKeys: [UInt64] = []
        for b in bands {
            guard let key = hexValue(b) else { throw RunError("not a print line (band key \(b))") }
            bandKeys.append(key)
        }
        var shingles: [UInt64] = []
        let bytes = Array(s.utf8)
        shingles.reserveCapacity(bytes.count / 16)
        var i = 0
        while i < bytes.count {
            guard let value = hexValue(bytes[i..<i + 16]) else { throw RunError("not a print line (shingles)") }
            shingles.append(value)
            i += 16
        }
        return PrintLine(ref: ref, paragraphID: paragraphID, documentID: documentID,
                         print: ParagraphPrint(exactKey: x, shingles: shingles, bandKeys: bandKeys))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendHex(_ value: UInt64, to out: inout [UInt8]) {
        var shift = 60
        while shift >= 0 {
            out.append(hexDigits[Int((value >> UInt64(shift)) & 0xF)])
            shift -= 4
        }
    }

    /// `text` as a JSON string, quotes included.
    private static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case 0..<0x20:
                out += Array("\\u00".utf8)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            default:
                out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexValue(_ text: String) -> UInt64? {
        hexValue(Array(text.utf8)[...])
    }

    private static func hexValue(_ bytes: ArraySlice<UInt8>, digits: Int = 16) -> UInt64? {
        guard bytes.count == digits else { return nil }
        var value: UInt64 = 0
        for b in bytes {
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    // MARK: - Reading

    /// The lines of a file, one at a time, without their line breaks; the file is mapped, not read whole.
    static func lines(of path: String) throws -> () -> [UInt8]? {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw RunError("cannot read \(path): \(error.localizedDescription)")
        }
        return PreviousRun.lineReader(data)
    }

    /// The print lines of a `prints.jsonl`, in order; only those of `keeping` when given.
    static func readPrints(_ path: String, keeping: Set<String>? = nil, _ body: (PrintLine) throws -> Void) throws {
        let next = try lines(of: path)
        var number = 0
        let prefix = Array("{\"ref\":\"".utf8)
        while let line = next() {
            number += 1
            guard !line.isEmpty else { continue }
            if let keeping, line.starts(with: prefix),
               let close = line[prefix.count...].firstIndex(of: UInt8(ascii: "\"")),
               !keeping.contains(String(decoding: line[prefix.count..<close], as: UTF8.self)) {
                continue
            }
            let parsed: PrintLine
            do {
                parsed = try parsePrintLine(line)
            } catch let error as RunError {
                throw RunError("\(path):\(number): \(error.message)")
            }
            try body(parsed)
        }
    }

    /// The references of a candidates file, one per line.
    static func readCandidates(_ path: String) throws -> Set<String> {
        var refs: Set<String> = []
        let next = try lines(of: path)
        while let line = next() {
            if !line.isEmpty { refs.insert(String(decoding: line, as: UTF8.self)) }
        }
        return refs
    }
}
