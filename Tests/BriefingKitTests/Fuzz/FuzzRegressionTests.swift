import BriefingFuzzHarness
import Foundation
import Testing
@testable import BriefingKit

/// Every input the fuzzers found that broke something, and the committed seeds of every fuzz target,
/// fed through the same entry point as `briefing-fuzz` (`FuzzHarness.run`). A crash fails the whole
/// test run; a `FuzzFailure` (an output that does not read back) fails the test. Under
/// `make test-asan` these also check for memory errors and leaks. See Fuzz/README.md.
@Suite struct FuzzRegressionTests {
    static let root = Repo.root.path

    /// The committed seeds, `Fuzz/<target>/seeds/*`, per target.
    static func seeds(_ target: FuzzTarget) throws -> [(String, [UInt8])] {
        let folder = root + "/Fuzz/\(target.rawValue)/seeds"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        return try names.map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    /// A reproducer under `Tests/BriefingKitTests/Fixtures/fuzz/<target>/<name>`.
    static func reproducer(_ target: FuzzTarget, _ name: String) throws -> [UInt8] {
        let path = root + "/Tests/BriefingKitTests/Fixtures/fuzz/\(target.rawValue)/\(name)"
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test(arguments: FuzzTarget.allCases)
    func committedSeedsRunCleanly(_ target: FuzzTarget) throws {
        let seeds = try Self.seeds(target)
        #expect(!seeds.isEmpty, "Fuzz/\(target.rawValue)/seeds has no seed")
        for (name, bytes) in seeds {
            let failure = FuzzHarness.run(target, bytes)
            #expect(failure == nil, "Fuzz/\(target.rawValue)/seeds/\(name): \(failure?.message ?? "")")
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func emptyAndTinyInputs(_ target: FuzzTarget) {
        for bytes: [UInt8] in [[], [0], [0xFF], [0x0A], Array("$".utf8), Array("${".utf8), [0x1E, 0x1F]] {
            let failure = FuzzHarness.run(target, bytes)
            #expect(failure == nil, "\(target.rawValue) \(bytes): \(failure?.message ?? "")")
        }
    }

    /// Found by the pipeline fuzzer: an empty pipeline file. FoundationEssentials leaks the 4 KB it
    /// mallocs to read a zero-size file (LeakSanitizer; suppressed in Fuzz/lsan.supp). The loader
    /// must still say the file is not a pipeline, without crashing.
    @Test func emptyPipelineFile() throws {
        #expect(FuzzHarness.run(.pipeline, try Self.reproducer(.pipeline, "empty-file")) == nil)
    }

    /// Found by the parse fuzzer on 3d9b134: a run of 66 digits before `lors` overflowed the day
    /// accumulator of `DateHeuristics.dates(in:defaultYear:)` (arithmetic overflow trap at
    /// DateHeuristics.swift:69). The date finder that replaced it in def2e9d no longer crashes on it.
    @Test(arguments: [0, 1, 2, 4, 8] as [UInt8])
    func longDigitRun(flags: UInt8) throws {
        var bytes = try Self.reproducer(.parse, "long-digit-run")
        bytes[0] = bytes[0] & 0xF0 | flags   // the same text with every parse setting
        #expect(FuzzHarness.run(.parse, bytes) == nil)
        #expect(FuzzHarness.run(.enrich, bytes) == nil)
        // a longer run, with and without a month word and a year after it
        for tail in [" octobre 2025", " lors", " October", ""] {
            let text = "Le " + String(repeating: "9", count: 400) + tail + "\n"
            #expect(FuzzHarness.run(.parse, Array(text.utf8)) == nil)
        }
    }

    /// Found by the text fuzzer: a table with two columns of the same name wrote a JSON row object
    /// with a repeated key, and a JSON reader kept only the last value. Real tables never repeat a
    /// column name; the harness now makes them unique (`_2`), as the stages do.
    @Test func repeatedColumnNames() throws {
        let bytes = try Self.reproducer(.text, "repeated-column-names")
        let table = FuzzTable(bytes).table
        #expect(Set(table.columns.map(\.name)).count == table.columns.count)
        let failure = FuzzHarness.run(.text, bytes)
        #expect(failure == nil, "\(failure?.message ?? "")")
    }

    /// Found by the xlsx fuzzer: a table name with a NUL or another control character made a sheet
    /// name libxlsxwriter refused (`Summary\0` reaches C as `Summary`, a second Summary sheet;
    /// `…y'\0` as a name ending in an apostrophe), and the whole workbook failed. Control characters
    /// now become `_` in sheet names, as the other forbidden characters do.
    @Test(arguments: ["nul-after-summary", "apostrophe-before-nul", "controls-and-apostrophes"])
    func sheetNameWithControlCharacters(_ name: String) throws {
        let failure = FuzzHarness.run(.xlsx, try Self.reproducer(.xlsx, name))
        #expect(failure == nil, "\(failure?.message ?? "")")
    }

    @Test func sheetNamesHoldNoControlCharacters() {
        for raw in ["Summary\0", "Summary\0\u{0C}", "x'\0", "a\u{7}b", "\u{FFFE}", "\u{85}tab\tle", "\0", "'\0'"] {
            let name = ExcelLimits.sheetName(raw, taken: ["summary"])
            #expect(!name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.value >= 0xFFFE },
                    "\(raw.debugDescription) → \(name.debugDescription)")
            #expect(!name.hasPrefix("'") && !name.hasSuffix("'") && !name.isEmpty && name.lowercased() != "summary")
        }
    }
}
