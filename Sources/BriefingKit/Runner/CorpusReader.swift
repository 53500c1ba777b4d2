import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists and reads the corpus folder's files, in name order.
public struct CorpusReader: Sendable {
    public let folder: String
    public let pattern: String

    public init(folder: String, pattern: String) {
        self.folder = folder
        self.pattern = pattern
    }

    /// Names of the regular files matching the pattern, sorted.
    /// - Throws: `RunError` when the folder is missing, not a folder or unreadable.
    public func fileNames() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw RunError("corpus folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else { throw RunError("corpus folder \(folder) is not a folder") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw RunError("cannot list corpus folder \(folder): \(error.localizedDescription)")
        }
        return names.filter { name in
            guard !name.hasPrefix("."), fnmatch(pattern, name, 0) == 0 else { return false }
            var st = stat()
            return stat(folder + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        }.sorted()
    }

    /// The bytes of one file.
    /// - Throws: `RunError` naming the file.
    public func read(_ name: String) throws -> SourceFile {
        let path = folder + "/" + name
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw RunError("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw RunError("cannot read \(path): \(String(cString: strerror(errno)))") }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                Glibc.read(fd, buf.baseAddress! + done, buf.count - done)
            }
            if n < 0 { throw RunError("cannot read \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { bytes.removeLast(bytes.count - done); break }
            done += n
        }
        return SourceFile(name: name, path: path, bytes: bytes)
    }
}
