import Engine

extension ReportPage {
    /// One small table per broken-down indicator (by monitoring type, by risk
    /// type): the province, the county groups and the prefectures as rows,
    /// the field's values as columns.
    var breakdownSection: String {
        let breakdowns = Self.breakdowns(table)
        guard !breakdowns.isEmpty else { return "" }
        let rows = table.areaIndices(at: .province) + table.areaIndices(at: .group) + table.areaIndices(at: .prefecture)
        var out = "<section id=\"breakdowns\">\n<h2>\(esc(language.pick("分类构成", "Breakdowns")))</h2>\n"
        for (id, columns) in breakdowns {
            let first = table.indicators[columns[0]]
            let title = language.pick(first.labelZH.components(separatedBy: "：").first ?? id,
                                      first.labelEN.components(separatedBy: ": ").first ?? id)
            out += "<h3>\(esc(title))</h3>\n<table class=\"compact\" id=\"breakdown-\(esc(id))\">"
            out += headerRow([language.pick("地区", "area")] + columns.map { column in
                let breakdown = table.indicators[column].breakdown
                return language.pick(breakdown?.valueLabelZH ?? "", breakdown?.value ?? "")
            })
            out += "<tbody>\n"
            for area in rows {
                out += "<tr><td>\(esc(table.areas[area].name))</td>"
                for column in columns {
                    out += numberCell(CountySummary.cell(table, area: area, indicator: column), table.indicators[column])
                }
                out += "</tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if Self.hasSetBreakdown(table, breakdowns) {
            out += "<p class=\"note\">\(esc(language.pick("按多选字段（如风险类型）分时，一户可计入多类，各类之和可大于总数。", "By a set field (such as risk types), a household counts in each value it holds, so the values may add up to more than the total.")))</p>\n"
        }
        out += "</section>\n"
        return out
    }

    /// Broken-down indicators in catalogue order, each with its value columns.
    static func breakdowns(_ table: IndicatorTable) -> [(id: String, columns: [Int])] {
        var result: [(id: String, columns: [Int])] = []
        for (index, definition) in table.indicators.enumerated() {
            guard let breakdown = definition.breakdown else { continue }
            if result.last?.id == breakdown.indicator {
                result[result.count - 1].columns.append(index)
            } else {
                result.append((breakdown.indicator, [index]))
            }
        }
        return result
    }

    private static func hasSetBreakdown(_ table: IndicatorTable, _ breakdowns: [(id: String, columns: [Int])]) -> Bool {
        breakdowns.contains { table.indicators[$0.columns[0]].breakdown?.isSet == true }
    }
}
