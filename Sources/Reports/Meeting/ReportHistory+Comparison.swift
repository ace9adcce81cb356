import Engine

/// The values of one earlier night, as the warehouse keeps them.
public struct NightValues: Sendable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Value by area code, then indicator id (undefined values left out).
    public var values: [String: [String: Double]]

    public init(date: String, values: [String: [String: Double]]) {
        self.date = date
        self.values = values
    }
}

extension ReportHistory {
    /// A history whose night-over-night changes compare tonight's `table` with `previous`.
    ///
    /// Target changes cover the province and the counties, for every indicator
    /// with a target; movers are, for each headline (`isKey`) indicator, the
    /// `moversPerIndicator` counties with the largest absolute change (ties by code).
    public init(trends: [IndicatorTrend], previous: NightValues?, table: IndicatorTable, moversPerIndicator: Int = 5) {
        guard let previous else {
            self.init(trends: trends, previousDate: nil, targetChanges: [], countyMovers: [])
            return
        }
        let areas = table.areaIndices(at: .province) + table.areaIndices(at: .county)
        var changes: [TargetChange] = []
        var movers: [CountyMove] = []
        for (indicator, definition) in table.indicators.enumerated() {
            var moves: [CountyMove] = []
            for area in areas {
                let unit = table.areas[area]
                guard let current = table.value(area: area, indicator: indicator),
                      let before = previous.values[unit.code]?[definition.id] else { continue }
                if let target = definition.target, target.isMet(by: current) != target.isMet(by: before) {
                    changes.append(TargetChange(indicatorID: definition.id, level: unit.level, code: unit.code,
                                                name: unit.name, previous: before, current: current,
                                                nowMet: target.isMet(by: current)))
                }
                if definition.isKey, unit.level == .county, current != before {
                    moves.append(CountyMove(indicatorID: definition.id, code: unit.code, name: unit.name,
                                            previous: before, current: current))
                }
            }
            moves.sort { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.code < $1.code }
            movers += moves.prefix(moversPerIndicator)
        }
        self.init(trends: trends, previousDate: previous.date, targetChanges: changes, countyMovers: movers)
    }
}
