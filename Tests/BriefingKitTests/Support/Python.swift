import Foundation

/// A python run that failed, or python missing; the message says which and shows stderr.
struct PythonError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The first executable named `name` on `PATH`, or `nil`.
func findOnPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") where !dir.isEmpty {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// The interpreter to use: `BRIEFING_PYTHON` if set, else the first of `python3` on PATH and
/// `/usr/bin/python3` (where Debian's python3-openpyxl installs) that can import openpyxl.
let pythonWithOpenpyxl: String? = {
    if let chosen = ProcessInfo.processInfo.environment["BRIEFING_PYTHON"] { return chosen }
    for candidate in [findOnPath("python3"), "/usr/bin/python3"].compactMap({ $0 })
    where FileManager.default.isExecutableFile(atPath: candidate) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: candidate)
        p.arguments = ["-c", "import openpyxl"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { continue }
        p.waitUntilExit()
        if p.terminationStatus == 0 { return candidate }
    }
    return nil
}()

/// Runs `python3 - <args…>` with `script` on stdin and returns its standard output.
/// - Throws: `PythonError` when python3 is not on PATH or exits non-zero (the message holds stderr).
func runPython(_ script: String, args: [String] = []) throws -> String {
    guard let python = pythonWithOpenpyxl ?? findOnPath("python3") else {
        throw PythonError(message: "python3 is not on PATH (PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? ""))")
    }
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("briefing-python-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
          FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
        throw PythonError(message: "cannot create output files in \(scratch.path)")
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = Pipe()

    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-"] + args
    process.standardInput = input
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Python reads the whole script before running it, so writing it all first cannot deadlock;
    // output goes to files, so a chatty script cannot fill a pipe either.
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    try out.close()
    try err.close()

    let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
        throw PythonError(message: "\(python) exited with status \(process.terminationStatus):\n\(stderr)")
    }
    return stdout
}

/// Fails (throws) with a clear message unless `python3` can import openpyxl; returns its version.
@discardableResult
func requireOpenpyxl() throws -> String {
    do {
        return try runPython("import openpyxl\nprint(openpyxl.__version__)")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    } catch let error as PythonError {
        throw PythonError(message: "openpyxl is required to check XLSX output (the project's setup installs it: "
                              + "`pip install openpyxl` or `apt-get install python3-openpyxl`).\n\(error.message)")
    }
}
