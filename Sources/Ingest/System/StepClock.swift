import Foundation

/// Wall and CPU time (user + system, every thread of the process) per step of
/// a stage, for the log: CPU over wall is how many cores the step kept busy.
public struct StepClock {
    /// The steps timed so far, in order.
    public private(set) var steps: [StepTime] = []
    private var last = Date()
    private var lastCPU = StepClock.processCPUSeconds()

    public init() {}

    /// Ends the step named `step` and starts the next.
    public mutating func lap(_ step: String) {
        let now = Date(), cpu = Self.processCPUSeconds()
        steps.append(StepTime(step: step, seconds: now.timeIntervalSince(last), cpuSeconds: cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// User + system CPU seconds of the whole process so far.
    public static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// One timed step.
public struct StepTime: Sendable {
    public let step: String
    /// Wall seconds.
    public let seconds: Double
    /// CPU seconds of every thread during the step.
    public let cpuSeconds: Double

    /// `STEP: W s, C s CPU`, for the log.
    public var description: String { String(format: "%@: %.3f s, %.3f s CPU", step, seconds, cpuSeconds) }
}
