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
        /// A breadcrumb (`Accueil › Monde › Asie`, `Home / World`) or a menu (`News | World | Sport`).
        case navigation
        /// An outlet's name in capitals (`REUTERS`, `AFP - AGENCE FRANCE-PRESSE`).
        case outletName(String)
        /// `Published October 26, 2025 3:14 PM`, `Mis à jour le 26 octobre 2025`: the first date with
        /// its year, if any (`nil` year when the line gives none).
        case dateLine(DateFinder.Found?)
        /// `By Jane Doe`, `Par Marie Dupont, AFP`, `Reporting by …; Editing by …`: the agency, if named.
        case author(agency: String?)
        case share
        case newsletter
        case cookie
        case tags
        /// `Read more: …`, `Lire aussi : « … »`: one teaser line.
        case teaser
        /// `© 2025 Reuters`, `© AFP`: the named holder, if any.
        case copyright(holder: String?)
        /// `bur-lt/jma`: an agency's editing slug.
        case slug
        /// `EXCLUSIVE`, `Analyse`, `PRESS RELEASE`, `EN DIRECT`: a label above the headline.
        case kicker
        /// `23:40 BST`, `14h05`: a live blog's time stamp alone on its line.
        case timeStamp
    }

    static func classify(_ line: String, isFirst: Bool) -> Kind {
        let folded = TextFolder.shared.fold(line.prefix(60))
        // only compared with limits up to 300: no need to count a long line to its end
        let length = line.scalarCount(cappedAt: 1000)
        if isFirst, let header = header(line) { return header }
        if length <= 40, kickers.contains(folded.trimmingTrailingPunctuation()) { return .kicker }
        if length <= 20, isTimeStamp(line) { return .timeStamp }
        if line.hasPrefix("![") { return .imageMarker }
        if line.hasPrefix("|") { return .caption(text: cleanCaption(line)) }
        if line.hasPrefix("["), let kind = bracketed(line) { return kind }
        if isFirst, isBanner(line) { return .banner }
        if let url = sourceURL(line, folded: folded) { return .source(url: url) }
        if (line.hasPrefix("http://") || line.hasPrefix("https://")), !line.contains(" ") { return .source(url: line) }
        // the short widget lines: folded whole, checked by what they contain
        if length <= 300 {
            let all = length <= 60 ? folded : TextFolder.shared.fold(line)
            if let kind = widgetLine(all, length: length) { return kind }
        }
        if let kind = teaserOrHeading(line, folded: folded) { return kind }
        if relatedHeadings.contains(where: { h in
            guard folded.hasPrefix(h) else { return false }
            let rest = folded.dropFirst(h.count)
            return rest.isEmpty || rest.hasPrefix(" :") || rest.hasPrefix(":")
        }) {
            return .relatedHeading
        }
        if isNavigation(line, folded: folded) { return .navigation }
        if widgetWords.contains(folded.trimmingTrailingPunctuation()) { return .widgetWord }
        if folded.hasPrefix("legende de la photo") || folded.hasPrefix("photo caption") { return .caption(text: "") }
        if let agency = creditOnly(line, folded: folded) { return .credit(agency: agency) }
        if let caption = captionWithCredit(line) { return .caption(text: caption) }
        if length <= 120, folded.hasPrefix("quelques photos") || folded.hasPrefix("en images") {
            return .caption(text: "")
        }
        if let (publisher, date) = byline(line) { return .byline(publisher: publisher, date: date) }
        if let found = dateLine(line, folded: folded) { return .dateLine(found) }
        if let agency = authorLine(line, folded: folded) { return .author(agency: agency.isEmpty ? nil : agency) }
        if isAgencySignOff(line) { return .agencySignOff(line) }
        if isSlug(line) { return .slug }
        if isCapitals(line) || isAcronymAndName(line) { return .outletName(line) }
        return .content
    }

    /// Lines in square brackets: `[Image] caption`, `[Photo : caption. Credit]`, `[Publicité]`,
    /// `[Subscribe to …]`, `[Accept] [Manage]`.
    static func bracketed(_ line: String) -> Kind? {
        let folded = TextFolder.shared.fold(line.prefix(40))
        for word in ["[image", "[photo", "[video", "[illustration", "[caption", "[legende", "[graphic", "[infographi"] where folded.hasPrefix(word) {
            var inner = Substring(line.dropFirst())
            if let close = inner.firstIndex(of: "]") {
                let head = inner[..<close]
                let rest = inner[inner.index(after: close)...].trimmingCharacters()
                inner = rest.isEmpty ? head : Substring(rest)
            }
            var text = inner.trimmingCharacters()
            for w in ["Image", "Photo", "Vidéo", "Video", "Illustration", "Caption", "Légende"] where text.hasPrefix(w) {
                text = String(text.dropFirst(w.count)).trimmingCharacters()
                if text.hasPrefix(":") { text = String(text.dropFirst()).trimmingCharacters() }
            }
            return .caption(text: cleanCaption(stripCredit(text)))
        }
        if line.hasSuffix("]") || line.hasAtMostScalars(40) {
            let all = TextFolder.shared.fold(line)
            if all.containsBytes("newsletter") || all.containsBytes("subscribe") || all.containsBytes("abonn") || all.containsBytes("inscri") { return .newsletter }
            return .widgetWord
        }
        return nil
    }

    /// A caption's trailing credit: `… Crédit : DR`, `… Credit: Jane Doe/Reuters`, `… NHAC NGUYEN / AFP`.
    static func stripCredit(_ text: String) -> String {
        var s = text
        for marker in [" Crédit :", " Crédit:", " Credit:", " Credit :", " Photo :", " Photo:"] {
            if let r = s.range(of: marker, options: .backwards) { s = String(s[..<r.lowerBound]) }
        }
        return s
    }

    /// Comment widgets, cookie notices, newsletter prompts, share buttons, tags, copyright lines.
    static func widgetLine(_ all: String, length: Int) -> Kind? {
        let starts = { (p: String) in all.hasPrefix(p) }
        // a paywall notice, however long: `Cet article vous est offert. Abonnez-vous pour 1 € …`
        if length <= 300, paywallPhrases.contains(where: { all.containsBytes($0) }) { return .newsletter }
        // a sentence of the article that happens to name a subscriber, a cookie, a newsletter
        let isSentence = all.spaceSeparatedCount >= 12 && (all.hasSuffix(".") || all.hasSuffix("»") || all.hasSuffix("\""))
            && !["newsletter", "subscribe", "sign up", "abonnez", "inscrivez", "cookies", "nous utilisons", "we use"].contains(where: { all.hasPrefix($0) })
        if isSentence { return nil }
        if starts("comment (") && length < 20 { return .commentWidget }
        if starts("laissez un commentaire") || starts("leave a comment") || starts("comments (") || starts("commentaires (")
            || starts("commentaires :") || all.containsBytes("join the discussion") || all.containsBytes("pour commenter")
            || all.containsBytes("reagir a cet article") || all.containsBytes("soyez le premier a reagir") || all.containsBytes("be the first to comment") {
            return .commentWidget
        }
        let widgetStart = starts("comment") || starts("vos commentaires") || starts("reactions (") || starts("ajouter un commentaire")
            || (all.first?.isNumber ?? false) || (length <= 40 && !all.hasSuffix("."))
        if length <= 120, widgetStart, all.containsBytes("commentaire") || all.containsBytes("comments") || starts("reactions (")
            || (all.split(separator: " ").first.map { Int($0) != nil } ?? false && all.containsBytes(" comment")) { return .commentWidget }
        if all.containsBytes("cookie") { return .cookie }
        // whole words (a plural or agent `s`/`r` allowed): `donate` is an appeal, `donateurs` a headline's subject
        if length <= 200, ["newsletter", "subscribe", "sign up", "abonnez-vous", "inscrivez-vous", "je m'inscris",
                             "s'abonner", "sabonner", "weekly email", "daily email", "donate", "faites un don", "support our work",
                             "soutenez-nous", "soutenez notre"].contains(where: { all.containsWord($0) }) { return .newsletter }
        if length <= 80, starts("listen to this article") || starts("ecouter cet article") || starts("temps de lecture")
            || all.hasSuffix("min read") || all.hasSuffix("min de lecture") { return .widgetWord }
        if length <= 160 {
            let networks = ["facebook", "twitter", "linkedin", "whatsapp", "e-mail", "email", "telegram", "mastodon", "copy link", "copier le lien"]
            let count = networks.filter { all.containsBytes($0) }.count
            if starts("share") || starts("partag") || starts("[f]") || count >= 2 {
                if count >= 1 || length <= 40 { return .share }
            }
        }
        for p in ["tags", "tag", "mots-cles", "mots cles", "mot-cle", "keywords", "topics", "sujets", "themes"] where starts(p) {
            let rest = all.dropFirst(p.count).drop { $0 == " " }
            if rest.hasPrefix(":") { return .tags }
        }
        if starts("©") || starts("(c) ") || starts("copyright") || starts("tous droits") || starts("all rights reserved")
            || starts("our standards") {
            var holder = Substring(all)
            for p in ["©", "(c) ", "copyright"] where holder.hasPrefix(p) { holder = holder.dropFirst(p.count) }
            let words = holder.split { !$0.isLetter }
            return .copyright(holder: words.isEmpty || starts("our standards") || starts("tous") || starts("all ") ? nil : "")
        }
        return nil
    }

    /// `Read more: headline`, `Lire aussi : « … »` (a teaser, one line) or the heading alone (a list follows).
    static func teaserOrHeading(_ line: String, folded: String) -> Kind? {
        for p in teaserPrefixes where folded.hasPrefix(p) {
            let rest = TextFolder.shared.fold(line).dropFirst(p.count).trimmingCharacters()
            if p.hasSuffix(":"), !rest.isEmpty { return .teaser }
            if rest.isEmpty || rest == ":" { return .relatedHeading }
            if rest.hasPrefix(":") || rest.hasPrefix("|") || rest.hasPrefix("-") || rest.hasPrefix("–") || rest.hasPrefix("»")
                || rest.hasPrefix("/") { return .teaser }
            if line.hasAtMostScalars(60), !line.hasSuffix(".") { return .relatedHeading }
        }
        return nil
    }

    static let teaserPrefixes = ["read more", "read also", "also read", "read next", "related", "see also", "more from",
                                 "you might also like", "you may also like", "more features", "more stories", "most viewed",
                                 "most popular", "top stories", "vous aimerez aussi", "a decouvrir", "watch:", "read:", "lire :",
                                 "lire:", "voir :", "voir:",
                                 "more on this", "most read", "recommended", "you may also like", "latest news",
                                 "lire aussi", "a lire aussi", "a lire egalement", "lire egalement", "a lire", "voir aussi",
                                 "sur le meme sujet", "sur le meme theme", "nos articles sur", "dans la meme rubrique",
                                 "les plus lus", "derniers articles", "a voir aussi", "plus d'articles", "plus d'infos"]

    /// A breadcrumb (`Accueil › Monde`, `Home / World / Asia`, `Home > News`) or a menu of short items
    /// (`World | Business | Markets`, `Cybersecurity · Privacy · AI`), or a skip link.
    /// The items of a line split at runs of two spaces or more, or at tabs; nil when there is no such run.
    static func spacedItems(_ line: String) -> [String]? {
        let bytes = Array(line.utf8)
        var items: [String] = []
        var start = 0, i = 0, runs = 0
        while i < bytes.count {
            let isGap = bytes[i] == 0x09 || (bytes[i] == 0x20 && i + 1 < bytes.count && (bytes[i + 1] == 0x20 || bytes[i + 1] == 0x09))
            guard isGap else { i += 1; continue }
            var j = i
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            if i > start { items.append(String(decoding: bytes[start..<i], as: UTF8.self)) }
            runs += 1
            start = j
            i = j
        }
        guard runs > 0 else { return nil }
        if start < bytes.count { items.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return items
    }

    static func isNavigation(_ line: String, folded: String) -> Bool {
        guard line.hasAtMostScalars(200) else { return false }
        if folded.hasPrefix("skip to") || folded.hasPrefix("aller au contenu") || folded == "menu" || folded == "rechercher" || folded == "search" { return true }
        // `World  Business  Markets  Legal`: menu items a page-to-text copy left apart by runs of spaces or tabs
        if let spaced = spacedItems(line), spaced.count >= 4,
           spaced.allSatisfy({ $0.spaceSeparatedCount <= 3 && ($0.first?.isUppercase ?? false) && !$0.hasSuffix(".") }) {
            return true
        }
        let separators: Set<Character> = ["›", "»", ">", "/", "|", "·", "•", "→", "\u{BB}", "\u{203A}", "\u{2022}"]
        var items: [String] = []
        var current = ""
        var sepCount = 0
        for c in line {
            if separators.contains(c) { items.append(current); current = ""; sepCount += 1 } else { current.append(c) }
        }
        items.append(current)
        let trimmed = items.map { $0.trimmingCharacters() }
        guard sepCount >= 1, trimmed.allSatisfy({ !$0.isEmpty && $0.spaceSeparatedCount <= 4 && !$0.hasSuffix(".") }) else { return false }
        let home = ["accueil", "home", "actualites", "news", "une"]
        if home.contains(where: { folded.hasPrefix($0) }) { return true }
        // `Africa › Central Africa`: breadcrumb arrows need no home
        if line.contains(where: { "›»>→".contains($0) }), trimmed.allSatisfy({ $0.first?.isUppercase ?? false }) { return true }
        if sepCount >= 2 { return trimmed.allSatisfy { $0.first?.isUppercase ?? false } }
        // `Monde | Afrique`: two menu items of one or two words
        // (`Sustainability | Climate & Energy`: an ampersand joins two words of one item)
        return line.contains(" | ") && trimmed.allSatisfy {
            ($0.first?.isUppercase ?? false) && $0.split(separator: " ").filter { $0 != "&" }.count <= 2
        }
    }

    /// `Published October 26, 2025 3:14 PM`, `Updated Oct. 26, 2025`, `Publié le 26/10/2025 à 14h05`,
    /// `Mis à jour le 26 octobre 2025`, `October 25, 2025 6:12 PM GMT+7`, `26/10/2025 19:20`: a short
    /// line that is a publication date. Returns the first date with a year, else the first date.
    static func dateLine(_ line: String, folded: String) -> DateFinder.Found?? {
        guard line.hasAtMostScalars(140) else { return nil }
        let prefixes = ["published", "updated", "last updated", "last modified", "posted", "publie", "mis a jour", "modifie",
                        "mise a jour", "date :", "date:", "mis en ligne", "en ligne depuis", "first published", "originally published",
                        "date de publication", "publication :", "publication:", "actualise", "cree le", "edition du"]
        // `Published on 3 March 2024, the report found that …` is a sentence, not a date line
        let marked = prefixes.contains { folded.hasPrefix($0) } && !(line.hasSuffix(".") && line.spaceSeparatedCount > 8)
        // every date the finder knows has a number in ASCII digits: without one, nothing to find
        let all = line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) ? DateFinder.find(in: line) : []
        let found = all.filter { $0.day != nil }
        // `Issue 47 · October 2025`, `Publié en octobre 2025`: a month
        // `Septembre 2025`, `September 2025` alone on a line: a month
        let monthAlone = line.spaceSeparatedCount <= 3 && !line.hasSuffix(".")
            && DateFinder.monthNames[TextFolder.shared.fold(line.prefix { $0.isLetter })] != nil
        if found.isEmpty, let month = all.first, month.year != nil, marked || monthAlone || (line.spaceSeparatedCount <= 6
            && ["issue", "numero", "edition", "no", "n"].contains(where: { folded.hasPrefix($0 + " ") })) {
            return .some(month)
        }
        guard let first = found.first(where: { $0.year != nil }) ?? found.first else { return marked && folded.count < 40 ? .some(nil) : nil }
        if marked { return .some(first) }
        // an unmarked line must start with the date (or a weekday) and say little else;
        // `Brazzaville | 25.08.2026`, `Genève, le 3 mars 2026`: a place first
        let words = line.spaceSeparatedCount
        if words <= 8, let first = line.first, first.isUppercase {
            for sep in [" | ", ", ", " - ", " – ", " · "] {
                guard let r = line.utf8Range(of: sep) else { continue }
                let place = line[..<r.lowerBound]
                var rest = line[r.upperBound...]
                for p in ["le ", "Le ", "on ", "On "] where rest.hasPrefix(p) { rest = rest.dropFirst(p.count) }
                if place.spaceSeparatedCount <= 3, !place.contains(where: \.isNumber),
                   let found = dateLine(String(rest), folded: TextFolder.shared.fold(rest.prefix(60))), found != nil {
                    return found
                }
            }
        }
        if words <= 10, ["le ", "on "].contains(where: { folded.hasPrefix($0) }), let first = found.first,
           line.dropFirst(3).first?.isNumber ?? false, !line.hasSuffix(".") {
            return .some(first)
        }
        guard words <= 14, let c = line.first, c.isNumber || DateFinder.monthNames[TextFolder.shared.fold(line.prefix { $0.isLetter })] != nil
                || DateFinder.monthAbbreviations[TextFolder.shared.fold(line.prefix { $0.isLetter })] != nil
                || weekdays.contains(TextFolder.shared.fold(line.prefix { $0.isLetter })) else { return nil }
        guard !line.hasSuffix(".") || line.hasSuffix("p.m.") || line.hasSuffix("a.m.") else { return nil }
        return .some(first)
    }

    /// Labels that sit alone above a headline: the article's genre, a live blog's or a press release's header.
    static let kickers: Set<String> = [
        "exclusive", "exclusif", "exclusivite", "analysis", "news analysis", "analyse", "decryptage", "decodage", "eclairage",
        "opinion", "opinions", "editorial", "tribune", "chronique", "point de vue", "interview", "entretien", "enquete",
        "investigation", "special report", "reportage", "feature", "explainer", "fact check", "factcheck", "portrait",
        "temoignage", "focus", "breaking", "breaking news", "urgent", "alerte", "info", "live", "live updates", "live blog",
        "en direct", "direct", "press release", "news release", "media release", "press statement", "communique",
        "communique de presse", "for immediate release", "pour diffusion immediate", "pour publication immediate",
        "embargo", "sous embargo", "l'essentiel", "the big picture", "insight", "review", "critique",
    ]

    /// `23:40`, `23:40 BST`, `14h05`, `10.32am`, `9:05 p.m. GMT+1`: a time alone (live blogs stamp each entry).
    static func isTimeStamp(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        func digits() -> Int {
            let s = i
            while i < scalars.count, Tokenizer.isDigit(scalars[i]) { i += 1 }
            return i - s
        }
        guard (1...2).contains(digits()), i < scalars.count, [":", "h", "H", "."].contains(scalars[i]) else { return false }
        i += 1
        guard digits() == 2 else { return false }
        // what may follow: am/pm, a time zone in capitals, an offset
        let rest = String(String.UnicodeScalarView(scalars[i...])).trimmingCharacters()
        if rest.isEmpty { return true }
        let words = rest.split(separator: " ")
        guard words.count <= 2 else { return false }
        return words.allSatisfy { w in
            let f = w.lowercased()
            return ["am", "pm", "a.m.", "p.m."].contains(f)
                || w.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ":" }
        }
    }

    /// `Headline | The Outlet`, `Headline - BBC News`, `Headline | outlet.com`: a page title, returned
    /// without the outlet's name; `nil` when the line does not end with one. After ` | ` any short
    /// name counts; after a dash only a domain or a name of capitalised words (`Vietnam - China: talks
    /// resume` keeps its dash).
    static func titleWithoutOutlet(_ title: String) -> String? {
        var best: Range<String.Index>?
        for sep in [" | ", " - ", " – ", " — "] {
            if let r = title.range(of: sep, options: .backwards), best.map({ r.lowerBound > $0.lowerBound }) ?? true { best = r }
        }
        guard let r = best else { return nil }
        let head = title[..<r.lowerBound].trimmingCharacters()
        let tail = title[r.upperBound...].trimmingCharacters()
        let tailWords = tail.split(separator: " ")
        guard !tail.isEmpty, tail.hasAtMostScalars(40), tailWords.count <= 5, head.spaceSeparatedCount >= 3,
              !(tail.last.map { ".!?:»\"".contains($0) } ?? true) else { return nil }
        let isDomain = tailWords.count == 1 && tail.contains(".") && !tail.hasSuffix(".")
        let small: Set<String> = ["of", "the", "and", "de", "du", "des", "la", "le", "les", "et", "d'", "l'", "&"]
        let isName = tailWords.allSatisfy { ($0.first?.isUppercase ?? false) || small.contains($0.lowercased()) }
        if title[r].contains("|") { return isDomain || isName || tailWords.count <= 3 ? head : nil }
        return isDomain || isName ? head : nil
    }

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                                        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                                        "lun", "mer", "jeu", "ven", "sam", "dim"]

    /// `By Jane Doe and John Roe`, `by Rachel Ostrowski | 7 min read`, `Par Marie Dupont, AFP`,
    /// `Rédaction Afrik'Actu`, `Reporting by …; Editing by …`, `(Additional reporting by …)`,
    /// `With material from dpa and AP`, `(Avec agences)`. Returns the named agency (`AFP`), or "" when none.
    static func authorLine(_ line: String, folded: String) -> String? {
        let length = line.scalarCount(cappedAt: 1000)
        for p in ["reporting by", "(reporting by", "additional reporting", "(additional reporting", "writing by", "editing by",
                  "compiled by", "with reporting by", "avec afp", "(avec afp", "avec reuters", "(avec reuters", "written by",
                  "words:", "words :", "photography:", "par la redaction", "la redaction", "by staff", "staff reporter",
                  "staff writer", "with material from", "(with material from", "with files from", "(with files from",
                  "with agencies", "(with agencies", "avec agences", "(avec agences", "avec ap", "(avec ap"] where folded.hasPrefix(p) {
            guard length <= 300 else { return nil }
            return line.split { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }.map(String.init)
                .first { wireAgencies.contains(TextFolder.shared.fold($0)) && $0.first?.isUppercase == true } ?? ""
        }
        // `Imray reported from Cape Town, South Africa.`, `Jane Doe contributed to this report.`
        if length <= 160, line.spaceSeparatedCount <= 14 {
            let all = TextFolder.shared.fold(line)
            if [" reported from ", " contributed to this report", " contributed reporting", " a contribue a cet article"].contains(where: {
                all.containsBytes($0) }) {
                return ""
            }
        }
        guard length <= 140, !line.hasSuffix(".") || line.hasSuffix("AFP.") else { return nil }
        var rest: Substring?
        for p in ["By ", "by ", "BY ", "Par ", "PAR ", "Rédaction ", "Redaction ", "Texte : ", "Texte: ", "Auteur : ", "Author: "] where line.hasPrefix(p) {
            rest = line.dropFirst(p.count)
        }
        guard let rest, let first = rest.first, first.isUppercase, rest.spaceSeparatedCount <= 14 else { return nil }
        let parts = rest.split { $0 == "," || $0 == "|" || $0 == "(" || $0 == ")" }.map { $0.trimmingCharacters() }
        if let agency = parts.dropFirst().first(where: { wireAgencies.contains(TextFolder.shared.fold($0)) }) { return agency }
        return ""
    }

    static let wireAgencies: Set<String> = ["afp", "reuters", "ap", "associated press", "agence france-presse", "bloomberg",
                                            "xinhua", "vna", "ttxvn", "dpa", "efe", "ansa", "belga", "ats", "kyodo", "yonhap",
                                            "anadolu", "tass", "apa", "aps", "map", "pana"]

    /// The mark that ends a press release, `# # #`, `###`, `-30-`, `-ENDS-`, `– FIN –`: what follows
    /// (`About the agency`, press contacts) is the issuer's boilerplate.
    static func isReleaseEndMark(_ line: String) -> Bool {
        guard line.utf8.count <= 20 else { return false }
        let marks = line.filter { $0 == "#" }.count
        if marks >= 3, line.allSatisfy({ $0 == "#" || $0 == " " }) { return true }
        let core = TextFolder.shared.fold(line.filter { $0.isLetter || $0.isNumber })
        let framed = line.first.map { "-–—".contains($0) } == true && line.last.map { "-–—".contains($0) } == true
        return ["ends", "fin", "30"].contains(core) && (framed || core != "30" && line.allSatisfy { $0.isLetter && $0.isUppercase })
    }

    /// `bur-lt/jma`: lower-case initials and slashes, an agency's editing slug.
    static func isSlug(_ line: String) -> Bool {
        guard line.utf8.count <= 120, (3...30).contains(line.count), line.contains("/") else { return false }
        return line.allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == "/" || $0 == "-" }
    }

    /// A short line in capitals: an outlet's name or a section heading.
    static func isCapitals(_ line: String) -> Bool {
        guard line.hasAtMostScalars(70), line.spaceSeparatedCount <= 8 else { return false }
        var letters = 0
        for c in line where c.isLetter {
            guard c.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// `AFP — Agence France-Presse`, `AP - Associated Press`: an acronym, a dash and the name it stands for.
    static func isAcronymAndName(_ line: String) -> Bool {
        guard line.hasAtMostScalars(60) else { return false }
        for sep in [" - ", " – ", " — ", " | "] {
            guard let r = line.utf8Range(of: sep) else { continue }
            let acronym = line[..<r.lowerBound]
            let name = line[r.upperBound...].split(separator: " ")
            guard (2...6).contains(acronym.count), acronym.allSatisfy({ $0.isUppercase }), (1...5).contains(name.count),
                  name.allSatisfy({ $0.first?.isUppercase ?? false || ["of", "de", "du", "des", "la", "le", "the", "and", "et"].contains($0) })
            else { return false }
            // the name's capitals spell the acronym, or it names a wire agency
            let initials = String(name.compactMap { w in w.first?.isUppercase == true ? w.first : nil })
                + String(name.flatMap { $0.split(separator: "-").dropFirst().compactMap(\.first) })
            return initials.uppercased().hasPrefix(acronym.prefix(1)) && Set(acronym).isSubset(of: Set(initials.uppercased()))
                || wireAgencies.contains(TextFolder.shared.fold(acronym))
        }
        return false
    }

    /// `Interviews / Artificial intelligence`, `World > Asia`: a section path under the masthead
    /// (a few short capitalised items between slashes or arrows, no sentence).
    static func isSectionPath(_ line: String) -> Bool {
        guard line.hasAtMostScalars(80) else { return false }
        for sep in [" / ", " > ", " › ", " » "] where line.contains(sep) {
            let items = line.components(separatedBy: sep).map { $0.trimmingCharacters() }
            return items.count >= 2 && items.allSatisfy {
                !$0.isEmpty && $0.spaceSeparatedCount <= 3 && ($0.first?.isUppercase ?? false)
                    && !$0.contains(where: { ".!?:,;".contains($0) })
            }
        }
        return false
    }

    /// `Lina Chow in Singapore and Dang Quoc Bao in Hanoi`, `Jonathan Doe, Africa correspondent`: names
    /// without `By`, seen between the headline and the article. Mostly capitalised words, no sentence.
    static func isUnmarkedByline(_ line: String) -> Bool {
        guard line.hasAtMostScalars(100), !(line.last.map { ".!?»\"".contains($0) } ?? true) else { return false }
        let words = line.split(separator: " ")
        guard (2...12).contains(words.count) else { return false }
        let folded = TextFolder.shared.fold(line)
        let roles = ["correspondent", "correspondant", "reporter", "editor", "envoye special", "envoyee speciale", "redaction",
                     "journalist", "with ap", "with afp", "with reuters", "avec afp", "avec reuters", " in "]
        guard roles.contains(where: { folded.containsBytes($0) }) || line.contains(",") else { return false }
        let capitalised = words.filter { $0.first?.isUppercase ?? false }.count
        return Double(capitalised) / Double(words.count) > 0.6
    }

    /// Whether a line reads like a headline: a few words, not a sentence ending in a full stop.
    static func isHeadlineLike(_ line: String) -> Bool {
        let n = line.scalarCount
        guard (15...250).contains(n), !line.hasSuffix("."), !line.hasSuffix(":") else { return false }
        let words = line.spaceSeparatedCount
        return (3...40).contains(words) && (line.first?.isUppercase ?? false || line.first == "«" || line.first == "\"" || line.first == "À")
    }

    /// `- headline`, `• headline`, `> headline`, `* headline`.
    static func isListItem(_ line: String) -> Bool {
        guard line.hasAtMostScalars(220) else { return false }
        return ["- ", "• ", "> ", "* ", "– ", "· ", "» "].contains { line.hasPrefix($0) }
    }

    /// A section's name above the headline (`Mining & Metals`, `Health and Science`, `Economie`):
    /// at most four words, up to 40 characters, every word but a connector capitalised, no punctuation.
    static func isSectionLabel(_ line: String) -> Bool {
        guard line.hasAtMostScalars(40), !line.contains(where: { ".,;:!?«»\"".contains($0) }) else { return false }
        let words = line.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        let connectors: Set<String> = ["&", "and", "et", "de", "des", "du", "of", "the", "la", "le", "les", "en", "in"]
        for (i, w) in words.enumerated() where w.first?.isUppercase != true {
            guard i > 0, connectors.contains(String(w)) else { return false }
        }
        return true
    }

    /// A short heading line with no sentence punctuation (`Read Next`, `More on this story`).
    static func isListHeading(_ line: String) -> Bool {
        line.hasAtMostScalars(60) && line.spaceSeparatedCount <= 7
            && !(line.hasSuffix(".") || line.hasSuffix("?") || line.hasSuffix("!") || line.hasSuffix("»") || line.hasSuffix("\""))
    }

    /// `© 2025 Reuters` → `Reuters`; `© AFP` → `AFP`.
    static func copyrightHolder(_ line: String) -> String? {
        var rest = Substring(line)
        for p in ["©", "(c)", "(C)", "Copyright", "copyright"] where rest.hasPrefix(p) { rest = rest.dropFirst(p.count) }
        let words = rest.split(separator: " ").filter { !$0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "," || $0 == "." } }
        let name = words.prefix { !$0.hasSuffix(".") && TextFolder.shared.fold($0) != "all" && TextFolder.shared.fold($0) != "tous" }
            .joined(separator: " ").trimmingTrailingPunctuation()
        return name.isEmpty || name.count > 40 ? nil : name
    }

    /// `AFP - AGENCE FRANCE-PRESSE` → `AFP`; `THE DIGITAL POLICY BRIEF` → `The Digital Policy Brief`;
    /// a name already in mixed case stays as written.
    static func outletDisplayName(_ name: String) -> String {
        var n = name
        for sep in [" - ", " – ", " — ", " | "] { if let r = n.utf8Range(of: sep) { n = String(n[..<r.lowerBound]) } }
        n = n.trimmingCharacters()
        guard isCapitals(n), n.count > 5 else { return n }
        let small: Set<String> = ["of", "the", "and", "de", "du", "des", "la", "le", "les", "et", "d", "l"]
        return n.split(separator: " ").enumerated().map { i, w in
            let lower = w.lowercased()
            if i > 0, small.contains(lower) { return lower }
            // L'HORIZON → L'Horizon, AFRIK'ACTU → Afrik'Actu
            var out = ""
            var upperNext = true
            for c in lower {
                out.append(upperNext ? Character(c.uppercased()) : c)
                upperNext = c == "'" || c == "’" || c == "-"
            }
            return out
        }.joined(separator: " ")
    }

    /// A dateline at the start of a paragraph: `HANOI, Oct 26 (Reuters) - `, `HANOÏ, 26 oct. 2025 (AFP) - `,
    /// `Oct 26 (Reuters) - `, `HANOI – `. Returns the paragraph without it, the date it gives (its year
    /// may be missing) and the agency named in brackets.
    static func dateline(_ line: String) -> (rest: String, date: DateFinder.Found?, agency: String?)? {
        let head = line.prefix(100)
        var sepRange: Range<String.Index>?
        for sep in [" - ", " – ", " — ", " -- "] {
            if let r = head.utf8Range(of: sep), sepRange.map({ r.lowerBound < $0.lowerBound }) ?? true { sepRange = r }
        }
        guard let sep = sepRange else { return nil }
        var prefix = line[..<sep.lowerBound].trimmingCharacters()
        let rest = line[sep.upperBound...].trimmingCharacters()
        guard !rest.isEmpty, rest.first?.isUppercase ?? false || rest.first == "«" || rest.first == "\"" || rest.first?.isNumber ?? false else { return nil }
        var agency: String?
        if prefix.hasSuffix(")"), let open = prefix.lastIndex(of: "(") {
            let inner = prefix[prefix.index(after: open)..<prefix.index(before: prefix.endIndex)].trimmingCharacters()
            guard !inner.isEmpty, inner.spaceSeparatedCount <= 3, inner.first?.isUppercase ?? false else { return nil }
            agency = inner
            prefix = prefix[..<open].trimmingCharacters()
        }
        let place: Substring
        let dateText: Substring
        if let comma = prefix.firstIndex(of: ",") {
            place = prefix[..<comma]
            dateText = prefix[prefix.index(after: comma)...]
        } else if let c = prefix.first, c.isUppercase, isCapitals(String(prefix.prefix { $0 != " " })), DateFinder.find(in: prefix).isEmpty {
            place = Substring(prefix)
            dateText = ""
        } else {
            place = ""
            dateText = Substring(prefix)
        }
        let placeText = place.trimmingCharacters()
        if !placeText.isEmpty {
            guard isCapitals(placeText), placeText.spaceSeparatedCount <= 4 else { return nil }
        }
        let found = DateFinder.find(in: String(dateText)).first { $0.day != nil }
        let dateTrim = dateText.trimmingCharacters()
        // `ANTANANARIVO, Madagascar (AP) —`: the place's country, not a date
        let isPlace = agency != nil && dateTrim.spaceSeparatedCount <= 3 && dateTrim.first?.isUppercase == true
            && !dateTrim.contains(where: \.isNumber)
        if !dateTrim.isEmpty, found == nil, !isPlace { return nil }
        if placeText.isEmpty, agency == nil || found == nil { return nil }
        return (rest, found, agency)
    }

    /// A press release's headline that starts with the place and full date of issue, as government
    /// and agency sites print it: `Berne, 12.11.2025 - Release of …`, `Geneva, 3 March 2026 – …`.
    /// Returns the headline without them and the date (day, month and year all given). The place is
    /// one to four capitalised words without digits; between the comma and the dash, at most four
    /// words, the date among them.
    static func titleDateline(_ title: String) -> (rest: String, date: DateFinder.Found)? {
        let head = title.prefix(60)
        var sepRange: Range<String.Index>?
        for sep in [" - ", " – ", " — "] {
            if let r = head.utf8Range(of: sep), sepRange.map({ r.lowerBound < $0.lowerBound }) ?? true { sepRange = r }
        }
        guard let sep = sepRange else { return nil }
        let prefix = title[..<sep.lowerBound]
        let rest = title[sep.upperBound...].trimmingCharacters()
        guard let first = rest.first, first.isUppercase || first.isNumber || first == "«" || first == "\"",
              let comma = prefix.firstIndex(of: ",") else { return nil }
        let place = prefix[..<comma].trimmingCharacters()
        let dateText = prefix[prefix.index(after: comma)...].trimmingCharacters()
        let placeWords = place.split(separator: " ")
        guard (1...4).contains(placeWords.count), placeWords.allSatisfy({ $0.first?.isUppercase == true }),
              !place.contains(where: \.isNumber), !dateText.isEmpty, dateText.spaceSeparatedCount <= 4,
              dateText.first?.isNumber == true || dateText.first?.isLetter == true,
              let found = DateFinder.find(in: dateText).first, found.day != nil, found.year != nil else { return nil }
        return (rest, found)
    }

    static let relatedHeadings = ["meme sujet", "meme categorie", "meme auteur", "lire aussi", "voir aussi",
                                  "articles connexes", "a lire aussi", "sur le meme sujet", "related articles",
                                  "read more", "related news", "read next", "related coverage", "related stories",
                                  "a lire egalement", "more from", "most read", "les plus lus", "nos articles sur le meme theme"]
    /// A line that is one organisation's name and nothing else (`Ministry of Trade and Industry`,
    /// `Ministère des Affaires étrangères`): it opens on a head noun and the name's shape covers it all.
    static func isOrganisationName(_ line: String) -> Bool {
        guard line.hasAtMostScalars(120) else { return false }
        let toks = Tokenizer.tokens(line)
        guard (2...12).contains(toks.count), OrganisationShape.isHead(toks[0]) else { return false }
        let none = [Int](repeating: -1, count: toks.count)
        guard let span = OrganisationShape.span(at: 0, toks, hitAt: none, hitEnd: [], blocked: [Bool](repeating: false, count: toks.count))
        else { return false }
        return span.range == 0..<toks.count
    }

    /// A site's slogan: two or more sentences of at most three words each, eight words in all
    /// (`Your region. Your stories.`, `Vos infos. Votre ville.`).
    static func isSlogan(_ line: String) -> Bool {
        guard line.hasSuffix("."), line.spaceSeparatedCount <= 8 else { return false }
        let sentences = line.split(separator: ".", omittingEmptySubsequences: true)
            .map { $0.split(separator: " ").count }.filter { $0 > 0 }
        return sentences.count >= 2 && sentences.allSatisfy { $0 <= 3 }
    }

    /// Folded phrases of paywall and subscription notices.
    static let paywallPhrases = [
        "cet article vous est offert", "article reserve aux abonnes", "reserve aux abonnes", "pour lire la suite",
        "deja abonne", "offre d'abonnement", "this article is free to read", "subscribers only", "subscriber-only",
        "subscriber only", "to continue reading", "already a subscriber", "already subscribed", "start your free trial",
        "essai gratuit", "become a member to read",
    ]

    static let widgetWords: Set<String> = ["francais", "english", "tieng viet", "partager", "share", "imprimer",
                                            "print", "tweet", "envoyer", "retour en haut",
                                            "summary", "companies", "resume", "en bref", "key points", "advertisement",
                                            "publicite", "listen", "ecouter", "copy link", "sponsored"]
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
        guard line.hasAtMostScalars(120), let dash = line.utf8Range(of: " - ") ?? line.utf8Range(of: " – ") ?? line.utf8Range(of: " | ") else {
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
        guard line.hasAtMostScalars(80) else { return nil }
        if folded == "getty images" || folded.hasSuffix("/getty images") || folded.hasSuffix("via getty images") { return line }
        var inner = Substring(line)
        if inner.hasPrefix("("), inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
        let innerFolded = TextFolder.shared.fold(inner.prefix(20))
        guard ["photo", "credit", "anh:", "image", "source photo"].contains(where: { innerFolded.hasPrefix($0) }),
              let colon = inner.firstIndex(of: ":") else { return nil }
        let head = TextFolder.shared.fold(inner[..<colon]).trimmingCharacters()
        guard ["photo", "photos", "credit photo", "anh", "credit", "credits", "photo credit", "image", "image credit", "source photo"].contains(head) else { return nil }
        return inner[inner.index(after: colon)...].trimmingCharacters()
    }

    /// A caption that ends with its credit: `… . Photo : Tuan Anh/VNA`, `… (Photo : X)`.
    /// Returns the caption text without the credit.
    static func captionWithCredit(_ line: String) -> String? {
        guard line.hasAtMostScalars(600) else { return nil }
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
                    guard !bare.isEmpty, bare.hasAtMostScalars(60), !bare.contains(". ") else { return nil }
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
        guard line.hasAtMostScalars(120) else { return nil }
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
        guard (2...24).contains(line.scalarCount(cappedAt: 24)) else { return false }
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
        // the common case, a line that starts and ends with a printable ASCII byte, costs no scan
        if let a = utf8.first, let z = unicodeScalars.last?.value, a > 0x20, a < 0x7F, z > 0x20, z < 0x7F { return description }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        // the bounds are scalar boundaries: the slice is copied as bytes, not scalar by scalar
        return self[first..<scalars.index(after: last)].description
    }

    func trimmingTrailingPunctuation() -> String {
        var s = String(self)
        while let last = s.last, last.isPunctuation || last.isWhitespace { s.removeLast() }
        return s
    }
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this string: a plain byte search for the ASCII
    /// phrases matched against folded lines (much cheaper than Foundation's `contains`).
    func containsBytes(_ needle: String) -> Bool {
        var hay = self
        var pat = needle
        return hay.withUTF8 { h in
            pat.withUTF8 { p in
                guard let first = p.first else { return false }
                guard h.count >= p.count else { return false }
                var i = 0
                let last = h.count - p.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < p.count, h[i + k] == p[k] { k += 1 }
                        if k == p.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether `needle` occurs as a word: no letter or digit just before it, and after it nothing
    /// but a non-letter, optionally behind `s`, `r` or `rs` (`newsletters`, `subscriber`).
    func containsWord(_ needle: String) -> Bool {
        let h = Array(utf8), p = Array(needle.utf8)
        guard let first = p.first, h.count >= p.count else { return false }
        func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        func endsWord(at j: Int) -> Bool {
            var j = j
            if j < h.count, h[j] == 0x72 { j += 1 }
            if j < h.count, h[j] == 0x73 { j += 1 }
            return j >= h.count || !isWordByte(h[j])
        }
        var i = 0
        while i <= h.count - p.count {
            if h[i] == first, i == 0 || !isWordByte(h[i - 1]) {
                var k = 1
                while k < p.count, h[i + k] == p[k] { k += 1 }
                if k == p.count, endsWord(at: i + k) { return true }
            }
            i += 1
        }
        return false
    }
}
