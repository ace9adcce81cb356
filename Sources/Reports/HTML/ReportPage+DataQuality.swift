import Engine
import Ingest

extension ReportPage {
    /// Clue households per county: counts only, the lists themselves are restricted.
    var clueSection: String {
        let households = inputs.clues.households
        var out = "<section id=\"clues\">\n<h2>\(esc(language.pick("疑似漏监测线索户", "Suspected omissions (clue households)")))</h2>\n"
        out += "<p class=\"restricted\">" + esc(language.pick(
            "线索户名单含个人信息，仅限各县核查人员查看，存于 clues/ 文件夹；各县应在 15 日内完成核实。本报告只列户数。",
            "The lists hold personal data and are for each county's checking staff only (folder clues/); counties check them within 15 days. This report shows counts only.")) + "</p>\n"
        out += "<p class=\"meta\">" + esc(language.pick("合计 \(households.count) 户", "\(households.count) households in all")) + "</p>\n"
        guard !households.isEmpty else { return out + "</section>\n" }
        let byCounty = HouseholdListCSV.counties(HouseholdListCSV.ordered(households)).map { (key: $0.code, value: $0.rows.count) }
        let ordered = byCounty.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        out += "<ul class=\"tally\">\n"
        for (code, count) in ordered {
            out += "<li><span class=\"name\">\(esc(countyName(code)))</span> <span class=\"code\">\(esc(code))</span>"
            out += " <b>\(Self.grouped(Int64(count)))</b></li>\n"
        }
        out += "</ul>\n"
        if !inputs.clues.signals.isEmpty {
            out += "<div class=\"wide\"><table>" + headerRow([language.pick("信号", "Signal"), language.pick("户数", "Households")])
            out += "<tbody>\n"
            for signal in inputs.clues.signals {
                let count = households.filter { $0.signals.contains(signal.id) }.count
                out += "<tr><td>\(esc(language.pick(signal.labelZH, signal.labelEN)))</td><td class=\"num\">\(Self.grouped(Int64(count)))</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
        }
        return out + "</section>\n"
    }

    /// Rows per feed by fate, and the share of each county's roster each sector feed covers.
    var dataQualitySection: String {
        let ingest = inputs.quality
        var out = "<section id=\"quality\">\n<h2>\(esc(language.pick("数据质量", "Data quality")))</h2>\n"
        out += "<h3>\(esc(language.pick("各数据文件读取情况", "Rows per feed")))</h3>\n"
        let reasons = QuarantineReason.allCases.filter { reason in
            ingest.accounting.contains { ($0.quarantinedByReason[reason] ?? 0) > 0 }
        }
        let limit = FigureText.fixed(ingest.maxQuarantineShare * 100, decimals: 2) + "%"
        out += "<div class=\"wide\"><table>" + headerRow([
            language.pick("文件", "File"), language.pick("读取", "Read"), language.pick("接受", "Accepted"),
            language.pick("隔离", "Quarantined"), language.pick("隔离比例", "Share"),
        ] + reasons.map(\.rawValue) + [language.pick("状态（上限 \(limit)）", "Status (limit \(limit))"), language.pick("未知列", "Extra columns")])
        out += "<tbody>\n"
        for feed in ingest.accounting {
            let passes = feed.passes(maximumShare: ingest.maxQuarantineShare)
            out += "<tr><td>\(esc(feed.feed.fileName))</td>"
            for count in [feed.read, feed.accepted, feed.quarantined] {
                out += "<td class=\"num\">\(Self.grouped(Int64(count)))</td>"
            }
            out += "<td class=\"num\(passes ? "" : " missed")\">\(esc(FigureText.fixed(feed.quarantinedShare * 100, decimals: 2) + "%"))</td>"
            for reason in reasons {
                out += "<td class=\"num\">\(Self.grouped(Int64(feed.quarantinedByReason[reason] ?? 0)))</td>"
            }
            let status = passes ? language.pick("通过", "passes") : language.pick("超过上限", "over the limit") + CountySummary.missedMark
            out += "<td\(passes ? "" : " class=\"missed\"")>\(esc(status))</td>"
            out += "<td>\(esc(feed.extraColumns.joined(separator: ", ")))</td></tr>\n"
        }
        out += "</tbody></table></div>\n"
        out += coverageTable
        return out + "</section>\n"
    }

    /// The share of each county's persons or households that each sector feed has a row for.
    private var coverageTable: String {
        let year = Int(inputs.runDate.prefix(4)) ?? 0
        let coverage = inputs.quality.coverage
        var out = "<h3>\(esc(language.pick("各部门数据覆盖率（按县）", "Sector feed coverage by county")))</h3>\n"
        let personFeeds = FeedCoverage.personFeeds.map { FeedCoverage.label($0, language) }
        let householdFeeds = FeedCoverage.sectorFeeds.filter { !FeedCoverage.personFeeds.contains($0) }
            .map { FeedCoverage.label($0, language) }
        out += "<p class=\"note\">" + esc(language.pick(
            personFeeds.joined(separator: "、") + "为有记录的人数占花名册人数之比（医保为 \(year) 年）；"
                + householdFeeds.joined(separator: "、") + "为有记录的户数占花名册户数之比。",
            personFeeds.joined(separator: ", ") + ": share of roster persons with a row (medical insurance: \(year)); "
                + householdFeeds.joined(separator: ", ") + ": share of roster households with a row.")) + "</p>\n"
        out += "<div class=\"wide\"><table>" + headerRow([
            language.pick("县", "County"), language.pick("代码", "Code"), language.pick("人数", "Persons"),
            language.pick("户数", "Households"),
        ] + FeedCoverage.sectorFeeds.map { FeedCoverage.label($0, language) }) + "<tbody>\n"
        func row(_ name: String, _ code: String, _ county: FeedCoverage.County, _ rowClass: String) -> String {
            var out = "<tr\(rowClass)><td>\(esc(name))</td><td>\(esc(code))</td>"
            out += "<td class=\"num\">\(Self.grouped(Int64(county.persons)))</td><td class=\"num\">\(Self.grouped(Int64(county.households)))</td>"
            for feed in FeedCoverage.sectorFeeds {
                out += "<td class=\"num\">\(county.share(feed).map { FigureText.fixed($0 * 100, decimals: 1) + "%" } ?? "")</td>"
            }
            return out + "</tr>\n"
        }
        for area in counties {
            let unit = table.areas[area]
            out += row(unit.name, unit.code, coverage.counties[unit.code] ?? FeedCoverage.County(), "")
        }
        let provinceName = province.map { table.areas[$0].name } ?? language.pick("全省", "Province")
        out += row(provinceName, province.map { table.areas[$0].code } ?? "", coverage.total, " class=\"province\"")
        return out + "</tbody></table></div>\n"
    }
}
