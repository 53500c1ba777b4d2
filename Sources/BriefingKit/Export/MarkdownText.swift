/// Markdown building blocks for `BriefingNote`: escaping, code spans, links, English dates,
/// numbers and qualifiers, and capped lists.
enum Markdown {
    /// ASCII punctuation that could start emphasis, links, HTML, code, table cells or entities.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `s` on one line (runs of white space become one space), Markdown's special characters escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            if special.contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A code span (ids, paths); escaped text when `s` holds a backtick or a line break.
    static func code(_ s: String) -> String {
        s.contains { $0 == "`" || $0.isNewline } || s.isEmpty ? escape(s) : "`" + s + "`"
    }

    /// An autolink for a web URL (`|`, `<`, `>` and spaces percent-encoded, so it cannot break a
    /// table); anything else as escaped text.
    static func link(_ url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return escape(url) }
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "|": out += "%7C"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case " ": out += "%20"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return "<" + out + ">"
    }

    /// `26 Oct 2025`, or `Oct 2025` for a month.
    static func date(_ d: PartialDate) -> String {
        let month = (1...12).contains(d.month) ? months[d.month - 1] : String(d.month)
        return (d.day.map { "\($0) " } ?? "") + "\(month) \(d.year)"
    }

    /// The day of an ISO 8601 timestamp (`2025-10-27T00:00:00Z`).
    static func parseISODate(_ s: String) -> PartialDate? {
        let parts = s.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return PartialDate.valid(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `1,000`; non-integral values in their shortest form.
    static func grouped(_ value: Double) -> String {
        guard value.rounded() == value, abs(value) < 1e15 else { return Cell.format(value) }
        let digits = String(Int(abs(value)))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// The qualifier in plain English: `more-than` → `more than`.
    static func qualifierWords(_ q: String) -> String {
        switch q {
        case "more-than": return "more than"
        case "less-than": return "fewer than"
        case "at-least": return "at least"
        case "at-most": return "at most"
        case "nearly": return "nearly"
        case "about": return "about"
        default: return q.replacingOccurrences(of: "-", with: " ")
        }
    }

    /// `more than 1,000`.
    static func number(_ value: Double, qualifier: String?) -> String {
        (qualifier.map { qualifierWords($0) + " " } ?? "") + grouped(value)
    }

    /// `nearly 80 countries and organisations (speakers)`.
    static func figure(_ value: Double, qualifier: String?, metric: String, role: String?) -> String {
        number(value, qualifier: qualifier) + " " + metric.replacingOccurrences(of: "-", with: " ")
            + (role.map { " (" + $0.replacingOccurrences(of: "-", with: " ") + ")" } ?? "")
    }

    /// `Signatory countries`, `Delegates (speakers)`.
    static func metricLabel(_ metric: String, role: String?) -> String {
        capitalised(metric.replacingOccurrences(of: "-", with: " "))
            + (role.map { " (" + $0.replacingOccurrences(of: "-", with: " ") + ")" } ?? "")
    }

    static func capitalised(_ s: String) -> String {
        s.prefix(1).uppercased() + s.dropFirst()
    }

    /// At most `limit` characters, cut at a word boundary with `…`.
    static func shortened(_ s: String, _ limit: Int) -> String {
        let words = s.split(whereSeparator: \.isWhitespace)
        let oneLine = words.joined(separator: " ")
        guard oneLine.count > limit else { return oneLine }
        var out = ""
        for word in words {
            let next = out.isEmpty ? String(word) : out + " " + word
            if next.count > limit - 1 { break }
            out = next
        }
        if out.isEmpty { out = String(oneLine.prefix(max(limit - 1, 1))) }
        while let last = out.last, ",;:.".contains(last) { out.removeLast() }
        return out + "…"
    }

    /// The first `limit` list lines, then `- … and N more <noun>s`.
    static func capped(_ lines: [String], _ limit: Int, noun: String = "") -> [String] {
        guard lines.count > limit else { return lines }
        let rest = lines.count - limit
        let what = noun.isEmpty ? "" : " " + noun + (rest == 1 ? "" : "s")
        return Array(lines.prefix(limit)) + ["- … and \(rest) more\(what)"]
    }

    /// The first `limit` items joined, then `and N more <noun>s`.
    static func cappedInline(_ items: [String], _ limit: Int, separator: String = ", ", noun: String = "") -> String {
        guard items.count > limit else { return items.joined(separator: separator) }
        let rest = items.count - limit
        let what = noun.isEmpty ? "" : " " + noun + (rest == 1 ? "" : "s")
        return items.prefix(limit).joined(separator: separator) + separator + "and \(rest) more\(what)"
    }
}
