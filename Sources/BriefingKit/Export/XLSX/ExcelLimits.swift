/// Excel's hard limits, and the pure-Swift helpers that keep written values inside them.
///
/// Nothing here touches libxlsxwriter, so it can be tested on its own.
enum ExcelLimits {
    /// Rows per sheet, header included.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    /// Characters per cell, counted as Excel does: UTF-16 code units.
    static let maxStringUTF16 = 32_767
    /// Characters per hyperlink target in current Excel versions.
    static let maxURLLength = 2_079
    /// Hyperlinks per sheet.
    static let maxURLsPerSheet = 65_530
    static let maxSheetNameLength = 31
    /// Row height in points.
    static let maxRowHeight = 409.0
    /// Appended to a text cut down to `maxStringUTF16`.
    static let truncationMarker = " [… truncated]"
    /// Days from Excel's day zero (1899-12-30) to 1970-01-01.
    static let serialOfUnixEpoch = 25_569
    /// Serial of 1900-03-01: Excel's fictitious 1900-02-29 makes earlier serials show the wrong day.
    static let firstReliableSerial = 61

    /// `text` cut so that, with the marker, it fits in a cell; `nil` when it already fits.
    static func truncated(_ text: String) -> String? {
        guard text.utf16.count > maxStringUTF16 else { return nil }
        let budget = maxStringUTF16 - truncationMarker.utf16.count
        var used = 0
        var end = text.startIndex
        // Cut on a Character boundary, so no surrogate pair or accent is split.
        for index in text.indices {
            let next = text.index(after: index)
            let width = text.utf16.distance(from: index, to: next)
            if used + width > budget { break }
            used += width
            end = next
        }
        return String(text[..<end]) + truncationMarker
    }

    /// A valid sheet name for `raw`: forbidden characters `[]:*?/\` and characters XML cannot hold
    /// (controls, NUL, U+FFFE, U+FFFF) become `_`, no leading or trailing apostrophe, at most 31
    /// characters, and unique (case-insensitively) among `taken` by a ` (n)` suffix.
    static func sheetName(_ raw: String, taken: Set<String>) -> String {
        // Checked scalar by scalar: a forbidden character with a combining mark after it (`\` + U+065B)
        // is one Character, but libxlsxwriter (and Excel) still see the forbidden byte.
        let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
        // A NUL would also cut the name short on its way to C (`Summary\0` is `Summary` to libxlsxwriter).
        func unwritable(_ c: Character) -> Bool {
            c.unicodeScalars.contains { forbidden.contains($0) || $0.properties.generalCategory == .control
                || $0.value == 0xFFFE || $0.value == 0xFFFF }
        }
        var base = String(raw.map { $0.isNewline || unwritable($0) ? "_" : $0 })
        while base.unicodeScalars.first == "'" { base.unicodeScalars.removeFirst() }
        while base.unicodeScalars.last == "'" { base.unicodeScalars.removeLast() }
        if base.isEmpty { base = "Sheet" }
        // "History" is reserved by Excel.
        if base.lowercased() == "history" { base += "_" }
        var candidate = prefix(base, utf16: maxSheetNameLength)
        var n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = prefix(base, utf16: maxSheetNameLength - suffix.utf16.count) + suffix
            n += 1
        }
        return candidate
    }

    /// The longest prefix of `s` on Character boundaries with at most `limit` UTF-16 units.
    static func prefix(_ s: String, utf16 limit: Int) -> String {
        guard s.utf16.count > limit else { return s }
        var out = ""
        var used = 0
        for ch in s {
            let width = ch.utf16.count
            if used + width > limit { break }
            used += width
            out.append(ch)
        }
        while out.hasSuffix(" ") || out.hasSuffix("'") { out.removeLast() }
        return out
    }

    /// Column letters for a 0-based column: 0 → `A`, 26 → `AA`.
    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The A1-style name of a 0-based cell: row 1, column 2 → `C2`.
    static func cellName(row: Int, column: Int) -> String {
        "\(columnName(column))\(row + 1)"
    }

    /// Whether libxlsxwriter will treat `url` as an external link (and nothing else).
    ///
    /// NB: libxlsxwriter looks for `internal:` / `external:` anywhere in the string, so such URLs are
    /// written as text rather than risk a broken link.
    static func isLinkable(_ url: String) -> Bool {
        let lower = url.lowercased()
        let schemes = ["http://", "https://", "ftp://", "mailto:"]
        guard schemes.contains(where: { lower.hasPrefix($0) }) else { return false }
        return !lower.contains("internal:") && !lower.contains("external:")
    }

    /// Characters of a table name or a table column header.
    static let maxNameLength = 255

    /// A valid table name for `raw`, unique (case-insensitively) among `taken`: letters, digits, `_`
    /// and `.` only, starting with a letter or `_`, and never readable as a cell reference
    /// (`A1`, `tbl1`, `R1C1`, `R`, `C`), which Excel would refuse.
    static func tableName(_ raw: String, taken: Set<String>) -> String {
        var name = String(raw.unicodeScalars.map { scalar -> Character in
            let ok = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
            return ok ? Character(scalar) : "_"
        })
        if let first = name.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") {
            name = "_" + name
        }
        if name.isEmpty { name = "Table" }
        if looksLikeCellReference(name) { name += "_" }
        name = prefix(name, utf16: maxNameLength - 6)
        var candidate = name
        var n = 2
        while taken.contains(candidate.lowercased()) {
            candidate = name + "_\(n)"
            n += 1
        }
        return candidate
    }

    /// Whether Excel would read `name` as a cell: `A1`…`XFD1048576`, or R1C1 style `R`, `C`, `R2C3`.
    static func looksLikeCellReference(_ name: String) -> Bool {
        let upper = Array(name.uppercased().utf8)
        let letters = upper.prefix { (65...90).contains($0) }
        let digits = upper.dropFirst(letters.count)
        if (1...3).contains(letters.count), !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) {
            let column = letters.reduce(0) { $0 * 26 + Int($1) - 64 }
            if column <= maxColumns { return true }
        }
        // R1C1: R, C, R<n>, C<n>, R<n>C<n>.
        let text = String(decoding: upper, as: UTF8.self)
        return text.wholeMatch(of: /R[0-9]*(C[0-9]*)?|C[0-9]*/) != nil
    }

    /// Table headers made valid and unique, case-insensitively as Excel compares them: a repeated
    /// `name` becomes `name (2)`, an empty one `Column n`, line breaks become spaces.
    static func uniqueHeaders(_ raw: [String]) -> [String] {
        var taken: Set<String> = []
        return raw.enumerated().map { index, header in
            var base = header.split(whereSeparator: \.isNewline).joined(separator: " ")
            if base.allSatisfy({ $0 == " " || $0 == "\t" }) { base = "Column \(index + 1)" }
            base = prefix(base, utf16: maxNameLength - 8)
            var candidate = base
            var n = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(base) (\(n))"
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// A place in the workbook for an internal link: `'figures'!A5` (quotes doubled inside the name).
    static func location(sheet: String, row: Int, column: Int) -> String {
        "'" + String(sheet.flatMap { $0 == "'" ? ["'", "'"] : [$0] }) + "'!" + cellName(row: row, column: column)
    }
}
