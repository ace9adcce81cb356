import Foundation
import Warehouse

/// Finishes or undoes the publishing of runs that were killed, before a
/// command uses the warehouse: a run whose figures were committed rolls
/// forward (its staged outputs go in place and it succeeds); a run that had
/// not committed rolls back (its staging folder is removed and it is failed
/// as interrupted).
public enum NightRecovery {
    /// Repairs every pending publication of `warehouse` (opened for writing, lock held).
    /// - Returns: one line per repaired run, for the log.
    @discardableResult
    public static func repair(_ warehouse: Warehouse) throws -> [String] {
        var lines: [String] = []
        for pending in try warehouse.pendingPublications() {
            let staging = Staging(pending)
            guard try warehouse.isRunning(runID: pending.runID) else {
                try staging.discard()
                try warehouse.dropPublication(runID: pending.runID)
                continue
            }
            if pending.committed {
                do {
                    try staging.putInPlace(runID: pending.runID, names: NightPublisher.names)
                    try warehouse.completePublication(runID: pending.runID)
                    lines.append("repaired: run \(pending.runID) of \(pending.date) was committed but stopped before "
                        + "its outputs were in place; they are now in \(pending.out)")
                } catch PublishError.stagingLost {
                    try warehouse.withdrawPublication(runID: pending.runID, message: lostMessage)
                    lines.append("repaired: run \(pending.runID) of \(pending.date) lost its staged outputs; "
                        + "its figures were withdrawn: run that night again")
                }
            } else {
                try staging.discard()
                try warehouse.fail(runID: pending.runID, message: Warehouse.interruptedMessage)
                lines.append("repaired: run \(pending.runID) of \(pending.date) stopped before publishing; "
                    + "its staging folder was removed and the previous outputs kept")
            }
        }
        return lines
    }

    /// Why a committed run was withdrawn.
    static let lostMessage = "interrupted, and its staged outputs were removed before they were put in place"
}
