extension StringProtocol {
    /// The number of Unicode scalars, counted on the UTF-8 bytes (every byte that does not continue a
    /// sequence starts a scalar): `unicodeScalars.count` without decoding, several times faster.
    var scalarCount: Int {
        if let n = utf8.withContiguousStorageIfAvailable({ buf -> Int in
            var n = 0
            for b in buf where b & 0xC0 != 0x80 { n += 1 }
            return n
        }) { return n }
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }
}

extension StringProtocol where Index == String.Index {
    /// The first occurrence of `needle`, compared byte for byte on UTF-8 (no Foundation, no
    /// canonical equivalence: the separators and markers looked for are plain text).
    func utf8Range(of needle: String) -> Range<String.Index>? {
        let hay = utf8, pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        var i = hay.startIndex
        while i < hay.endIndex {
            if hay[i] == first {
                var j = hay.index(after: i), k = 1
                while k < pattern.count, j < hay.endIndex, hay[j] == pattern[k] { j = hay.index(after: j); k += 1 }
                if k == pattern.count { return i..<j }
            }
            i = hay.index(after: i)
        }
        return nil
    }
}

extension StringProtocol {
    /// `scalarCount <= limit`, stopping as soon as the answer is known (a long line is not scanned
    /// to its end to learn that it is longer than a widget).
    func hasAtMostScalars(_ limit: Int) -> Bool {
        let utf8 = self.utf8
        if utf8.count <= limit { return true }
        if utf8.count > 4 * limit { return false }
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 {
            n += 1
            if n > limit { return false }
        }
        return true
    }

    /// `scalarCount`, or `cap + 1` when there are more than `cap` scalars (a long line is not
    /// scanned to its end when only its being short matters).
    func scalarCount(cappedAt cap: Int) -> Int {
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 {
            n += 1
            if n > cap { return n }
        }
        return n
    }

    /// `split(separator: " ").count` on the UTF-8 bytes: the runs of bytes between ASCII spaces.
    var spaceSeparatedCount: Int {
        var n = 0
        var inRun = false
        for b in utf8 {
            if b == 0x20 { inRun = false } else if !inRun { inRun = true; n += 1 }
        }
        return n
    }
}
