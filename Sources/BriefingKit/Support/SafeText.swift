/// Text from outside (file names above all) made safe to show on one log line.
public enum SafeText {
    /// A file name's bytes as text: valid UTF-8 as is, every other byte as `\xNN`, so that two
    /// different names never show alike because of a replacement character.
    public static func fileName(_ bytes: some Collection<UInt8>) -> String {
        let b = Array(bytes)
        var out = ""
        var i = 0
        while i < b.count {
            let c = b[i]
            let length: Int
            let minimum: UInt32
            if c < 0x80 {
                (length, minimum) = (1, 0)
            } else if c & 0xE0 == 0xC0 {
                (length, minimum) = (2, 0x80)
            } else if c & 0xF0 == 0xE0 {
                (length, minimum) = (3, 0x800)
            } else if c & 0xF8 == 0xF0 {
                (length, minimum) = (4, 0x10000)
            } else {
                (length, minimum) = (0, 0)
            }
            if length > 0, i + length <= b.count {
                var value: UInt32 = length == 1 ? UInt32(c) : UInt32(c) & (0x7F >> UInt32(length))
                var valid = true
                for k in 1..<length {
                    let d = b[i + k]
                    guard d & 0xC0 == 0x80 else { valid = false; break }
                    value = value << 6 | UInt32(d & 0x3F)
                }
                if valid, value >= minimum, !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                    i += length
                    continue
                }
            }
            out += "\\x" + hex(UInt32(c), width: 2)
            i += 1
        }
        return out
    }

    /// `text` on one line: line breaks, tabs and other control characters (C0, DEL, C1), the
    /// Unicode line and paragraph separators and the bidirectional overrides are escaped (`\n`,
    /// `\r`, `\t`, `\u{2028}`), so that a file name cannot end a log line and forge the next one.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar): out += "\\u{" + hex(scalar.value, width: 4) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
