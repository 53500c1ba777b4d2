import Foundation

/// Reads a pipeline file, checks it against the stage registry and resolves its paths into a
/// `PipelineConfig`; `plan(path:)` then builds its stages into a `PipelinePlan`.
///
/// The project root is the parent of the folder holding the pipeline file
/// (`/x/Pipelines/p.yaml` → `/x`). Relative paths resolve against it; the input folder and data
/// files may be absolute; the output folder must stay inside `<root>/out`. The input folder is not
/// checked here (a missing corpus is a run error), but data files must exist.
public enum PipelineLoader {
    /// Loads the pipeline file at `path` and builds its plan: every stage built, every data file
    /// loaded and checked, so that nothing in the configuration can fail once a run has started.
    /// - Throws: `ConfigError`, naming `path` as given or the data file at fault.
    public static func plan(path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                            registry: StageRegistry = .standard) throws -> PipelinePlan {
        try PipelinePlan(load(path: path, environment: environment, registry: registry))
    }

    /// Loads the pipeline file at `path`, filling in `${VAR}` and `${VAR:-default}` in its values
    /// from `environment` (see `EnvironmentSubstitution`; data files are not substituted); throws a
    /// `ConfigError` that names `path` as given. Data files must exist but are not read: `plan(path:)`
    /// reads them.
    /// - Parameter registry: the stages the file may name.
    public static func load(path: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            registry: StageRegistry = .standard) throws -> PipelineConfig {
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw ConfigError(location: SourceLocation(file: path), message: "no such file")
        }
        guard !isFolder.boolValue else {
            throw ConfigError(location: SourceLocation(file: path), message: "is a folder, not a pipeline file")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError(location: SourceLocation(file: path), message: "cannot read the file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(location: SourceLocation(file: path), message: "the file is not UTF-8 text")
        }
        let document = try YAMLDocument(text: text, file: path).substitutingEnvironment(environment)
        let raw = try document.decode(PipelineFile.self, userInfo: registry.userInfo)
        let root = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .standardizedFileURL.path
        return try resolve(raw, registry: registry, document: document, file: file, root: root)
    }

    /// Checks what decoding alone cannot and builds the resolved configuration.
    static func resolve(_ raw: PipelineFile, registry: StageRegistry, document: YAMLDocument, file: String,
                        root: String) throws -> PipelineConfig {
        let stages = try checkStages(raw.stages, registry: registry, document: document, root: root)
        let input = InputSettings(folder: absolute(raw.input.folder, root: root),
                                  pattern: raw.input.pattern ?? "*.txt",
                                  language: (raw.input.language ?? .fr).rawValue,
                                  followLinks: raw.input.followLinks ?? false)
        let folder = try outputFolder(raw.outputs?.folder ?? "out/\(raw.name)", document: document, root: root)
        let outputs = OutputSettings(folder: folder, formats: raw.outputs?.formats ?? OutputSettings.Format.allCases,
                                     keep: raw.outputs?.keep,
                                     xlsxDetailRows: raw.outputs?.xlsxDetailRows ?? OutputSettings.defaultXLSXDetailRows,
                                     csv: raw.outputs?.csv?.settings ?? CSVSettings())
        return PipelineConfig(version: raw.version, name: raw.name, description: raw.description ?? "",
                              file: file, root: root, input: input, stages: stages, outputs: outputs,
                              schedule: raw.schedule)
    }

    // MARK: - Stages

    /// Checks order, repetition and presence of the stages against `registry`, and resolves their
    /// settings: defaults filled in, data files made absolute (they must exist).
    private static func checkStages(_ stages: [PipelineFile.Stage], registry: StageRegistry, document: YAMLDocument,
                                    root: String) throws -> [ConfiguredStage] {
        let order = registry.kinds
        var firstIndex: [String: Int] = [:]
        var previous: (kind: String, rank: Int)?
        var resolved: [ConfiguredStage] = []
        for (index, stage) in stages.enumerated() {
            let kind = stage.kind
            let path: [any CodingKey] = [AnyKey("stages"), AnyKey(index: index), AnyKey(kind)]
            guard let type = registry.stage(named: kind), let rank = registry.rank(of: kind) else {
                let message = KeySuggestion.unknownMessage("stage", kind, allowed: order, colon: false)
                throw document.error(message, at: path, target: .key)
            }
            if let first = firstIndex[kind] {
                throw document.error("stage '\(kind)' is repeated (first at stages[\(first)])", at: path, target: .key)
            }
            if let previous, rank < previous.rank {
                let sequence = order.joined(separator: ", ")
                throw document.error("stage '\(kind)' must come before '\(previous.kind)' (stages run in the order \(sequence))",
                                     at: path, target: .key)
            }
            firstIndex[kind] = index
            previous = (kind, rank)
            resolved.append(try ConfiguredStage(type, values: stage.values) { key, value in
                try dataFile(value, at: path + [AnyKey(key)], document: document, root: root)
            })
        }
        let stagesPath: [any CodingKey] = [AnyKey("stages")]
        for type in registry.stages where type.isRequired && firstIndex[type.kind] == nil {
            let place = type.kind == order.first ? "it must be the first stage"
                : type.kind == order.last ? "it must be the last stage" : "every pipeline has it"
            throw document.error("missing stage '\(type.kind)' (\(place))", at: stagesPath)
        }
        return resolved
    }

    // MARK: - Paths

    /// `path` made absolute against `root`, with `.` and `..` removed.
    static func absolute(_ path: String, root: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// The absolute path of a data file, which must exist.
    private static func dataFile(_ value: String, at path: [any CodingKey], document: YAMLDocument,
                                 root: String) throws -> String {
        let resolved = absolute(value, root: root)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            throw document.error("no such data file '\(value)' (looked for \(resolved))", at: path)
        }
        guard !isFolder.boolValue else {
            throw document.error("'\(value)' is a folder, not a data file", at: path)
        }
        return resolved
    }

    /// The absolute output folder, which must stay inside `<root>/out`, symbolic links included.
    private static func outputFolder(_ value: String, document: YAMLDocument, root: String) throws -> String {
        let path: [any CodingKey] = [AnyKey("outputs"), AnyKey("folder")]
        let outRoot = absolute("out", root: root)
        if value.split(separator: "/").contains("..") {
            throw document.error("output folder '\(value)' must stay inside out/ ('..' is not allowed)", at: path)
        }
        let resolved = absolute(value, root: root)
        guard resolved.hasPrefix(outRoot + "/") else {
            throw document.error("output folder '\(value)' must be a folder inside out/ (\(outRoot))", at: path)
        }
        let real = realPath(resolved)
        let realOut = realPath(outRoot)
        guard real.hasPrefix(realOut + "/") else {
            throw document.error("output folder '\(value)' leaves out/ through a symbolic link (it resolves to \(real))",
                                 at: path)
        }
        return resolved
    }

    /// `path` with every symbolic link in its existing part resolved; the rest is kept as is.
    private static func realPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path)
        var rest: [String] = []
        let manager = FileManager.default
        while !manager.fileExists(atPath: existing.path), existing.path != "/" {
            if let target = try? manager.destinationOfSymbolicLink(atPath: existing.path) {
                // A dangling link: follow it lexically so its target is what gets checked.
                let base = existing.deletingLastPathComponent()
                let followed = target.hasPrefix("/") ? URL(fileURLWithPath: target)
                    : base.appendingPathComponent(target)
                return rest.reduce(followed.standardizedFileURL) { $0.appendingPathComponent($1) }.path
            }
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let resolved = existing.resolvingSymlinksInPath()
        return rest.reduce(resolved) { $0.appendingPathComponent($1) }.path
    }
}
