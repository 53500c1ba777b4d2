import Foundation

/// The hand-made expectations for the seeds (`Fixtures/seeds-expected.json`), as loose JSON.
enum Gold {
    static func load() throws -> [String: Any] {
        let url = Repo.root.appendingPathComponent("Tests/BriefingKitTests/Fixtures/seeds-expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let dict = object as? [String: Any] else { throw GoldError.malformed }
        return dict
    }

    static func entries(_ table: String) throws -> [[String: Any]] {
        guard let rows = try load()[table] as? [[String: Any]] else { throw GoldError.missing(table) }
        return rows
    }

    enum GoldError: Error { case malformed, missing(String) }
}
