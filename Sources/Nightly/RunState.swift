import Foundation
import Warehouse
#if canImport(Glibc)
import Glibc
#endif

/// What a stop signal or a failure needs to know about the run so far: the
/// warehouse run to record, the staging folder to remove, what was read.
final class RunState: @unchecked Sendable {
    /// Held by the publisher from the commit to the end of the publish.
    let critical = NSLock()
    private let lock = NSLock()
    private var publisher: NightPublisher?
    private var readSoFar: [RunInput] = []
    private var stopping = false

    func started(_ publisher: NightPublisher) {
        lock.withLock { self.publisher = publisher }
    }

    var read: [RunInput] {
        get { lock.withLock { readSoFar } }
        set { lock.withLock { readSoFar = newValue } }
    }

    /// Records a failed run (the publisher has removed its staging folder).
    func fail(_ message: String) {
        let (publisher, read) = lock.withLock { (self.publisher, readSoFar) }
        guard let publisher, let warehouse = publisher.warehouse, let runID = publisher.runID else { return }
        // A staging folder that could not be removed keeps its journal row, for the next command to remove.
        try? warehouse.fail(runID: runID, message: message, inputs: read,
                            endingPublication: !publisher.staging.isLeftOver)
    }

    /// Stops the process for a signal: waits for a publish past its commit,
    /// records the run as stopped, removes its staging folder, and exits 130 or 143.
    func stop(_ number: Int32, log: @Sendable (String) -> Void) {
        let (status, name) = StopSignals.describe(number)
        let first = lock.withLock { () -> Bool in
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        critical.lock()
        let (publisher, read) = lock.withLock { (self.publisher, readSoFar) }
        var message = "stopped by \(name)"
        if let publisher {
            try? publisher.staging.discard()
            if let warehouse = publisher.warehouse, let runID = publisher.runID {
                do {
                    try warehouse.fail(runID: runID, message: message, inputs: read)
                } catch {
                    message += " after the night was published"
                }
            }
        }
        log("\(message); nothing more was published (exit \(status.rawValue))")
        _exit(status.rawValue)
    }
}
