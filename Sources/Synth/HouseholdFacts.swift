import Ingest

/// The roster facts of one synthetic household (one `households.csv` row).
struct HouseholdFacts {
    enum Category: Int {
        case povertyAlleviated = 0, monitored, ordinary
    }

    var category: Category = .ordinary
    /// Position in `Households.monitoringType.words`, or nil.
    var monitoringType: Int?
    var eliminated = false
    /// Bit i = `Households.riskTypes.words[i]`.
    var riskTypes = 0
    var clue = DayNumber.missing
    /// Position in `Households.clueOutcome.words`, or nil without a clue.
    var clueOutcome: Int?
    var inclusion = DayNumber.missing
    var elimination = DayNumber.missing
    var relocated = false
    /// The resettlement site of a relocated household (county(6) + site(3)).
    var site: Int?
    var incomeHundredths = 0
    /// Last year's income per person, when known.
    var previousIncomeHundredths: Int?
    /// Bit i = `Households.assistance.words[i]`.
    var assistance = 0
    /// Whether the household's members receive the minimum living allowance (低保).
    var dibao = false

    /// Whether the household has a single member.
    var livesAlone = false

    var isCovered: Bool { category != .ordinary }

    /// Category and relocation, drawn before the members.
    static func draw(keyCounty: Bool, random: inout RandomStream) -> HouseholdFacts {
        var facts = HouseholdFacts()
        let draw = random.below(1_000_000)
        let poverty = keyCounty ? Calibration.povertyAlleviatedInKeyCounty : Calibration.povertyAlleviatedElsewhere
        facts.category = draw < poverty ? .povertyAlleviated : draw < poverty + Calibration.monitored ? .monitored : .ordinary
        facts.relocated = random.chance(perMillion: facts.isCovered ? Calibration.relocatedCovered : Calibration.relocatedOrdinary)
        return facts
    }

    /// Monitoring, clues, income, assistance and civil-affairs support, drawn once the members are known.
    mutating func complete(members: [Member], reference: Int32, random: inout RandomStream) {
        livesAlone = members.count == 1
        if category == .monitored {
            drawMonitoring(reference: reference, random: &random)
        } else if random.chance(perMillion: Calibration.clueOnOthers) {
            drawOpenClue(reference: reference, random: &random)
        }
        drawIncome(random: &random)
        drawAssistance(members: members, random: &random)
        drawDibao(members: members, random: &random)
    }

    private mutating func drawMonitoring(reference: Int32, random: inout RandomStream) {
        monitoringType = random.pick(Calibration.monitoringTypes)
        riskTypes = 1 << random.pick(Calibration.riskTypes)
        if random.chance(perMillion: Calibration.secondRiskType) { riskTypes |= 1 << random.pick(Calibration.riskTypes) }
        eliminated = random.chance(perMillion: Calibration.riskEliminated)
        if eliminated {
            elimination = reference - Int32(random.int(1...700))
            let quick = random.chance(perMillion: Calibration.quickElimination)
            inclusion = elimination - Int32(quick ? random.int(20...182) : random.int(183...540))
        } else {
            inclusion = reference - Int32(random.int(1...700))
        }
        clueOutcome = 1
        switch random.pick(Calibration.inclusionDelays) {
        case 0: clue = inclusion - Int32(random.int(0...15))
        case 1: clue = inclusion - Int32(random.int(16...60))
        case 2: clue = min(reference, inclusion + Int32(random.int(1...20)))
        default:
            clue = DayNumber.missing
            clueOutcome = nil
        }
    }

    /// A clue on a household not monitored: still being checked (some past
    /// the 15-day window) or checked and rejected.
    private mutating func drawOpenClue(reference: Int32, random: inout RandomStream) {
        if random.chance(perMillion: Calibration.pendingClues) {
            clueOutcome = 0
            clue = reference - Int32(random.int(0...45))
        } else {
            clueOutcome = 2
            clue = reference - Int32(random.int(5...400))
        }
    }

    private mutating func drawIncome(random: inout RandomStream) {
        let yuan: Int
        switch category {
        case .povertyAlleviated: yuan = random.bell(9_000...24_000)
        case .monitored:
            yuan = !eliminated ? random.bell(4_500...11_000)
                : random.chance(perMillion: Calibration.eliminatedBelowLine) ? random.int(5_000...7_499) : random.bell(8_000...18_000)
        case .ordinary:
            yuan = random.chance(perMillion: Calibration.ordinaryBelowLine) ? random.int(3_000...7_499) : random.bell(9_000...40_000)
        }
        incomeHundredths = yuan * 100 + random.below(100)
        guard random.chance(perMillion: Calibration.previousIncomeKnown) else { return }
        // Most incomes grew a little; a few fell by 30 % or more (an income drop).
        let percent = random.chance(perMillion: Calibration.incomeDrop) ? random.int(145...250) : random.int(85...102)
        previousIncomeHundredths = incomeHundredths * percent / 100
    }

    /// Minimum living allowance: most households whose measure is bottom-line
    /// support, some covered households without full labour, a few others
    /// (assistance recipients among ordinary households).
    private mutating func drawDibao(members: [Member], random: inout RandomStream) {
        let share: Int
        if assistance & Measure.bottomLine != 0 {
            share = Calibration.dibaoWithBottomLine
        } else if isCovered {
            share = members.contains { $0.labour == .full } ? Calibration.dibaoCovered : Calibration.dibaoCoveredWithoutFullLabour
        } else {
            share = Calibration.dibaoOrdinary
        }
        dibao = random.chance(perMillion: share)
    }

    /// Measures fit the household's class (any full labour → industry or
    /// employment; else weak → welfare job; else bottom line), mostly.
    private mutating func drawAssistance(members: [Member], random: inout RandomStream) {
        let draw = random.below(1_000_000)
        switch category {
        case .ordinary:
            guard draw < Calibration.assistanceForOrdinary else { assistance = 0; return }
            assistance = random.chance(perMillion: 500_000) ? Measure.medical : Measure.credit
            return
        case .monitored where draw >= Calibration.assistanceMatchesMonitored:
            assistance = draw < Calibration.assistanceMatchesMonitored + Calibration.assistanceMismatchMonitored ? Measure.medical : 0
            return
        case .povertyAlleviated where draw >= Calibration.assistanceForPovertyAlleviated:
            assistance = 0
            return
        default:
            break
        }
        if members.contains(where: { $0.labour == .full }) {
            switch random.below(3) {
            case 0: assistance = Measure.industry
            case 1: assistance = Measure.employment
            default: assistance = Measure.industry | Measure.employment
            }
        } else if members.contains(where: { $0.labour == .weak }) {
            assistance = Measure.welfareJob
        } else {
            assistance = Measure.bottomLine
        }
        if random.chance(perMillion: 300_000) { assistance |= Measure.medical }
        if members.contains(where: { (6...18).contains($0.age) }) && random.chance(perMillion: 400_000) { assistance |= Measure.education }
        if random.chance(perMillion: 100_000) { assistance |= Measure.housing }
        if random.chance(perMillion: 100_000) { assistance |= Measure.credit }
    }
}

/// Bits of the assistance measures, in the contract's order.
private enum Measure {
    static let industry = bit("industry")
    static let employment = bit("employment")
    static let welfareJob = bit("welfare_job")
    static let bottomLine = bit("bottom_line")
    static let education = bit("education")
    static let medical = bit("medical")
    static let housing = bit("housing")
    static let credit = bit("credit")

    private static func bit(_ name: String) -> Int {
        Int(Households.assistance.bit(name))
    }
}
