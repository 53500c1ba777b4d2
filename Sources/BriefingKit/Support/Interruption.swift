import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run stopped by a signal (SIGTERM, SIGINT): the command exits with 128 + the signal number.
public struct Interrupted: Error, Sendable, CustomStringConvertible {
    public var signal: Int32

    public init(signal: Int32) {
        self.signal = signal
    }

    /// `SIGTERM`, `SIGINT`, …
    public var signalName: String {
        switch signal {
        case SIGTERM: return "SIGTERM"
        case SIGINT: return "SIGINT"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(signal)"
        }
    }

    /// `interrupted by SIGTERM`: what the run record and standard error say.
    public var description: String { "interrupted by \(signalName)" }

    /// 143 for SIGTERM, 130 for SIGINT, as shells report a process killed by the signal.
    public var exitCode: Int32 { 128 + signal }
}

/// Stops a run cleanly on SIGTERM or SIGINT: `install` replaces the signals' default action with a
/// flag, which the runner checks between documents, between batches, between outputs and before
/// publishing (`check`). The run then removes its temporary folder, records itself as failed and
/// the command exits with 128 + the signal number. A second signal of the same kind kills the
/// process at once (its default action is restored after the first); the next run cleans up.
///
/// The flag is set from a dispatch source, never inside a signal handler, so no system call is
/// interrupted half-way (`EINTR`) and nothing unsafe runs in signal context.
public enum Interruption {
    /// NB: `@unchecked Sendable` is sound here: every field is read and written under `lock`.
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var signal: Int32?
        var sources: [Int32: any DispatchSourceSignal] = [:]
    }

    private static let state = State()

    /// Catches `signals` from now on (once per signal; later calls for the same signal do nothing).
    public static func install(_ signals: [Int32] = [SIGTERM, SIGINT]) {
        state.lock.lock()
        defer { state.lock.unlock() }
        for signo in signals where state.sources[signo] == nil {
            _ = signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler { request(signo) }
            source.resume()
            state.sources[signo] = source
        }
    }

    /// Records that `signo` arrived (the first signal wins) and restores its default action.
    static func request(_ signo: Int32) {
        state.lock.lock()
        if state.signal == nil { state.signal = signo }
        state.lock.unlock()
        _ = signal(signo, SIG_DFL)
    }

    /// The first signal received since `install`, if any.
    public static var received: Int32? {
        state.lock.lock()
        defer { state.lock.unlock() }
        return state.signal
    }

    /// - Throws: `Interrupted` once a caught signal has arrived.
    public static func check() throws {
        if let signo = received { throw Interrupted(signal: signo) }
    }

    /// Sleeps `seconds` (at most 60) in short steps, returning early when a signal arrives.
    static func sleep(_ seconds: Double) {
        let end = Date().addingTimeInterval(min(max(seconds, 0), 60))
        while Date() < end, received == nil {
            Thread.sleep(forTimeInterval: min(0.05, max(0, end.timeIntervalSinceNow)))
        }
    }
}
