import BriefingKit
import Foundation

/// The fuzz targets: each one feeds arbitrary bytes to one entry point of BriefingKit.
///
/// The same code runs under libFuzzer (`briefing-fuzz`, built with `-sanitize=fuzzer,address`) and in
/// the regression tests (`Tests/BriefingKitTests/Fuzz`), so a reproducer replays exactly as found.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `ParseStage.parse` on a file of arbitrary bytes.
    case parse
    /// `ParseStage.parse`, then `EnrichStage.process` with the repository's data files.
    case enrich
    /// `PipelineLoader.load` on an arbitrary pipeline file, with `${VAR}` references filled from a fixed environment.
    case pipeline
    /// Every data-file loader; the first byte picks the loader (`DataFileKind`), the rest is the file.
    case data
    /// `CronSchedule` on arbitrary text, then its systemd `OnCalendar=` expressions.
    case cron
    /// `CSVExporter` (both dialects, with and without formula neutralisation) and `JSONExporter` on
    /// arbitrary cells, each read back and compared with the cells.
    case text
    /// `XLSXExporter` on arbitrary cells, table names (sheet names) and URLs, into a temporary folder.
    case xlsx
}

/// What a fuzz input broke without crashing: an output that does not read back as written.
public struct FuzzFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The data files the `data` target loads; an input's first byte modulo the count picks one.
public enum DataFileKind: Int, CaseIterable, Sendable {
    case countries, organisations, titles, metrics, commitments, themes, events

    public var fileName: String {
        switch self {
        case .countries: return "countries.yaml"
        case .organisations: return "organisations.yaml"
        case .titles: return "titles.yaml"
        case .metrics: return "metrics.yaml"
        case .commitments: return "commitments.yaml"
        case .themes: return "themes.yaml"
        case .events: return "events.yaml"
        }
    }
}

public enum FuzzHarness {
    /// Runs one input through a target. Errors the entry point throws for bad input are expected and
    /// ignored; a crash is the bug, and so is a returned `FuzzFailure` (an output that does not read back).
    public static func run(_ target: FuzzTarget, _ bytes: [UInt8]) -> FuzzFailure? {
        switch target {
        case .parse:
            _ = parse(bytes)
            return nil
        case .enrich:
            enrich(bytes)
            return nil
        case .pipeline:
            pipeline(bytes)
            return nil
        case .data:
            data(bytes)
            return nil
        case .cron:
            return cron(bytes)
        case .text:
            return textExports(bytes)
        case .xlsx:
            return xlsx(bytes)
        }
    }

    // MARK: - Parse and enrich

    static func parse(_ bytes: [UInt8]) -> Document? {
        // The first byte picks the settings when the input is long enough to spare it; the whole input is the file.
        let flags = bytes.first ?? 0
        let settings = ParseSettings(split: flags & 1 == 0 ? .lines : .blankLines,
                                     defaultYear: flags & 2 == 0 ? 2025 : nil,
                                     stripBoilerplate: flags & 4 == 0)
        let stage = ParseStage(settings: settings, fallbackLanguage: flags & 8 == 0 ? "fr" : "en")
        var stats = StageStats(stage: ParseStage.kind, unit: ParseStage.unit)
        var warnings: [String] = []
        let file = SourceFile(name: "000_0123456789abcdef.txt", path: "/fuzz/000_0123456789abcdef.txt", bytes: bytes)
        return stage.parse(file, stats: &stats, warnings: &warnings)
    }

    /// The enrich stage with the repository's data files, built once.
    private static let enrichStage: EnrichStage? = {
        let data = FuzzFiles.repositoryRoot + "/Pipelines/data/"
        let settings = EnrichSettings(countries: data + "countries.yaml", organisations: data + "organisations.yaml",
                                      titles: data + "titles.yaml", metrics: data + "metrics.yaml",
                                      commitments: data + "commitments.yaml", themes: data + "themes.yaml")
        return try? EnrichStage(settings: settings, defaultYear: 2025)
    }()

    static func enrich(_ bytes: [UInt8]) {
        guard var document = parse(bytes), var stage = enrichStage else { return }
        var stats = StageStats(stage: EnrichStage.kind, unit: EnrichStage.unit)
        stage.process(&document, stats: &stats)
    }

    // MARK: - Configuration

    /// The environment `${VAR}` references are filled from.
    public static let environment: [String: String] = [
        "BRIEFING_CORPUS": "seeds", "BRIEFING_OUT": "out/fuzz", "THRESHOLD": "0.8", "EMPTY": "", "NAME": "fuzz",
        "CRON": "0 6 * * 1-5", "DOLLAR": "$", "BRACE": "${X}", "YES": "true",
    ]

    static func pipeline(_ bytes: [UInt8]) {
        guard let path = FuzzFiles.write(bytes, to: "Pipelines/fuzz.yaml") else { return }
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try? PipelineLoader.load(path: path, environment: environment)
    }

    static func data(_ bytes: [UInt8]) {
        guard let first = bytes.first,
              let kind = DataFileKind(rawValue: Int(first) % DataFileKind.allCases.count),
              let path = FuzzFiles.write(Array(bytes.dropFirst()), to: "Pipelines/data-fuzz/" + kind.fileName) else { return }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let data = FuzzFiles.repositoryRoot + "/Pipelines/data/"
        switch kind {
        case .countries:
            _ = try? EntityExtractor(countriesFile: path, organisationsFile: nil)
        case .organisations:
            _ = try? EntityExtractor(countriesFile: nil, organisationsFile: path)
        case .titles:
            _ = try? PersonExtractor(titlesFile: path)
        case .metrics:
            _ = try? FigureExtractor(metricsFile: path)
        case .commitments:
            _ = try? CommitmentLexicon(file: path)
            _ = try? CommitmentExtractor(commitmentsFile: path, themesFile: data + "themes.yaml")
        case .themes:
            if let themes = try? ThemeLexicon(file: path) {
                _ = themes.label("fuzz", language: "en")
            }
            _ = try? CommitmentExtractor(commitmentsFile: data + "commitments.yaml", themesFile: path)
        case .events:
            _ = try? EventLexicon(file: path)
        }
    }

    static func cron(_ bytes: [UInt8]) -> FuzzFailure? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let schedule = try? CronSchedule(text) else { return nil }
        let calendar = schedule.onCalendar
        if calendar.isEmpty { return FuzzFailure("cron '\(text)': no OnCalendar= expression") }
        guard let again = try? CronSchedule(schedule.expression) else {
            return FuzzFailure("cron '\(text)': its expression '\(schedule.expression)' does not parse again")
        }
        if again != schedule { return FuzzFailure("cron '\(text)': parsing '\(schedule.expression)' again differs") }
        _ = schedule.matches(minute: 0, hour: 6, day: 26, month: 10, weekday: 0)
        return nil
    }
}
