import Engine

extension ReportPage {
    /// At most this many target changes are listed, newly missed first.
    static let changeRows = 40

    /// The province's headline figures against their targets, with a trend when there is history.
    var headlineSection: String {
        guard let province, !keyIndicators.isEmpty else { return "" }
        var out = "<section id=\"headline\">\n<h2>\(esc(language.pick("全省主要指标", "Province headline figures")))</h2>\n"
        out += "<div class=\"cards\">\n"
        for indicator in keyIndicators {
            let definition = table.indicators[indicator]
            let cell = CountySummary.cell(table, area: province, indicator: indicator)
            let state = definition.target == nil ? "untargeted" : (cell.missed ? "missed" : "met")
            out += "<div class=\"card \(state)\">"
            out += "<div class=\"label\">\(esc(CountySummary.label(definition, language)))</div>"
            let value = cell.value == nil ? language.pick("无数据", "no data") : display(cell, definition)
            out += "<div class=\"value\">\(esc(value + (cell.missed ? CountySummary.missedMark : "")))</div>"
            if let target = definition.target {
                out += "<div class=\"target\">" + esc(language.pick("目标 ", "Target ") + FigureText.target(target, definition))
                if cell.value != nil {
                    out += " <span class=\"badge \(cell.missed ? "missed" : "met")\">"
                    out += esc(cell.missed ? language.pick("未达标", "missed") : language.pick("达标", "met")) + "</span>"
                }
                out += "</div>"
                let missing = counties.filter { CountySummary.cell(table, area: $0, indicator: indicator).missed }.count
                out += "<div class=\"counties\">"
                out += esc(language.pick("未达标县 \(missing) / \(counties.count)", "Counties missing: \(missing) of \(counties.count)"))
                out += "</div>"
            }
            if let points = trendPoints(indicator, province: province), points.count > 1 {
                out += TrendChart(definition: definition, points: points).svg
            }
            out += "</div>\n"
        }
        out += "</div>\n</section>\n"
        return out
    }

    /// The history's points of one indicator, with tonight's value added when it is not the last point.
    func trendPoints(_ indicator: Int, province: Int) -> [HistoryPoint]? {
        let definition = table.indicators[indicator]
        guard let history = inputs.history else { return nil }
        var points = history.trends.first { $0.indicatorID == definition.id }?.points ?? []
        if points.last?.date != inputs.runDate, let tonight = table.value(area: province, indicator: indicator) {
            points.append(HistoryPoint(date: inputs.runDate, value: tonight))
        }
        return points
    }

    /// Night-over-night changes: targets newly met or missed, and the largest county moves.
    var changesSection: String {
        guard let history = inputs.history else { return "" }
        var out = "<section id=\"changes\">\n<h2>\(esc(language.pick("与上一日相比", "Since the previous night")))</h2>\n"
        guard let previousDate = history.previousDate else {
            out += "<p class=\"note\">\(esc(language.pick("仓库中没有上一日的数据可比。", "The warehouse has no earlier night to compare with.")))</p>\n</section>\n"
            return out
        }
        out += "<p class=\"meta\">" + esc(language.pick("比较 \(previousDate) 与 \(inputs.runDate)。", "Comparing \(previousDate) with \(inputs.runDate).")) + "</p>\n"
        out += "<h3>\(esc(language.pick("目标达成变化", "Targets newly met or missed")))</h3>\n"
        if history.targetChanges.isEmpty {
            out += "<p class=\"note\">\(esc(language.pick("没有地区跨过目标线。", "No area crossed a target line.")))</p>\n"
        } else {
            out += "<div class=\"wide\"><table>" + headerRow([
                language.pick("指标", "Indicator"), language.pick("地区", "Area"), language.pick("代码", "Code"),
                language.pick("上一日", "Previous"), language.pick("今日", "Tonight"), language.pick("变化", "Change"),
            ]) + "<tbody>\n"
            let ordered = history.targetChanges.filter { !$0.nowMet } + history.targetChanges.filter(\.nowMet)
            for change in ordered.prefix(Self.changeRows) {
                guard let indicator = table.indicatorIndex(change.indicatorID) else { continue }
                let definition = table.indicators[indicator]
                let status = change.nowMet ? language.pick("新达标", "newly met")
                    : language.pick("新未达标", "newly missed") + CountySummary.missedMark
                out += "<tr><td>\(esc(CountySummary.label(definition, language)))</td><td>\(esc(change.name))</td>"
                out += "<td>\(esc(change.code))</td><td class=\"num\">\(esc(FigureText.text(value: change.previous, definition)))</td>"
                out += "<td class=\"num\(change.nowMet ? "" : " missed")\">\(esc(FigureText.text(value: change.current, definition)))</td>"
                out += "<td>\(esc(status))</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
            if ordered.count > Self.changeRows {
                let more = ordered.count - Self.changeRows
                out += "<p class=\"note\">\(esc(language.pick("另有 \(more) 项未列出。", "\(more) more not listed.")))</p>\n"
            }
        }
        out += "<h3>\(esc(language.pick("变化最大的县", "Largest county moves")))</h3>\n"
        if history.countyMovers.isEmpty {
            out += "<p class=\"note\">\(esc(language.pick("主要指标在各县均无变化。", "No county's headline figures moved.")))</p>\n"
        } else {
            out += "<div class=\"wide\"><table>" + headerRow([
                language.pick("指标", "Indicator"), language.pick("县", "County"), language.pick("代码", "Code"),
                language.pick("上一日", "Previous"), language.pick("今日", "Tonight"), language.pick("变化", "Change"),
            ]) + "<tbody>\n"
            for move in history.countyMovers {
                guard let indicator = table.indicatorIndex(move.indicatorID) else { continue }
                let definition = table.indicators[indicator]
                out += "<tr><td>\(esc(CountySummary.label(definition, language)))</td><td>\(esc(move.name))</td>"
                out += "<td>\(esc(move.code))</td><td class=\"num\">\(esc(FigureText.text(value: move.previous, definition)))</td>"
                out += "<td class=\"num\">\(esc(FigureText.text(value: move.current, definition)))</td>"
                out += "<td class=\"num\">\(esc(FigureText.change(move.change, definition, language)))</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
        }
        out += "</section>\n"
        return out
    }
}
