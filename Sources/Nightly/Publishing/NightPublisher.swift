import Foundation
import Ingest
import Warehouse

/// Publishes a computed night so that a reader always sees one whole night
/// (docs/operations.md, "How a night is published"):
///
/// 1. the journal row (phase `writing`) names the staging folder;
/// 2. every output is written there, `run.json` last, and synced to disk;
/// 3. one transaction commits the figures and turns the row `committed`
///    (the point of no return: from here the night only rolls forward);
/// 4. the staging folder is put in place and the previous outputs removed;
/// 5. the run becomes `succeeded` and its row is deleted.
///
/// A kill anywhere is repaired by `NightRecovery` when the warehouse is next
/// opened: back before step 3, forward after it.
public struct NightPublisher {
    /// The output folder readers use.
    public let out: String
    public let warehouse: Warehouse?
    /// The run, from `Warehouse.beginRun`, when there is a warehouse.
    public let runID: Int64?
    /// Held from the commit to the end, so a stop signal waits for a publish that can no longer go back.
    let critical: NSLock
    let log: @Sendable (String) -> Void

    public init(out: String, warehouse: Warehouse?, runID: Int64?, log: @escaping @Sendable (String) -> Void) {
        self.init(out: out, warehouse: warehouse, runID: runID, critical: NSLock(), log: log)
    }

    init(out: String, warehouse: Warehouse?, runID: Int64?, critical: NSLock,
         log: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.warehouse = warehouse
        self.runID = runID
        self.critical = critical
        self.log = log
    }

    /// The top-level names of the outputs, `run.json` last.
    static var names: [String] {
        NightOutputs.all.map { String($0.path.split(separator: "/").first ?? Substring($0.path)) }
    }

    /// The staging of this publish.
    var staging: Staging {
        Staging(out: out, tag: runID.map { "run\($0)" } ?? "pid\(getpid())")
    }

    /// Writes every output into `folder`: all but `run.json` side by side on the
    /// night's threads (each writes its own files, so the bytes do not depend
    /// on the order), then `run.json`; the first failure in output order is thrown.
    static func write(_ night: Night, to folder: URL) throws {
        let outputs = NightOutputs.all
        let failures = parallelMap(count: outputs.count - 1, workers: night.options.threads) { i -> (any Error)? in
            do {
                try outputs[i].write(night, to: folder)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        for output in outputs.suffix(1) { try output.write(night, to: folder) }
    }

    /// Writes and publishes `night`.
    /// - Parameter beforeCommit: last checks before the point of no return (the feeds are unchanged).
    public func publish(_ night: Night, beforeCommit: () throws -> Void = {}) throws {
        try publish(night, clock: StageClock(log: log), beforeCommit: beforeCommit)
    }

    func publish(_ night: Night, clock: StageClock, beforeCommit: () throws -> Void = {}) throws {
        var night = night
        night.manifest.runID = runID
        let staging = self.staging
        if let warehouse, let runID { try warehouse.startPublication(staging.pending(runID: runID, date: night.date)) }
        if warehouse == nil { staging.removeAbandoned() }
        do {
            try staging.prepare()
            try Self.write(night, to: staging.staging)
            try Durability.sync(tree: staging.staging)
            clock.lap("reports")
            try beforeCommit()
        } catch {
            try? staging.discard()
            throw error
        }
        critical.lock()
        defer { critical.unlock() }
        if let warehouse, let runID {
            do {
                try warehouse.publish(runID: runID, table: night.table, inputs: night.read,
                                      quarantine: night.quarantine, warning: night.warning)
            } catch {
                try? staging.discard()
                throw error
            }
            clock.lap("warehouse")
            if let warning = night.warning {
                log(String(format: "  household history: %d rows written, %d households current, %.3f s",
                           warning.edit.count, warning.currentHouseholds, warehouse.lastHistorySeconds))
                for (step, seconds) in warehouse.lastHistorySteps {
                    log(String(format: "    household history %@: %.3f s", step, seconds))
                }
            }
            try staging.putInPlace(runID: runID, names: Self.names)
            try warehouse.completePublication(runID: runID)
        } else {
            do {
                try staging.putInPlace(runID: nil, names: Self.names)
            } catch {
                try? staging.discard()
                throw error
            }
        }
    }
}
