import Foundation
import Testing
@testable import BriefingKit

/// A throwaway project folder: `<tmp>/<uuid>/Pipelines/` and `<tmp>/<uuid>/out/`.
struct TempProject {
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-config-\(UUID().uuidString)")
        root = base.standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: root + "/Pipelines", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
    }

    /// Writes `text` at `relative` (creating folders) and returns the absolute path.
    @discardableResult
    func write(_ text: String, to relative: String = "Pipelines/p.yaml") throws -> String {
        let path = root + "/" + relative
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// The `ConfigError` thrown by `body`, or `nil` (recording an issue) when it throws nothing or something else.
func configError<T>(_ body: () throws -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ConfigError? {
    do {
        let value = try body()
        Issue.record("expected a ConfigError, got \(value)", sourceLocation: sourceLocation)
    } catch let error as ConfigError {
        return error
    } catch {
        Issue.record("expected a ConfigError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The error from loading `yaml` as `<tmp>/Pipelines/p.yaml`, with the file shown as `p.yaml`'s full path.
func loadError(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ConfigError? {
    let project = try TempProject()
    defer { project.remove() }
    let path = try project.write(yaml)
    return configError({ try PipelineLoader.load(path: path) }, sourceLocation: sourceLocation)
}

/// A valid minimal pipeline; tests replace single lines to break it.
///
///  1 version: 1
///  2 name: test
///  3 input:
///  4   folder: seeds
///  5 stages:
///  6   - parse: {}
///  7   - dedupe:
///  8       threshold: 0.8
///  9   - aggregate: {}
/// 10 outputs:
/// 11   folder: out/test
/// 12   formats: [xlsx, csv]
let baseLines = [
    "version: 1",
    "name: test",
    "input:",
    "  folder: seeds",
    "stages:",
    "  - parse: {}",
    "  - dedupe:",
    "      threshold: 0.8",
    "  - aggregate: {}",
    "outputs:",
    "  folder: out/test",
    "  formats: [xlsx, csv]",
]

/// The base pipeline with 1-based `line` replaced by `text` (which may hold several lines, or none).
func base(replacing line: Int, with text: String?) -> String {
    base(replacing: line...line, with: text)
}

/// The base pipeline with 1-based `lines` replaced by `text`, or removed.
func base(replacing lines: ClosedRange<Int>, with text: String?) -> String {
    var result = baseLines
    result.replaceSubrange((lines.lowerBound - 1)..<lines.upperBound, with: text.map { [$0] } ?? [])
    return result.joined(separator: "\n") + "\n"
}

/// The base pipeline with `text` inserted before 1-based `line`.
func base(inserting text: String, before line: Int) -> String {
    var lines = baseLines
    lines.insert(text, at: line - 1)
    return lines.joined(separator: "\n") + "\n"
}

extension ConfigError {
    /// `line:column`, for compact assertions.
    var position: String { "\(location.line.map(String.init) ?? "-"):\(location.column.map(String.init) ?? "-")" }
}
