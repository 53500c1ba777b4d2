import Foundation
@testable import BriefingKit

/// Paths inside the repository, found from this file's location.
enum Repo {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static var seeds: URL { root.appendingPathComponent("seeds") }

    /// The seed files in name order.
    static func seedFiles() throws -> [SourceFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let path = seeds.appendingPathComponent(name).path
            return SourceFile(name: name, path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    /// The seeds parsed with the default pipeline's settings.
    static func parsedSeeds() throws -> [Document] {
        let stage = ParseStage(settings: ParseSettings(defaultYear: 2025))
        var stats = StageStats(stage: "parse", unit: "files")
        var warnings: [String] = []
        return try seedFiles().compactMap { stage.parse($0, stats: &stats, warnings: &warnings) }
    }
}
