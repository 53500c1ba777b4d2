import Foundation
import Testing
@testable import BriefingKit

/// A data-file-like type, as lexicons will use `YAMLLoader`.
private struct Lexicon: Decodable, Equatable {
    struct Entry: Decodable, Equatable {
        var name: String
        var aliases: [String]
        var weight: Double?

        enum CodingKeys: String, CodingKey, CaseIterable { case name, aliases, weight }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            weight = try c.decodeIfPresent(Double.self, forKey: .weight)
        }
    }

    var entries: [Entry]
}

@Suite struct YAMLDocumentTests {
    @Test func decodesAValidFile() throws {
        let lexicon = try YAMLLoader.decode(Lexicon.self, from: """
            entries:
              - name: Viêt Nam
                aliases: [Vietnam, Việt Nam]
              - name: France
            """, file: "data/countries.yaml")
        #expect(lexicon.entries.map(\.name) == ["Viêt Nam", "France"])
        #expect(lexicon.entries[0].aliases == ["Vietnam", "Việt Nam"])
    }

    @Test func unknownKeyInAListItemPointsAtTheKey() throws {
        let error = try #require(configError {
            try YAMLLoader.decode(Lexicon.self, from: """
                entries:
                  - name: France
                  - name: Việt Nam
                    alias: [Vietnam]
                """, file: "data/countries.yaml")
        })
        #expect(error.description == """
            data/countries.yaml:4:5: error: entries[1]: unknown key 'alias' (expected one of: name, aliases, \
            weight); did you mean 'aliases'?
                alias: [Vietnam]
                ^
            """)
    }

    @Test func typeMismatchInsideAList() throws {
        let error = try #require(configError {
            try YAMLLoader.decode(Lexicon.self, from: "entries:\n  - name: A\n    aliases: [x, {y: 1}]\n",
                                  file: "f.yaml")
        })
        #expect(error.position == "3:18")
        #expect(error.keyPath == "entries[0].aliases[1]")
        #expect(error.message == "expected a single value, found a mapping")
    }

    @Test func missingKeyPointsAtTheParentMapping() throws {
        let error = try #require(configError {
            try YAMLLoader.decode(Lexicon.self, from: "entries:\n  - aliases: [x]\n", file: "f.yaml")
        })
        #expect(error.position == "2:5")
        #expect(error.keyPath == "entries[0]")
        #expect(error.message == "missing key 'name'")
    }

    @Test func rootMustMatchTheType() throws {
        let error = try #require(configError { try YAMLLoader.decode(Lexicon.self, from: "- a\n", file: "f.yaml") })
        #expect(error.position == "1:1")
        #expect(error.message == "expected a mapping, found a list")
    }

    @Test func unterminatedQuote() throws {
        let error = try #require(configError {
            try YAMLLoader.decode(Lexicon.self, from: "entries:\n  - name: \"France\n", file: "f.yaml")
        })
        #expect(error.position == "3:1")
        #expect(error.message.contains("while scanning a quoted scalar that starts at line 2, column 11"))
    }

    @Test func duplicateKeyInAFlowMappingOnOneLine() throws {
        let error = try #require(configError {
            try YAMLLoader.decode(Lexicon.self, from: "entries:\n  - {name: a, aliases: [], name: b}\n",
                                  file: "f.yaml")
        })
        #expect(error.position == "2:28")
        #expect(error.keyPath == "entries[0]")
        #expect(error.message == "duplicate key 'name' (first defined at line 2, column 6)")
    }

    @Test func duplicateQuotedKeyTwiceRepeated() throws {
        let error = try #require(configError {
            try YAMLLoader.decode(Lexicon.self, from: "\"entries\": []\nentries: []\nentries: []\n", file: "f.yaml")
        })
        #expect(error.position == "2:1")
        #expect(error.message == "duplicate key 'entries' (first defined at line 1, column 1)")
    }

    @Test func crlfLineEndingsKeepPositionsAndSnippets() throws {
        let error = try #require(configError {
            try YAMLLoader.decode(Lexicon.self, from: "entries:\r\n  - name: a\r\n    weight: heavy\r\n",
                                  file: "f.yaml")
        })
        #expect(error.position == "3:13")
        #expect(error.snippet == "    weight: heavy\n            ^")
    }

    @Test func tabsInTheSnippetKeepTheCaretAligned() {
        #expect(YAMLDocument.snippet(text: "a:\n\tb: c\n", line: 2, column: 5) == "\tb: c\n\t   ^")
        #expect(YAMLDocument.snippet(text: "a: b\n", line: 3, column: 1) == nil)
    }

    @Test func nodeLookupAndPositionedErrors() throws {
        let document = try YAMLDocument(text: "stages:\n  - dedupe:\n      threshold: 2\n", file: "p.yaml")
        let path: [any CodingKey] = [AnyKey("stages"), AnyKey(index: 0), AnyKey("dedupe"), AnyKey("threshold")]
        #expect(document.node(at: path)?.node.int == 2)
        #expect(document.node(at: [AnyKey("stages"), AnyKey(index: 3)]) == nil)
        let atValue = document.error("too big", at: path)
        #expect(atValue.description.hasPrefix("p.yaml:3:18: error: stages[0].dedupe.threshold: too big"))
        let atKey = document.error("odd key", at: path, target: .key)
        #expect(atKey.position == "3:7")
        #expect(atKey.keyPath == "stages[0].dedupe")
        let missing = document.error("not there", at: [AnyKey("stages"), AnyKey(index: 0), AnyKey("parse")])
        #expect(missing.position == "2:5")
    }

    @Test func keyPathRendering() {
        let path: [any CodingKey] = [AnyKey("stages"), AnyKey(index: 1), AnyKey("dedupe"), AnyKey("threshold")]
        #expect(YAMLDocument.keyPath(path) == "stages[1].dedupe.threshold")
        #expect(YAMLDocument.keyPath([AnyKey(index: 0), AnyKey("a")]) == "[0].a")
        #expect(YAMLDocument.keyPath([]) == "")
    }

    @Test func suggestions() {
        #expect(KeySuggestion.editDistance("treshold", "threshold") == 1)
        #expect(KeySuggestion.editDistance("cvs", "csv") == 1)
        #expect(KeySuggestion.editDistance("", "abc") == 3)
        #expect(KeySuggestion.closest(to: "treshold", in: ["exact", "threshold"]) == "threshold")
        #expect(KeySuggestion.closest(to: "shingleSize", in: ["shingle_size", "min_words"]) == "shingle_size")
        #expect(KeySuggestion.closest(to: "Scope", in: ["scope"]) == "scope")
        #expect(KeySuggestion.closest(to: "alias", in: ["name", "aliases"]) == "aliases")
        #expect(KeySuggestion.closest(to: "colour", in: ["exact", "near"]) == nil)
        #expect(KeySuggestion.closest(to: "id", in: ["on"]) == nil)
    }

    @Test func pipelineFileRoundTripsThroughAnotherCoder() throws {
        let text = base(replacing: 9, with: "  - enrich: {themes: t.yaml}\n  - aggregate: {}")
        let file = try YAMLLoader.decode(PipelineFile.self, from: text, file: "p.yaml")
        let json = try JSONEncoder().encode(file)
        #expect(try JSONDecoder().decode(PipelineFile.self, from: json) == file)
        #expect(file.stages.map(\.kind) == ["parse", "dedupe", "enrich", "aggregate"])
        #expect(file.outputs?.formats == [.xlsx, .csv])
    }
}
