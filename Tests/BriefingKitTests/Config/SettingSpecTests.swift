import Testing
@testable import BriefingKit

/// A stage's mapping decoded against declarations of every kind, as `PipelineFile.Stage` does.
private struct Section: Decodable {
    static let specs = [
        SettingSpec(key: "flag", kind: .bool, defaultValue: .bool(true), summary: "A flag."),
        SettingSpec(key: "count", kind: .int, defaultValue: .int(2), summary: "A count.", range: .between(1...10)),
        SettingSpec(key: "ratio", kind: .double, defaultValue: .double(0.5), summary: "A ratio.",
                    range: .above(0, atMost: 1)),
        SettingSpec(key: "name", kind: .string, defaultValue: nil, summary: "A name."),
        SettingSpec(key: "mode", kind: .choice(["fast", "slow"]), defaultValue: .string("fast"), summary: "A mode."),
        SettingSpec(key: "file", kind: .dataFile, defaultValue: nil, summary: "A data file."),
    ]

    var values: [String: SettingValue]

    init(from decoder: any Decoder) throws {
        values = try SettingSpec.decodeValues(Self.specs, from: decoder)
    }
}

private func decode(_ yaml: String) throws -> [String: SettingValue] {
    try YAMLLoader.decode(Section.self, from: yaml, file: "s.yaml").values
}

private func error(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ConfigError? {
    configError({ try decode(yaml) }, sourceLocation: sourceLocation)
}

@Suite struct SettingSpecTests {
    @Test func decodesEveryKind() throws {
        let values = try decode("{flag: false, count: 3, ratio: 1, name: Hanoï, mode: slow, file: data/x.yaml}")
        #expect(values == ["flag": .bool(false), "count": .int(3), "ratio": .double(1), "name": .string("Hanoï"),
                           "mode": .string("slow"), "file": .string("data/x.yaml")])
    }

    @Test func absentAndNullAreUnset() throws {
        #expect(try decode("{}") == [:])
        #expect(try decode("{count: ~, name: null}") == [:])
    }

    @Test func wrongTypesArePositionedAtTheValue() throws {
        let flag = try #require(error("flag: maybe\n"))
        #expect(flag.position == "1:7")
        #expect(flag.keyPath == "flag")
        #expect(flag.message == "expected true or false, found 'maybe'")
        let count = try #require(error("count: 2.5\n"))
        #expect(count.message == "expected an integer, found '2.5'")
        let ratio = try #require(error("ratio: high\n"))
        #expect(ratio.message == "expected a number, found 'high'")
    }

    @Test func rangesSayWhatTheyAccept() throws {
        let count = try #require(error("count: 11\n"))
        #expect(count.position == "1:8")
        #expect(count.message == "must be between 1 and 10, found 11")
        let zero = try #require(error("ratio: 0\n"))
        #expect(zero.message == "must be greater than 0 and at most 1, found 0.0")
        let nan = try #require(error("ratio: .nan\n"))
        #expect(nan.message == "must be greater than 0 and at most 1, found nan")
        #expect(try decode("ratio: 1\ncount: 10\n") == ["ratio": .double(1), "count": .int(10)])
    }

    @Test func choicesAndText() throws {
        let mode = try #require(error("mode: fsat\n"))
        #expect(mode.position == "1:7")
        #expect(mode.message == "bad value 'fsat' (expected one of: fast, slow); did you mean 'fast'?")
        let empty = try #require(error("file: ''\n"))
        #expect(empty.position == "1:7")
        #expect(empty.message == "must not be empty")
        let blank = try #require(error("name: '  '\n"))
        #expect(blank.message == "must not be empty")
    }

    @Test func unknownKeysAreRefusedWithASuggestion() throws {
        let unknown = try #require(error("flag: true\ncuont: 3\n"))
        #expect(unknown.position == "2:1")
        #expect(unknown.message == "unknown key 'cuont' (expected one of: flag, count, ratio, name, mode, file); "
                + "did you mean 'count'?")
    }

    @Test func rangeText() {
        #expect(SettingRange.between(1...10).text == "between 1 and 10")
        #expect(SettingRange.between(1000...9999, "a four-digit year").text == "a four-digit year")
        #expect(SettingRange.atLeast(1).text == "at least 1")
        #expect(SettingRange.above(0, atMost: 1).text == "greater than 0 and at most 1")
        #expect(SettingRange(lower: nil, upper: .init(value: 2.5, inclusive: false)).text == "less than 2.5")
        #expect(SettingRange.above(0, atMost: 1).contains(1) && !SettingRange.above(0, atMost: 1).contains(0))
        #expect(!SettingRange.atLeast(1).contains(.nan))
    }

    @Test func kindAndValueText() {
        #expect(Section.specs.map(\.kindText) == ["true or false", "integer", "number", "text", "fast or slow", "data file"])
        #expect(SettingSpec(key: "k", kind: .choice(["a", "b", "c"]), defaultValue: nil, summary: "").kindText == "a, b or c")
        #expect([SettingValue.bool(false), .int(8), .double(0.7), .string("corpus")].map(\.description)
                == ["false", "8", "0.7", "corpus"])
    }
}
