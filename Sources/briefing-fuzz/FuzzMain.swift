import BriefingFuzzHarness
import Foundation

// Built two ways:
// - `make fuzz` compiles with `-sanitize=fuzzer,address -parse-as-library -D BRIEFING_FUZZ`. SwiftPM
//   links a debug executable with `--defsym main=briefing_fuzz_main`, so libFuzzer's own `main` is not
//   used: `briefing_fuzz_main` below hands the command line to `LLVMFuzzerRunDriver` (from the
//   toolchain's libclang_rt.fuzzer, linked by `-sanitize=fuzzer`), which calls `LLVMFuzzerTestOneInput`.
//   The target is picked by the environment variable BRIEFING_FUZZ_TARGET.
// - any other build (`swift build`, `swift test`) gets a small `main` that replays input files through
//   a target: `briefing-fuzz <target> FILE…`, for reproducing a crash without the sanitizers.

#if BRIEFING_FUZZ
import CFuzzerDriver

/// The target this process fuzzes, read once from BRIEFING_FUZZ_TARGET.
private let selectedTarget: FuzzTarget? = {
    guard let name = ProcessInfo.processInfo.environment["BRIEFING_FUZZ_TARGET"] else { return nil }
    return FuzzTarget(rawValue: name)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runInput(data, size)
}

/// One input through the selected target; aborts (a crash for libFuzzer) when the target reports a failure.
private func runInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selectedTarget else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("briefing-fuzz: set BRIEFING_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let failure = FuzzHarness.run(target, bytes) {
        FileHandle.standardError.write(Data("briefing-fuzz: \(target.rawValue): \(failure.message)\n".utf8))
        abort()
    }
    return 0
}

@_cdecl("briefing_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in runInput(data, size) }
}

#else

@main
struct ReplayMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: briefing-fuzz \(names) FILE…\n".utf8))
            exit(2)
        }
        var failed = false
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("briefing-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            if let failure = FuzzHarness.run(target, Array(data)) {
                print("\(path): FAILED: \(failure.message)")
                failed = true
            } else {
                print("\(path): ok")
            }
        }
        exit(failed ? 1 : 0)
    }
}

#endif
