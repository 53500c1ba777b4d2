import Foundation

/// Hand-made expectations for a corpus: one JSON file (the seeds' `seeds-expected.json`) or a folder
/// of them (one per article, as in `Tests/BriefingKitTests/Fixtures/devset/gold/`), all in the same
/// schema: top-level tables whose entries name their `document`.
public struct GoldSet: Sendable {
    /// `core` entries are clear cases; `borderline` ones count neither for nor against a pipeline.
    public enum Confidence: String, Sendable, Decodable { case core, borderline }

    public struct DocumentEntry: Sendable, Decodable {
        public var id: String
        public var language: String?
        public var title: String?
        public var titleAlternatives: [String]?
        public var date: String?
        public var publisher: String?
    }

    public struct Country: Sendable, Decodable {
        public var document: String
        public var alpha3: String
        public var confidence: Confidence
    }

    public struct Organisation: Sendable, Decodable {
        public var document: String
        public var canonical: String
        public var surface: String?
        public var surfaces: [String]?
        public var aliases: [String]?
        public var confidence: Confidence

        /// Every name the gold gives the organisation.
        public var names: [String] { [canonical] + (surface.map { [$0] } ?? []) + (surfaces ?? []) + (aliases ?? []) }
    }

    public struct Person: Sendable, Decodable {
        public var document: String
        public var name: String
        public var aliases: [String]?
        public var confidence: Confidence
    }

    public struct Figure: Sendable, Decodable {
        public var document: String
        public var value: Double
        public var qualifier: String?
        public var metric: String
        public var asOf: String?
        public var confidence: Confidence
    }

    public struct Commitment: Sendable, Decodable {
        public var document: String
        public var actor: String
        public var actorAlternatives: [String]?
        public var sentenceContains: String
        public var confidence: Confidence

        public var actors: [String] { [actor] + (actorAlternatives ?? []) }
    }

    public struct NearDuplicate: Sendable, Decodable {
        public var document: String
        public var paragraphContains: String
        public var duplicateOf: String
        public var duplicateOfContains: String?
    }

    private struct File: Decodable {
        var documents: [DocumentEntry]?
        var countries: [Country]?
        var organisations: [Organisation]?
        var people: [Person]?
        var figures: [Figure]?
        var commitments: [Commitment]?
        var nearDuplicates: [NearDuplicate]?
    }

    public var documents: [DocumentEntry] = []
    public var countries: [Country] = []
    public var organisations: [Organisation] = []
    public var people: [Person] = []
    public var figures: [Figure] = []
    public var commitments: [Commitment] = []
    public var nearDuplicates: [NearDuplicate] = []

    public init() {}

    /// Reads `path`: a gold JSON file, or a folder whose `*.json` files are read in name order.
    /// - Throws: `RunError` naming the file that cannot be read or decoded.
    public static func load(path: String) throws -> GoldSet {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RunError("no gold file or folder at \(path)")
        }
        let files: [String]
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
            guard !files.isEmpty else { throw RunError("no *.json gold file in \(path)") }
        } else {
            files = [path]
        }
        var gold = GoldSet()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        for file in files {
            let parsed: File
            do {
                parsed = try decoder.decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw RunError("cannot read gold file \(file): \(error)")
            }
            gold.documents += parsed.documents ?? []
            gold.countries += parsed.countries ?? []
            gold.organisations += parsed.organisations ?? []
            gold.people += parsed.people ?? []
            gold.figures += parsed.figures ?? []
            gold.commitments += parsed.commitments ?? []
            gold.nearDuplicates += parsed.nearDuplicates ?? []
        }
        return gold
    }
}
