import Engine
import Ingest

/// The households behind tonight's returns, overdue clues and income falls,
/// as restricted lists (`lists/returns/`, `lists/overdue_clues/`,
/// `lists/income_falls/`, one file per county, the head's ID masked).
struct FlaggedHouseholds {
    let facts: HouseholdFacts
    let signals: [ClueSignal]
    let settings: EarlyWarningSettings
    let night: Int32

    func lists(_ comparison: NightComparison) -> [HouseholdList] {
        let atRisk = ClueSignal(id: "at_risk_again", labelZH: "重新存在风险（未消除）", labelEN: "At risk again")
        let returns = comparison.returns.map { h -> ClueHousehold in
            var reasons = facts.riskStatus[h] == Words.notEliminated && facts.category[h] == Words.monitored
                ? [atRisk.id] : []
            reasons += signals.indices.filter { facts.signalBits[h] & (1 << UInt16($0)) != 0 }.map { signals[$0].id }
            return describe(h, reasons)
        }
        let band = settings.pendingBandDays, overdue = settings.overdueDays
        let overdueBands = [
            ClueSignal(id: "pending_\(overdue + 1)_\(band)", labelZH: "待核实 \(overdue + 1)–\(band) 天",
                       labelEN: "Pending \(overdue + 1)–\(band) days"),
            ClueSignal(id: "pending_over_\(band)", labelZH: "待核实超过 \(band) 天", labelEN: "Pending over \(band) days"),
        ]
        let pending = comparison.overdue.map { h in
            describe(h, [overdueBands[age(h) <= band ? 0 : 1].id])
        }
        let share = Int((settings.incomeFallShare * 100).rounded())
        let fall = ClueSignal(id: "income_fall", labelZH: "人均收入比上一晚下降\(share)%以上",
                              labelEN: "Income per capita \(share) % or more below the previous night's")
        let falls = comparison.incomeFalls.map { describe($0, [fall.id]) }
        return [
            list("returns", "返贫风险户", "Returns to risk", "night_returns", [atRisk] + signals, returns),
            list("overdue_clues", "超期未核实线索户", "Overdue clues", "pending_clues_by_age", overdueBands, pending),
            list("income_falls", "收入大幅下降户", "Income falls", "night_income_falls", [fall], falls),
        ]
    }

    /// Longest pending days of an overdue clue, by county code.
    func longestPending(_ comparison: NightComparison) -> [String: Int] {
        var result: [String: Int] = [:]
        for h in comparison.overdue {
            let county = CodeText.digits(facts.villageCounties[Int(facts.villages[h])], width: 6)
            result[county] = max(result[county] ?? 0, age(h))
        }
        return result
    }

    private func age(_ h: Int) -> Int { Int(night) - Int(facts.clueDate[h]) }

    private func list(_ id: String, _ zh: String, _ en: String, _ indicator: String, _ reasons: [ClueSignal],
                      _ households: [ClueHousehold]) -> HouseholdList {
        HouseholdList(id: id, labelZH: zh, labelEN: en, indicator: indicator, selection: .numerator, reasons: reasons,
                      households: households.sorted {
                          ($0.countyCode, $0.villageCode, $0.householdID) < ($1.countyCode, $1.villageCode, $1.householdID)
                      })
    }

    private func describe(_ h: Int, _ reasons: [String]) -> ClueHousehold {
        let village = Int(facts.villages[h])
        return ClueHousehold(
            householdID: CodeText.digits(facts.householdIDs[h], width: 16),
            villageCode: CodeText.digits(facts.villageCodes[village], width: 12), villageName: facts.villageNames[village],
            countyCode: CodeText.digits(facts.villageCounties[village], width: 6),
            headResidentID: facts.heads[h] < 0 ? nil : ResidentID.text(UInt64(bitPattern: facts.heads[h])),
            signals: reasons)
    }
}
