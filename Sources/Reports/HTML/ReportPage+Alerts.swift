import Engine

extension ReportPage {
    /// The first section: tonight's county alerts with their reasons; surges also per 10,000 members.
    var alertsSection: String {
        guard let warning = inputs.earlyWarning else { return "" }
        var out = "<section id=\"alerts\">\n<h2>\(esc(language.pick("预警", "Alerts")))</h2>\n"
        if let note = warning.note { out += "<p class=\"meta\">" + esc(note) + "</p>\n" }
        if let compared = warning.comparedWith {
            out += "<p class=\"meta\">" + esc(language.pick("与 \(compared) 相比", "Compared with \(compared)")) + "</p>\n"
        }
        guard !warning.alerts.isEmpty else {
            return out + "<p>" + esc(language.pick("今晚没有预警。", "No alert tonight.")) + "</p>\n</section>\n"
        }
        out += "<div class=\"wide\"><table>" + headerRow([
            language.pick("县", "County"), language.pick("预警", "Alert"), language.pick("数值", "Value"),
            language.pick("阈值", "Threshold"), language.pick("每万人", "Per 10,000 members"), language.pick("原因", "Reason"),
        ]) + "<tbody>\n"
        for alert in warning.alerts {
            let rate = alert.perTenThousand.map { String(format: "%.1f", $0) } ?? ""
            out += "<tr class=\"missed\"><td>\(esc(alert.countyName)) <span class=\"code\">\(esc(alert.countyCode))</span></td>"
            out += "<td>\(esc(Self.alertLabel(alert.kind, language)))</td><td class=\"num\">\(esc(alert.value))</td>"
            out += "<td class=\"num\">\(esc(alert.threshold))</td><td class=\"num\">\(esc(rate))</td>"
            out += "<td>\(esc(alert.reason))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    static func alertLabel(_ kind: CountyAlert.Kind, _ language: ReportLanguage) -> String {
        switch kind {
        case .inclusionSurge: language.pick("新纳入激增", "Inclusion surge")
        case .outlier: language.pick("指标异常", "Outlier")
        case .return: language.pick("返贫风险", "Return to risk")
        case .overdueClues: language.pick("线索超期未核实", "Overdue clues")
        }
    }
}
