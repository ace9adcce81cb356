import Engine

/// What the report shows of the nights before tonight: a trend per headline
/// indicator (province) and the latest earlier night's values (province and counties).
public struct EarlierNights: Sendable, Equatable {
    /// One night's value of an indicator.
    public struct Point: Sendable, Equatable {
        public let date: String
        public let value: Double
    }

    /// The province's values of one headline indicator, oldest first.
    public struct Trend: Sendable, Equatable {
        public let indicator: String
        public let points: [Point]
    }

    public let trends: [Trend]
    /// The latest published date before tonight.
    public let previousDate: String
    /// That night's values by area code, then indicator id (province and counties).
    public let previousValues: [String: [String: Double]]
    /// The last `trendNights` nights before tonight, oldest first, for `areaValues`.
    public var areaDates: [String] = []
    /// The headline indicators by province and county over `areaDates`: indicator id →
    /// area code → one value per date (nil when not published or undefined).
    public var areaValues: [String: [String: [Double?]]] = [:]
}

extension Warehouse {
    /// The nights published before `date`, for `indicators`, or nil when there is none.
    /// - Parameter trendNights: nights shown in a trend line.
    public func earlierNights(before date: String, indicators: [IndicatorDefinition],
                              trendNights: Int = 30) throws -> EarlierNights? {
        let earlier = try publishedDates().filter { $0 < date }
        guard let previousDate = earlier.last else { return nil }
        let known = indicators.filter { (try? history(indicator: $0.id, level: .province, last: 1)) != nil }
        var trends: [EarlierNights.Trend] = []
        for indicator in known where indicator.isKey {
            let history = try history(indicator: indicator.id, level: .province, last: trendNights + 1)
            let points = history.points.filter { $0.date < date }.compactMap { point in
                point.value.map { EarlierNights.Point(date: point.date, value: $0) }
            }
            trends.append(EarlierNights.Trend(indicator: indicator.id, points: Array(points.suffix(trendNights))))
        }
        var values: [String: [String: Double]] = [:]
        for indicator in known {
            for level in [RollupLevel.province, .county] {
                let history = try history(indicator: indicator.id, level: level, last: nil)
                for point in history.points where point.date == previousDate {
                    if let value = point.value { values[point.code, default: [:]][indicator.id] = value }
                }
            }
        }
        var nights = EarlierNights(trends: trends, previousDate: previousDate, previousValues: values)
        nights.areaDates = Array(earlier.suffix(trendNights))
        nights.areaValues = try areaValues(dates: nights.areaDates, indicators: known.filter(\.isKey))
        return nights
    }

    /// The indicators by province and county on `dates`, one value per date.
    private func areaValues(dates: [String], indicators: [IndicatorDefinition]) throws -> [String: [String: [Double?]]] {
        let position = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        var values: [String: [String: [Double?]]] = [:]
        for indicator in indicators {
            var byCode: [String: [Double?]] = [:]
            for level in [RollupLevel.province, .county] {
                for point in try history(indicator: indicator.id, level: level, last: dates.count + 1).points {
                    guard let night = position[point.date] else { continue }
                    byCode[point.code, default: [Double?](repeating: nil, count: dates.count)][night] = point.value
                }
            }
            values[indicator.id] = byCode
        }
        return values
    }
}
