import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Live progress on standard error when it is a terminal: stage, rows, MB/s
/// and time left, redrawn in place at most ten times a second. When standard
/// error is a file (cron), it stays silent and the one-line-per-stage log
/// says what happened.
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var started: [String: Date] = [:]
    private var lastDrawn = Date.distantPast
    let enabled = isatty(STDERR_FILENO) != 0

    /// Shows `stage` at `done` of `total` units (bytes or items), with `rows`
    /// and, when known, megabytes so far (else the rate is in rows per second).
    func update(_ stage: String, done: Int, total: Int, rows: Int, bytes: Int?) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let start = started[stage] ?? now
        started[stage] = start
        guard done >= total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let elapsed = now.timeIntervalSince(start)
        let share = total > 0 ? Double(done) / Double(total) : 1
        let rate = elapsed > 0 ? (bytes.map { Double($0) / 1_000_000 } ?? Double(rows)) / elapsed : 0
        let left = share > 0 ? elapsed * (1 - share) / share : 0
        let line = String(format: "\r%@  %3.0f%%  %d rows  %.0f %@  ETA %.1f s\u{1B}[K", stage, share * 100, rows, rate,
                          bytes == nil ? "rows/s" : "MB/s", left)
        FileHandle.standardError.write(Data(line.utf8))
        if done >= total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
