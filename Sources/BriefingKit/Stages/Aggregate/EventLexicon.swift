import Foundation

/// The events a timeline knows (`Pipelines/data/events.yaml`): an id, a label and the words that
/// name the event in a sentence. The first event in file order whose keyword a dated sentence
/// contains names that sentence's event, so more specific events come first in the file.
public struct EventLexicon: Sendable {
    public struct Event: Sendable, Decodable, Equatable {
        public var id: String
        public var label: String
        public var keywords: [String]

        enum CodingKeys: String, CodingKey, CaseIterable { case id, label, keywords }

        public init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decodeText(.id)
            label = try c.decodeText(.label)
            keywords = try c.decode([String].self, forKey: .keywords)
            guard !keywords.isEmpty else { throw c.invalid(.keywords, "must list at least one keyword") }
        }

        public init(id: String, label: String, keywords: [String]) {
            self.id = id
            self.label = label
            self.keywords = keywords
        }
    }

    private struct File: Decodable {
        var events: [Event]
        enum CodingKeys: String, CodingKey, CaseIterable { case events }
        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            events = try decoder.container(keyedBy: CodingKeys.self).decode([Event].self, forKey: .events)
        }
    }

    public let events: [Event]
    /// Folded keywords, per event.
    private let folded: [[String]]

    public init(events: [Event]) {
        self.events = events
        self.folded = events.map { $0.keywords.map { " " + TextFolder.shared.fold($0) } }
    }

    /// Loads the data file.
    /// - Throws: `ConfigError` with file, line and column.
    public init(file: String) throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ConfigError(location: SourceLocation(file: file), message: "cannot read the events data file")
        }
        self.init(events: try YAMLLoader.decode(File.self, from: text, file: file).events)
    }

    /// The event a sentence speaks of, if any.
    public func event(in sentence: String) -> Event? {
        let text = " " + TextFolder.shared.fold(sentence)
        for (i, keywords) in folded.enumerated() where keywords.contains(where: { text.contains($0) }) {
            return events[i]
        }
        return nil
    }
}
