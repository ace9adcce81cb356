import Ingest

/// Rows keyed by person: `persons.csv` and the four person sector feeds.
extension CountyGenerator {
    mutating func writePerson(_ member: Member, household: Int, facts: HouseholdFacts) {
        let range = birthRange[member.age]
        let drawn = range.lowerBound + Int32(random.below(Int(range.upperBound - range.lowerBound) + 1))
        let birth = ids.make(birth: drawn, male: member.isMale, into: &id)
        var member = member
        if birth != drawn { member.age = DayNumber.age(birth: birth, at: reference) }

        output.persons.append(id)
        output.persons.comma()
        output.persons.appendDigits(household, width: 16)
        output.persons.comma()
        output.persons.append(Vocabulary.relations[member.relation.rawValue])
        output.persons.comma()
        output.persons.append(Vocabulary.laborCapacities[member.labour.rawValue])
        output.persons.comma()
        if let status = drawStatus(member) { output.persons.append(Vocabulary.personStatuses[status]) }
        output.persons.endRow()

        let studying = writeEducation(member)
        writeInsurance(birth: birth, covered: facts.isCovered)
        if (16...64).contains(member.age) {
            writeEmployment(member, studying: studying, facts: facts)
        } else if member.age >= 65 && output.elders.count < 2 {
            output.elders.append(id)
        }
        if member.age <= 2 && output.toddler == nil { output.toddler = id }
        writeSocialAssistance(member, facts: facts)
    }

    /// `status` of a person: mostly empty (resident), sometimes written out;
    /// a few deceased, serving or in prison.
    private mutating func drawStatus(_ member: Member) -> Int? {
        if random.chance(perMillion: Calibration.deceased) && member.age >= 40 { return 1 }
        if (18...30).contains(member.age) && member.isMale && random.chance(perMillion: Calibration.military) { return 2 }
        if (18...60).contains(member.age) && random.chance(perMillion: Calibration.prison) { return 3 }
        return random.chance(perMillion: 100_000) ? 0 : nil
    }

    /// Civil-affairs rows: the household's minimum living allowance, destitute
    /// support of old people living alone, temporary assistance.
    private mutating func writeSocialAssistance(_ member: Member, facts: HouseholdFacts) {
        if facts.dibao { assistanceRow(kind: 0) }
        if facts.livesAlone && member.age >= 60 && member.labour == .none && random.chance(perMillion: Calibration.tekunAlone) {
            assistanceRow(kind: 1)
        }
        if random.chance(perMillion: Calibration.temporaryAssistance) {
            let start = reference - Int32(random.int(0...360))
            assistanceRow(kind: 2, start: start, end: start + Int32(random.int(0...90)))
        }
    }

    private mutating func assistanceRow(kind: Int) {
        let start = reference - Int32(random.int(30...2_500))
        switch random.pick(Calibration.supportEnds) {
        case 0: assistanceRow(kind: kind, start: start, end: DayNumber.missing)
        case 1: assistanceRow(kind: kind, start: start - 400, end: reference - Int32(random.int(1...300)))
        default: assistanceRow(kind: kind, start: start, end: reference + Int32(random.int(1...180)))
        }
    }

    private mutating func assistanceRow(kind: Int, start: Int32, end: Int32) {
        output.socialAssistance.append(id)
        output.socialAssistance.comma()
        output.socialAssistance.append(Vocabulary.assistanceKinds[kind])
        output.socialAssistance.comma()
        output.socialAssistance.appendDate(start)
        output.socialAssistance.comma()
        output.socialAssistance.appendDate(end)
        output.socialAssistance.endRow()
    }

    /// The education row of a person aged 3–22, if any; returns whether the
    /// person is enrolled (and so not looking for work).
    private mutating func writeEducation(_ member: Member) -> Bool {
        let stage: Int
        let status: Int
        switch member.age {
        case 3...5:
            guard random.chance(perMillion: Calibration.preschoolRow) else { return false }
            stage = 0
            status = 0
        case 6...15:
            if member.age >= 7 && random.chance(perMillion: Calibration.outOfSchool) { return false }
            stage = member.age <= 11 ? 1 : member.age <= 14 ? 2 : 2 + random.below(2)
            status = random.pick(Calibration.compulsoryStatuses)
        case 16 where random.chance(perMillion: Calibration.lateJunior):
            stage = 2
            status = random.pick(Calibration.compulsoryStatuses)
        case 16...18:
            let pick = random.pick(Calibration.upperSecondary)
            guard pick < 2 else { return false }
            stage = pick == 0 ? 3 : 4
            status = random.pick(Calibration.upperStatuses)
        case 19...22:
            let pick = random.pick(Calibration.tertiary)
            guard pick < 2 else { return false }
            stage = pick == 0 ? 5 : 4
            status = random.pick(Calibration.upperStatuses)
        default:
            return false
        }
        output.education.append(id)
        output.education.comma()
        output.education.append(Vocabulary.educationStages[stage])
        output.education.comma()
        output.education.append(Vocabulary.educationStatuses[status])
        output.education.endRow()
        return status == 0
    }

    /// Insurance rows: sometimes last year's, then (nearly always) this year's.
    private mutating func writeInsurance(birth: Int32, covered: Bool) {
        if DayNumber.civil(birth).year < referenceYear && random.chance(perMillion: Calibration.previousYearRow) {
            insuranceRow(year: referenceYear - 1, insured: random.chance(perMillion: 980_000))
        }
        let draw = random.below(1_000_000)
        let insured = covered ? Calibration.coveredInsured : Calibration.ordinaryInsured
        let uninsured = covered ? Calibration.coveredUninsuredRow : Calibration.ordinaryUninsuredRow
        if draw < insured {
            insuranceRow(year: referenceYear, insured: true)
        } else if draw < insured + uninsured {
            insuranceRow(year: referenceYear, insured: false)
        }
    }

    private mutating func insuranceRow(year: Int, insured: Bool) {
        output.insurance.append(id)
        output.insurance.comma()
        output.insurance.appendDigits(year, width: 4)
        output.insurance.comma()
        output.insurance.appendFlag(insured)
        output.insurance.endRow()
    }

    /// The employment row of a person aged 16–64.
    private mutating func writeEmployment(_ member: Member, studying: Bool, facts: HouseholdFacts) {
        let draw = random.below(1_000_000)
        let status: Int
        if !member.isLabour || (studying && !facts.relocated) {
            status = 2
        } else if facts.relocated {
            status = draw < Calibration.relocatedLabourEmployed ? 0
                : draw < Calibration.relocatedLabourEmployed + Calibration.relocatedLabourUnemployed ? 1 : 2
        } else {
            let employed = member.labour == .full ? Calibration.fullEmployed : Calibration.weakEmployed
            let unemployed = member.labour == .full ? Calibration.fullUnemployed : Calibration.weakUnemployed
            status = draw < employed ? 0 : draw < employed + unemployed ? 1 : 2
        }
        output.employment.append(id)
        output.employment.comma()
        output.employment.append(Vocabulary.employmentStatuses[status])
        output.employment.comma()
        var welfareJob = false
        var months = 0
        var incomeYuan = 0
        if status == 0 {
            let welfareShare = !facts.isCovered ? 0
                : member.labour == .weak ? Calibration.welfareJobWeakCovered : Calibration.welfareJobFullCovered
            welfareJob = random.chance(perMillion: welfareShare)
            let location = welfareJob ? 0 : random.pick(facts.relocated ? Calibration.locationsRelocated : Calibration.locationsOthers)
            output.employment.append(Vocabulary.workLocations[location])
            months = random.chance(perMillion: 700_000) ? random.int(10...12) : random.int(3...9)
            switch (welfareJob, location) {
            case (true, _): incomeYuan = random.bell(600...1_500)
            case (_, 0): incomeYuan = random.bell(1_800...4_500)
            case (_, 1): incomeYuan = random.bell(2_500...5_500)
            default: incomeYuan = random.bell(3_500...7_500)
            }
        } else if status == 1 {
            months = random.int(0...3)
            incomeYuan = months > 0 ? random.bell(1_500...3_500) : 0
        }
        output.employment.comma()
        output.employment.appendFlag(welfareJob)
        output.employment.comma()
        output.employment.appendNumber(months)
        output.employment.comma()
        output.employment.appendHundredths(incomeYuan * 100)
        output.employment.comma()
        output.employment.appendNumber(random.pick(Calibration.trainings))
        output.employment.endRow()
    }
}
