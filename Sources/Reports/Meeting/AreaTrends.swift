/// The headline indicators' values by area over the last nights in the
/// warehouse, for the workbook's trend sheet.
public struct AreaTrends: Sendable, Equatable {
    /// The nights, oldest first (tonight is not among them).
    public var dates: [String]
    /// Indicator id → area code → one value per date (nil when not published or undefined).
    public var values: [String: [String: [Double?]]]

    public init(dates: [String] = [], values: [String: [String: [Double?]]] = [:]) {
        self.dates = dates
        self.values = values
    }

    /// The value of an area on the `night`-th date.
    public func value(_ indicatorID: String, code: String, night: Int) -> Double? {
        guard let series = values[indicatorID]?[code], night < series.count else { return nil }
        return series[night]
    }
}
