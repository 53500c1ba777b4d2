import Foundation

/// Lower-cases text and strips diacritics (`Équateur` → `equateur`, `Lương` → `luong`), scalar by scalar.
///
/// The table for U+0080…U+24FF is built once with Foundation's folding; after that folding costs an
/// array lookup per scalar. Typographic apostrophes become `'`, no-break spaces become spaces,
/// `œ`/`æ` become `oe`/`ae` and `đ` becomes `d` (which Foundation leaves alone).
public struct TextFolder: Sendable {
    /// The one instance every stage shares.
    public static let shared = TextFolder()

    private static let tableEnd = 0x2500
    private let table: [String]
    /// `table` as UTF-8 bytes, for `fold(_:)`.
    private let tableBytes: [[UInt8]]

    public init() {
        var table = [String](repeating: "", count: Self.tableEnd - 0x80)
        for v in 0x80..<Self.tableEnd {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(Character(scalar))
            switch v {
            case 0xA0, 0x2007, 0x202F, 0x2009, 0x200A, 0x2002, 0x2003: table[v - 0x80] = " "
            case 0x2018, 0x2019, 0x02BC, 0x2032: table[v - 0x80] = "'"
            case 0x0152, 0x0153: table[v - 0x80] = "oe"
            case 0x00C6, 0x00E6: table[v - 0x80] = "ae"
            case 0x0110, 0x0111: table[v - 0x80] = "d"
            case 0x2010, 0x2011: table[v - 0x80] = "-"
            default:
                if (0x300...0x36F).contains(v) { table[v - 0x80] = ""; continue }
                let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                table[v - 0x80] = folded.lowercased()
            }
        }
        self.table = table
        self.tableBytes = table.map { Array($0.utf8) }
    }

    /// Folds one scalar; returns `nil` when the scalar stays as it is (after ASCII lower-casing).
    @inline(__always)
    public func fold(_ scalar: Unicode.Scalar) -> String? {
        let v = Int(scalar.value)
        if v < 0x80 { return nil }
        if v < Self.tableEnd { return table[v - 0x80] }
        return nil
    }

    /// The folded form of a whole string, built on its UTF-8 bytes (ASCII lower-cased in place,
    /// other scalars through the table).
    public func fold<S: StringProtocol>(_ text: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        if text.utf8.withContiguousStorageIfAvailable({ fold(bytes: $0, into: &out) }) == nil {
            var copy = String(text)
            copy.withUTF8 { fold(bytes: $0, into: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func fold(bytes buf: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                i += 1
                continue
            }
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var v = UInt32(len == 4 ? b & 0x07 : len == 3 ? b & 0x0F : b & 0x1F)
            var k = 1
            while k < len, i + k < n { v = v << 6 | UInt32(buf[i + k] & 0x3F); k += 1 }
            if v < UInt32(Self.tableEnd) {
                out.append(contentsOf: tableBytes[Int(v) - 0x80])
            } else if let scalar = Unicode.Scalar(v) {
                out.append(contentsOf: String(scalar).lowercased().utf8)
            }
            i += len
        }
    }
}
