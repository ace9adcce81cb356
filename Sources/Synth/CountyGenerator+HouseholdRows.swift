import Ingest

/// Rows keyed by household: `households.csv`, `housing.csv`, `water.csv`.
extension CountyGenerator {
    mutating func writeHousehold(_ household: Int, village: Int, facts: HouseholdFacts) {
        output.households.appendDigits(household, width: 16)
        output.households.comma()
        output.households.appendDigits(village, width: 12)
        output.households.comma()
        output.households.append(Vocabulary.categories[facts.category.rawValue])
        output.households.comma()
        if let type = facts.monitoringType {
            output.households.append(Vocabulary.monitoringTypes[type])
            output.households.comma()
            output.households.append(Vocabulary.riskStatuses[facts.eliminated ? 0 : 1])
        } else {
            output.households.comma()
        }
        output.households.comma()
        appendSet(facts.riskTypes, Vocabulary.riskTypes)
        output.households.comma()
        output.households.appendDate(facts.clue)
        output.households.comma()
        if let outcome = facts.clueOutcome { output.households.append(Vocabulary.clueOutcomes[outcome]) }
        output.households.comma()
        output.households.appendDate(facts.inclusion)
        output.households.comma()
        output.households.appendDate(facts.elimination)
        output.households.comma()
        output.households.appendFlag(facts.relocated)
        output.households.comma()
        if let site = facts.site { output.households.appendDigits(site, width: 9) }
        output.households.comma()
        output.households.appendHundredths(facts.incomeHundredths)
        output.households.comma()
        if let previous = facts.previousIncomeHundredths { output.households.appendHundredths(previous) }
        output.households.comma()
        appendSet(facts.assistance, Vocabulary.assistanceMeasures)
        output.households.endRow()
    }

    /// A `;`-separated set from its bit mask.
    private mutating func appendSet(_ mask: Int, _ words: [[UInt8]]) {
        var first = true
        for (bit, word) in words.enumerated() where mask & (1 << bit) != 0 {
            if !first { output.households.appendByte(UInt8(ascii: ";")) }
            output.households.append(word)
            first = false
        }
    }

    /// Housing grade: mostly A or B; unsafe C/D houses of covered households
    /// are nearly all renovated.
    mutating func writeHousing(_ household: Int, covered: Bool) {
        guard random.chance(perMillion: Calibration.housingRow) else {
            if output.householdWithoutHousing == nil { output.householdWithoutHousing = household }
            return
        }
        let grade = random.pick(covered ? Calibration.gradesCovered : Calibration.gradesOrdinary)
        let renovated = grade >= 2
            ? random.chance(perMillion: covered ? Calibration.unsafeRenovatedCovered : Calibration.unsafeRenovatedOrdinary)
            : random.chance(perMillion: covered ? Calibration.safeRenovatedCovered : Calibration.safeRenovatedOrdinary)
        output.housing.appendDigits(household, width: 16)
        output.housing.comma()
        output.housing.append(Vocabulary.housingGrades[grade])
        output.housing.comma()
        output.housing.appendFlag(renovated)
        output.housing.endRow()
    }

    mutating func writeWater(_ household: Int) {
        guard random.chance(perMillion: Calibration.waterRow) else {
            if output.householdWithoutWater == nil { output.householdWithoutWater = household }
            return
        }
        let tap = random.chance(perMillion: Calibration.tapWater)
        let safe = random.chance(perMillion: tap ? Calibration.safeWithTap : Calibration.safeWithoutTap)
        output.water.appendDigits(household, width: 16)
        output.water.comma()
        output.water.appendFlag(tap)
        output.water.comma()
        output.water.appendFlag(safe)
        output.water.endRow()
    }
}
