/// Recognises the lines of a scraped page that are not article text: captions, credits, banners,
/// widgets, bylines, source lines and the lists that follow the comment widget.
///
/// Each check looks at one trimmed line; the parse stage keeps the state (first line, after the footer).
enum LineClassifier {
    /// What a line is.
    enum Kind: Equatable {
        case content
        /// ` date 2025-10-25 Title`
        case header(date: PartialDate?, title: String)
        case banner
        case imageMarker
        /// A caption; `text` is the caption without its credit, for use as a fallback title.
        case caption(text: String)
        case credit(agency: String)
        case agencySignOff(String)
        case source(url: String)
        /// `Báo Tin Tức26/10/2025`
        case byline(publisher: String?, date: PartialDate)
        case commentWidget
        /// `Même sujet`, `Lire aussi`: the related-articles list starts here.
        case relatedHeading
        /// A widget word alone on its line (`Partager`).
        case widgetWord
    }

    static func classify(_ line: String, isFirst: Bool) -> Kind {
        let folded = TextFolder.shared.fold(line.prefix(60))
        if isFirst, let header = header(line) { return header }
        if line.hasPrefix("![") { return .imageMarker }
        if line.hasPrefix("|") { return .caption(text: cleanCaption(line)) }
        if isFirst, isBanner(line) { return .banner }
        if let url = sourceURL(line, folded: folded) { return .source(url: url) }
        if folded.hasPrefix("comment ("), line.unicodeScalars.count < 20 { return .commentWidget }
        if folded.hasPrefix("laissez un commentaire") || folded.hasPrefix("leave a comment") { return .commentWidget }
        if relatedHeadings.contains(where: { folded == $0 || folded.hasPrefix($0 + " :") || folded.hasPrefix($0 + ":") }) {
            return .relatedHeading
        }
        if widgetWords.contains(folded.trimmingTrailingPunctuation()) { return .widgetWord }
        if folded.hasPrefix("legende de la photo") || folded.hasPrefix("photo caption") { return .caption(text: "") }
        if let agency = creditOnly(line, folded: folded) { return .credit(agency: agency) }
        if let caption = captionWithCredit(line) { return .caption(text: caption) }
        if line.unicodeScalars.count <= 120, folded.hasPrefix("quelques photos") || folded.hasPrefix("en images") {
            return .caption(text: "")
        }
        if let (publisher, date) = byline(line) { return .byline(publisher: publisher, date: date) }
        if isAgencySignOff(line) { return .agencySignOff(line) }
        return .content
    }

    static let relatedHeadings = ["meme sujet", "meme categorie", "meme auteur", "lire aussi", "voir aussi",
                                  "articles connexes", "a lire aussi", "sur le meme sujet", "related articles",
                                  "read more", "related news"]
    static let widgetWords: Set<String> = ["francais", "english", "tieng viet", "partager", "share", "imprimer",
                                            "print", "tweet", "envoyer", "retour en haut"]
    /// Widget words that scraping glues to the start of a paragraph (`Français Les commentaires…`).
    static let gluedPrefixes = ["Français ", "English ", "Tiếng Việt "]

    /// ` date 2025-10-25 Title` or ` date 2025-04 Title`.
    static func header(_ line: String) -> Kind? {
        guard line.hasPrefix("date ") else { return nil }
        let rest = line.dropFirst(5)
        let dateText = rest.prefix { $0.isNumber || $0 == "-" }
        let parts = dateText.split(separator: "-").compactMap { Int($0) }
        let date: PartialDate?
        switch parts.count {
        case 3: date = PartialDate.valid(year: parts[0], month: parts[1], day: parts[2])
        case 2: date = PartialDate.valid(year: parts[0], month: parts[1], day: nil)
        default: return nil
        }
        let title = rest.dropFirst(dateText.count).trimmingCharacters()
        return .header(date: date, title: title)
    }

    /// `Vietnam.vn - Nền tảng quảng bá Việt Nam`: a site name with a domain, a dash and a slogan.
    static func isBanner(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= 120, let dash = line.range(of: " - ") ?? line.range(of: " – ") ?? line.range(of: " | ") else {
            return false
        }
        let site = line[..<dash.lowerBound]
        guard !site.contains(" "), let dot = site.lastIndex(of: ".") else { return false }
        let tld = site[site.index(after: dot)...]
        return (2...6).contains(tld.count) && tld.allSatisfy(\.isLetter)
    }

    /// `Source: https://…` or `Source : https://…`.
    static func sourceURL(_ line: String, folded: String) -> String? {
        guard folded.hasPrefix("source") || folded.hasPrefix("nguon") else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let rest = line[line.index(after: colon)...].trimmingCharacters()
        guard rest.hasPrefix("http://") || rest.hasPrefix("https://") else { return nil }
        return String(rest.prefix { !$0.isWhitespace })
    }

    /// `Photo : VNA/CVN` alone on its line; returns the credited agency or photographer.
    static func creditOnly(_ line: String, folded: String) -> String? {
        guard folded.hasPrefix("photo") || folded.hasPrefix("credit photo") || folded.hasPrefix("anh:") else { return nil }
        guard line.unicodeScalars.count <= 80, let colon = line.firstIndex(of: ":") else { return nil }
        let head = TextFolder.shared.fold(line[..<colon]).trimmingCharacters()
        guard ["photo", "photos", "credit photo", "anh"].contains(head) else { return nil }
        return line[line.index(after: colon)...].trimmingCharacters()
    }

    /// A caption that ends with its credit: `… . Photo : Tuan Anh/VNA`, `… (Photo : X)`.
    /// Returns the caption text without the credit.
    static func captionWithCredit(_ line: String) -> String? {
        guard line.unicodeScalars.count <= 600 else { return nil }
        let scalars = Array(line.unicodeScalars)
        // find the last "Photo" followed by optional spaces and ':'
        var i = scalars.count - 5
        while i >= 0 {
            if scalars[i] == "P", String(String.UnicodeScalarView(scalars[i..<i + 5])) == "Photo" {
                var j = i + 5
                while j < scalars.count, scalars[j] == " " || scalars[j].value == 0xA0 || scalars[j].value == 0x202F { j += 1 }
                if j < scalars.count, scalars[j] == ":" {
                    let credit = String(String.UnicodeScalarView(scalars[(j + 1)...])).trimmingCharacters()
                    let bare = credit.hasSuffix(")") ? String(credit.dropLast()) : credit
                    guard !bare.isEmpty, bare.unicodeScalars.count <= 60, !bare.contains(". ") else { return nil }
                    var text = String(String.UnicodeScalarView(scalars[..<i])).trimmingCharacters()
                    if text.hasSuffix("(") { text = String(text.dropLast()).trimmingCharacters() }
                    return cleanCaption(text)
                }
            }
            i -= 1
        }
        return nil
    }

    /// Caption text without pipes, credit and trailing dot: a usable fallback title.
    static func cleanCaption(_ line: String) -> String {
        var s = line.trimmingCharacters()
        while s.hasPrefix("|") { s = String(s.dropFirst()).trimmingCharacters() }
        while s.hasSuffix("|") { s = String(s.dropLast()).trimmingCharacters() }
        if s.contains("Photo"), let inner = captionWithCredit(s) { s = inner }
        while let last = s.last, last == "." || last == " " { s.removeLast() }
        return s
    }

    /// A short line ending with `dd/mm/yyyy`: `Báo Tin TứcBáo Tin Tức26/10/2025`.
    static func byline(_ line: String) -> (String?, PartialDate)? {
        guard line.unicodeScalars.count <= 120 else { return nil }
        let tail = line.suffix(10)
        let parts = tail.split(separator: "/")
        guard tail.count == 10, parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              let date = PartialDate.valid(year: y, month: m, day: d) else { return nil }
        var name = String(line.dropLast(10)).trimmingCharacters()
        // scraped bylines repeat the name: "Báo Tin TứcBáo Tin Tức"
        let chars = Array(name)
        if chars.count % 2 == 0, chars.count > 0, chars[..<(chars.count / 2)] == chars[(chars.count / 2)...] {
            name = String(chars[..<(chars.count / 2)])
        }
        return (name.isEmpty ? nil : name, date)
    }

    /// `VNA/CVN`, `TTXVN`, `AFP`: an agency sign-off alone on its line.
    static func isAgencySignOff(_ line: String) -> Bool {
        guard (2...24).contains(line.unicodeScalars.count) else { return false }
        let parts = line.split(separator: "/", omittingEmptySubsequences: false)
        return parts.allSatisfy { p in
            p.count >= 2 && p.allSatisfy { $0.isUppercase || $0.isNumber }
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing white space (ASCII, NBSP, narrow NBSP, BOM); scans scalars,
    /// not characters, which is much cheaper on long lines.
    func trimmingCharacters() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0.value == 0xFEFF }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    func trimmingTrailingPunctuation() -> String {
        var s = String(self)
        while let last = s.last, last.isPunctuation || last.isWhitespace { s.removeLast() }
        return s
    }
}
