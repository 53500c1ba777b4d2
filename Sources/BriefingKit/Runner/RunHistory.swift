import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The history of a pipeline's runs under its output folder:
///
/// ```
/// out/<pipeline>/runs/20261122T060000Z/   one folder per run: outputs, run.json, manifest.json
/// out/<pipeline>/latest -> runs/…         the newest successful run
/// out/<pipeline>/.lock                    held while a run is in progress
/// ```
///
/// A run writes into `runs/.tmp-<name>` and is published with two renames (the folder, then the
/// `latest` link), so `latest` always points at a complete run: a run that fails or is killed leaves
/// the previous one exactly as it was. Leftover temporary folders are removed by the next run.
public struct RunHistory: Sendable {
    /// `out/<pipeline>`.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var runsFolder: String { root + "/runs" }
    public var latestLink: String { root + "/latest" }

    /// The folder `latest` points at, if there is a published run.
    public var latestRun: String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latestLink) else { return nil }
        let path = target.hasPrefix("/") ? target : root + "/" + target
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Creates `out/<pipeline>` and its parents when missing.
    /// - Throws: `RunError` naming the path and the cause (a file in the way, a read-only file system…).
    public func createRoot() throws {
        try OutputFile.makeFolders(root)
    }

    /// Creates the folders; removes temporary folders of runs that were killed.
    public func prepare() throws {
        try OutputFile.makeFolders(runsFolder)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: runsFolder)) ?? [] where entry.hasPrefix(".tmp-") {
            try? FileManager.default.removeItem(atPath: runsFolder + "/" + entry)
        }
        try? FileManager.default.removeItem(atPath: root + "/.latest.tmp")
    }

    /// A new run name from the wall clock, `20261122T060000Z`, that sorts after every existing run
    /// (`20261122T060000Z-002`, … when several runs start within one second).
    public func newRunName(at date: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = f.string(from: date)
        let last = runs().last
        var name = base
        var n = 1
        while FileManager.default.fileExists(atPath: runsFolder + "/" + name)
                || FileManager.default.fileExists(atPath: runsFolder + "/.tmp-" + name)
                || last.map({ name <= $0 }) == true {
            n += 1
            name = base + "-" + String(repeating: "0", count: max(0, 3 - String(n).count)) + String(n)
        }
        return name
    }

    /// Calls `write` with a fresh temporary folder, then publishes it as `runs/<name>` and points
    /// `latest` at it.
    /// - Throws: what `write` throws, or `RunError` when publishing fails; `latest` is then unchanged.
    public func publish<T>(as name: String, _ write: (String) throws -> T) throws -> T {
        let fm = FileManager.default
        let temp = runsFolder + "/.tmp-" + name
        let final = runsFolder + "/" + name
        guard mkdir(temp, 0o755) == 0 else {
            throw RunError("cannot create \(temp): \(String(cString: strerror(errno)))")
        }
        let result: T
        do {
            result = try write(temp)
        } catch {
            try? fm.removeItem(atPath: temp)
            throw error
        }
        // NB: a test hook, to kill or signal a run between writing and publishing
        // (`BRIEFING_PAUSE_BEFORE_PUBLISH=<seconds>`, at most 60; a caught signal ends the pause).
        if let pause = ProcessInfo.processInfo.environment["BRIEFING_PAUSE_BEFORE_PUBLISH"].flatMap(Double.init), pause > 0 {
            Interruption.sleep(pause)
        }
        do {
            try Interruption.check()
        } catch {
            try? fm.removeItem(atPath: temp)
            throw error
        }
        guard rename(temp, final) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(atPath: temp)
            throw RunError("cannot publish \(final): \(reason)")
        }
        try pointLatest(at: name)
        return result
    }

    /// Points `latest` at `runs/<name>` with an atomic rename of a fresh link.
    func pointLatest(at name: String) throws {
        let link = root + "/.latest.tmp"
        unlink(link)
        guard symlink("runs/" + name, link) == 0, rename(link, latestLink) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(link)
            throw RunError("cannot point \(latestLink) at runs/\(name): \(reason)")
        }
    }

    /// Writes the record of a run that failed into `runs/<name>/run.json`, so the failure can be
    /// diagnosed from its record alone; `latest` is not touched. When even that cannot be written
    /// (a full disk, a read-only folder), nothing is left behind, not even an empty folder.
    /// - Returns: why the record could not be written, or `nil` when it was.
    @discardableResult
    public func recordFailure(as name: String, record: [UInt8]) -> String? {
        let folder = runsFolder + "/" + name
        do {
            try OutputFile.makeFolders(folder)
            try OutputFile.write(record, to: folder + "/run.json")
            return nil
        } catch {
            if (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                _ = rmdir(folder)
            }
            return (error as? RunError)?.message ?? "\(error)"
        }
    }

    /// Run names, oldest first.
    public func runs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runsFolder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Removes the oldest runs so that `keep` remain; the run `latest` points at is always kept.
    /// - Returns: the names removed.
    @discardableResult
    public func prune(keep: Int) -> [String] {
        let all = runs()
        guard keep > 0, all.count > keep else { return [] }
        let latest = latestRun.map { URL(fileURLWithPath: $0).lastPathComponent }
        var removed: [String] = []
        for name in all.prefix(all.count - keep) where name != latest {
            try? FileManager.default.removeItem(atPath: runsFolder + "/" + name)
            removed.append(name)
        }
        return removed
    }
}

/// An advisory lock (`flock`) on `out/<pipeline>/.lock`: one run of a pipeline at a time. The lock
/// dies with its process, so a crashed run never blocks the next one.
public final class RunLock {
    private let fd: Int32
    public let path: String

    /// Another run holds the lock.
    public struct Busy: Error, CustomStringConvertible {
        public var path: String
        public var holder: String?
        public var description: String {
            "another run of this pipeline is in progress" + (holder.map { " (pid \($0))" } ?? "") + "; lock \(path)"
        }
    }

    /// Takes the lock, waiting for it when `wait` is true (a caught signal ends the wait).
    /// - Throws: `Busy` when another process holds it and `wait` is false; `RunError` when the
    ///   lock file cannot be opened or locked; `Interrupted` when a signal ends the wait.
    public init(path: String, wait: Bool) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard fd >= 0 else { throw RunError("cannot open lock file \(path): \(String(cString: strerror(errno)))") }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(fd)
                throw RunError("cannot lock \(path): \(String(cString: strerror(code)))")
            }
            if !wait {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                close(fd)
                throw Busy(path: path, holder: holder?.isEmpty == false ? holder : nil)
            }
            // waits in short steps rather than in a blocking flock, so that SIGTERM can end the wait
            if let signo = Interruption.received {
                close(fd)
                throw Interrupted(signal: signo)
            }
            usleep(50_000)
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
