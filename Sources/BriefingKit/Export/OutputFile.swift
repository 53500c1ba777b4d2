import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files atomically: into `<path>.tmp`, then renamed onto `<path>`,
/// so a reader never sees a half-written file. Failures become `RunError("cannot write <path>: …")`.
enum OutputFile {
    /// Creates `folder` and its parents if needed.
    static func prepare(folder: String) throws {
        try makeFolders(folder, failing: "cannot write")
    }

    /// Creates `folder` and its missing parents, like `mkdir -p`, with errors that say which part
    /// is in the way: `cannot create out/t: out/t exists and is not a folder`.
    static func makeFolders(_ folder: String, failing action: String = "cannot create") throws {
        var st = stat()
        if stat(folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return }
        var prefix = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            if mkdir(prefix, 0o755) == 0 { continue }
            let code = errno
            if code == EEXIST {
                if stat(prefix, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { continue }
                throw RunError("\(action) \(folder): \(prefix) exists and is not a folder")
            }
            // a read-only or full file system may still hold the folder: only a missing one is an error
            if stat(prefix, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { continue }
            throw RunError("\(action) \(folder): \(String(cString: strerror(code)))")
        }
    }

    /// `folder/name`, without doubling a trailing slash.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The temporary path a file is written to before `commit`.
    static func temporary(for path: String) -> String { path + ".tmp" }

    /// Writes `bytes` to `path` atomically.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { flush in try flush(bytes) }
    }

    /// Writes bytes handed over in chunks (`emit`) to `path` atomically: a large output is never
    /// held whole in memory. `emit` gets a flush function to call with each chunk.
    static func write(to path: String, _ emit: (_ flush: ([UInt8]) throws -> Void) throws -> Void) throws {
        let tmp = temporary(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RunError("cannot write \(path): \(lastError())") }
        var failure: String?
        do {
            try emit { bytes in
                bytes.withUnsafeBytes { buffer in
                    var offset = 0
                    while failure == nil, offset < buffer.count, let base = buffer.baseAddress {
                        let n = systemWrite(fd, base + offset, buffer.count - offset)
                        if n < 0 {
                            if errno == EINTR { continue }
                            failure = lastError()
                            return
                        }
                        offset += n
                    }
                }
                if let failure { throw RunError("cannot write \(path): \(failure)") }
            }
        } catch {
            _ = close(fd)
            discard(tmp)
            throw error
        }
        if close(fd) != 0, failure == nil { failure = lastError() }
        if let failure {
            discard(tmp)
            throw RunError("cannot write \(path): \(failure)")
        }
        try commit(tmp, to: path)
    }

    /// Bytes gathered before a chunked writer hands them to `write(to:_:)`.
    static let chunkSize = 1 << 20

    /// Renames a finished temporary file onto `path`, replacing it; removes `tmp` on failure.
    static func commit(_ tmp: String, to path: String) throws {
        guard rename(tmp, path) == 0 else {
            let message = lastError()
            discard(tmp)
            throw RunError("cannot write \(path): \(message)")
        }
    }

    /// Removes a temporary file, ignoring errors (it may not exist).
    static func discard(_ tmp: String) {
        _ = unlink(tmp)
    }

    /// Makes a file name from a table name: path separators, control and reserved characters become `_`.
    static func safeFileName(_ name: String) -> String {
        let reserved: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        var s = String(name.map { ch in
            reserved.contains(ch) || ch.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "_" : ch
        })
        if s.hasPrefix(".") { s = "_" + s.dropFirst() }
        return s.isEmpty ? "_" : s
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// POSIX `write(2)`, named apart from `OutputFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
