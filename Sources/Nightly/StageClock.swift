import Foundation

/// Wall time per stage, logged as each ends.
final class StageClock {
    private(set) var stages: [(String, Double)] = []
    private var last = Date()
    let start = Date()
    private let log: (String) -> Void

    init(log: @escaping (String) -> Void) {
        self.log = log
    }

    func lap(_ stage: String) {
        let now = Date()
        stages.append((stage, now.timeIntervalSince(last)))
        log(String(format: "stage %@: %.3f s", stage, now.timeIntervalSince(last)))
        last = now
    }
}
