import Engine

extension ReportPage {
    /// One bar chart of all counties per headline indicator.
    var chartsSection: String {
        guard !keyIndicators.isEmpty, !counties.isEmpty else { return "" }
        var out = "<section id=\"charts\" class=\"charts\">\n<h2>\(esc(language.pick("主要指标分县情况", "Headline figures by county")))</h2>\n"
        for indicator in keyIndicators {
            let definition = table.indicators[indicator]
            let bars = counties.map { area -> BarChart.Bar in
                let cell = CountySummary.cell(table, area: area, indicator: indicator)
                return BarChart.Bar(code: table.areas[area].code, label: table.areas[area].name, value: cell.value,
                                    text: display(cell, definition), missed: cell.missed)
            }
            var caption = CountySummary.label(definition, language)
            if let target = definition.target {
                let missing = bars.filter(\.missed).count
                caption += " · " + language.pick("目标 ", "target ") + FigureText.target(target, definition)
                caption += " · " + language.pick("未达标 \(missing) 个县", "\(missing) counties missing")
            }
            let chart = BarChart(definition: definition, bars: BarChart.sorted(bars, target: definition.target),
                                 language: language, caption: caption)
            out += "<figure id=\"chart-\(esc(definition.id))\">\n" + chart.svg + "\n</figure>\n"
        }
        out += "</section>\n"
        return out
    }

    /// The county summary as a table: subtotals after each prefecture, the province last.
    var countyTableSection: String {
        var out = "<section id=\"counties\">\n<h2>\(esc(language.pick("分县汇总", "County summary")))</h2>\n"
        out += "<p class=\"note\">\(esc(language.pick("▼ 表示未达到目标；市（州）小计和全省合计由分子、分母加总后计算。", "▼ marks a missed target; subtotals and the province total add up numerators and denominators, then divide.")))</p>\n"
        out += "<div class=\"wide\"><table>" + headerRow(summary.header(language)) + "<tbody>\n"
        for row in summary.rows {
            let area = summary.area(row)
            switch row.kind {
            case .county: out += "<tr>"
            case .prefectureSubtotal, .groupSubtotal: out += "<tr class=\"subtotal\">"
            case .province: out += "<tr class=\"province\">"
            }
            out += "<td>\(esc(CountySummary.levelLabel(row.kind, language)))</td><td>\(esc(area.code))</td><td>\(esc(area.name))</td>"
            for indicator in summary.columns {
                out += numberCell(summary.cell(row, column: indicator), table.indicators[indicator])
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n</section>\n"
        return out
    }
}
