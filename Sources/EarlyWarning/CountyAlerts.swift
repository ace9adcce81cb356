import Engine
import Foundation
import Ingest

/// The alert rules, county by county, over tonight's table (with its flows)
/// and the county's earlier nights.
struct CountyAlerts {
    let table: IndicatorTable
    let history: AlertHistory
    let settings: EarlyWarningSettings
    let night: Int32
    let watched: [String]
    /// Longest pending days of an overdue clue, by county code.
    let longestPending: [String: Int]

    func alerts() -> [CountyAlert] {
        var result: [CountyAlert] = []
        for area in table.areaIndices(at: .county) {
            let county = table.areas[area]
            result += surge(area).map { [$0] } ?? []
            result += watched.compactMap { outlier(area, indicator: $0) }
            if let returns = count(area, "night_returns"), returns > 0 {
                result.append(CountyAlert(
                    countyCode: county.code, countyName: county.name, kind: .return, value: String(returns), threshold: "0",
                    reason: "\(returns) eliminated households with no hard signal on the previous night are at risk again "
                        + "or show a hard signal tonight (返贫风险)"))
            }
            if let overdue = table.indicatorIndex("pending_clues_by_age.0_\(settings.overdueDays)").map({ first in
                (1...2).map { table.numerator(area: area, indicator: first + $0) }.reduce(0, +)
            }), overdue > 0 {
                let longest = longestPending[county.code].map { ", the longest \($0) days" } ?? ""
                result.append(CountyAlert(
                    countyCode: county.code, countyName: county.name, kind: .overdueClues, value: String(overdue),
                    threshold: "0",
                    reason: "\(overdue) clue\(overdue == 1 ? "" : "s") pending more than \(settings.overdueDays) days\(longest)"))
            }
        }
        return result
    }

    private func count(_ area: Int, _ id: String) -> Int64? {
        guard let index = table.indicatorIndex(id), !table.unavailable.contains(index) else { return nil }
        return table.numerator(area: area, indicator: index)
    }

    /// New inclusions over the last window against the median of the county's earlier windows.
    private func surge(_ area: Int) -> CountyAlert? {
        guard let tonight = count(area, "night_new_inclusions") else { return nil }
        let county = table.areas[area]
        let days = Int32(settings.surgeDays)
        var windows = [Int64?](repeating: nil, count: settings.surgeBaselineWindows + 1)
        windows[0] = tonight
        for point in history.inclusions[county.code] ?? [] where point.day < night {
            let window = Int((night - point.day) / days)
            guard window < windows.count else { continue }
            windows[window] = (windows[window] ?? 0) + point.value
        }
        let earlier = windows.dropFirst().compactMap { $0 }.map(Double.init)
        guard earlier.count >= settings.surgeMinimumWindows, let last = windows[0] else { return nil }
        let median = RobustStatistics.median(earlier)
        let limit = settings.surgeFactor * median
        guard Double(last) > limit, last >= Int64(settings.surgeMinimumInclusions) else { return nil }
        let members = table.indicatorIndex("persons").map { table.numerator(area: area, indicator: $0) } ?? 0
        let rate = members > 0 ? Double(last) * 10_000 / Double(members) : nil
        let rateText = rate.map { String(format: " (%.1f per 10,000 members)", $0) } ?? ""
        return CountyAlert(
            countyCode: county.code, countyName: county.name, kind: .inclusionSurge, value: String(last),
            threshold: Self.number(limit),
            reason: "\(last) new inclusions in the \(settings.surgeDays) days to \(DayNumber.format(night))\(rateText), "
                + "above \(Self.number(settings.surgeFactor)) × \(Self.number(median)) = \(Self.number(limit)), the median of "
                + "\(earlier.count) earlier \(settings.surgeDays)-day windows, and at least \(settings.surgeMinimumInclusions)",
            perTenThousand: rate)
    }

    /// Tonight's value of a watched indicator against the county's recent nights.
    private func outlier(_ area: Int, indicator id: String) -> CountyAlert? {
        guard let index = table.indicatorIndex(id), let value = table.value(area: area, indicator: index) else { return nil }
        let county = table.areas[area]
        let baseline = Array((history.values[id]?[county.code] ?? []).suffix(settings.outlierNights))
        guard baseline.count >= settings.outlierMinimumNights,
              let score = RobustStatistics.modifiedZ(value, baseline: baseline), abs(score.z) > settings.outlierCutoff
        else { return nil }
        return CountyAlert(
            countyCode: county.code, countyName: county.name, kind: .outlier, value: String(format: "%.2f", score.z),
            threshold: Self.number(settings.outlierCutoff),
            reason: "\(id) is \(table.formattedValue(area: area, indicator: index)) tonight; over the \(baseline.count) "
                + "nights before, median \(Self.number(score.median)), MAD \(Self.number(score.mad)): modified z-score "
                + String(format: "%.2f", score.z) + " beyond ±\(Self.number(settings.outlierCutoff))",
            indicator: id)
    }

    /// A number without needless decimals (at most 4).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
