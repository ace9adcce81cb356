import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM during a run: the run is recorded as stopped
/// by that signal, its staging folder removed, and the process ends with
/// 130 or 143. A stop that arrives after the figures are committed waits
/// until the outputs are in place (the publish can no longer go back).
final class StopSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    /// Calls `stop` with the signal number on SIGINT or SIGTERM, on a background queue.
    init(stop: @escaping @Sendable (Int32) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Gives the signals back their default action.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// The exit status and the name of a stop signal.
    static func describe(_ number: Int32) -> (status: ExitStatus, name: String) {
        number == SIGINT ? (.interrupted, "SIGINT (Ctrl-C)") : (.terminated, "SIGTERM")
    }
}
