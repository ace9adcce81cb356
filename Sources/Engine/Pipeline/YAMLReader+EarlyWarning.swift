import Yams

extension YAMLReader {
    /// `early_warning:` — key file, hard signals, outlier indicators and thresholds.
    func earlyWarning(_ node: Node) throws -> EarlyWarningSpecification {
        let integers: [(String, WritableKeyPath<EarlyWarningSettings, Int>, ClosedRange<Int>)] = [
            ("village_nights", \.villageNights, 1...100_000), ("overdue_days", \.overdueDays, 0...3650),
            ("pending_band_days", \.pendingBandDays, 0...3650), ("surge_days", \.surgeDays, 1...366),
            ("surge_min_windows", \.surgeMinimumWindows, 1...1000),
            ("surge_windows", \.surgeBaselineWindows, 1...1000),
            ("surge_min_inclusions", \.surgeMinimumInclusions, 0...1_000_000),
            ("outlier_nights", \.outlierNights, 2...3650), ("outlier_min_nights", \.outlierMinimumNights, 2...3650),
        ]
        let decimals: [(String, WritableKeyPath<EarlyWarningSettings, Double>, ClosedRange<Double>)] = [
            ("income_fall_share", \.incomeFallShare, 0...1), ("surge_factor", \.surgeFactor, 0...1000),
            ("outlier_cutoff", \.outlierCutoff, 0...1000),
        ]
        let fields = try mapping(node, allowed: ["key_file", "hard_signals", "outlier_indicators"]
                                    + integers.map(\.0) + decimals.map(\.0))
        var result = EarlyWarningSpecification()
        result.keyFile = try fields["key_file"].map { try string($0) }
        for (key, path, range) in integers {
            if let value = fields[key] { result.settings[keyPath: path] = try integer(value, in: range) }
        }
        for (key, path, range) in decimals {
            if let value = fields[key] { result.settings[keyPath: path] = try decimal(value, in: range, key) }
        }
        if result.settings.pendingBandDays < result.settings.overdueDays {
            throw error(at: fields["pending_band_days"] ?? node, "pending_band_days must not be below overdue_days")
        }
        if let signalsNode = fields["hard_signals"] {
            result.signals = try signals(signalsNode)
            guard result.signals.count <= 16 else { throw error(at: signalsNode, "at most 16 hard signals") }
        }
        if let names = fields["outlier_indicators"] {
            guard case .sequence(let sequence) = names else {
                throw error(at: names, "expected a list of indicator ids, e.g. [monitoring_accuracy]")
            }
            result.outlierIndicators = try sequence.map { try string($0) }
            result.outlierLocations = sequence.map { location(of: $0) }
        }
        return result
    }
}
