import Foundation
import Testing
@testable import BriefingKit

@Suite struct PipelineLoaderTests {
    @Test func fullFileDecodesToResolvedSettings() throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("[]\n", to: "Pipelines/data/countries.yaml")
        let path = try project.write("""
            version: 1
            name: hanoi-convention
            description: "Test pipeline"
            input:
              folder: seeds
              pattern: "*.md"
              language: en
            stages:
              - parse:
                  split: blank-lines
                  default_year: 2025
                  strip_boilerplate: false
              - dedupe:
                  exact: true
                  near: false
                  threshold: 0.9
                  shingle_size: 4
                  min_words: 5
                  scope: document
              - enrich:
                  countries: Pipelines/data/countries.yaml
              - aggregate: {}
            outputs:
              folder: out/hanoi-convention
              formats: [csv, json]

            """)
        let config = try PipelineLoader.load(path: path)
        let root = project.root
        #expect(config.version == 1)
        #expect(config.name == "hanoi-convention")
        #expect(config.description == "Test pipeline")
        #expect(config.file == path)
        #expect(config.root == root)
        #expect(config.input.folder == root + "/seeds")
        #expect(config.input.pattern == "*.md")
        #expect(config.input.language == "en")
        #expect(config.stages.map(\.kind) == ["parse", "dedupe", "enrich", "aggregate"])
        #expect(config.settings(ParseStage.self) == ParseSettings(split: .blankLines, defaultYear: 2025, stripBoilerplate: false))
        #expect(config.settings(DedupeStage.self) == DedupeSettings(exact: true, near: false, threshold: 0.9, shingleSize: 4,
                                                minWords: 5, scope: .document))
        #expect(config.settings(EnrichStage.self) == EnrichSettings(countries: root + "/Pipelines/data/countries.yaml"))
        #expect(config.settings(AggregateStage.self) == AggregateSettings())
        #expect(config.outputs.folder == root + "/out/hanoi-convention")
        #expect(config.outputs.formats == [.csv, .json])
    }

    @Test func omittedSettingsTakeTheirDefaults() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write("""
            version: 1
            name: minimal_1
            input:
              folder: /data/corpus/
            stages:
              - parse:
              - dedupe: {}
              - aggregate: ~

            """)
        let config = try PipelineLoader.load(path: path)
        #expect(config.description == "")
        #expect(config.input.folder == "/data/corpus")
        #expect(config.input.pattern == "*.txt")
        #expect(config.input.language == "fr")
        #expect(config.settings(ParseStage.self) == ParseSettings())
        #expect(config.settings(DedupeStage.self) == DedupeSettings())
        #expect(config.settings(EnrichStage.self) == nil)
        #expect(config.outputs.folder == project.root + "/out/minimal_1")
        #expect(config.outputs.formats == [.xlsx, .csv, .json])
    }

    @Test func baseFixtureLoads() throws {
        let project = try TempProject()
        defer { project.remove() }
        let config = try PipelineLoader.load(path: try project.write(base(inserting: "# base", before: 1)))
        #expect(config.stages.map(\.kind) == ["parse", "dedupe", "aggregate"])
        #expect(config.outputs.formats == [.xlsx, .csv])
    }

    @Test func projectPipelineLoads() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let config = try PipelineLoader.load(path: repo.appendingPathComponent("Pipelines/hanoi-convention.yaml").path)
        #expect(config.name == "hanoi-convention")
        #expect(config.description.contains("Convention de Hanoï"))
        #expect(config.root == repo.standardizedFileURL.path)
        #expect(config.input.folder == config.root + "/seeds")
        #expect(config.stages.map(\.kind) == ["parse", "dedupe", "enrich", "aggregate"])
        #expect(config.settings(ParseStage.self)?.defaultYear == 2025)
        #expect(config.settings(DedupeStage.self)?.threshold == 0.7 && config.settings(DedupeStage.self)?.shingleSize == 2)
        #expect(config.settings(EnrichStage.self)?.countries == config.root + "/Pipelines/data/countries.yaml")
        #expect(config.settings(EnrichStage.self)?.organisations == config.root + "/Pipelines/data/organisations.yaml")
        #expect(config.settings(AggregateStage.self)?.events == config.root + "/Pipelines/data/events.yaml")
        #expect(config.outputs.folder == config.root + "/out/hanoi-convention")
        #expect(config.outputs.formats == [.xlsx, .csv, .json])
    }

    // MARK: - File-level errors

    @Test func missingFile() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = project.root + "/Pipelines/nope.yaml"
        let error = try #require(configError { try PipelineLoader.load(path: path) })
        #expect(error.description == "\(path): error: no such file")
        #expect(error.location.line == nil)
    }

    @Test func folderInsteadOfFile() throws {
        let project = try TempProject()
        defer { project.remove() }
        let error = try #require(configError { try PipelineLoader.load(path: project.root + "/Pipelines") })
        #expect(error.message.contains("is a folder"))
    }

    @Test func emptyFile() throws {
        for text in ["", "# only a comment\n"] {
            let error = try #require(try loadError(text))
            #expect(error.position == "1:1")
            #expect(error.message == "the file is empty (expected a YAML mapping)")
        }
    }

    @Test func syntaxErrorUnclosedBracket() throws {
        // Line 12 is `  formats: [xlsx, csv` and the file ends: libyaml notices at the end (13:1).
        let error = try #require(try loadError(base(replacing: 12, with: "  formats: [xlsx, csv")))
        #expect(error.position == "13:1")
        #expect(error.message.hasPrefix("YAML syntax error: did not find expected ',' or ']'"))
        #expect(error.message.contains("while parsing a flow sequence that starts at line 12, column 12"))
        #expect(error.snippet == nil)
    }

    @Test func syntaxErrorUnclosedBracketMidFile() throws {
        // `[0.8` on line 8 swallows `- aggregate` as a plain scalar; libyaml stops at the colon (9:14).
        let error = try #require(try loadError(base(replacing: 8, with: "      threshold: [0.8")))
        #expect(error.position == "9:14")
        #expect(error.message.contains("while parsing a flow sequence that starts at line 8, column 18"))
    }

    @Test func tabIndentation() throws {
        let error = try #require(try loadError(base(replacing: 4, with: "\tfolder: seeds")))
        #expect(error.position == "4:1")
        #expect(error.message.hasSuffix("YAML does not allow tabs for indentation"))
    }

    @Test func errorsNameThePathAsGiven() throws {
        let project = try TempProject()
        defer { project.remove() }
        let absolute = try project.write(base(replacing: 1, with: "version: 2"))
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + absolute.dropFirst()
        let error = try #require(configError { try PipelineLoader.load(path: relative) })
        #expect(error.description.hasPrefix(relative + ":1:10: error: version: unsupported version 2"))
        let config = try PipelineLoader.load(path: try project.write(baseLines.joined(separator: "\n")))
        #expect(config.file == absolute)
    }

    @Test func duplicateTopLevelKey() throws {
        let error = try #require(try loadError(base(inserting: "name: other", before: 3)))
        #expect(error.position == "3:1")
        #expect(error.keyPath == "")
        #expect(error.message == "duplicate key 'name' (first defined at line 2, column 1)")
    }

    @Test func duplicateKeyInsideAStage() throws {
        let error = try #require(try loadError(base(inserting: "      threshold: 0.9", before: 9)))
        #expect(error.position == "9:7")
        #expect(error.keyPath == "stages[1].dedupe")
        #expect(error.description.contains(":9:7: error: stages[1].dedupe: duplicate key 'threshold'"))
    }

    // MARK: - Keys and types

    @Test func unknownTopLevelKey() throws {
        let error = try #require(try loadError(base(inserting: "descripton: nothing", before: 3)))
        #expect(error.position == "3:1")
        #expect(error.keyPath == "")
        #expect(error.message == "unknown key 'descripton' (expected one of: version, name, description, "
                + "input, stages, outputs, schedule); did you mean 'description'?")
        #expect(error.snippet == "descripton: nothing\n^")
    }

    @Test func unknownKeyInsideAStageSuggestsTheClosest() throws {
        let error = try #require(try loadError(base(replacing: 8, with: "      treshold: 0.8")))
        #expect(error.position == "8:7")
        #expect(error.keyPath == "stages[1].dedupe")
        #expect(error.message == "unknown key 'treshold' (expected one of: exact, near, threshold, "
                + "shingle_size, min_words, scope); did you mean 'threshold'?")
        #expect(error.description.hasSuffix(
            ":8:7: error: stages[1].dedupe: " + error.message + "\n      treshold: 0.8\n      ^"))
    }

    @Test func wrongType() throws {
        let error = try #require(try loadError(base(replacing: 8, with: "      threshold: \"high\"")))
        #expect(error.position == "8:18")
        #expect(error.keyPath == "stages[1].dedupe.threshold")
        #expect(error.message == "expected a number, found 'high'")
    }

    @Test func mappingExpected() throws {
        let error = try #require(try loadError(base(replacing: 3...4, with: "input: seeds")))
        #expect(error.position == "3:8")
        #expect(error.keyPath == "input")
        #expect(error.message == "expected a mapping, found 'seeds'")
    }

    @Test func missingRequiredKey() throws {
        let error = try #require(try loadError(base(replacing: 4, with: "  pattern: \"*.txt\"")))
        #expect(error.position == "4:3")
        #expect(error.keyPath == "input")
        #expect(error.message == "missing key 'folder'")
    }

    @Test func emptyInputFolder() throws {
        let error = try #require(try loadError(base(replacing: 4, with: "  folder: \"\"")))
        #expect(error.position == "4:11")
        #expect(error.keyPath == "input.folder")
        #expect(error.message == "must not be empty")
    }

    @Test func versionAndName() throws {
        let version = try #require(try loadError(base(replacing: 1, with: "version: 2")))
        #expect(version.position == "1:10")
        #expect(version.message == "unsupported version 2 (expected 1)")
        let name = try #require(try loadError(base(replacing: 2, with: "name: Test Pipeline")))
        #expect(name.position == "2:7")
        #expect(name.keyPath == "name")
        #expect(name.message.hasPrefix("bad name 'Test Pipeline'"))
    }

    @Test func badEnumValue() throws {
        let error = try #require(try loadError(base(inserting: "      scope: global", before: 9)))
        #expect(error.position == "9:14")
        #expect(error.keyPath == "stages[1].dedupe.scope")
        #expect(error.message == "bad value 'global' (expected one of: document, corpus)")
    }

    @Test func valuesOutOfRange() throws {
        let threshold = try #require(try loadError(base(replacing: 8, with: "      threshold: 1.5")))
        #expect(threshold.position == "8:18")
        #expect(threshold.keyPath == "stages[1].dedupe.threshold")
        #expect(threshold.message == "must be greater than 0 and at most 1, found 1.5")
        let shingles = try #require(try loadError(base(inserting: "      shingle_size: 11", before: 9)))
        #expect(shingles.position == "9:21")
        #expect(shingles.message == "must be between 1 and 10, found 11")
    }

    // MARK: - Stages

    @Test func unknownStage() throws {
        let error = try #require(try loadError(base(replacing: 7, with: "  - dedup:")))
        #expect(error.position == "7:5")
        #expect(error.keyPath == "stages[1]")
        #expect(error.message == "unknown stage 'dedup' (expected one of parse, dedupe, enrich, aggregate); "
                + "did you mean 'dedupe'?")
    }

    @Test func stageMustBeASingleKeyMapping() throws {
        let badIndent = try #require(try loadError(base(replacing: 6, with: "  - parse:\n    split: lines")))
        #expect(badIndent.position == "6:5")
        #expect(badIndent.keyPath == "stages[0]")
        #expect(badIndent.message.contains("found keys parse, split"))
        let bare = try #require(try loadError(base(replacing: 6, with: "  - parse")))
        #expect(bare.position == "6:5")
        #expect(bare.message.contains("found 'parse' (add a colon: '- parse: {}')"))
    }

    @Test func aggregateTakesOnlyAnEventsFile() throws {
        let error = try #require(try loadError(base(replacing: 9, with: "  - aggregate: {by: country}")))
        #expect(error.position == "9:17")
        #expect(error.keyPath == "stages[2].aggregate")
        #expect(error.message == "unknown key 'by' (expected one of: events)")
        let missing = try #require(try loadError(base(replacing: 9, with: "  - aggregate: {events: data/none.yaml}")))
        #expect(missing.position == "9:25")
        #expect(missing.keyPath == "stages[2].aggregate.events")
        #expect(missing.message.hasPrefix("no such data file 'data/none.yaml'"))
    }

    @Test func stagesOutOfOrder() throws {
        let error = try #require(try loadError(base(replacing: 6, with: "  - parse: {}\n  - enrich: {}")))
        #expect(error.position == "8:5")
        #expect(error.keyPath == "stages[2]")
        #expect(error.message.hasPrefix("stage 'dedupe' must come before 'enrich'"))
    }

    @Test func repeatedStage() throws {
        let error = try #require(try loadError(base(replacing: 9, with: "  - parse: {}\n  - aggregate: {}")))
        #expect(error.position == "9:5")
        #expect(error.keyPath == "stages[2]")
        #expect(error.message == "stage 'parse' is repeated (first at stages[0])")
    }

    @Test func missingParseOrAggregate() throws {
        let parse = try #require(try loadError(base(replacing: 6, with: nil)))
        #expect(parse.position == "6:3")
        #expect(parse.keyPath == "stages")
        #expect(parse.message == "missing stage 'parse' (it must be the first stage)")
        let aggregate = try #require(try loadError(base(replacing: 9, with: nil)))
        #expect(aggregate.position == "6:3")
        #expect(aggregate.message == "missing stage 'aggregate' (it must be the last stage)")
    }

    @Test func enrichDataFiles() throws {
        let missing = try #require(try loadError(base(
            replacing: 9, with: "  - enrich:\n      countries: data/none.yaml\n  - aggregate: {}")))
        #expect(missing.position == "10:18")
        #expect(missing.keyPath == "stages[2].enrich.countries")
        #expect(missing.message.hasPrefix("no such data file 'data/none.yaml'"))
        let empty = try #require(try loadError(base(
            replacing: 9, with: "  - enrich:\n      themes: ''\n  - aggregate: {}")))
        #expect(empty.position == "10:15")
        #expect(empty.keyPath == "stages[2].enrich.themes")
        #expect(empty.message == "must not be empty")
    }

    // MARK: - Outputs

    @Test func outputFolderMustStayInsideOut() throws {
        let parent = try #require(try loadError(base(replacing: 11, with: "  folder: ../elsewhere")))
        #expect(parent.position == "11:11")
        #expect(parent.keyPath == "outputs.folder")
        #expect(parent.message.contains("must stay inside out/"))
        for folder in ["/tmp/elsewhere", "out", "seeds/out"] {
            let error = try #require(try loadError(base(replacing: 11, with: "  folder: \(folder)")))
            #expect(error.position == "11:11")
            #expect(error.message.contains("must be a folder inside out/"))
        }
    }

    @Test func outputFolderCannotEscapeThroughASymlink() throws {
        let project = try TempProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.root + "/out/link",
                                                   withDestinationPath: project.root + "/elsewhere")
        let path = try project.write(base(replacing: 11, with: "  folder: out/link/run"))
        let error = try #require(configError { try PipelineLoader.load(path: path) })
        #expect(error.position == "11:11")
        #expect(error.message.contains("through a symbolic link"))
    }

    @Test func badOrRepeatedFormat() throws {
        let bad = try #require(try loadError(base(replacing: 12, with: "  formats: [xlsx, cvs]")))
        #expect(bad.position == "12:19")
        #expect(bad.keyPath == "outputs.formats[1]")
        #expect(bad.message == "bad value 'cvs' (expected one of: xlsx, csv, json); did you mean 'csv'?")
        let twice = try #require(try loadError(base(replacing: 12, with: "  formats: [csv, csv]")))
        #expect(twice.position == "12:18")
        #expect(twice.message == "format 'csv' is listed twice")
        let none = try #require(try loadError(base(replacing: 12, with: "  formats: []")))
        #expect(none.position == "12:12")
        #expect(none.message == "must list at least one format")
    }
}
