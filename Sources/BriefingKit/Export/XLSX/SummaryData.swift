/// What the workbook's `Summary` sheet shows, read from the briefing's tables by table and column
/// name. A section whose table (or one of its columns) is missing is left out (`nil` or empty).
struct SummaryData {
    /// One count of the "at a glance" block, with the table it comes from.
    struct Count: Equatable {
        var label: String
        var value: Int
        var table: String
    }

    /// One figure of a metric, with the row of the `figures` table that states it.
    struct FigureValue: Equatable {
        var value: Double
        var qualifier: String?
        var asOf: PartialDate?
        var documentID: String
        var paragraphID: String
        /// 0-based data row in the `figures` table.
        var row: Int

        /// `more than 1000 (as of 2025-10-26, 000_4f98…)`.
        var sideBySide: String {
            var s = SummaryData.phrase(qualifier) + Cell.format(value)
            let asOfText = asOf.map { "as of \($0.iso), " } ?? ""
            s += " (\(asOfText)\(documentID))"
            return s
        }
    }

    /// One metric (and role) of the `figures` table: its figures, latest as-of first.
    struct KeyFigure: Equatable {
        var metric: String
        var role: String?
        var values: [FigureValue]
        /// Some of its figures disagree (the `figures` table's `conflict` column is filled).
        var conflict: Bool

        /// `delegates (speakers)`.
        var label: String { role.map { "\(metric) (\($0))" } ?? metric }
        var latest: FigureValue? { values.first }
        /// Every figure side by side: `72 (as of 2025-10-26, 002_…) | 69 (as of 2025-10-25, 000_…)`.
        var sideBySide: String { values.map(\.sideBySide).joined(separator: " | ") }
    }

    /// One line of the headline, with the figure or table it comes from.
    struct HeadlineLine: Equatable {
        var text: String
        var figure: FigureValue?
        var table: String?
        /// The line reports figures that disagree.
        var flagged = false
    }

    /// One bar of a chart, with the row of the table it comes from.
    struct Bar: Equatable {
        var label: String
        var value: Int
        /// 0-based data row in the source table.
        var row: Int
    }

    var run: RunInfo
    var counts: [Count] = []
    var headline: [HeadlineLine] = []
    /// `nil` without a usable `figures` table.
    var keyFigures: [KeyFigure]?
    /// Commitments by theme, from `themes`; `nil` without it.
    var themes: [Bar]?
    /// Mentions by country (most first, at most `topCountries`), from `participation`; `nil` without it.
    var countries: [Bar]?

    /// Reads `briefing`; `headlineMetrics` are the `figures` metrics the headline reports, in order.
    init(_ briefing: Briefing, headlineMetrics: [String] = ["signatory-countries", "delegations"],
         topCountries: Int = 15) {
        run = briefing.run
        let documents = TableReader(briefing, "documents")
        let participation = TableReader(briefing, "participation", requiring: ["type", "name", "mentions"])
        if let documents {
            counts.append(Count(label: "Documents", value: documents.count, table: "documents"))
            if let kept = documents.sum("paragraphs") {
                counts.append(Count(label: "Paragraphs kept", value: kept, table: "paragraphs"))
            }
            if let duplicates = documents.sum("duplicates_removed") {
                counts.append(Count(label: "Duplicates removed", value: duplicates, table: "removed"))
            }
        }
        let countryRows = participation?.rows(where: "type", is: "country") ?? []
        let organisationRows = participation?.rows(where: "type", is: "organisation") ?? []
        if participation != nil {
            counts.append(Count(label: "Countries", value: countryRows.count, table: "participation"))
            counts.append(Count(label: "Organisations", value: organisationRows.count, table: "participation"))
        }
        for (name, label) in [("people", "People"), ("commitments", "Commitments")] {
            if let table = TableReader(briefing, name) { counts.append(Count(label: label, value: table.count, table: name)) }
        }

        if let figures = TableReader(briefing, "figures",
                                     requiring: ["metric", "value", "document_id", "paragraph_id"]) {
            keyFigures = Self.keyFigures(figures)
        }
        for metric in headlineMetrics {
            let groups = (keyFigures ?? []).filter { $0.metric == metric }
            guard let group = groups.first(where: { $0.role == nil }) ?? groups.first,
                  let line = Self.headline(group) else { continue }
            headline.append(line)
        }
        if participation != nil, countryRows.count + organisationRows.count > 0 {
            headline.append(HeadlineLine(
                text: "\(countryRows.count) \(countryRows.count == 1 ? "country" : "countries") and "
                    + "\(organisationRows.count) \(organisationRows.count == 1 ? "organisation" : "organisations") "
                    + "named in the coverage", table: "participation"))
        }

        if let themes = TableReader(briefing, "themes", requiring: ["theme", "commitments"]) {
            self.themes = (0..<themes.count).compactMap { r in
                guard let label = themes.text(r, "theme"), let value = themes.int(r, "commitments") else { return nil }
                return Bar(label: label, value: value, row: r)
            }
        }
        if let participation {
            let bars = countryRows.compactMap { r -> Bar? in
                guard let name = participation.text(r, "name"), let mentions = participation.int(r, "mentions") else {
                    return nil
                }
                return Bar(label: name, value: mentions, row: r)
            }
            countries = Array(bars.sorted { ($1.value, $0.label) < ($0.value, $1.label) }.prefix(topCountries))
        }
    }

    /// `more-than` → `more than `; nothing for no qualifier.
    static func phrase(_ qualifier: String?) -> String {
        let text = words(qualifier)
        return text.isEmpty ? "" : text + " "
    }

    /// `more-than` → `more than`; `""` for no qualifier.
    static func words(_ qualifier: String?) -> String { qualifier?.replacingDashes ?? "" }

    /// The figures grouped by metric and role, in the table's order of metrics, latest as-of first.
    private static func keyFigures(_ figures: TableReader) -> [KeyFigure] {
        var groups: [KeyFigure] = []
        for r in 0..<figures.count {
            guard let metric = figures.text(r, "metric"), let value = figures.double(r, "value"),
                  let document = figures.text(r, "document_id"), let paragraph = figures.text(r, "paragraph_id") else {
                continue
            }
            let role = figures.text(r, "role")
            let figure = FigureValue(value: value, qualifier: figures.text(r, "qualifier"), asOf: figures.date(r, "as_of"),
                                     documentID: document, paragraphID: paragraph, row: r)
            let conflict = !(figures.text(r, "conflict") ?? "").isEmpty
            if let i = groups.firstIndex(where: { $0.metric == metric && $0.role == role }) {
                groups[i].values.append(figure)
                groups[i].conflict = groups[i].conflict || conflict
            } else {
                groups.append(KeyFigure(metric: metric, role: role, values: [figure], conflict: conflict))
            }
        }
        for i in groups.indices {
            // Latest as-of first; undated figures last; the table's later row first on a tie.
            groups[i].values = groups[i].values.enumerated().sorted { a, b in
                let da = a.element.asOf?.daysSinceEpoch ?? Int.min, db = b.element.asOf?.daysSinceEpoch ?? Int.min
                return da != db ? da > db : a.offset > b.offset
            }.map(\.element)
        }
        return groups
    }

    /// `72 signatory countries as of 2025-10-26 (earlier figure: 69 as of 2025-10-25 — sources disagree)`.
    private static func headline(_ group: KeyFigure) -> HeadlineLine? {
        guard let latest = group.latest else { return nil }
        var text = phrase(latest.qualifier) + Cell.format(latest.value) + " " + group.metric.replacingDashes
        if let role = group.role { text += " (\(role))" }
        if let asOf = latest.asOf { text += " as of \(asOf.iso)" }
        let others = group.values.dropFirst().filter { $0.value != latest.value || $0.qualifier != latest.qualifier }
        guard group.conflict, !others.isEmpty else { return HeadlineLine(text: text, figure: latest) }
        let earlier = others.allSatisfy { o in
            guard let a = o.asOf, let b = latest.asOf else { return false }
            return a < b
        }
        let listed = others.map { o in
            phrase(o.qualifier) + Cell.format(o.value) + (o.asOf.map { " as of \($0.iso)" } ?? "")
        }.joined(separator: ", ")
        text += " (\(earlier ? "earlier figure" : "other figure")\(others.count > 1 ? "s" : ""): \(listed) — sources disagree)"
        return HeadlineLine(text: text, figure: latest, flagged: true)
    }
}


private extension String {
    /// `signatory-countries` → `signatory countries`.
    var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
