import Foundation

/// Parses the chunks of a feed on every worker and hands them, in file
/// order, to one consumer at a time, with no pause between waves: while one
/// worker merges the chunks that are ready, the others go on parsing.
///
/// A worker that finds the next chunk in file order parsed (and no one
/// merging) takes the merging role for every consecutive parsed chunk;
/// otherwise it parses the next unclaimed chunk. Parsing runs at most
/// `window` chunks ahead of merging, so memory stays bounded. The consumer
/// sees the chunks in file order whatever the scheduling, so the outcome
/// never depends on it.
struct ChunkPipeline {
    /// Chunks parsed ahead of the one merged next, at most.
    let window: Int
    let workers: Int

    /// Calls `parse(i)` for every `i` in `0..<count` on the workers and
    /// `consume(i, result)` for each in order of `i`, never two at once.
    func run<T>(count: Int, parse: (Int) -> T, consume: (Int, T) -> Void) {
        guard count > 0 else { return }
        let workerCount = max(1, min(workers, count))
        if workerCount == 1 {
            for i in 0..<count { consume(i, parse(i)) }
            return
        }
        let state = PipelineState<T>(count: count)
        withoutActuallyEscaping(parse) { parse in
            withoutActuallyEscaping(consume) { consume in
                nonisolated(unsafe) let parse = parse
                nonisolated(unsafe) let consume = consume
                let window = max(workerCount, self.window)
                DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
                    state.work(window: window, parse: parse, consume: consume)
                }
            }
        }
    }
}

/// The shared progress of a `ChunkPipeline` run, guarded by one condition lock.
private final class PipelineState<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [T?]
    private var nextToParse = 0
    private var nextToConsume = 0
    private var consuming = false

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// One worker's loop: consume what is ready in order, else parse, else wait.
    func work(window: Int, parse: (Int) -> T, consume: (Int, T) -> Void) {
        let count = results.count
        condition.lock()
        while nextToConsume < count {
            if !consuming, results[nextToConsume] != nil {
                consuming = true
                var ready: [(Int, T)] = []
                var index = nextToConsume
                while index < count, let result = results[index] {
                    ready.append((index, result))
                    results[index] = nil
                    index += 1
                }
                condition.unlock()
                for (index, result) in ready { consume(index, result) }
                condition.lock()
                nextToConsume += ready.count
                consuming = false
                condition.broadcast()
            } else if nextToParse < count && nextToParse < nextToConsume + window {
                let index = nextToParse
                nextToParse += 1
                condition.unlock()
                let result = parse(index)
                condition.lock()
                results[index] = result
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }
}
