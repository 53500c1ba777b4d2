import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists and reads the corpus folder's files, in name order, whatever the folder holds.
///
/// The corpus is written by scrapers and people, so reading it never hangs, never leaves the folder
/// and never fails the run because of one entry: a FIFO, a socket, a device or a folder (even one
/// named `x.txt`) is skipped, without being opened for a blocking read; a symbolic link is followed
/// only when it stays inside the corpus folder (or `input.follow_links: true`); a file that vanishes
/// between listing and reading, cannot be read, changes while being read or is larger than
/// `maxFileSize` is skipped. Each skip has a reason (`Skip.reason`), counted as a drop of the parse
/// stage, and a warning that shows the name escaped on one line. Names that are not valid UTF-8 are
/// read too; they show with `\xNN` for the bad bytes.
public struct CorpusReader: Sendable {
    /// Larger files are skipped (`too-large`): no news article comes near, and a sparse or runaway
    /// file must not exhaust the memory.
    public static let maxFileSize = 64 << 20

    public let folder: String
    public let pattern: String
    /// Follow symbolic links that lead out of the corpus folder (`input.follow_links`).
    public let followLinks: Bool
    /// NB: a test hook, called with the entry's name once the file is open and measured, before
    /// its bytes are read, so that a test can change the file at that point.
    var afterOpen: (@Sendable (String) -> Void)?

    public init(folder: String, pattern: String, followLinks: Bool = false) {
        self.folder = folder
        self.pattern = pattern
        self.followLinks = followLinks
    }

    /// The reader of a pipeline's `input:` settings.
    public init(_ input: InputSettings) {
        self.init(folder: input.folder, pattern: input.pattern, followLinks: input.followLinks)
    }

    /// A name listed in the corpus folder.
    public struct Entry: Sendable, Hashable {
        /// The name as text (`\xNN` for bytes that are not UTF-8).
        public var name: String
        /// The name's bytes, as the file system has them.
        public var bytes: [UInt8]
    }

    /// Why an entry was not read.
    public enum Skip: Error, Sendable, Hashable {
        /// A FIFO, socket, device or folder, directly or through a link: its kind.
        case notRegularFile(String)
        /// A symbolic link that resolves outside the corpus folder: where it leads.
        case linkOutsideCorpus(String)
        /// A symbolic link to nothing (or a loop of links).
        case brokenLink
        /// Listed, then gone before it could be opened.
        case vanished
        /// It exists but cannot be opened or read: the system's reason.
        case unreadable(String)
        /// Its size or modification time changed while it was read.
        case changedWhileRead
        /// Larger than `maxFileSize`: its size in bytes.
        case tooLarge(Int)

        /// The drop reason counted in the parse stage's statistics.
        public var reason: String {
            switch self {
            case .notRegularFile: return "not-a-regular-file"
            case .linkOutsideCorpus: return "link-outside-corpus"
            case .brokenLink: return "broken-link"
            case .vanished: return "vanished"
            case .unreadable: return "unreadable"
            case .changedWhileRead: return "changed-while-read"
            case .tooLarge: return "too-large"
            }
        }

        /// What the warning says after `<name>: skipped, `.
        public var explanation: String {
            switch self {
            case .notRegularFile(let kind): return "not a regular file (\(kind)) [\(reason)]"
            case .linkOutsideCorpus(let target):
                return "a symbolic link to \(target), outside the corpus folder (set input.follow_links: true to follow it) [\(reason)]"
            case .brokenLink: return "a symbolic link to nothing [\(reason)]"
            case .vanished: return "it vanished between listing and reading [\(reason)]"
            case .unreadable(let why): return "cannot read it: \(why) [\(reason)]"
            case .changedWhileRead: return "it changed while being read; the next run will read it [\(reason)]"
            case .tooLarge(let size): return "\(size) bytes, more than the \(CorpusReader.maxFileSize) a document may have [\(reason)]"
            }
        }
    }

    /// What reading an entry gave.
    public enum Outcome: Sendable {
        case file(SourceFile)
        case skipped(Skip)
    }

    /// The warning for a skipped entry, on one line whatever the name holds.
    public static func warning(for name: String, _ skip: Skip) -> String {
        SafeText.oneLine("\(name): skipped, \(skip.explanation)")
    }

    /// Entries whose name matches the pattern (hidden names left out), whatever their kind, sorted by name.
    /// - Throws: `RunError` when the folder is missing, not a folder or cannot be listed.
    public func entries() throws -> [Entry] {
        var st = stat()
        guard stat(folder, &st) == 0 else {
            if errno == ENOENT { throw RunError("corpus folder \(folder) does not exist") }
            throw RunError("cannot list corpus folder \(folder): \(Self.lastError())")
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw RunError("corpus folder \(folder) is not a folder") }
        guard let dir = opendir(folder) else {
            throw RunError("cannot list corpus folder \(folder): \(Self.lastError())")
        }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw RunError("cannot list corpus folder \(folder): \(Self.lastError())") }
                break
            }
            var name = entry.pointee.d_name
            let bytes = withUnsafeBytes(of: &name) { Array($0.prefix { $0 != 0 }) }
            guard let first = bytes.first, first != UInt8(ascii: ".") else { continue }
            let matches = (bytes + [0]).withUnsafeBufferPointer { raw in
                raw.withMemoryRebound(to: CChar.self) { fnmatch(pattern, $0.baseAddress, 0) == 0 }
            }
            if matches { entries.append(Entry(name: SafeText.fileName(bytes), bytes: bytes)) }
        }
        return entries.sorted { $0.name != $1.name ? $0.name < $1.name : $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// Names of the entries, sorted (see `entries()`).
    public func fileNames() throws -> [String] {
        try entries().map(\.name)
    }

    /// Reads one entry, or says why it was skipped; never blocks on a special file.
    public func read(_ entry: Entry) -> Outcome {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + entry.bytes
        let shown = folder + "/" + entry.name
        var st = stat()
        guard Self.call(path, { lstat($0, &st) }) == 0 else {
            return .skipped(errno == ENOENT ? .vanished : .unreadable(Self.lastError()))
        }
        var target = path
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFLNK:
            switch resolveLink(path) {
            case .failure(let skip): return .skipped(skip)
            case .success(let resolved): target = resolved
            }
        default:
            return .skipped(.notRegularFile(Self.kind(st.st_mode)))
        }
        // O_NONBLOCK: a FIFO swapped in since lstat cannot block the open or the reads;
        // O_NOFOLLOW: nor can a link swapped in lead elsewhere.
        let fd = Self.call(target) { open($0, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY) }
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .skipped(.vanished)
            case ELOOP: return .skipped(.changedWhileRead)
            case ENXIO: return .skipped(.notRegularFile("a socket"))
            default: return .skipped(.unreadable(Self.lastError()))
            }
        }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { return .skipped(.unreadable(Self.lastError())) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .skipped(.notRegularFile(Self.kind(st.st_mode))) }
        let size = Int(st.st_size)
        guard size <= Self.maxFileSize else { return .skipped(.tooLarge(size)) }
        let modified = Self.modificationTime(st)
        afterOpen?(entry.name)

        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        var failure: String?
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while done < size {
                let n = posixRead(fd, base + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = Self.lastError()
                    return
                }
                if n == 0 { return }
                done += n
            }
        }
        if let failure { return .skipped(.unreadable(failure)) }
        // Shorter than it was, longer than it was, or rewritten in place: not one consistent text.
        var extra: UInt8 = 0
        var more = posixRead(fd, &extra, 1)
        while more < 0, errno == EINTR { more = posixRead(fd, &extra, 1) }
        guard done == size, more == 0, fstat(fd, &st) == 0, Int(st.st_size) == size,
              Self.modificationTime(st) == modified else {
            return .skipped(.changedWhileRead)
        }
        return .file(SourceFile(name: entry.name, path: shown, bytes: bytes))
    }

    /// The bytes of the entry named `name` (for tools and tests).
    /// - Throws: `RunError` naming the file and why it was skipped.
    public func read(_ name: String) throws -> SourceFile {
        let entry = try entries().first { $0.name == name } ?? Entry(name: name, bytes: Array(name.utf8))
        switch read(entry) {
        case .file(let file): return file
        case .skipped(let skip): throw RunError(Self.warning(for: folder + "/" + name, skip))
        }
    }

    /// The digests of every file a run would read now (skipped entries left out), named relative to `root`.
    /// - Throws: `RunError` when the folder is missing or cannot be listed.
    public func digests(relativeTo root: String) throws -> [FileDigest] {
        try entries().compactMap { entry in
            guard case .file(let file) = read(entry) else { return nil }
            return FileDigest(path: PipelineRunner.relative(file.path, to: root), bytes: file.bytes)
        }
    }

    /// Where a link leads, when it may be followed: a path with no link left in it.
    private func resolveLink(_ path: [UInt8]) -> Result<[UInt8], Skip> {
        guard let resolved = Self.realPath(path) else {
            return .failure(errno == ENOENT || errno == ELOOP || errno == ENOTDIR ? .brokenLink : .unreadable(Self.lastError()))
        }
        if !followLinks {
            guard let corpus = Self.realPath(Array(folder.utf8)) else { return .failure(.unreadable(Self.lastError())) }
            let inside = corpus == [UInt8(ascii: "/")] ? corpus : corpus + [UInt8(ascii: "/")]
            guard resolved.starts(with: inside) else {
                return .failure(.linkOutsideCorpus(SafeText.fileName(resolved)))
            }
        }
        var st = stat()
        guard Self.call(resolved, { stat($0, &st) }) == 0 else {
            return .failure(errno == ENOENT ? .vanished : .unreadable(Self.lastError()))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            return .failure(.notRegularFile("a symbolic link to " + Self.kind(st.st_mode)))
        }
        return .success(resolved)
    }

    /// `realpath(3)` of a path given as bytes; `nil` with `errno` set when it fails.
    private static func realPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = call(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// Calls `body` with `path` as a C string.
    private static func call<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let chars = path.map { CChar(bitPattern: $0) } + [0]
        return body(chars)
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFLNK: return "a symbolic link"
        default: return "an unknown kind of file"
        }
    }

    private static func modificationTime(_ st: stat) -> [Int] {
        #if canImport(Darwin)
        return [Int(st.st_mtimespec.tv_sec), Int(st.st_mtimespec.tv_nsec)]
        #else
        return [Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)]
        #endif
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// POSIX `read(2)`, named apart from `CorpusReader.read`.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
