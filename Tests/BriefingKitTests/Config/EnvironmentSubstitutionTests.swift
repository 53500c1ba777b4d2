import Foundation
import Testing
@testable import BriefingKit

/// Loads `yaml` as `<tmp>/Pipelines/p.yaml` with `environment`, handing the project to `check`.
private func load(_ yaml: String, _ environment: [String: String],
                  _ check: (PipelineConfig, TempProject) throws -> Void) throws {
    let project = try TempProject()
    defer { project.remove() }
    let path = try project.write(yaml)
    try check(try PipelineLoader.load(path: path, environment: environment), project)
}

/// The error from loading `yaml` with `environment`, and the path the file was written to.
private func loadError(_ yaml: String, _ environment: [String: String],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (error: ConfigError, path: String) {
    let project = try TempProject()
    defer { project.remove() }
    let path = try project.write(yaml)
    let error = try #require(configError({ try PipelineLoader.load(path: path, environment: environment) },
                                         sourceLocation: sourceLocation), sourceLocation: sourceLocation)
    return (error, path)
}

/// The base pipeline (see `baseLines`) with `dedupe.threshold` (line 8) set to `value`.
private func threshold(_ value: String) -> String {
    base(replacing: 8, with: "      threshold: \(value)")
}

@Suite struct EnvironmentSubstitutionTests {
    @Test func stringsNumbersAndBooleansAreSubstituted() throws {
        let yaml = """
            version: ${PIPELINE_VERSION}
            name: ${RUN_NAME}
            description: Briefing for ${DESK} (${RUN_NAME})
            input:
              folder: ${CORPUS}
              language: ${LANGUAGE}
            stages:
              - parse:
                  default_year: ${YEAR}
                  strip_boilerplate: ${STRIP}
              - dedupe:
                  near: ${NEAR}
                  threshold: ${DEDUPE_THRESHOLD}
                  shingle_size: ${SHINGLES}
              - aggregate: {}
            outputs:
              folder: out/${RUN_NAME}
              formats: ["${FORMAT}", json]

            """
        let environment = ["PIPELINE_VERSION": "1", "RUN_NAME": "server-run", "DESK": "Asie", "CORPUS": "corpus/fr",
                           "LANGUAGE": "en", "YEAR": "2024", "STRIP": "false", "NEAR": "false",
                           "DEDUPE_THRESHOLD": "0.65", "SHINGLES": "4", "FORMAT": "csv"]
        try load(yaml, environment) { config, project in
            #expect(config.version == 1)
            #expect(config.name == "server-run")
            #expect(config.description == "Briefing for Asie (server-run)")
            #expect(config.input.folder == project.root + "/corpus/fr")
            #expect(config.input.language == "en")
            #expect(config.settings(ParseStage.self) == ParseSettings(split: .lines, defaultYear: 2024, stripBoilerplate: false))
            #expect(config.settings(DedupeStage.self) == DedupeSettings(near: false, threshold: 0.65, shingleSize: 4))
            #expect(config.outputs.folder == project.root + "/out/server-run")
            #expect(config.outputs.formats == [.csv, .json])
        }
    }

    @Test func defaultIsUsedWhenTheVariableIsUnsetOrEmpty() throws {
        for environment in [[:], ["DEDUPE_THRESHOLD": ""]] {
            try load(threshold("${DEDUPE_THRESHOLD:-0.7}"), environment) { config, _ in
                #expect(config.settings(DedupeStage.self)?.threshold == 0.7)
            }
        }
        try load(base(replacing: 4, with: "  folder: ${BRIEFING_CORPUS:-seeds}"), [:]) { config, project in
            #expect(config.input.folder == project.root + "/seeds")
        }
    }

    @Test func setValueWinsOverDefault() throws {
        try load(threshold("${DEDUPE_THRESHOLD:-0.7}"), ["DEDUPE_THRESHOLD": "0.95"]) { config, _ in
            #expect(config.settings(DedupeStage.self)?.threshold == 0.95)
        }
        try load(base(replacing: 4, with: "  folder: ${BRIEFING_CORPUS:-seeds}"),
                 ["BRIEFING_CORPUS": "/srv/briefing/corpus"]) { config, _ in
            #expect(config.input.folder == "/srv/briefing/corpus")
        }
    }

    @Test func emptyDefaultGivesAnEmptyString() throws {
        let yaml = base(replacing: 11, with: "  folder: out/test${SUFFIX:-}")
            .replacingOccurrences(of: "name: test", with: "name: test\ndescription: \"${DESCRIPTION:-}\"")
        try load(yaml, [:]) { config, project in
            #expect(config.outputs.folder == project.root + "/out/test")
            #expect(config.description == "")
        }
        // A plain value that is wholly empty after substitution reads as YAML reads `threshold:`:
        // null, so the setting takes its default.
        try load(threshold("${DEDUPE_THRESHOLD:-}"), [:]) { config, _ in
            #expect(config.settings(DedupeStage.self)?.threshold == DedupeSettings().threshold)
        }
    }

    @Test func unsetVariableWithoutDefaultNamesFileLineAndColumn() throws {
        let yaml = """
            # ${BRIEFING_CORPUS} in a comment is not substituted,
            # nor is an unclosed ${ here.
            version: 1
            name: test
            stages:
              - parse: {}
              - aggregate: {}
            input:
              folder: ${BRIEFING_CORPUS}

            """
        let (error, path) = try loadError(yaml, ["OTHER": "x"])
        #expect(error.description == """
            \(path):9:11: error: input.folder: environment variable 'BRIEFING_CORPUS' is not set \
            (use ${BRIEFING_CORPUS:-default} to give a default)
              folder: ${BRIEFING_CORPUS}
                      ^
            """)
    }

    @Test(arguments: [
        // A later reference inside a longer plain value.
        ("  folder: out/${RUN}/${MISSING}", "outputs.folder", "11:22"),
        // A double-quoted value: the position counts the escape as written in the file.
        ("  folder: \"out/caf\\u00e9-${MISSING}\"", "outputs.folder", "11:26"),
        // A single-quoted value with an escaped quote before the reference.
        ("  folder: 'out/it''s-${MISSING}'", "outputs.folder", "11:22"),
        // An item of a flow list.
        ("  formats: [csv, \"${MISSING}\"]", "outputs.formats[1]", "11:19"),
    ])
    func unsetVariableIsPointedAtInsideTheValue(line: String, keyPath: String, position: String) throws {
        let (error, _) = try loadError(base(replacing: 11...12, with: line), ["RUN": "r"])
        #expect(error.keyPath == keyPath)
        #expect(error.position == position)
        #expect(error.message.hasPrefix("environment variable 'MISSING' is not set"))
    }

    @Test func unsetVariableInAFoldedBlockIsPointedAtItsLine() throws {
        let yaml = base(inserting: "description: >\n  Laptop run\n  for ${MISSING} desk", before: 3)
        let (error, _) = try loadError(yaml, [:])
        #expect(error.keyPath == "description")
        #expect(error.position == "5:7")
        #expect(error.snippet == "  for ${MISSING} desk\n      ^")
    }

    @Test(arguments: [
        ("${DEDUPE_THRESHOLD", "'${' without a closing '}' (write $$ for a literal '$')"),
        ("${1THRESHOLD}", "'${1THRESHOLD}' has an invalid variable name '1THRESHOLD' (expected ${NAME} or "
            + "${NAME:-default}, NAME made of letters, digits and '_', not starting with a digit)"),
        ("${}", "'${}' has a missing variable name (expected ${NAME} or ${NAME:-default}, "
            + "NAME made of letters, digits and '_', not starting with a digit)"),
        ("${T-0.8}", "'${T-0.8}' has an invalid variable name 'T-0.8' (expected ${NAME} or ${NAME:-default}, "
            + "NAME made of letters, digits and '_', not starting with a digit)"),
        ("${T:-${U}}", "the default of '${T:-…}' contains '${' (references cannot be nested)"),
    ])
    func badSyntaxIsAPositionedError(value: String, message: String) throws {
        let (error, _) = try loadError(threshold("0$${X} ${T:-1} \(value)"), ["T": "0.5"])
        #expect(error.keyPath == "stages[1].dedupe.threshold")
        #expect(error.message == message)
        // `      threshold: 0$${X} ${T:-1} ` is 32 characters: the bad `${` is at column 33.
        #expect(error.position == "8:33")
    }

    @Test func dollarDollarIsALiteralDollarAndOtherDollarsStay() throws {
        let yaml = base(inserting: #"description: "costs $$5; $${HOME} and $HOME as written; a lone $ stays; ${WHO}""#,
                        before: 3)
            .replacingOccurrences(of: "  folder: seeds", with: "  folder: corpus$")
        try load(yaml, ["HOME": "/root", "WHO": "$$me"]) { config, project in
            // The inserted value is not scanned again: `$$me` stays as the variable has it.
            #expect(config.description == "costs $5; ${HOME} and $HOME as written; a lone $ stays; $$me")
            #expect(config.input.folder == project.root + "/corpus$")
        }
    }

    @Test func keysAreNotSubstituted() throws {
        let (error, _) = try loadError(base(replacing: 8, with: "      ${KEY}: 0.9"), ["KEY": "threshold"])
        #expect(error.position == "8:7")
        #expect(error.message.hasPrefix("unknown key '${KEY}'"))
    }

    @Test func substitutedPathsResolveAgainstTheProjectRoot() throws {
        let yaml = base(replacing: 4, with: "  folder: ${CORPUS}")
            .replacingOccurrences(of: "  folder: out/test", with: "  folder: out/${RUN}")
        try load(yaml, ["CORPUS": "archive/../seeds", "RUN": "nightly/2025"]) { config, project in
            #expect(config.input.folder == project.root + "/seeds")
            #expect(config.outputs.folder == project.root + "/out/nightly/2025")
        }
        // The output folder is checked after substitution: a variable cannot lead out of out/.
        let (error, _) = try loadError(yaml, ["CORPUS": "seeds", "RUN": "../escaped"])
        #expect(error.position == "11:11")
        #expect(error.keyPath == "outputs.folder")
        #expect(error.message == "output folder 'out/../escaped' must stay inside out/ ('..' is not allowed)")
    }

    @Test func wrongTypeAfterSubstitutionIsPositionedAtTheValue() throws {
        let (error, path) = try loadError(threshold("${DEDUPE_THRESHOLD}"), ["DEDUPE_THRESHOLD": "high"])
        #expect(error.description == """
            \(path):8:18: error: stages[1].dedupe.threshold: expected a number, found 'high'
                  threshold: ${DEDUPE_THRESHOLD}
                             ^
            """)
        let (range, _) = try loadError(threshold("${DEDUPE_THRESHOLD}"), ["DEDUPE_THRESHOLD": "2"])
        #expect(range.position == "8:18")
        #expect(range.message == "must be greater than 0 and at most 1, found 2.0")
        let (quoted, _) = try loadError(threshold("\"${DEDUPE_THRESHOLD}\""), ["DEDUPE_THRESHOLD": "yes"])
        #expect(quoted.position == "8:18")
        #expect(quoted.message == "expected a number, found 'yes'")
    }

    @Test func quotedReferencesInFlowCollectionsAreTypedBySetting() throws {
        // YAML does not allow `{` in a plain value inside `{…}` or `[…]`, so there the reference is quoted.
        let flow = #"  - dedupe: {threshold: "${T:-0.7}", near: '${NEAR}', min_words: "${WORDS}"}"#
        let yaml = base(replacing: 7...8, with: flow)
            .replacingOccurrences(of: "name: test", with: #"name: test\#ndescription: "${TITLE}""#)
        try load(yaml, ["NEAR": "false", "WORDS": "12", "TITLE": "true"]) { config, _ in
            #expect(config.settings(DedupeStage.self) == DedupeSettings(near: false, threshold: 0.7, minWords: 12))
            #expect(config.description == "true")
        }
        // Unquoted, the file is not valid YAML: the error is YAML's, before any substitution.
        let (error, _) = try loadError(base(replacing: 7...8, with: "  - dedupe: {threshold: ${T:-0.7}}"), [:])
        #expect(error.message.hasPrefix("YAML syntax error"))
        #expect(error.location.line == 7)
        // A quoted value with only `$$` stays a string.
        let (escaped, _) = try loadError(base(replacing: 7...8, with: #"  - dedupe: {threshold: "0$$8"}"#), [:])
        #expect(escaped.message == "expected a number, found '0$8'")
        // A quoted empty value is an empty string, never null.
        let (empty, _) = try loadError(base(replacing: 7...8, with: #"  - dedupe: {threshold: "${T:-}"}"#), [:])
        #expect(empty.message == "expected a number, found ''")
    }

    @Test func projectPipelineReadsItsCorpusFromTheEnvironment() throws {
        let file = Repo.root.appendingPathComponent("Pipelines/hanoi-convention.yaml").path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("folder: ${BRIEFING_CORPUS:-seeds}"))
        let laptop = try PipelineLoader.load(path: file, environment: [:])
        #expect(laptop.input.folder == laptop.root + "/seeds")
        let server = try PipelineLoader.load(path: file, environment: ["BRIEFING_CORPUS": "/srv/briefing/corpus"])
        #expect(server.input.folder == "/srv/briefing/corpus")
        #expect(server.outputs.folder == laptop.outputs.folder)
    }

    @Test func dataFilesAreReadAsWritten() throws {
        let project = try TempProject()
        defer { project.remove() }
        let path = try project.write("- ${BRIEFING_UNSET_VARIABLE}\n- $$\n", to: "Pipelines/data/list.yaml")
        #expect(try YAMLLoader.load([String].self, path: path) == ["${BRIEFING_UNSET_VARIABLE}", "$$"])
    }

    @Test func valuesWithoutDollarAreLeftAlone() throws {
        #expect(try EnvironmentSubstitution.substitute("seeds", environment: ["seeds": "x"]) == nil)
        #expect(try EnvironmentSubstitution.substitute("5 $ or $", environment: [:]) == nil)
        let escaped = try #require(try EnvironmentSubstitution.substitute("$$5 $", environment: [:]))
        #expect(escaped.text == "$5 $" && escaped.references == 0)
        let replaced = try #require(try EnvironmentSubstitution.substitute("${A}${B:-b}", environment: ["A": "a"]))
        #expect(replaced.text == "ab" && replaced.references == 2)
        #expect(EnvironmentSubstitution.isValidName("_Corpus_2"))
        #expect(!EnvironmentSubstitution.isValidName("corpus-2"))
        #expect(!EnvironmentSubstitution.isValidName("é"))
    }
}
