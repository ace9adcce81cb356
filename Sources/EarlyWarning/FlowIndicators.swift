import Engine

/// The flows as indicators of the long table (counts of households), after
/// the catalogue's: `night_*` compare tonight with the latest earlier night;
/// `pending_clues_by_age.*` break tonight's pending clues down by age band.
enum FlowIndicators {
    static func definitions(_ settings: EarlyWarningSettings) -> [IndicatorDefinition] {
        func count(_ id: String, _ zh: String, _ en: String, _ rule: String, breakdown: Breakdown? = nil) -> IndicatorDefinition {
            IndicatorDefinition(id: id, labelZH: zh, labelEN: en, entity: .household, numerator: rule, denominator: nil,
                                unit: "households", decimals: 0, target: nil, inSummary: false, isKey: false,
                                breakdown: breakdown)
        }
        let overdue = settings.overdueDays, band = settings.pendingBandDays
        let bands = [("0_\(overdue)", "0–\(overdue) 天", "0–\(overdue) days"),
                     ("\(overdue + 1)_\(band)", "\(overdue + 1)–\(band) 天", "\(overdue + 1)–\(band) days"),
                     ("over_\(band)", "\(band) 天以上", "over \(band) days")]
        return [
            count("night_new_clues", "当晚新增线索户", "New clues tonight", "clue_date set and not the previous night's"),
            count("night_new_inclusions", "当晚新纳入监测户", "New inclusions tonight", "monitored, not monitored the previous night"),
            count("night_new_eliminations", "当晚新消除风险户", "New eliminations tonight",
                  "eliminated, not eliminated the previous night"),
            count("night_returns", "当晚返贫风险户", "Returns to risk tonight",
                  "eliminated with no hard signal the previous night; at risk or with a hard signal tonight"),
            count("night_left_roster", "当晚退出名册户", "Left the roster tonight", "on the previous night's roster, not tonight's"),
            count("night_income_falls", "当晚人均收入下降\(Int((settings.incomeFallShare * 100).rounded()))%以上户",
                  "Income fell \(Int((settings.incomeFallShare * 100).rounded())) % or more tonight",
                  "income_per_capita at most \(1 - settings.incomeFallShare) × the previous night's"),
        ] + bands.map { band in
            count("pending_clues_by_age." + band.0, "待核实线索户（按天数）：" + band.1, "Pending clues by age: " + band.2,
                  "clue_outcome = pending, by reference_date - clue_date",
                  breakdown: Breakdown(indicator: "pending_clues_by_age", field: "clue_age", value: band.0,
                                       valueLabelZH: band.1, isSet: false))
        }
    }

    /// Rolls the comparison's counts up into every area (areas × flows).
    static func rollUp(_ comparison: NightComparison, chains: AreaChains, areaCount: Int) -> [Int64] {
        let width = Flow.allCases.count
        var counts = [Int64](repeating: 0, count: areaCount * width)
        for (cell, chain) in chains.cells.enumerated() {
            for area in chain {
                for k in 0..<width { counts[area * width + k] += comparison.cellCounts[cell * width + k] }
            }
        }
        for (village, chain) in chains.villages.enumerated() {
            for area in chain {
                for k in 0..<width { counts[area * width + k] += comparison.villageCounts[village * width + k] }
            }
        }
        if areaCount > 0 { counts[Flow.leftRoster.rawValue] += comparison.leftUnplaced }
        return counts
    }
}
