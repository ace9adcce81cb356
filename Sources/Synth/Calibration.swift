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
    /// inclusion, clue date missing, inclusion date missing.
    static let inclusionDelays = WeightTable([850, 90, 20, 30, 10])
    /// Ordinary households whose income is under the monitoring line (7,500 yuan).
    static let ordinaryBelowLine = 15_000

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
    /// in_county, in_province, out_of_province.
    static let locationsRelocated = WeightTable([60, 20, 20])
    static let locationsOthers = WeightTable([35, 25, 40])
    static let welfareJobWeakCovered = 300_000
    static let welfareJobFullCovered = 30_000
    /// 0, 1, 2, 3 trainings.
    static let trainings = WeightTable([50, 30, 15, 5])

    // Education (ages 6–15 unless said otherwise).
    static let preschoolRow = 900_000
    /// enrolled, dropped_out, suspended, home_taught, transferred.
    static let compulsoryStatuses = WeightTable([991_500, 800, 2_000, 700, 5_000])
    static let upperStatuses = WeightTable([975_000, 15_000, 5_000, 0, 5_000])
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
