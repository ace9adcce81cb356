import Foundation
import Warehouse

/// Opening the warehouse from a command: every command repairs a publish
/// that a killed run left half-done before it uses the figures.
public enum WarehouseAccess {
    /// Opens the warehouse for a run (lock held) and repairs pending publications.
    /// - Throws: `NightFailure` with exit 5 when another run holds the lock, 6 when it cannot be opened or repaired.
    public static func openForRun(path: String, log: @Sendable (String) -> Void) throws -> Warehouse {
        let warehouse: Warehouse
        do {
            warehouse = try Warehouse.open(path: path)
        } catch let error as WarehouseError {
            if case .busy = error { throw NightFailure(.warehouseBusy, "error: \(error)") }
            throw NightFailure(.outputFailed, "error: \(error)")
        } catch {
            throw NightFailure(.outputFailed, "error: \(error)")
        }
        do {
            try NightRecovery.repair(warehouse).forEach(log)
        } catch {
            throw NightFailure(.outputFailed, "error: \(error)")
        }
        return warehouse
    }

    /// Opens the warehouse for reading (`history`, `diff`). When a killed run
    /// left a publish half-done and no run holds the lock, it is repaired
    /// first; on a warehouse this user may only read, or while a run holds
    /// the lock, the figures are read as they are.
    public static func openForReading(path: String, log: @Sendable (String) -> Void) throws -> Warehouse {
        let reader = try Warehouse.openForReading(path: path)
        guard try !reader.pendingPublications().isEmpty else { return reader }
        guard access(path, W_OK) == 0, access((path as NSString).deletingLastPathComponent.isEmpty
                                              ? "." : (path as NSString).deletingLastPathComponent, W_OK) == 0 else {
            log("warning: a publish in \(path) was left half-done and this user cannot repair it; "
                + "run any bottomline command on it as its owner")
            return reader
        }
        try reader.close()
        do {
            let writer = try Warehouse.open(path: path)
            try NightRecovery.repair(writer).forEach(log)
            try writer.close()
        } catch WarehouseError.busy {
            // A run is publishing right now; it finishes its own publish.
        }
        return try Warehouse.openForReading(path: path)
    }
}
