import Engine

extension ReportPage {
    /// Counties in each ranking beside a map.
    static let rankedCounties = 10

    /// One county map per headline indicator, each with the ten counties
    /// furthest from the target and the ten best; county codes the map lacks
    /// are named above the maps.
    var mapsSection: String {
        guard let map, !keyIndicators.isEmpty, !counties.isEmpty else { return "" }
        var out =
            "<section id=\"maps\" class=\"maps\">\n<h2>\(esc(language.pick("主要指标分县地图", "Headline figures by county")))</h2>\n"
        let missing = map.missingCodes(counties.map { table.areas[$0].code })
        if !missing.isEmpty {
            let names = missing.map { countyName($0) + " " + $0 }.joined(separator: language.pick("、", ", "))
            out +=
                "<p class=\"restricted\" id=\"map-gaps\">"
                + esc(
                    language.pick(
                        "地图文件中没有以下 \(missing.count) 个县的边界，地图上不显示，请以表格为准：\(names)",
                        "The map file has no outline for these \(missing.count) counties, so the maps do not show them; see the tables: \(names)"
                    )) + "</p>\n"
        }
        out += ChoroplethMap.outlines(map) + "\n"
        for indicator in keyIndicators {
            out += mapFigure(map, indicator: indicator)
        }
        out +=
            "<p class=\"note\">"
            + esc(
                language.pick("边界：", "Boundaries: ") + map.source + language.pick("；许可：", "; licence: ")
                    + map.licence) + "</p>\n"
        out += "</section>\n"
        return out
    }

    private func mapFigure(_ map: CountyMap, indicator: Int) -> String {
        let definition = table.indicators[indicator]
        var figures: [String: ChoroplethMap.Figure] = [:]
        var bars: [BarChart.Bar] = []
        for area in counties {
            let cell = CountySummary.cell(table, area: area, indicator: indicator)
            let code = table.areas[area].code
            let text = display(cell, definition)
            figures[code] = ChoroplethMap.Figure(value: cell.value, text: text, missed: cell.missed)
            bars.append(
                BarChart.Bar(
                    code: code, label: table.areas[area].name, value: cell.value, text: text, missed: cell.missed))
        }
        var caption = CountySummary.label(definition, language)
        if let target = definition.target {
            caption += " · " + language.pick("目标 ", "target ") + FigureText.target(target, definition)
            caption +=
                " · "
                + language.pick(
                    "未达标 \(bars.filter(\.missed).count) 个县", "\(bars.filter(\.missed).count) counties missing")
        }
        let chart = ChoroplethMap(
            map: map, definition: definition, figures: figures, language: language, caption: caption)
        let ranked = BarChart.sorted(bars.filter { $0.value != nil }, target: definition.target)
        let worst = Array(ranked.prefix(Self.rankedCounties))
        let best = Array(ranked.reversed().prefix(Self.rankedCounties))
        let targeted = definition.target != nil
        let worstTitle =
            targeted
            ? language.pick("离目标最远的 \(worst.count) 个县", "\(worst.count) counties furthest from the target")
            : language.pick("最高的 \(worst.count) 个县", "\(worst.count) highest counties")
        let bestTitle =
            targeted
            ? language.pick("最好的 \(best.count) 个县", "\(best.count) best counties")
            : language.pick("最低的 \(best.count) 个县", "\(best.count) lowest counties")
        var out = "<figure id=\"map-\(esc(definition.id))\" class=\"map\">\n<div class=\"map-grid\">\n"
        out += "<div class=\"map-cell\">" + chart.svg + "</div>\n<div class=\"rank-cell\">"
        out += BarChart(definition: definition, bars: worst, language: language, caption: worstTitle, width: 560).svg
        out += BarChart(definition: definition, bars: best, language: language, caption: bestTitle, width: 560).svg
        out += "</div>\n</div>\n</figure>\n"
        return out
    }
}
