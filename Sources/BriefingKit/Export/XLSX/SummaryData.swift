/// What the workbook's `Summary` sheet shows, read from the briefing's typed rows. A section whose
/// table is missing is left out (`nil` or empty).
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
        let participation = briefing.rows(ParticipationRow.self)
        if let documents = briefing.rows(DocumentRow.self) {
            counts.append(Count(label: "Documents", value: documents.count, table: DocumentRow.table.name))
            counts.append(Count(label: "Paragraphs kept", value: documents.reduce(0) { $0 + $1.paragraphs },
                                table: ParagraphRow.table.name))
            counts.append(Count(label: "Duplicates removed", value: documents.reduce(0) { $0 + $1.duplicatesRemoved },
                                table: RemovedRow.table.name))
        }
        let rows = participation ?? []
        let countryRows = rows.indices.filter { rows[$0].type == .country }
        let organisationRows = rows.indices.filter { rows[$0].type == .organisation }
        if participation != nil {
            counts.append(Count(label: "Countries", value: countryRows.count, table: ParticipationRow.table.name))
            counts.append(Count(label: "Organisations", value: organisationRows.count, table: ParticipationRow.table.name))
        }
        if let people = briefing.rows(PersonRow.self) {
            counts.append(Count(label: "People", value: people.count, table: PersonRow.table.name))
        }
        if let commitments = briefing.rows(CommitmentRow.self) {
            counts.append(Count(label: "Commitments", value: commitments.count, table: CommitmentRow.table.name))
        }

        if let figures = briefing.rows(FigureRow.self) {
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
                    + "named in the coverage", table: ParticipationRow.table.name))
        }

        if let themes = briefing.rows(ThemeRow.self) {
            self.themes = themes.enumerated().compactMap { r, theme in
                theme.theme.nonBlank.map { Bar(label: $0, value: theme.commitments, row: r) }
            }
        }
        if participation != nil {
            let bars = countryRows.compactMap { r in rows[r].name.nonBlank.map { Bar(label: $0, value: rows[r].mentions, row: r) } }
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
    private static func keyFigures(_ figures: [FigureRow]) -> [KeyFigure] {
        var groups: [KeyFigure] = []
        for (r, f) in figures.enumerated() {
            guard let metric = f.metric.nonBlank, let document = f.documentID.nonBlank,
                  let paragraph = f.paragraphID.nonBlank else {
                continue
            }
            let role = f.role.nonBlank
            let figure = FigureValue(value: f.value, qualifier: f.qualifier.nonBlank, asOf: f.asOf,
                                     documentID: document, paragraphID: paragraph, row: r)
            let conflict = f.conflict.nonBlank != nil
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
