import Dispatch

/// Runs work over `count` items on at most `workers` threads with
/// `DispatchQueue.concurrentPerform`, returning results in item order, so the
/// outcome never depends on scheduling.
public func parallelMap<T>(count: Int, workers: Int, _ body: (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
    defer {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    let workerCount = max(1, min(workers, count))
    if workerCount == 1 {
        for i in 0..<count { slots[i] = body(i) }
    } else {
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                var item = worker
                while item < count {
                    slots[item] = body(item)
                    item += workerCount
                }
            }
        }
    }
    return (0..<count).map { slots[$0]! }
}
