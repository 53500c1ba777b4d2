import Foundation

/// What a finished command printed, and how it ended.
struct ProcessResult {
    var code: Int32
    var out: String
    var err: String
    /// Standard output then standard error.
    var output: String { out + err }
}

/// Runs `executable args…` to the end (in `folder`, with extra `environment` variables) and returns
/// its exit code and outputs; output goes through files, so a chatty command cannot fill a pipe.
func runProcess(_ executable: String, _ args: [String], environment: [String: String] = [:],
                in folder: String? = nil) throws -> ProcessResult {
    let scratch = try makeTemporaryFolder("process")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    _ = FileManager.default.createFile(atPath: scratch + "/out", contents: nil)
    _ = FileManager.default.createFile(atPath: scratch + "/err", contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + "/out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + "/err"))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = args
    if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    if let folder { p.currentDirectoryURL = URL(fileURLWithPath: folder) }
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try out.close()
    try err.close()
    return ProcessResult(code: p.terminationStatus,
                         out: try String(contentsOfFile: scratch + "/out", encoding: .utf8),
                         err: try String(contentsOfFile: scratch + "/err", encoding: .utf8))
}
