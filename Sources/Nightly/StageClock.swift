import Foundation
import Ingest

/// Wall time per stage, and the CPU time (user + system, every thread) it
/// used, logged as each ends: CPU over wall is how many cores the stage kept busy.
final class StageClock {
    private(set) var stages: [(String, Double)] = []
    /// CPU seconds per stage, in the order of `stages`.
    private(set) var cpu: [(String, Double)] = []
    private var last = Date()
    private var lastCPU = StepClock.processCPUSeconds()
    let start = Date()
    private let log: (String) -> Void

    init(log: @escaping (String) -> Void) {
        self.log = log
    }

    func lap(_ stage: String) {
        let now = Date()
        let nowCPU = StepClock.processCPUSeconds()
        let wall = now.timeIntervalSince(last)
        let used = nowCPU - lastCPU
        stages.append((stage, wall))
        cpu.append((stage, used))
        log(String(format: "stage %@: %.3f s, %.3f s CPU (%.2f cores busy)", stage, wall, used,
                   wall > 0 ? used / wall : 0))
        last = now
        lastCPU = nowCPU
    }
}
