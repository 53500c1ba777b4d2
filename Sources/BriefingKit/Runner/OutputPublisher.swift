import Foundation

/// Writes outputs into a temporary folder beside their destination and swaps it in only when
/// everything was written, so a failed or interrupted run never leaves half a briefing.
public struct OutputPublisher: Sendable {
    public let destination: String

    public init(destination: String) {
        self.destination = destination
    }

    /// Calls `write` with a fresh temporary folder, then publishes it at `destination`.
    /// - Throws: what `write` throws, or `RunError` when publishing fails; the previous outputs stay.
    public func publish<T>(_ write: (String) throws -> T) throws -> T {
        let fm = FileManager.default
        let dest = URL(fileURLWithPath: destination)
        let parent = dest.deletingLastPathComponent()
        let name = dest.lastPathComponent
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw RunError("cannot create \(parent.path): \(error.localizedDescription)")
        }
        removeLeftovers(in: parent, name: name)
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        try? fm.removeItem(at: temp)
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
        } catch {
            throw RunError("cannot create \(temp.path): \(error.localizedDescription)")
        }
        let result: T
        do {
            result = try write(temp.path)
        } catch {
            try? fm.removeItem(at: temp)
            throw error
        }
        let old = parent.appendingPathComponent(".\(name).old-\(pid)")
        if fm.fileExists(atPath: dest.path) {
            guard rename(dest.path, old.path) == 0 else {
                try? fm.removeItem(at: temp)
                throw RunError("cannot move the previous outputs aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(temp.path, dest.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, dest.path)
            try? fm.removeItem(at: temp)
            throw RunError("cannot publish \(dest.path): \(reason)")
        }
        try? fm.removeItem(at: old)
        return result
    }

    /// Temporary folders left by runs that were killed.
    private func removeLeftovers(in parent: URL, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
