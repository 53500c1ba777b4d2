import Foundation

/// Where the fuzz targets find the repository and write their files.
enum FuzzFiles {
    /// The repository root, found from this file's location (the fuzz binary runs from the repository).
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    /// A project root of this process's own under the temp directory: `Pipelines/data` links to the
    /// repository's data files, so that a fuzzed pipeline file can name them; `out/` exists.
    static let scratchRoot: String? = {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("briefing-fuzz-\(getpid())").path
        do {
            try fm.createDirectory(atPath: root + "/Pipelines", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
            if !fm.fileExists(atPath: root + "/Pipelines/data") {
                try fm.createSymbolicLink(atPath: root + "/Pipelines/data", withDestinationPath: repositoryRoot + "/Pipelines/data")
            }
            if !fm.fileExists(atPath: root + "/seeds") {
                try fm.createSymbolicLink(atPath: root + "/seeds", withDestinationPath: repositoryRoot + "/seeds")
            }
        } catch {
            return nil
        }
        return root
    }()

    /// Writes `bytes` to `relative` under the scratch root and returns the file's path. The file name
    /// gets a unique prefix, so that calls running at the same time (parallel tests) never share a file.
    static func write(_ bytes: [UInt8], to relative: String) -> String? {
        guard let root = scratchRoot else { return nil }
        let url = URL(fileURLWithPath: root + "/" + relative)
        let path = url.deletingLastPathComponent().path + "/" + UUID().uuidString + "-" + url.lastPathComponent
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            return nil
        }
        return path
    }

    /// A fresh folder of its own under the scratch root's `out/` (removed by the caller).
    static func outputFolder(_ name: String) -> String? {
        guard let root = scratchRoot else { return nil }
        return root + "/out/" + name + "-" + UUID().uuidString
    }
}
