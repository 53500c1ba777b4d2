import Foundation
import Testing
@testable import BriefingKit
#if canImport(Glibc)
import Glibc
#endif

// Bad inputs, outputs that cannot be written and signals, each run through the real `briefing`
// binary after a good run: the exit code, the message, and the previous run (`latest` and its
// files) byte for byte afterwards.

/// A throwaway project for one case: a good pipeline (`Pipelines/p.yaml`, pipeline `t`), one good
/// article, and whatever the case breaks.
final class HostileProject: @unchecked Sendable {
    // NB: `@unchecked Sendable` is sound here: one case uses its project on one thread at a time
    // (set-up, then the run, then the checks); `held` only keeps objects alive.
    let project: TempProject
    var root: String { project.root }
    var held: [AnyObject] = []

    static let pipeline = """
        version: 1
        name: t
        input:
          folder: corpus
        stages:
          - parse: {}
          - dedupe: {}
          - aggregate: {}
        outputs:
          folder: out/t
          formats: [csv, json]
          keep: 10

        """

    init() throws {
        project = try TempProject()
        try project.write(Self.pipeline)
        try project.write("Le Vietnam a signé la Convention à Hanoï.", to: "corpus/a.txt")
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `text` at `relative`, creating folders.
    func write(_ text: String, to relative: String) throws {
        try project.write(text, to: relative)
    }

    /// Writes `Pipelines/<name>`: the good pipeline with `old` replaced by `new`.
    func pipeline(_ name: String, replacing old: String, with new: String) throws {
        let text = Self.pipeline.replacingOccurrences(of: old, with: new)
        precondition(text != Self.pipeline, "'\(old)' is not in the pipeline")
        try write(text, to: "Pipelines/" + name)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }

    func fifo(_ relative: String) throws {
        guard mkfifo(path(relative), 0o644) == 0 else { throw HostileError("mkfifo \(relative): \(errnoText())") }
    }

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    /// A Unix socket bound at `relative` (its path must fit in `sun_path`).
    func socket(_ relative: String) throws {
        let full = path(relative)
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HostileError("socket: \(errnoText())") }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(full.utf8)
        let fits = withUnsafeMutableBytes(of: &address.sun_path) { buffer -> Bool in
            guard bytes.count < buffer.count else { return false }
            for (i, b) in bytes.enumerated() { buffer[i] = b }
            return true
        }
        guard fits else { throw HostileError("socket path too long: \(full)") }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else { throw HostileError("bind \(full): \(errnoText())") }
    }

    /// A file whose name is `relative` followed by the raw bytes `suffix`.
    func rawFile(_ relative: String, suffix: [UInt8], contents: String) throws {
        let name = (Array(path(relative).utf8) + suffix).map { CChar(bitPattern: $0) } + [0]
        let fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw HostileError("create: \(errnoText())") }
        defer { close(fd) }
        let data = Array(contents.utf8)
        guard Glibc.write(fd, data, data.count) == data.count else { throw HostileError("write: \(errnoText())") }
    }

    /// Runs a command for the case's set-up or clean-up; throws when it fails.
    func shell(_ executable: String, _ args: [String]) throws {
        let r = try runProcess(executable, args)
        guard r.code == 0 else { throw HostileError("\(executable) \(args.joined(separator: " ")): \(r.err)") }
    }

    /// The run folders' names, temporary ones included.
    func runFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path("out/t/runs"))) ?? []).sorted()
    }

    /// Waits (up to 20 s) until the run has written everything into its temporary folder.
    func waitForTemporaryManifest() -> Bool {
        for _ in 0..<400 {
            if runFolders().contains(where: { $0.hasPrefix(".tmp-") && FileManager.default.fileExists(atPath: path("out/t/runs/\($0)/manifest.json")) }) {
                return true
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Waits (up to 20 s) until process `pid` has replaced the default action of `signo` (the
    /// kernel then shows it as caught, `SigCgt`, or ignored, `SigIgn`, in `/proc/<pid>/status`).
    func waitUntilCatching(_ signo: Int32, pid: Int32) -> Bool {
        for _ in 0..<400 {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            for line in status.split(separator: "\n") where line.hasPrefix("SigCgt:") || line.hasPrefix("SigIgn:") {
                let hex = line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces)
                if let mask = UInt64(hex, radix: 16), mask & (1 << UInt64(signo - 1)) != 0 { return true }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

struct HostileError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func errnoText() -> String { String(cString: strerror(errno)) }

/// What this machine lets a root test do to make outputs unwritable.
enum Privileges {
    /// `mount -t tmpfs` works (root in a machine or a privileged container).
    static let canMount: Bool = {
        guard let folder = try? makeTemporaryFolder("mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder]))?.code == 0 else { return false }
        return (try? runProcess("/bin/umount", [folder]))?.code == 0
    }()

    /// `chattr +i` works on the temporary folder's file system (ext4, xfs, btrfs…; not tmpfs).
    static let canMakeImmutable: Bool = {
        guard let folder = try? makeTemporaryFolder("chattr-probe") else { return false }
        defer {
            _ = try? runProcess("/usr/bin/chattr", ["-i", folder])
            try? FileManager.default.removeItem(atPath: folder)
        }
        return (try? runProcess("/usr/bin/chattr", ["+i", folder]))?.code == 0
    }()

    /// Running as root, whom permission bits do not stop: unreadable files need `setpriv`.
    static let isRoot = geteuid() == 0
    static let hasSetpriv = FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
}

/// One bad situation: how to make it, how the run must end.
struct HostileCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// The pipeline file the failing run is given, relative to the project.
    var pipeline = "Pipelines/p.yaml"
    var arguments: [String] = []
    var environment: [String: String] = [:]
    /// A command the binary runs under (`bash -c 'ulimit -f …'`, `setpriv …`).
    var wrapper: [String] = []
    var expectedCode: Int32
    /// Found in standard output or standard error.
    var fragment: String
    /// Found in the failed run's `run.json` error, when the run is recorded.
    var recordedError: String?
    /// The run is killed (SIGKILL): its temporary folder stays until the next run.
    var leavesTemporaryFolder = false
    /// Before the good run (to put `out/` on a small file system).
    var before: (@Sendable (HostileProject) throws -> Void)?
    /// After the good run, before the bad one.
    var setup: @Sendable (HostileProject) throws -> Void
    /// While the bad run runs (to signal it).
    var during: (@Sendable (HostileProject, Int32) throws -> Void)?
    /// Undoes what stops the next run (for the check that it succeeds and leaves no temporary folder).
    var undo: (@Sendable (HostileProject) throws -> Void)?
    /// Always, last (unmount, make mutable again).
    var cleanup: (@Sendable (HostileProject) -> Void)?
    /// More checks of the run's output.
    var check: (@Sendable (ProcessResult, HostileProject) -> Void)?

    var testDescription: String { name }
}

extension HostileCase {
    /// A pipeline-file error: `Pipelines/bad.yaml` is the good pipeline with `old` replaced by `new`; exit 2.
    static func pipeline(_ name: String, replacing old: String, with new: String, fragment: String,
                         extra: (@Sendable (HostileProject) throws -> Void)? = nil) -> HostileCase {
        HostileCase(name: name, pipeline: "Pipelines/bad.yaml", expectedCode: 2, fragment: fragment, setup: { p in
            try extra?(p)
            try p.pipeline("bad.yaml", replacing: old, with: new)
        })
    }

    /// A corpus that leaves no document: exit 1.
    static func corpus(_ name: String, fragment: String, setup: @escaping @Sendable (HostileProject) throws -> Void) -> HostileCase {
        HostileCase(name: name, expectedCode: 1, fragment: fragment, recordedError: fragment, setup: setup,
                    undo: { p in
                        try? p.remove("corpus")
                        try p.write("Le Vietnam a signé la Convention à Hanoï.", to: "corpus/a.txt")
                    })
    }

    /// A special entry beside the good article: skipped with a warning, the run publishes (exit 0).
    static func special(_ name: String, fragment: String, pipeline: String = "Pipelines/p.yaml", wrapper: [String] = [],
                        check: (@Sendable (ProcessResult, HostileProject) -> Void)? = nil,
                        setup: @escaping @Sendable (HostileProject) throws -> Void) -> HostileCase {
        HostileCase(name: name, pipeline: pipeline, wrapper: wrapper, expectedCode: 0, fragment: fragment, setup: setup,
                    check: check)
    }

    /// SIGTERM or SIGINT once the run has written its temporary folder and pauses before publishing.
    static func signal(_ signo: Int32, _ name: String) -> HostileCase {
        HostileCase(name: "\(name) before publishing", environment: ["BRIEFING_PAUSE_BEFORE_PUBLISH": "30"],
                    expectedCode: 128 + signo, fragment: "error: interrupted by \(name)\n",
                    recordedError: "interrupted by \(name)",
                    setup: { p in try p.write("Le Ghana a signé la Convention.", to: "corpus/b.txt") },
                    during: { p, pid in
                        guard p.waitForTemporaryManifest() else { throw HostileError("the run never wrote its outputs") }
                        kill(pid, signo)
                    })
    }

    /// A big article, so that `paragraphs.csv` and the workbook pass a 16 KiB file-size limit.
    @Sendable static func bigArticle(_ p: HostileProject) throws {
        let text = (0..<300).map { "Paragraphe \($0) : le Vietnam a signé la Convention à Hanoï avec \($0) pays présents." }
        try p.write(text.joined(separator: "\n"), to: "corpus/big.txt")
    }

    static let ulimit16K = ["/bin/bash", "-c", "ulimit -f 16 && exec \"$0\" \"$@\""]

    static let all: [HostileCase] = pipelineFileCases + corpusCases + specialFileCases + outputCases + signalCases

    static let pipelineFileCases: [HostileCase] = [
        .pipeline("bad YAML: unclosed flow list", replacing: "[csv, json]", with: "[csv, json",
                  fragment: "Pipelines/bad.yaml:12:7: error: YAML syntax error"),
        .pipeline("unknown key", replacing: "  - dedupe: {}", with: "  - dedupe: {treshold: 0.9}",
                  fragment: "Pipelines/bad.yaml:7:14: error: stages[1].dedupe: unknown key 'treshold'"),
        .pipeline("unknown stage", replacing: "  - dedupe: {}", with: "  - dedup: {}",
                  fragment: "Pipelines/bad.yaml:7:5: error: stages[1]: unknown stage 'dedup'"),
        .pipeline("wrong type: keep is text", replacing: "keep: 10", with: "keep: many",
                  fragment: "Pipelines/bad.yaml:12:9: error: outputs.keep: expected an integer, found 'many'"),
        .pipeline("wrong type: follow_links is not a boolean", replacing: "  folder: corpus\n",
                  with: "  folder: corpus\n  follow_links: sometimes\n",
                  fragment: "Pipelines/bad.yaml:5:17: error: input.follow_links:"),
        .pipeline("unknown input key suggests follow_links", replacing: "  folder: corpus\n",
                  with: "  folder: corpus\n  follow_symlinks: true\n",
                  fragment: "did you mean 'follow_links'?"),
        .pipeline("unset environment variable", replacing: "folder: corpus", with: "folder: ${BRIEFING_HOSTILE_UNSET}",
                  fragment: "Pipelines/bad.yaml:4:11: error:"),
        .pipeline("output folder outside out/", replacing: "folder: out/t", with: "folder: ../elsewhere",
                  fragment: "must stay inside out/"),
        .pipeline("output folder leaves out/ through a symbolic link", replacing: "folder: out/t", with: "folder: out/escape/t",
                  fragment: "leaves out/ through a symbolic link",
                  extra: { p in try p.symlink("out/escape", to: NSTemporaryDirectory()) }),
        .pipeline("bad cron expression", replacing: "version: 1\n", with: "version: 1\nschedule: \"0 25 * * *\"\n",
                  fragment: "'25' is out of range 0–23"),
        .pipeline("missing data file", replacing: "  - aggregate: {}", with: "  - aggregate: {events: Pipelines/data/nope.yaml}",
                  fragment: "no such data file 'Pipelines/data/nope.yaml'"),
        .pipeline("malformed data file", replacing: "  - aggregate: {}", with: "  - aggregate: {events: Pipelines/data/events.yaml}",
                  fragment: "Pipelines/data/events.yaml:3:1: error: YAML syntax error", extra: { p in
                      try p.write("events:\n  - id: [adoption\n", to: "Pipelines/data/events.yaml")
                  }),
        .pipeline("stages out of order", replacing: "  - parse: {}\n  - dedupe: {}", with: "  - dedupe: {}\n  - parse: {}",
                  fragment: "stage 'parse' must come before 'dedupe'"),
        .pipeline("unsupported version", replacing: "version: 1", with: "version: 2", fragment: "unsupported version 2 (expected 1)"),
        HostileCase(name: "missing pipeline file", pipeline: "Pipelines/nope.yaml", expectedCode: 2,
                    fragment: "Pipelines/nope.yaml: error: no such file", setup: { _ in }),
        HostileCase(name: "pipeline file is a folder", pipeline: "Pipelines/folder.yaml", expectedCode: 2,
                    fragment: "Pipelines/folder.yaml: error: is a folder, not a pipeline file", setup: { p in
                        try FileManager.default.createDirectory(atPath: p.path("Pipelines/folder.yaml"), withIntermediateDirectories: true)
                    }),
        HostileCase(name: "pipeline file is not UTF-8", pipeline: "Pipelines/latin1.yaml", expectedCode: 2,
                    fragment: "Pipelines/latin1.yaml: error: the file is not UTF-8 text", setup: { p in
                        try Data(HostileProject.pipeline.replacingOccurrences(of: "name: t", with: "name: t\ndescription: caf\u{E9}")
                            .utf8.map { $0 }).write(to: URL(fileURLWithPath: p.path("Pipelines/latin1.yaml")))
                        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: p.path("Pipelines/latin1.yaml"))))
                        if let i = bytes.firstIndex(of: 0xC3) { bytes.replaceSubrange(i...(i + 1), with: [0xE9]) }
                        try Data(bytes).write(to: URL(fileURLWithPath: p.path("Pipelines/latin1.yaml")))
                    }),
    ]

    static let corpusCases: [HostileCase] = [
        .corpus("missing corpus folder", fragment: "corpus does not exist") { p in try p.remove("corpus") },
        .corpus("empty corpus folder", fragment: "no file matching '*.txt' in corpus folder corpus") { p in
            try p.remove("corpus/a.txt")
        },
        .corpus("corpus folder is a file", fragment: "corpus is not a folder") { p in
            try p.remove("corpus")
            try p.write("not a folder", to: "corpus")
        },
        .corpus("only binary files", fragment: "no readable document in corpus folder corpus (2 file(s) skipped)") { p in
            try p.remove("corpus/a.txt")
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: URL(fileURLWithPath: p.path("corpus/a.txt")))
            try Data([0x00, 0x01, 0x02, 0x00]).write(to: URL(fileURLWithPath: p.path("corpus/b.txt")))
        },
        .corpus("only special files", fragment: "no readable document in corpus folder corpus (3 file(s) skipped)") { p in
            try p.remove("corpus/a.txt")
            try p.fifo("corpus/fifo.txt")
            try p.socket("corpus/s.txt")
            try FileManager.default.createDirectory(atPath: p.path("corpus/x.txt"), withIntermediateDirectories: false)
        },
    ]

    static let specialFileCases: [HostileCase] = [
        .special("FIFO", fragment: "warning: fifo.txt: skipped, not a regular file (a FIFO) [not-a-regular-file]") { p in
            try p.fifo("corpus/fifo.txt")
        },
        .special("socket", fragment: "warning: s.txt: skipped, not a regular file (a socket) [not-a-regular-file]") { p in
            try p.socket("corpus/s.txt")
        },
        .special("folder named like a document", fragment: "warning: x.txt: skipped, not a regular file (a folder) [not-a-regular-file]") { p in
            try FileManager.default.createDirectory(atPath: p.path("corpus/x.txt/y.txt"), withIntermediateDirectories: true)
        },
        .special("symbolic link out of the corpus", fragment: "outside the corpus folder (set input.follow_links: true to follow it) [link-outside-corpus]",
                 check: { r, _ in #expect(!r.out.contains("2 document(s)"), "the link was followed") }) { p in
            try p.write("Un secret hors du corpus.", to: "elsewhere/secret.txt")
            try p.symlink("corpus/out.txt", to: p.path("elsewhere/secret.txt"))
        },
        .special("relative symbolic link out of the corpus", fragment: "[link-outside-corpus]") { p in
            try p.write("Un secret hors du corpus.", to: "elsewhere/secret.txt")
            try p.symlink("corpus/out.txt", to: "../elsewhere/secret.txt")
        },
        .special("symbolic link inside the corpus is followed", fragment: "2 document(s)") { p in
            try p.write("Le Ghana a signé la Convention.", to: "corpus/sub/b.md")
            try p.symlink("corpus/b.txt", to: "sub/b.md")
        },
        .special("follow_links: true follows a link out of the corpus", fragment: "2 document(s)", pipeline: "Pipelines/follow.yaml") { p in
            try p.pipeline("follow.yaml", replacing: "  folder: corpus\n", with: "  folder: corpus\n  follow_links: true\n")
            try p.write("Le Ghana a signé la Convention.", to: "elsewhere/b.txt")
            try p.symlink("corpus/b.txt", to: p.path("elsewhere/b.txt"))
        },
        .special("symbolic link to a FIFO", fragment: "warning: to-fifo.txt: skipped, not a regular file (a symbolic link to a FIFO)") { p in
            try p.fifo("corpus/fifo.pipe")
            try p.symlink("corpus/to-fifo.txt", to: "fifo.pipe")
        },
        .special("follow_links: true and a link to a FIFO out of the corpus", fragment: "(a symbolic link to a FIFO) [not-a-regular-file]",
                 pipeline: "Pipelines/follow.yaml") { p in
            try p.pipeline("follow.yaml", replacing: "  folder: corpus\n", with: "  folder: corpus\n  follow_links: true\n")
            try FileManager.default.createDirectory(atPath: p.path("elsewhere"), withIntermediateDirectories: true)
            try p.fifo("elsewhere/fifo")
            try p.symlink("corpus/to-fifo.txt", to: p.path("elsewhere/fifo"))
        },
        .special("broken symbolic link", fragment: "warning: dangling.txt: skipped, a symbolic link to nothing [broken-link]") { p in
            try p.symlink("corpus/dangling.txt", to: "nothing-here")
        },
        .special("symbolic link loop", fragment: "warning: loop.txt: skipped, a symbolic link to nothing [broken-link]") { p in
            try p.symlink("corpus/loop.txt", to: "loop.txt")
        },
        .special("unreadable file", fragment: "warning: secret.txt: skipped, cannot read it: Permission denied [unreadable]",
                 wrapper: Privileges.isRoot && Privileges.hasSetpriv
                     ? ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search"] : []) { p in
            try p.write("Le Ghana a signé.", to: "corpus/secret.txt")
            guard chmod(p.path("corpus/secret.txt"), 0) == 0 else { throw HostileError("chmod: \(errnoText())") }
        },
        .special("sparse file of 1 GiB", fragment: "warning: huge.txt: skipped, 1073741824 bytes, more than the 67108864 a document may have [too-large]") { p in
            try p.write("", to: "corpus/huge.txt")
            guard truncate(p.path("corpus/huge.txt"), 1 << 30) == 0 else { throw HostileError("truncate: \(errnoText())") }
        },
        .special("line break in a file name", fragment: "warning: nl.txt\\nwarning: forged.txt: skipped, the file is empty",
                 check: { r, _ in
                     let lines = r.output.split(separator: "\n")
                     #expect(!lines.contains { $0.hasPrefix("warning: forged") || $0.contains(" warning briefing: forged") },
                             "a file name forged a log line:\n\(r.output)")
                 }) { p in
            try p.write("", to: "corpus/nl.txt\nwarning: forged.txt")
        },
        .special("file name that is not UTF-8", fragment: "2 document(s)", check: { r, p in
            #expect(r.out.contains("warning: bad\\xFF.txt: no publication date found"), "\(r.out)")
            let documents = (try? String(contentsOfFile: p.path("out/t/latest/documents.csv"), encoding: .utf8)) ?? ""
            #expect(documents.contains("bad\\xFF.txt"), "\(documents)")
        }) { p in
            try p.rawFile("corpus/bad", suffix: [0xFF] + Array(".txt".utf8), contents: "Le Ghana a signé la Convention.")
        },
    ]

    static let outputCases: [HostileCase] = [
        Privileges.canMount
            ? HostileCase(name: "no space left on the output file system", expectedCode: 1,
                          fragment: "/documents.csv: No space left on device",
                          before: { p in try p.shell("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", p.path("out")]) },
                          setup: { p in
                              try p.write("Le Ghana a signé la Convention.", to: "corpus/b.txt")
                              // fill the file system: the write fails when it is full
                              let fd = open(p.path("out/filler"), O_WRONLY | O_CREAT, 0o644)
                              let block = [UInt8](repeating: 0x61, count: 4096)
                              while write(fd, block, block.count) > 0 {}
                              close(fd)
                          },
                          undo: { p in try p.remove("out/filler") },
                          cleanup: { p in _ = try? runProcess("/bin/umount", ["-l", p.path("out")]) })
            : HostileCase(name: "no space left (simulated by a file-size limit)", wrapper: ulimit16K, expectedCode: 1,
                          fragment: "/paragraphs.csv: File too large", setup: bigArticle),
        HostileCase(name: "file-size limit (ulimit -f), CSV and JSON", wrapper: ulimit16K, expectedCode: 1,
                    fragment: "error: cannot write ", recordedError: ": File too large", setup: bigArticle),
        HostileCase(name: "file-size limit (ulimit -f), workbook", pipeline: "Pipelines/xlsx.yaml", wrapper: ulimit16K,
                    expectedCode: 1, fragment: "briefing.xlsx", setup: { p in
                        try bigArticle(p)
                        try p.pipeline("xlsx.yaml", replacing: "formats: [csv, json]", with: "formats: [xlsx, csv, json]")
                    }),
        Privileges.canMakeImmutable
            ? HostileCase(name: "read-only runs folder (chattr +i)", expectedCode: 1,
                          fragment: "error: cannot create ", setup: { p in
                              try p.shell("/usr/bin/chattr", ["+i", p.path("out/t/runs")])
                          }, undo: { p in try p.shell("/usr/bin/chattr", ["-i", p.path("out/t/runs")]) },
                          cleanup: { p in _ = try? runProcess("/usr/bin/chattr", ["-i", p.path("out/t/runs")]) },
                          check: { r, _ in
                              #expect(r.err.contains("/out/t/runs/.tmp-") && r.err.contains(": Operation not permitted\n"), "\(r.err)")
                          })
            : HostileCase(name: "read-only runs folder (read-only bind mount)", expectedCode: 1,
                          fragment: "Read-only file system", setup: { p in
                              try p.shell("/bin/mount", ["--bind", "-o", "ro", p.path("out/t/runs"), p.path("out/t/runs")])
                          }, undo: { p in try p.shell("/bin/umount", [p.path("out/t/runs")]) },
                          cleanup: { p in _ = try? runProcess("/bin/umount", ["-l", p.path("out/t/runs")]) }),
        Privileges.canMount
            ? HostileCase(name: "read-only output folder (read-only mount)", expectedCode: 1,
                          fragment: "error: cannot open lock file ", setup: { p in
                              try p.shell("/bin/mount", ["--bind", p.path("out/t"), p.path("out/t")])
                              try p.shell("/bin/mount", ["-o", "remount,bind,ro", p.path("out/t")])
                          }, undo: { p in try p.shell("/bin/umount", [p.path("out/t")]) },
                          cleanup: { p in _ = try? runProcess("/bin/umount", ["-l", p.path("out/t")]) })
            : HostileCase(name: "read-only lock file (chattr +i)", expectedCode: 1,
                          fragment: "error: cannot open lock file ", setup: { p in
                              try p.shell("/usr/bin/chattr", ["+i", p.path("out/t/.lock")])
                          }, undo: { p in try p.shell("/usr/bin/chattr", ["-i", p.path("out/t/.lock")]) },
                          cleanup: { p in _ = try? runProcess("/usr/bin/chattr", ["-i", p.path("out/t/.lock")]) }),
        HostileCase(name: "output folder is a file", pipeline: "Pipelines/t2.yaml", expectedCode: 1,
                    fragment: "/out/t2 exists and is not a folder", setup: { p in
                        try p.pipeline("t2.yaml", replacing: "folder: out/t", with: "folder: out/t2")
                        try p.write("in the way", to: "out/t2")
                    }),
        HostileCase(name: "a parent of the output folder is a file", pipeline: "Pipelines/deep.yaml", expectedCode: 1,
                    fragment: "/out/file exists and is not a folder", setup: { p in
                        try p.pipeline("deep.yaml", replacing: "folder: out/t", with: "folder: out/file/t")
                        try p.write("in the way", to: "out/file")
                    }),
        HostileCase(name: "lock file is a folder", expectedCode: 1, fragment: "/out/t/.lock: Is a directory", setup: { p in
            try p.remove("out/t/.lock")
            try FileManager.default.createDirectory(atPath: p.path("out/t/.lock"), withIntermediateDirectories: false)
        }, undo: { p in try p.remove("out/t/.lock") }),
        HostileCase(name: "runs is a file", pipeline: "Pipelines/t3.yaml", expectedCode: 1,
                    fragment: "/out/t3/runs exists and is not a folder", setup: { p in
                        try p.pipeline("t3.yaml", replacing: "folder: out/t", with: "folder: out/t3")
                        try p.write("in the way", to: "out/t3/runs")
                    }),
    ]

    static let signalCases: [HostileCase] = [
        .signal(SIGTERM, "SIGTERM"),
        .signal(SIGINT, "SIGINT"),
        HostileCase(name: "SIGTERM while waiting for the lock", arguments: ["--wait"], expectedCode: 143,
                    fragment: "error: interrupted by SIGTERM", setup: { p in
                        p.held.append(try RunLock(path: p.path("out/t/.lock"), wait: false))
                    }, during: { p, pid in
                        guard p.waitUntilCatching(SIGTERM, pid: pid) else { throw HostileError("the run never took SIGTERM over") }
                        Thread.sleep(forTimeInterval: 0.2)
                        kill(pid, SIGTERM)
                    }, undo: { p in p.held.removeAll() }),
        HostileCase(name: "SIGKILL before publishing", environment: ["BRIEFING_PAUSE_BEFORE_PUBLISH": "30"],
                    expectedCode: SIGKILL, fragment: "", leavesTemporaryFolder: true,
                    setup: { p in try p.write("Le Ghana a signé la Convention.", to: "corpus/b.txt") },
                    during: { p, pid in
                        guard p.waitForTemporaryManifest() else { throw HostileError("the run never wrote its outputs") }
                        kill(pid, SIGKILL)
                    }),
        HostileCase(name: "another run in progress", expectedCode: 75,
                    fragment: "error: another run of this pipeline is in progress", setup: { p in
                        p.held.append(try RunLock(path: p.path("out/t/.lock"), wait: false))
                    }, undo: { p in p.held.removeAll() }),
    ]
}

/// The files of the run `latest` points at, and where it points.
struct PublishedRun: Equatable {
    var target: String
    var files: [String: Data]

    init(_ root: String) throws {
        target = try FileManager.default.destinationOfSymbolicLink(atPath: root + "/out/t/latest")
        files = try Self.files(in: root + "/out/t/" + target)
    }

    static func files(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }
}

/// Runs `executable args…` and gives up after `timeout` seconds (killing it): a hang fails the test
/// instead of stalling the suite. `during` is called with the process id once it has started.
func runWithTimeout(_ executable: String, _ args: [String], environment: [String: String], timeout: Double,
                    during: (Int32) throws -> Void) throws -> (ProcessResult, timedOut: Bool) {
    let scratch = try makeTemporaryFolder("process")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    _ = FileManager.default.createFile(atPath: scratch + "/out", contents: nil)
    _ = FileManager.default.createFile(atPath: scratch + "/err", contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + "/out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + "/err"))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = args
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    var duringError: (any Error)?
    do { try during(p.processIdentifier) } catch { duringError = error }
    let deadline = Date().addingTimeInterval(timeout)
    while p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    let timedOut = p.isRunning
    if timedOut { kill(p.processIdentifier, SIGKILL) }
    p.waitUntilExit()
    try out.close()
    try err.close()
    if let duringError { throw duringError }
    return (ProcessResult(code: p.terminationStatus,
                          out: try String(contentsOfFile: scratch + "/out", encoding: .utf8),
                          err: try String(contentsOfFile: scratch + "/err", encoding: .utf8)), timedOut)
}

@Suite(.serialized) struct HostileRunTests {
    @Test func thereAreAtLeastThirtyNamedCases() {
        #expect(HostileCase.all.count >= 30)
        #expect(Set(HostileCase.all.map(\.name)).count == HostileCase.all.count, "case names are unique")
    }

    @Test(arguments: HostileCase.all)
    func aBadSituationEndsWithItsCodeAndMessageAndLeavesThePreviousRunAsItWas(_ c: HostileCase) throws {
        // Under `make test-tsan` the binary run is the ThreadSanitizer build, whose runtime dies of
        // SIGBUS when the process has a file-size limit (before Briefing's own error path is reached):
        // a known issue of the sanitizer run only; the plain suite checks these cases.
        if c.wrapper == HostileCase.ulimit16K, ProcessInfo.processInfo.environment["TSAN_OPTIONS"] != nil {
            withKnownIssue("ThreadSanitizer's runtime under ulimit -f", isIntermittent: true) { try check(c) }
            return
        }
        try check(c)
    }

    private func check(_ c: HostileCase) throws {
        let p = try HostileProject()
        defer {
            c.cleanup?(p)
            p.project.remove()
        }
        try c.before?(p)
        let good = try runBriefing(["run", "--quiet", p.path("Pipelines/p.yaml")])
        try #require(good.code == 0, "the good run failed: \(good.err)")
        let before = try PublishedRun(p.root)
        try c.setup(p)

        let binary = try briefingBinary()
        let command = c.wrapper + [binary, "run"] + c.arguments + [p.path(c.pipeline)]
        let (r, timedOut) = try runWithTimeout(command[0], Array(command.dropFirst()), environment: c.environment,
                                               timeout: 60) { pid in try c.during?(p, pid) }
        #expect(!timedOut, "the run hung")
        #expect(r.code == c.expectedCode, "exit \(r.code), expected \(c.expectedCode):\n\(r.output)")
        #expect(c.fragment.isEmpty || r.output.contains(c.fragment), "expected '\(c.fragment)' in:\n\(r.output)")
        #expect(!r.output.contains("Fatal error") && !r.output.contains("Stack dump"), "\(r.output)")
        c.check?(r, p)

        // the previous run, byte for byte; `latest` still points at it unless this run published
        let previous = try PublishedRun.files(in: p.path("out/t/" + before.target))
        #expect(previous == before.files, "the previous run's files changed")
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: p.path("out/t/latest"))
        if c.expectedCode == 0 {
            #expect(latest != before.target, "the run did not publish")
        } else {
            #expect(latest == before.target, "latest moved")
        }
        if !c.leavesTemporaryFolder {
            #expect(!p.runFolders().contains { $0.hasPrefix(".tmp-") }, "temporary folder left: \(p.runFolders())")
        }
        // a failed run that got far enough to have a name left its record
        if let recorded = c.recordedError {
            let records = p.runFolders().filter { "runs/" + $0 != before.target && !$0.hasPrefix(".") }
            let errors = records.compactMap { name -> String? in
                guard let data = FileManager.default.contents(atPath: p.path("out/t/runs/\(name)/run.json")),
                      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                      object["status"] as? String == "failed" else { return nil }
                return object["error"] as? String
            }
            #expect(errors.contains { $0.contains(recorded) }, "no failed record with '\(recorded)': \(errors)")
        }

        try c.undo?(p)
        // the lock is free, and the next run publishes and leaves no temporary folder
        if c.expectedCode != 0 {
            do {
                _ = try RunLock(path: p.path("out/t/.lock"), wait: false)
            } catch let busy as RunLock.Busy {
                Issue.record("the lock is still held: \(busy)")
            }
            let next = try runBriefing(["run", "--quiet", p.path("Pipelines/p.yaml")])
            #expect(next.code == 0, "the next run failed: \(next.err)")
            #expect(!p.runFolders().contains { $0.hasPrefix(".tmp-") }, "temporary folder left after the next run: \(p.runFolders())")
        }
    }
}
