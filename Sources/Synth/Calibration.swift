/// The shares the generator aims at, in parts per million, gathered in one
/// place. They follow the project's calibration targets (about 30 % of rural
/// households poverty-alleviated, 5 % monitored, 99.3 % of covered persons
/// insured, 94 % of households with tap water, 96 % of relocated labour
/// employed, about 2.4 employed per relocated household).
enum Calibration {
    // Households.
    static let povertyAlleviatedInKeyCounty = 360_000
    static let povertyAlleviatedElsewhere = 280_000
    static let monitored = 50_000
    static let relocatedCovered = 65_000
    static let relocatedOrdinary = 8_000
    /// Monitored households whose risk is eliminated (≈ 62 % of monitored persons).
    static let riskEliminated = 620_000
    /// unstable, marginal, sudden_hardship.
    static let monitoringTypes = WeightTable([35, 45, 20])
    /// Days from clue to inclusion: within 15 days, 16–60 days, clue after
    /// inclusion, no clue recorded (cases older than the system).
    static let inclusionDelays = WeightTable([850, 90, 20, 40])
    /// illness, disability, education, disaster, accident, industry, employment, labour_shortage, other
    /// (illness and disability lead in the office's risk records).
    static let riskTypes = WeightTable([30, 16, 9, 5, 5, 6, 15, 10, 4])
    static let secondRiskType = 250_000
    /// Eliminated households whose risk was eliminated less than 183 days after inclusion.
    static let quickElimination = 60_000
    /// Eliminated households still under the monitoring line (false eliminations).
    static let eliminatedBelowLine = 40_000
    /// Households not monitored that carry a clue; of those, the share still pending (the rest rejected).
    static let clueOnOthers = 12_000
    static let pendingClues = 400_000
    /// Households whose previous year's income is known; of those, the share whose income fell by 30 % or more.
    static let previousIncomeKnown = 920_000
    static let incomeDrop = 25_000
    /// Ordinary households whose income is under the monitoring line (7,500 yuan).
    static let ordinaryBelowLine = 15_000

    // Civil affairs: households on the minimum living allowance (低保) — nearly
    // all with bottom-line support as their measure, some covered households,
    // a few ordinary ones; together about 4 % of roster persons in the sample
    // (a working assumption: the stored sources give no civil-affairs figure).
    static let dibaoWithBottomLine = 880_000
    static let dibaoCoveredWithoutFullLabour = 300_000
    static let dibaoCovered = 90_000
    static let dibaoOrdinary = 15_000
    /// dibao rows: still running, ended before the reference date, ending after it.
    static let supportEnds = WeightTable([88, 7, 5])
    /// Persons aged 60 or more without labour living alone: destitute support (特困).
    static let tekunAlone = 450_000
    /// Temporary assistance (临时救助) in the last year, any person.
    static let temporaryAssistance = 5_000

    // Persons: deceased but not yet removed, serving in the military (men 18–30), in prison (adults).
    static let deceased = 4_000
    static let military = 6_000
    static let prison = 1_000

    // Resettlement sites: persons on the rosters per site (about 2,000, from the
    // widely reported 949 sites for 1.92 million relocated persons in Guizhou;
    // not among the stored sources).
    static let relocatedPersonsPerSite = 2_000

    // Assistance (`;`-lists): the share that holds a measure of the household's class.
    static let assistanceMatchesMonitored = 900_000
    static let assistanceMismatchMonitored = 60_000
    static let assistanceForPovertyAlleviated = 800_000
    static let assistanceForOrdinary = 20_000

    // Medical insurance, reference year.
    static let coveredInsured = 993_000
    static let coveredUninsuredRow = 4_000
    static let ordinaryInsured = 975_000
    static let ordinaryUninsuredRow = 15_000
    /// Persons that also have a row for the previous year.
    static let previousYearRow = 150_000

    // Housing and water.
    static let housingRow = 997_000
    /// A, B, C, D.
    static let gradesCovered = WeightTable([62, 34, 3, 1])
    static let gradesOrdinary = WeightTable([55, 38, 5, 2])
    static let unsafeRenovatedCovered = 970_000
    static let unsafeRenovatedOrdinary = 400_000
    static let safeRenovatedCovered = 250_000
    static let safeRenovatedOrdinary = 50_000
    static let waterRow = 998_000
    /// Tap water among households with a water row (≈ 94 % of all households).
    static let tapWater = 941_900
    static let safeWithTap = 990_000
    static let safeWithoutTap = 800_000

    // Employment.
    static let relocatedLabourEmployed = 960_000
    static let relocatedLabourUnemployed = 30_000
    static let fullEmployed = 800_000
    static let fullUnemployed = 70_000
    static let weakEmployed = 500_000
    static let weakUnemployed = 100_000
    /// township, county, province, outside_province.
    static let locationsRelocated = WeightTable([35, 25, 20, 20])
    static let locationsOthers = WeightTable([15, 20, 25, 40])
    static let welfareJobWeakCovered = 300_000
    static let welfareJobFullCovered = 30_000
    /// 0, 1, 2, 3 trainings.
    static let trainings = WeightTable([50, 30, 15, 5])

    // Education (ages 6–15 unless said otherwise).
    static let preschoolRow = 900_000
    /// enrolled, dropped_out, suspended, home_taught, transferred, exempt.
    static let compulsoryStatuses = WeightTable([990_500, 800, 2_000, 700, 5_000, 1_000])
    static let upperStatuses = WeightTable([975_000, 15_000, 5_000, 0, 5_000, 0])
    /// Children aged 7–15 without any education row (out of school, 失学, or schooled elsewhere).
    static let outOfSchool = 2_000
    /// 16-year-olds still in junior school (a dropout there counts as compulsory).
    static let lateJunior = 100_000
    /// Ages 16–18: senior, vocational, no row.
    static let upperSecondary = WeightTable([55, 35, 10])
    /// Ages 19–22: higher, vocational, no row.
    static let tertiary = WeightTable([40, 10, 50])

    /// Head's age by 5-year band from 20–24 to 80–84.
    static let headAgeBands = WeightTable([1, 4, 7, 9, 11, 13, 14, 13, 11, 8, 5, 3, 1])
    /// Children living in the household: 0, 1, 2, 3, 4.
    static let childCounts = WeightTable([20, 31, 31, 14, 4])
    /// Adult children (18–30) of a relocated household: 0, 1, 2.
    static let relocatedAdultChildren = WeightTable([45, 40, 15])
}
