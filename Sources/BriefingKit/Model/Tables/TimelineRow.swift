/// A row of `timeline`: one dated event of the story, with the documents and sentences that date it.
public struct TimelineRow: Sendable, Hashable {
    public var date = PartialDate(year: 1970, month: 1)
    /// The times of day the sentences give (`10:00`, `matin`), in order of appearance.
    public var timesOfDay: [String] = []
    /// The event's label.
    public var event = ""
    public var eventID = ""
    /// The documents that date it, in corpus order.
    public var documentIDs: [String] = []
    /// The first sentence that dates it.
    public var sentence = ""
}

extension TimelineRow: TableRow {
    public enum Columns {
        public static let date = TableColumn<TimelineRow>(
            "date", .date, "The event's date: a day, or a month.", key: true) { .date($0.date) }
        public static let timeOfDay = TableColumn<TimelineRow>(
            "time_of_day", "The times of day the sentences give, comma separated.") {
            .text($0.timesOfDay.joined(separator: ", "))
        }
        public static let event = TableColumn<TimelineRow>(
            "event", "The event's label.") { .text($0.event) }
        public static let eventID = TableColumn<TimelineRow>(
            "event_id", "The event's id in the events data file.", key: true) { .text($0.eventID) }
        public static let sources = TableColumn<TimelineRow>(
            "sources", .integer, "Documents that date it.") { .int($0.documentIDs.count) }
        public static let documentIDs = TableColumn<TimelineRow>(
            "document_ids", "Those documents, comma separated.") { .text($0.documentIDs.joined(separator: ", ")) }
        public static let sentence = TableColumn<TimelineRow>(
            "sentence", "The first sentence that dates it.", long: true) { .text($0.sentence) }
    }

    public static let table = TableDeclaration<TimelineRow>(
        "timeline", description: "One row per dated event of the story, in date order.",
        columns: [Columns.date, Columns.timeOfDay, Columns.event, Columns.eventID, Columns.sources,
                  Columns.documentIDs, Columns.sentence])
}
