import Engine
import Ingest

/// The key counties for assistance (重点帮扶县): those `regions.csv` marks
/// with `key_county` = 1, and their subtotal (numerators and denominators
/// added up, then divided, like the prefecture subtotals).
struct KeyCounties {
    /// Positions in `IndicatorTable.areas`, in table order.
    let areas: [Int]

    init(table: IndicatorTable, quality: DataQuality) {
        areas = table.areaIndices(at: .county).filter { quality.keyCounties.contains(table.areas[$0].code) }
    }

    /// The 6-digit codes of the counties `regions.csv` marks `key_county` = 1.
    static func codes(_ ingest: IngestResult) -> Set<String> {
        guard let regions = ingest.tables[.regions] else { return [] }
        let flags = regions[Regions.keyCounty]
        let codes = regions[Regions.countyCode]
        var keyCodes = Set<String>()
        for (row, flag) in flags.enumerated() where flag == 1 && row < codes.count {
            keyCodes.insert(CodeText.digits(codes[row], width: 6))
        }
        return keyCodes
    }

    /// The subtotal of one indicator over the key counties.
    func subtotal(_ table: IndicatorTable, indicator: Int) -> CountySummary.Cell {
        let definition = table.indicators[indicator]
        let numerator = areas.reduce(Int64(0)) { $0 + table.numerator(area: $1, indicator: indicator) }
        let denominator = areas.reduce(Int64(0)) { $0 + table.denominator(area: $1, indicator: indicator) }
        let value: Double? =
            definition.isRatio
            ? (denominator == 0 ? nil : Double(numerator) / Double(denominator))
            : Double(numerator)
        return CountySummary.Cell(
            value: value,
            text: FigureText.text(numerator: numerator, denominator: denominator, definition),
            missed: value.map { definition.target?.isMet(by: $0) == false } ?? false)
    }
}
