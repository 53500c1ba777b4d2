/// `timeline`: the dated events of the story — each dated sentence that names a known event gives
/// it a date — with the documents and sentences that say so.
struct TimelineTable {
    private struct Row {
        var date: PartialDate
        var event: EventLexicon.Event
        var timesOfDay: [String] = []
        var documents: [String] = []
        var sentences: [Provenance] = []
    }

    private var rows: [String: Row] = [:]
    let lexicon: EventLexicon

    init(lexicon: EventLexicon) {
        self.lexicon = lexicon
    }

    mutating func consume(_ doc: Document) {
        for mention in doc.findings.dates {
            guard let date = mention.date, let event = lexicon.event(in: mention.provenance.sentence) else { continue }
            let key = "\(date.iso)|\(event.id)"
            var row = rows[key] ?? Row(date: date, event: event)
            if let t = mention.timeOfDay, !row.timesOfDay.contains(t) { row.timesOfDay.append(t) }
            if !row.documents.contains(doc.id) { row.documents.append(doc.id) }
            if !row.sentences.contains(where: { $0.paragraphID == mention.provenance.paragraphID && $0.sentenceIndex == mention.provenance.sentenceIndex }) {
                row.sentences.append(mention.provenance)
            }
            rows[key] = row
        }
    }

    /// Events in date order (a month-precision date before the days of that month).
    func makeRows() -> [TimelineRow] {
        let sorted = rows.values.sorted { ($0.date, $0.event.id) < ($1.date, $1.event.id) }
        return sorted.map { r in
            TimelineRow(date: r.date, timesOfDay: r.timesOfDay, event: r.event.label, eventID: r.event.id,
                        documentIDs: r.documents, sentence: r.sentences.first?.sentence ?? "")
        }
    }
}
