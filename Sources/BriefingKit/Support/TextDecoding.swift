/// Turns a file's bytes into text: UTF-8 with or without BOM, or Windows-1252 when not valid UTF-8.
public enum TextDecoding {
    public enum Outcome: Equatable, Sendable {
        case text(String, TextEncoding)
        /// Nothing but white space.
        case empty
        /// NUL bytes or many control characters: not a text file.
        case binary
    }

    /// Decodes `bytes`, telling which encoding it used.
    public static func decode(_ bytes: [UInt8]) -> Outcome {
        var body = bytes[...]
        var bom = false
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            bom = true
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .empty }
        if looksBinary(body) { return .binary }
        if let s = String(validating: body, as: UTF8.self) {
            return .text(s, bom ? .utf8BOM : .utf8)
        }
        return .text(windows1252(body), .windows1252)
    }

    /// NUL bytes, or more than 10 % control characters other than tab, CR, LF and form feed, in the first 8 KiB.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        var control = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { control += 1 }
        }
        return control * 10 > sample.count
    }

    /// Windows-1252 to String; the five unassigned bytes become U+FFFD.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            if b < 0x80 || b >= 0xA0 {
                scalars.append(Unicode.Scalar(b))
            } else {
                let v = cp1252High[Int(b) - 0x80]
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252 (0xFFFD where unassigned).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
