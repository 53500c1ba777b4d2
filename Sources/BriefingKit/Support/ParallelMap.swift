import Dispatch

/// Index-ordered results written by several threads, each slot by exactly one of them.
///
/// NB: `@unchecked Sendable` is sound here because `parallelMap` gives every index to one worker
/// only and reads the slots after `concurrentPerform` has returned (a full barrier).
private final class Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// `(0..<count).map(body)` on up to `workers` threads, results in index order whatever the timing:
/// worker `w` takes indices `w`, `w + workers`, … so that long and short items spread evenly.
func parallelMap<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let workers = max(1, min(workers, count))
    if workers == 1 { return (0..<count).map(body) }
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        var i = w
        while i < count {
            slots.buffer[i] = body(i)
            i += workers
        }
    }
    return slots.buffer.compactMap { $0 }   // every slot was written
}
