/// `figures`: one row per stated figure, with a `conflict` column that names, for every figure,
/// the other figures of the same metric that disagree with it — side by side, never averaged.
///
/// Two figures disagree when the ranges their qualifiers allow do not overlap: `69` and `72`
/// disagree; `plus de 60` and `plus de 1 000` do not (both are lower bounds); `près de 80` allows
/// 72–80, `environ 100` allows 90–110 and `up to 5,000` (`jusqu'à 5 000`) allows 0–5,000.
struct FiguresTable {
    struct Row {
        var figure: FigureMention
        var documentDate: PartialDate?
        var conflictGroup: Int?
    }

    private(set) var rows: [Row] = []

    mutating func consume(_ doc: Document) {
        for f in doc.findings.figures {
            rows.append(Row(figure: f, documentDate: doc.date))
        }
    }

    /// The range of values a qualified figure allows.
    static func range(_ f: FigureMention) -> ClosedRange<Double> {
        let v = f.value
        switch f.qualifier {
        case "more-than": return v.nextUp...Double.greatestFiniteMagnitude
        case "at-least": return v...Double.greatestFiniteMagnitude
        case "less-than": return 0...v.nextDown
        case "at-most", "up-to": return 0...v
        case "nearly": return (v * 0.9)...v
        case "about": return (v * 0.9)...(v * 1.1)
        default: return v...v
        }
    }

    /// Same metric and role, and ranges that do not overlap.
    static func disagree(_ a: FigureMention, _ b: FigureMention) -> Bool {
        a.metric == b.metric && a.role == b.role && !range(a).overlaps(range(b))
    }

    /// The date a figure speaks for: its own as-of date, else its document's date.
    static func asOf(_ r: Row) -> PartialDate? { r.figure.asOf ?? r.documentDate }

    /// Rows by metric, then as-of date, then value.
    func makeRows() -> [FigureRow] {
        let sorted = rows.sorted {
            ($0.figure.metric, Self.asOf($0)?.daysSinceEpoch ?? 0, $0.figure.value, $0.figure.provenance.documentID)
                < ($1.figure.metric, Self.asOf($1)?.daysSinceEpoch ?? 0, $1.figure.value, $1.figure.provenance.documentID)
        }
        // compare only figures of the same metric and role
        var groups: [String: [Row]] = [:]
        for r in sorted { groups["\(r.figure.metric)|\(r.figure.role ?? "")", default: []].append(r) }
        groups = groups.mapValues(Self.distinct)
        return sorted.map { r in
            let group = groups["\(r.figure.metric)|\(r.figure.role ?? "")"] ?? []
            let others = Self.disagreeing(with: r, in: group)
            let conflict = others.isEmpty ? "" : "disagrees with " + others.map { o in
                "\(Cell.format(o.figure.value))" + (Self.asOf(o).map { " (as of \($0.iso))" } ?? "")
                    + " in \(o.figure.provenance.documentID)"
            }.joined(separator: "; ")
            let f = r.figure
            return FigureRow(metric: f.metric, role: f.role, value: f.value, qualifier: f.qualifier, asOf: Self.asOf(r),
                             conflict: conflict.isEmpty ? nil : conflict, statedAs: f.surface,
                             documentID: f.provenance.documentID, documentDate: r.documentDate,
                             paragraphID: f.provenance.paragraphID, sentence: f.provenance.sentence)
        }
    }

    /// The figures of `group` (one metric and role, each distinct value and qualifier once) that
    /// disagree with `r`, at most 10: on a large corpus a metric has thousands of figures, and the
    /// cell names the first ones.
    static func disagreeing(with r: Row, in group: [Row]) -> [Row] {
        var result: [Row] = []
        var values = Set<Double>()
        for o in group where disagree(o.figure, r.figure) && values.insert(o.figure.value).inserted {
            result.append(o)
            if result.count == 10 { break }
        }
        return result
    }

    /// The first row of each distinct (value, qualifier) in `rows`, in order.
    static func distinct(_ rows: [Row]) -> [Row] {
        var seen = Set<String>()
        return rows.filter { seen.insert("\($0.figure.value)|\($0.figure.qualifier ?? "")").inserted }
    }
}
