import Engine

extension ReportPage {
    /// The three-dimensional evaluation (监测准确 — 帮扶覆盖 — 风险消除): one
    /// panel per county with each dimension's indicators against their
    /// targets; the counties that miss any target first, then by code.
    var evaluationSection: String {
        let dimensions = inputs.evaluation.map { dimension in
            (dimension, dimension.indicators.compactMap { table.indicatorIndex($0) })
        }
        let judged = dimensions.flatMap(\.1)
        guard !judged.isEmpty, !counties.isEmpty else { return "" }
        let ordered = Self.evaluationOrder(table, counties: counties, indicators: judged)
        let missing = ordered.filter(\.missed).count
        var out = "<section id=\"evaluation\">\n<h2>\(esc(language.pick("三维评价：监测准确 · 帮扶覆盖 · 风险消除", "Evaluation: accuracy · coverage · elimination")))</h2>\n"
        out += "<p class=\"meta\">\(esc(language.pick("\(missing) 个县有未达标项，列在前面。", "\(missing) counties miss a target; they come first.")))</p>\n"
        out += "<div class=\"panels\">\n"
        for (county, missed) in ordered {
            let area = table.areas[county]
            out += "<div class=\"panel\(missed ? " missed" : "")\" id=\"evaluation-\(esc(area.code))\">"
            out += "<h3>\(esc(area.name)) <span class=\"code\">\(esc(area.code))</span></h3>\n<table class=\"compact\"><tbody>\n"
            for (dimension, indicators) in dimensions where !indicators.isEmpty {
                out += "<tr class=\"dimension\"><th colspan=\"3\">\(esc(language.pick(dimension.labelZH, dimension.labelEN)))</th></tr>\n"
                for indicator in indicators {
                    let definition = table.indicators[indicator]
                    out += "<tr><td>\(esc(CountySummary.label(definition, language)))</td>"
                    out += numberCell(CountySummary.cell(table, area: county, indicator: indicator), definition)
                    out += "<td>\(esc(definition.target.map { FigureText.target($0, definition) } ?? ""))</td></tr>\n"
                }
            }
            out += "</tbody></table></div>\n"
        }
        out += "</div>\n</section>\n"
        return out
    }

    /// Counties with whether they miss any of `indicators`' targets: those that do first, each part by code.
    static func evaluationOrder(_ table: IndicatorTable, counties: [Int], indicators: [Int]) -> [(county: Int, missed: Bool)] {
        let marked = counties.map { county in
            (county, indicators.contains { CountySummary.cell(table, area: county, indicator: $0).missed })
        }
        return marked.filter(\.1) + marked.filter { !$0.1 }
    }
}
