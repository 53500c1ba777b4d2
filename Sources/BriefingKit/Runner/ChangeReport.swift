import Foundation

/// What changed since the previous run: new and removed documents, countries, organisations, groups
/// and people seen for the first time, new commitments, and figures whose values changed.
///
/// The `changes` table has one row per change, in this order: documents (new, then removed),
/// figures (changed, then new), countries, organisations, groups, people, commitments. A table
/// that either run lacks (an older or smaller pipeline) is not compared.
public enum ChangeReport {
    /// The kinds of change, as the `change` column writes them.
    public enum Kind: String, Sendable, CaseIterable {
        case newDocument = "new-document"
        case removedDocument = "removed-document"
        case figureChanged = "figure-changed"
        case newFigure = "new-figure"
        case newCountry = "new-country"
        case newOrganisation = "new-organisation"
        case newGroup = "new-group"
        case newPerson = "new-person"
        case newCommitment = "new-commitment"
    }

    /// The table's name: the workbook sheet, `changes.csv`, the JSON key.
    public static let tableName = "changes"

    /// `change` (a `Kind`), `item` (what changed), `detail`, `document_id` (the source document, when one).
    public static let columns = [
        Column("change"), Column("item"), Column("detail", long: true), Column("document_id"),
    ]

    /// The summary line of a run that had no previous briefing.
    public static let firstRunLine = "first run: nothing to compare"

    /// Most change lines `summaryLines` gives; a last line "… and N more" counts the rest.
    public static let maxSummaryLines = 12

    /// The `changes` table of `current` against `previous`; empty (same columns) without a previous run.
    public static func compare(previous: PreviousRun?, current: Briefing) -> Table {
        var table = Table(name: tableName, columns: columns)
        guard let previous else { return table }
        let now = PreviousRun(briefing: current)
        var rows: [[Cell]] = []
        func add(_ kind: Kind, _ item: String, _ detail: String, _ document: String?) {
            rows.append([.text(kind.rawValue), .text(item), detail.isEmpty ? .null : .text(detail),
                         document.map { .text($0) } ?? .null])
        }

        let both = { (name: String) in previous.has(name) && now.has(name) }

        // Documents, by id.
        let oldDocs = both("documents") ? previous.rows("documents") : []
        let newDocs = both("documents") ? now.rows("documents") : []
        let oldIDs = Set(oldDocs.compactMap { $0["document_id"] })
        let newIDs = Set(newDocs.compactMap { $0["document_id"] })
        let addedDocs = newIDs.subtracting(oldIDs)
        for doc in newDocs {
            guard let id = doc["document_id"], addedDocs.contains(id) else { continue }
            add(.newDocument, id, documentDetail(doc), id)
        }
        for doc in oldDocs {
            guard let id = doc["document_id"], !newIDs.contains(id) else { continue }
            add(.removedDocument, id, documentDetail(doc), id)
        }

        // Figures, by metric and role.
        for change in both("figures") ? figureChanges(old: previous.rows("figures"), new: now.rows("figures")) : [] {
            add(change.kind, change.item, change.detail, change.document)
        }

        // Countries, organisations and groups, by type and name.
        let seen = Set(previous.rows("participation").map { "\($0["type"] ?? "")|\($0["name"] ?? "")" })
        let kinds: [(String, Kind)] = [("country", .newCountry), ("organisation", .newOrganisation), ("group", .newGroup)]
        for (type, kind) in both("participation") ? kinds : [] {
            for row in now.rows("participation") where row["type"] == type {
                guard let name = row["name"], !seen.contains("\(type)|\(name)") else { continue }
                let code = row["iso_alpha3"].flatMap { $0.isEmpty ? nil : $0 }
                let item = code.map { "\(name) (\($0))" } ?? name
                let docs = namingDocuments(row["document_ids"], added: addedDocs)
                var detail = "named in " + docs.joined(separator: ", ")
                if let roles = row["roles"], !roles.isEmpty { detail += "; roles: " + roles }
                add(kind, item, detail, docs.first)
            }
        }

        // People, by name.
        let knownPeople = Set(previous.rows("people").compactMap { $0["name"] })
        for row in both("people") ? now.rows("people") : [] {
            guard let name = row["name"], !knownPeople.contains(name) else { continue }
            let docs = namingDocuments(row["document_ids"], added: addedDocs)
            let about = [row["titles"], row["affiliation"]].compactMap { $0 }.filter { !$0.isEmpty }
            let detail = (about.isEmpty ? "" : about.joined(separator: ", ") + "; ") + "named in " + docs.joined(separator: ", ")
            add(.newPerson, name, detail, docs.first)
        }

        // Commitments, by document, actor and sentence.
        let key = { (r: [String: String]) in [r["document_id"] ?? "", r["actor"] ?? "", r["sentence"] ?? ""] }
        let knownCommitments = Set(previous.rows("commitments").map(key))
        for row in both("commitments") ? now.rows("commitments") : [] where !knownCommitments.contains(key(row)) {
            let actor = row["actor"] ?? ""
            let action = row["action"] ?? ""
            let themes = row["themes"] ?? ""
            let detail = (themes.isEmpty ? "" : "themes: \(themes); ") + "« \(excerpt(row["sentence"] ?? "", 200)) »"
            add(.newCommitment, action.isEmpty ? actor : "\(actor): \(action)", detail, row["document_id"])
        }

        table.rows = rows
        return table
    }

    /// One figure change, before it becomes a row.
    private struct FigureChange {
        var kind: Kind
        var item: String
        var detail: String
        var document: String?
    }

    /// Per metric (and role): a metric never seen before gives `new-figure`; a value it did not have
    /// gives `figure-changed`, "old values → new value (as of …), source …".
    private static func figureChanges(old: [[String: String]], new: [[String: String]]) -> [FigureChange] {
        func metricKey(_ r: [String: String]) -> String {
            let role = r["role"] ?? ""
            return (r["metric"] ?? "") + (role.isEmpty ? "" : " (\(role))")
        }
        var oldValues: [String: [String]] = [:]
        for r in old {
            guard let v = r["value"], !v.isEmpty else { continue }
            if !(oldValues[metricKey(r)]?.contains(v) ?? false) { oldValues[metricKey(r), default: []].append(v) }
        }
        var changes: [FigureChange] = []
        var reported: Set<String> = []
        for r in new {
            guard let value = r["value"], !value.isEmpty, r["metric"] != nil else { continue }
            let metric = metricKey(r)
            guard reported.insert(metric + "|" + value).inserted else { continue }
            var detail = stated(value, r)
            if let asOf = r["as_of"], !asOf.isEmpty { detail += " (as of \(asOf))" }
            if let doc = r["document_id"], !doc.isEmpty { detail += ", source \(doc)" }
            if let before = oldValues[metric] {
                guard !before.contains(value) else { continue }
                let sortedBefore = before.sorted { (Double($0) ?? 0, $0) < (Double($1) ?? 0, $1) }
                changes.append(FigureChange(kind: .figureChanged, item: metric,
                                            detail: sortedBefore.joined(separator: ", ") + " → " + detail,
                                            document: r["document_id"]))
            } else {
                changes.append(FigureChange(kind: .newFigure, item: metric, detail: detail, document: r["document_id"]))
            }
        }
        return changes
    }

    /// A figure's value with its qualifier (`more-than 1000`), as the figures table normalises it.
    private static func stated(_ value: String, _ r: [String: String]) -> String {
        guard let q = r["qualifier"], !q.isEmpty else { return value }
        return "\(q) \(value)"
    }

    /// The documents that name an entity: the new ones among them when there are any, else all.
    private static func namingDocuments(_ ids: String?, added: Set<String>) -> [String] {
        let all = (ids ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let fresh = all.filter(added.contains)
        return fresh.isEmpty ? all : fresh
    }

    /// A document's title, date and publisher, as far as they are known.
    private static func documentDetail(_ doc: [String: String]) -> String {
        let title = doc["title"].flatMap { $0.isEmpty ? nil : $0 } ?? "(no title)"
        let extra = [doc["date"], doc["publisher"]].compactMap { $0 }.filter { !$0.isEmpty }
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
    /// then "… and N more"; "no change since the previous run" for an empty table.
    public static func summaryLines(_ table: Table) -> [String] {
        let rows: [(kind: String, item: String, detail: String)] = table.rows.map { row in
            (row.first?.plain ?? "", row.count > 1 ? row[1].plain : "", row.count > 2 ? row[2].plain : "")
        }
        guard !rows.isEmpty else { return ["no change since the previous run"] }
        var lines: [String] = []
        for kind in Kind.allCases {
            let items = rows.filter { $0.kind == kind.rawValue }
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
                lines += items.map { "\($0.item): \(figureSummary($0.detail))" }
            case .newFigure:
                lines += items.map { "new figure: \($0.item) \(figureSummary($0.detail))" }
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
    public static func summaryLines(_ table: Table, previous: PreviousRun.Loaded) -> [String] {
        switch previous {
        case .missing: return [firstRunLine]
        case .unreadable: return ["previous briefing unreadable: nothing to compare"]
        case .loaded(let p):
            let lines = summaryLines(table)
            guard table.rows.isEmpty, let at = p.runAt else { return lines }
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
            tables[table.name] = table.rows.map { row in
                var fields: [String: String] = [:]
                for (c, column) in table.columns.enumerated() { fields[column.name] = c < row.count ? Self.asWritten(row[c]) : "" }
                return fields
            }
        }
        self.init(runAt: briefing.run.runAt, pipeline: briefing.run.pipeline, tables: tables)
    }
}
