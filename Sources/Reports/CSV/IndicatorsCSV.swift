import Engine

/// `indicators.csv`, the long output of the catalogue: one row per (level,
/// code, indicator), in the table's area order then catalogue order.
public enum IndicatorsCSV {
    public static let header = "level,code,name,indicator,numerator,denominator,value"

    /// The whole file as UTF-8 text (no BOM: it is read by programs as much as by people).
    public static func text(_ table: IndicatorTable) -> String {
        var out = header + "\n"
        out.reserveCapacity(table.areas.count * table.indicators.count * 48)
        // Ids are checked names already (a–z, 0–9, '_'); quoted anyway in case a table comes from elsewhere.
        let ids = table.indicators.map { CSVText.feedText($0.id) }
        for (areaIndex, area) in table.areas.enumerated() {
            let prefix = area.level.rawValue + "," + CSVText.feedText(area.code) + "," + CSVText.feedText(area.name) + ","
            for (indicatorIndex, indicator) in table.indicators.enumerated() {
                out += prefix
                out += ids[indicatorIndex]
                out += ","
                if !table.unavailable.contains(indicatorIndex) {
                    out += String(table.numerator(area: areaIndex, indicator: indicatorIndex))
                }
                out += ","
                if indicator.isRatio { out += String(table.denominator(area: areaIndex, indicator: indicatorIndex)) }
                out += ","
                out += table.formattedValue(area: areaIndex, indicator: indicatorIndex)
                out += "\n"
            }
        }
        return out
    }
}
