import Engine

extension ReportPage {
    /// For each county group (the key counties): every headline indicator for
    /// the group, for the rest of the province and for the province.
    var groupComparisonSection: String {
        let groups = table.areaIndices(at: .group)
        guard let province, !groups.isEmpty, !keyIndicators.isEmpty else { return "" }
        var out = "<section id=\"groups\">\n<h2>\(esc(language.pick("重点帮扶县与其他县", "Key counties and the rest")))</h2>\n"
        out += "<p class=\"note\">\(esc(language.pick("其他县 = 全省减去该组各县，分子、分母相减后计算。", "The rest = the province less the group's counties, numerators and denominators subtracted, then divided.")))</p>\n"
        for group in groups {
            let name = table.areas[group].name
            out += "<table class=\"compact\" id=\"group-\(esc(table.areas[group].code))\">"
            out += headerRow([language.pick("指标", "indicator"), name, language.pick("其他县", "the rest"),
                              language.pick("全省", "province"), language.pick("目标", "target")])
            out += "<tbody>\n"
            for indicator in keyIndicators {
                let definition = table.indicators[indicator]
                let rest = Self.restCell(table, province: province, group: group, indicator: indicator)
                out += "<tr><td>\(esc(CountySummary.label(definition, language)))</td>"
                out += numberCell(CountySummary.cell(table, area: group, indicator: indicator), definition)
                out += numberCell(rest, definition)
                out += numberCell(CountySummary.cell(table, area: province, indicator: indicator), definition)
                out += "<td>\(esc(definition.target.map { FigureText.target($0, definition) } ?? ""))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "</section>\n"
        return out
    }

    /// The province less a group: numerators and denominators subtracted, divided once.
    static func restCell(_ table: IndicatorTable, province: Int, group: Int, indicator: Int) -> CountySummary.Cell {
        let definition = table.indicators[indicator]
        let numerator = table.numerator(area: province, indicator: indicator) - table.numerator(area: group, indicator: indicator)
        let denominator = table.denominator(area: province, indicator: indicator) - table.denominator(area: group, indicator: indicator)
        let value: Double? = definition.isRatio ? (denominator == 0 ? nil : Double(numerator) / Double(denominator)) : Double(numerator)
        let missed = value.map { definition.target?.isMet(by: $0) == false } ?? false
        return CountySummary.Cell(value: value, text: FigureText.text(numerator: numerator, denominator: denominator, definition),
                                  missed: missed)
    }
}
