/// Reads the rows `JSONExporter` writes, one flat object of scalars per line
/// (`[\n{"a":"x","b":1,"c":null},\n{…}\n]`), straight from the bytes: several times faster and
/// smaller than `JSONSerialization` on a table of a hundred thousand rows. Values come back as
/// `PreviousRun(briefing:)` gives them (integers exactly, other numbers as `Cell.format`, booleans
/// `true`/`false`, null as "").
/// `nil` for anything else (nested values, a syntax error): the caller then uses a full JSON parser.
enum FlatJSON {
    static func rows(_ data: some Collection<UInt8>) -> [[String: String]]? {
        let bytes = Array(data)
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
        func string() -> String? {
            guard i < n, bytes[i] == 0x22 else { return nil }
            i += 1
            var out: [UInt8] = []
            while i < n {
                let b = bytes[i]
                if b == 0x22 { i += 1; return String(validating: out, as: UTF8.self) }
                if b < 0x20 { return nil }
                if b != 0x5C { out.append(b); i += 1; continue }
                guard i + 1 < n else { return nil }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var v = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(v) {
                        guard i + 1 < n, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            }
            return nil
        }
        func hex4() -> UInt32? {
            guard i + 4 <= n else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let b = bytes[i + k]
                let d: UInt8
                switch b {
                case 0x30...0x39: d = b - 0x30
                case 0x41...0x46: d = b - 0x41 + 10
                case 0x61...0x66: d = b - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            i += 4
            return v
        }
        func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= n, Array(bytes[i..<i + w.count]) == w else { return false }
            i += w.count
            return true
        }
        func value() -> String? {
            guard i < n else { return nil }
            switch bytes[i] {
            case 0x22: return string()
            case 0x6E: return literal("null") ? "" : nil
            case 0x74: return literal("true") ? "true" : nil
            case 0x66: return literal("false") ? "false" : nil
            default:
                let start = i
                while i < n, (0x30...0x39).contains(bytes[i]) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(bytes[i]) { i += 1 }
                let literal = String(decoding: bytes[start..<i], as: UTF8.self)
                // an integer as `Cell.plain` writes it (exact past 2^53, where a Double is not)
                if let integer = Int(literal) { return String(integer) }
                guard i > start, let d = Double(literal) else { return nil }
                return Cell.format(d)
            }
        }
        skipSpace()
        guard i < n, bytes[i] == 0x5B else { return nil }
        i += 1
        var rows: [[String: String]] = []
        skipSpace()
        if i < n, bytes[i] == 0x5D { i += 1; skipSpace(); return i == n ? rows : nil }
        while true {
            skipSpace()
            guard i < n, bytes[i] == 0x7B else { return nil }
            i += 1
            var row: [String: String] = [:]
            skipSpace()
            if i < n, bytes[i] == 0x7D { i += 1 } else {
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard i < n, bytes[i] == 0x3A else { return nil }
                    i += 1
                    skipSpace()
                    guard let v = value() else { return nil }
                    row[key] = v
                    skipSpace()
                    guard i < n else { return nil }
                    if bytes[i] == 0x2C { i += 1; continue }
                    if bytes[i] == 0x7D { i += 1; break }
                    return nil
                }
            }
            rows.append(row)
            skipSpace()
            guard i < n else { return nil }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x5D { i += 1; break }
            return nil
        }
        skipSpace()
        return i == n ? rows : nil
    }
}
