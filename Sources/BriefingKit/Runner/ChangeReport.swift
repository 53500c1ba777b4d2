import Foundation

/// What changed since the previous run: new and removed documents, countries, organisations, groups
/// and people seen for the first time, new commitments, and figures whose values changed.
///
/// The `changes` table has one row per change, in this order: documents (new, then removed),
/// figures (changed, then new), countries, organisations, groups, people, commitments. A table
/// that either run lacks (an older or smaller pipeline) is not compared.
public enum ChangeReport {
    /// The kinds of change, as the `change` column writes them.
    public typealias Kind = ChangeRow.Kind

    /// The summary line of a run that had no previous briefing.
    public static let firstRunLine = "first run: nothing to compare"

    /// Most change lines `summaryLines` gives; a last line "… and N more" counts the rest.
    public static let maxSummaryLines = 12

    /// The `changes` rows of `current` against `previous`; none without a previous run. The current
    /// run is read from its typed rows, the previous one by the declared column names.
    public static func compare(previous: PreviousRun?, current: Briefing) -> [ChangeRow] {
        guard let previous else { return [] }
        var rows: [ChangeRow] = []
        func add(_ kind: Kind, _ item: String, _ detail: String, _ document: String?) {
            rows.append(ChangeRow(change: kind, item: item, detail: detail.isEmpty ? nil : detail, documentID: document))
        }
        typealias D = DocumentRow.Columns
        typealias P = ParticipationRow.Columns
        typealias H = PersonRow.Columns
        typealias C = CommitmentRow.Columns

        // Documents, by id.
        let documents = current.rows(DocumentRow.self).flatMap { previous.has(DocumentRow.self) ? $0 : nil }
        let oldDocs = documents == nil ? [] : previous.rows(DocumentRow.self)
        let oldIDs = Set(oldDocs.compactMap { $0[D.documentID] })
        let newIDs = Set((documents ?? []).map(\.documentID))
        let addedDocs = newIDs.subtracting(oldIDs)
        for doc in documents ?? [] where addedDocs.contains(doc.documentID) {
            add(.newDocument, doc.documentID, documentDetail(title: doc.title, date: doc.date?.iso, publisher: doc.publisher),
                doc.documentID)
        }
        for doc in oldDocs {
            guard let id = doc[D.documentID], !newIDs.contains(id) else { continue }
            add(.removedDocument, id, documentDetail(title: doc[D.title], date: doc[D.date], publisher: doc[D.publisher]), id)
        }

        // Figures, by metric and role.
        if let figures = current.rows(FigureRow.self), previous.has(FigureRow.self) {
            for change in figureChanges(old: previous.rows(FigureRow.self), new: figures) {
                add(change.kind, change.item, change.detail, change.document)
            }
        }

        // Countries, organisations and groups, by type and name.
        let seen = Set(previous.rows(ParticipationRow.self).map { "\($0[P.type] ?? "")|\($0[P.name] ?? "")" })
        let kinds: [(EntityMention.Kind, Kind)] = [(.country, .newCountry), (.organisation, .newOrganisation),
                                                   (.group, .newGroup)]
        if let participation = current.rows(ParticipationRow.self), previous.has(ParticipationRow.self) {
            for (type, kind) in kinds {
                for row in participation where row.type == type && !seen.contains("\(type.rawValue)|\(row.name)") {
                    let item = row.isoAlpha3.flatMap { $0.isEmpty ? nil : "\(row.name) (\($0))" } ?? row.name
                    let docs = namingDocuments(row.documentIDs, added: addedDocs)
                    var detail = "named in " + docs.joined(separator: ", ")
                    if !row.roles.isEmpty { detail += "; roles: " + row.roles.joined(separator: ", ") }
                    add(kind, item, detail, docs.first)
                }
            }
        }

        // People, by name.
        let knownPeople = Set(previous.rows(PersonRow.self).compactMap { $0[H.name] })
        if let people = current.rows(PersonRow.self), previous.has(PersonRow.self) {
            for row in people where !knownPeople.contains(row.name) {
                let docs = namingDocuments(row.documentIDs, added: addedDocs)
                let about = [row.titles.joined(separator: "; "), row.affiliation ?? ""].filter { !$0.isEmpty }
                let detail = (about.isEmpty ? "" : about.joined(separator: ", ") + "; ") + "named in "
                    + docs.joined(separator: ", ")
                add(.newPerson, row.name, detail, docs.first)
            }
        }

        // Commitments, by document, actor and sentence.
        let knownCommitments = Set(previous.rows(CommitmentRow.self).map {
            [$0[C.documentID] ?? "", $0[C.actor] ?? "", $0[C.sentence] ?? ""]
        })
        if let commitments = current.rows(CommitmentRow.self), previous.has(CommitmentRow.self) {
            for row in commitments where !knownCommitments.contains([row.documentID, row.actor, row.sentence]) {
                let themes = row.themes.joined(separator: "; ")
                let detail = (themes.isEmpty ? "" : "themes: \(themes); ") + "« \(excerpt(row.sentence, 200)) »"
                add(.newCommitment, row.action.isEmpty ? row.actor : "\(row.actor): \(row.action)", detail, row.documentID)
            }
        }
        return rows
    }

    /// One figure change, before it becomes a row.
    private struct FigureChange {
        var kind: Kind
        var item: String
        var detail: String
        var document: String?
    }

    /// Per metric (and role): a metric never seen before gives `new-figure`; a value it did not have
    /// gives `figure-changed`, "old values → new value (as of …), source …". Values are compared as
    /// `briefing.json` writes them.
    private static func figureChanges(old: [[String: String]], new: [FigureRow]) -> [FigureChange] {
        typealias F = FigureRow.Columns
        func metricKey(_ metric: String, _ role: String?) -> String {
            let role = role ?? ""
            return metric + (role.isEmpty ? "" : " (\(role))")
        }
        var oldValues: [String: [String]] = [:]
        for r in old {
            guard let v = r[F.value], !v.isEmpty else { continue }
            let metric = metricKey(r[F.metric] ?? "", r[F.role])
            if !(oldValues[metric]?.contains(v) ?? false) { oldValues[metric, default: []].append(v) }
        }
        var changes: [FigureChange] = []
        var reported: Set<String> = []
        for r in new {
            let value = PreviousRun.asWritten(.double(r.value))
            guard !value.isEmpty else { continue }
            let metric = metricKey(r.metric, r.role)
            guard reported.insert(metric + "|" + value).inserted else { continue }
            var detail = r.qualifier.flatMap { $0.isEmpty ? nil : "\($0) \(value)" } ?? value
            if let asOf = r.asOf { detail += " (as of \(asOf.iso))" }
            if !r.documentID.isEmpty { detail += ", source \(r.documentID)" }
            if let before = oldValues[metric] {
                guard !before.contains(value) else { continue }
                let sortedBefore = before.sorted { (Double($0) ?? 0, $0) < (Double($1) ?? 0, $1) }
                changes.append(FigureChange(kind: .figureChanged, item: metric,
                                            detail: sortedBefore.joined(separator: ", ") + " → " + detail,
                                            document: r.documentID))
            } else {
                changes.append(FigureChange(kind: .newFigure, item: metric, detail: detail, document: r.documentID))
            }
        }
        return changes
    }

    /// The documents that name an entity: the new ones among them when there are any, else all.
    private static func namingDocuments(_ ids: [String], added: Set<String>) -> [String] {
        let all = ids.filter { !$0.isEmpty }
        let fresh = all.filter(added.contains)
        return fresh.isEmpty ? all : fresh
    }

    /// A document's title, date and publisher, as far as they are known.
    private static func documentDetail(title: String?, date: String?, publisher: String?) -> String {
        let title = title.flatMap { $0.isEmpty ? nil : $0 } ?? "(no title)"
        let extra = [date, publisher].compactMap { $0 }.filter { !$0.isEmpty }
        return extra.isEmpty ? title : "\(title) (\(extra.joined(separator: ", ")))"
    }

    /// `text` cut to at most `limit` characters, at a word boundary, with an ellipsis.
    static func excerpt(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word.trimmingCharacters(in: .whitespaces) + "…"
    }
}

extension ChangeReport {
    /// Short human lines for the run summary and the briefing: documents grouped, one line per other
    /// change ("new country: Ghana (GHA)", "signatory-countries: 69 → 72"), at most `maxSummaryLines`
    /// then "… and N more"; "no change since the previous run" for no change.
    public static func summaryLines(_ changes: [ChangeRow]) -> [String] {
        guard !changes.isEmpty else { return ["no change since the previous run"] }
        var lines: [String] = []
        for kind in Kind.allCases {
            let items = changes.filter { $0.change == kind }
            guard !items.isEmpty else { continue }
            switch kind {
            case .newDocument, .removedDocument:
                let word = kind == .newDocument ? "new" : "removed"
                let ids = items.map(\.item).joined(separator: ", ")
                lines.append(items.count == 1 ? "1 \(word) document: \(ids)" : "\(items.count) \(word) documents: \(ids)")
            case .newPerson:
                let names = items.map(\.item).joined(separator: ", ")
                lines.append(items.count == 1 ? "new person: \(names)" : "\(items.count) new people: \(names)")
            case .figureChanged:
                lines += items.map { "\($0.item): \(figureSummary($0.detail ?? ""))" }
            case .newFigure:
                lines += items.map { "new figure: \($0.item) \(figureSummary($0.detail ?? ""))" }
            case .newCountry, .newOrganisation, .newGroup:
                let noun = kind.rawValue.dropFirst("new-".count)
                lines += items.map { "new \(noun): \($0.item)" }
            case .newCommitment:
                lines += items.map { "new commitment: \(excerpt($0.item, 100))" }
            }
        }
        guard lines.count > maxSummaryLines else { return lines }
        return Array(lines.prefix(maxSummaryLines)) + ["… and \(lines.count - maxSummaryLines) more (see the changes table)"]
    }

    /// The summary lines of a run, given what reading the previous briefing gave.
    public static func summaryLines(_ changes: [ChangeRow], previous: PreviousRun.Loaded) -> [String] {
        switch previous {
        case .missing: return [firstRunLine]
        case .unreadable: return ["previous briefing unreadable: nothing to compare"]
        case .loaded(let p):
            let lines = summaryLines(changes)
            guard changes.isEmpty, let at = p.runAt else { return lines }
            return ["no change since the previous run (\(at))"]
        }
    }

    /// "69 → 72 (as of …), source …" without the source: what a summary line needs.
    private static func figureSummary(_ detail: String) -> String {
        guard let range = detail.range(of: ", source ") else { return detail }
        return String(detail[..<range.lowerBound])
    }
}

extension PreviousRun {
    /// A briefing's tables as a previous run would read them back: every cell as `Cell.plain`.
    /// A cell as `briefing.json` gives it back: `Cell.plain`, except a non-finite number, which the
    /// JSON writes as null.
    static func asWritten(_ cell: Cell) -> String {
        if case .double(let d) = cell, !d.isFinite { return "" }
        return cell.plain
    }

    public init(briefing: Briefing) {
        var tables: [String: [[String: String]]] = [:]
        for table in briefing.tables where tables[table.name] == nil && Self.compared.contains(table.name) {
            tables[table.name] = (0..<table.count).map { r in
                var fields: [String: String] = [:]
                for (c, column) in table.columns.enumerated() { fields[column.name] = Self.asWritten(table.cell(r, c)) }
                return fields
            }
        }
        self.init(runAt: briefing.run.runAt, pipeline: briefing.run.pipeline, tables: tables)
    }
}
