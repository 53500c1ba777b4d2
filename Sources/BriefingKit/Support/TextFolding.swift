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
    }

    /// Folds one scalar; returns `nil` when the scalar stays as it is (after ASCII lower-casing).
    @inline(__always)
    public func fold(_ scalar: Unicode.Scalar) -> String? {
        let v = Int(scalar.value)
        if v < 0x80 { return nil }
        if v < Self.tableEnd { return table[v - 0x80] }
        return nil
    }

    /// The folded form of a whole string.
    public func fold<S: StringProtocol>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
            } else if let f = fold(scalar) {
                out.append(contentsOf: f.unicodeScalars)
            } else {
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }
}
