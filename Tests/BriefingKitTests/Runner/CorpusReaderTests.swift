import Foundation
import Testing
@testable import BriefingKit

/// The corpus reader on files that change under it, and the names it shows.
@Suite struct CorpusReaderTests {
    func corpus() throws -> String {
        let folder = try makeTemporaryFolder("corpus")
        try "Le Vietnam a signé la Convention.".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aFileThatVanishesBetweenListingAndReadingIsSkipped() throws {
        let folder = try corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reader = CorpusReader(folder: folder, pattern: "*.txt")
        let entries = try reader.entries()
        #expect(entries.map(\.name) == ["a.txt"])
        try FileManager.default.removeItem(atPath: folder + "/a.txt")
        guard case .skipped(let skip) = reader.read(entries[0]) else {
            Issue.record("a vanished file was read")
            return
        }
        #expect(skip == .vanished)
        #expect(skip.reason == "vanished")
        #expect(CorpusReader.warning(for: "a.txt", skip) == "a.txt: skipped, it vanished between listing and reading [vanished]")
    }

    @Test(arguments: ["grows", "shrinks", "is rewritten"])
    func aFileThatChangesWhileBeingReadIsSkipped(_ change: String) throws {
        let folder = try corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var reader = CorpusReader(folder: folder, pattern: "*.txt")
        let path = folder + "/a.txt"
        reader.afterOpen = { _ in
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            defer { try? handle.close() }
            switch change {
            case "grows":
                handle.seekToEndOfFile()
                handle.write(Data(" Et un ajout.".utf8))
            case "shrinks":
                handle.truncateFile(atOffset: 5)
            default:
                // same size, new bytes, a later modification time
                Thread.sleep(forTimeInterval: 0.02)
                handle.write(Data("LE".utf8))
            }
        }
        let entries = try reader.entries()
        guard case .skipped(let skip) = reader.read(entries[0]) else {
            Issue.record("a file that \(change) was read")
            return
        }
        #expect(skip == .changedWhileRead)
        // the next read sees a stable file
        reader.afterOpen = nil
        guard case .file = reader.read(entries[0]) else {
            Issue.record("the stable file was skipped")
            return
        }
    }

    @Test func aFIFOIsSkippedWithoutBlocking() throws {
        let folder = try corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo.txt", 0o644) == 0)
        let reader = CorpusReader(folder: folder, pattern: "*.txt")
        let outcomes = try reader.entries().map { ($0.name, reader.read($0)) }
        #expect(outcomes.count == 2)
        if case .skipped(let skip) = outcomes[1].1 {
            #expect(skip == .notRegularFile("a FIFO"))
        } else {
            Issue.record("the FIFO was read")
        }
        // the fingerprint reads the corpus the same way: it never blocks on the FIFO either
        #expect(try reader.digests(relativeTo: folder).map(\.path) == ["a.txt"])
    }

    @Test func namesShowOnOneLineAndInvalidBytesAsHex() {
        #expect(SafeText.fileName([0x61, 0xFF, 0x2E, 0x74]) == "a\\xFF.t")
        #expect(SafeText.fileName(Array("é.txt".utf8)) == "é.txt")
        #expect(SafeText.fileName([0xC3]) == "\\xC3", "a truncated sequence")
        #expect(SafeText.fileName([0xED, 0xA0, 0x80]) == "\\xED\\xA0\\x80", "a UTF-16 surrogate is not UTF-8")
        #expect(SafeText.fileName([0xC0, 0xAF]) == "\\xC0\\xAF", "an overlong form")
        #expect(SafeText.oneLine("a\nb\r\tc\u{2028}d\u{202E}") == "a\\nb\\r\\tc\\u{2028}d\\u{202E}")
        #expect(SafeText.oneLine("Hanoï — 26 octobre") == "Hanoï — 26 octobre")
    }

    @Test func followLinksIsAnInputSettingThatDefaultsToFalse() throws {
        let project = try TempProject()
        defer { project.remove() }
        let off = try PipelineLoader.load(path: try project.write(base(replacing: 4, with: "  folder: seeds")))
        #expect(off.input.followLinks == false)
        let on = try PipelineLoader.load(path: try project.write(base(replacing: 4, with: "  folder: seeds\n  follow_links: true")))
        #expect(on.input.followLinks == true)
        let error = try loadError(base(replacing: 4, with: "  folder: seeds\n  follow_links: 3"))
        #expect(error?.position == "5:17")
        #expect(error?.keyPath == "input.follow_links")
    }
}
