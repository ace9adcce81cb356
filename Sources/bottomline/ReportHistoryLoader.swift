import Engine
import Reports
import Warehouse

/// Reads the nights before tonight from the warehouse for the report: a trend
/// per headline indicator (province) and the latest earlier night's values
/// (province and counties) for the night-over-night changes.
struct ReportHistoryLoader {
    let warehouse: Warehouse
    /// Nights shown in a trend line.
    let trendNights = 30

    /// The history before `date`, or nil when no earlier night is published.
    func history(before date: String, table: IndicatorTable) throws -> ReportHistory? {
        let earlier = try warehouse.publishedDates().filter { $0 < date }
        guard let previousDate = earlier.last else { return nil }
        let known = table.indicators.filter { (try? warehouse.history(indicator: $0.id, level: .province, last: 1)) != nil }
        var trends: [IndicatorTrend] = []
        for indicator in known where indicator.isKey {
            let history = try warehouse.history(indicator: indicator.id, level: .province, last: trendNights + 1)
            let points = history.points.filter { $0.date < date }.compactMap { point in
                point.value.map { HistoryPoint(date: point.date, value: $0) }
            }
            trends.append(IndicatorTrend(indicatorID: indicator.id, points: Array(points.suffix(trendNights))))
        }
        var values: [String: [String: Double]] = [:]
        for indicator in known {
            for level in [RollupLevel.province, .county] {
                let history = try warehouse.history(indicator: indicator.id, level: level, last: nil)
                for point in history.points where point.date == previousDate {
                    if let value = point.value { values[point.code, default: [:]][indicator.id] = value }
                }
            }
        }
        var history = ReportHistory(trends: trends, previous: NightValues(date: previousDate, values: values), table: table)
        history.areaTrends = try areaTrends(before: date, known: known.filter(\.isKey))
        return history
    }

    /// The headline indicators by province and county over the last `trendNights` nights before `date`.
    private func areaTrends(before date: String, known: [IndicatorDefinition]) throws -> AreaTrends {
        let dates = Array(try warehouse.publishedDates().filter { $0 < date }.suffix(trendNights))
        let position = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        var trends = AreaTrends(dates: dates)
        for indicator in known {
            var byCode: [String: [Double?]] = [:]
            for level in [RollupLevel.province, .county] {
                let history = try warehouse.history(indicator: indicator.id, level: level, last: trendNights + 1)
                for point in history.points {
                    guard let night = position[point.date] else { continue }
                    byCode[point.code, default: [Double?](repeating: nil, count: dates.count)][night] = point.value
                }
            }
            trends.values[indicator.id] = byCode
        }
        return trends
    }
}
