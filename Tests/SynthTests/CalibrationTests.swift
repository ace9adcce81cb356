import Ingest
import Synth
import Testing

/// The generated province matches the published shares it is calibrated to,
/// computed here from the loaded tables as the indicators define them.
struct CalibrationTests {
    /// Per-person and per-household facts from the loaded roster.
    struct Roster {
        let result: IngestResult
        let households: FeedTable
        let persons: FeedTable
        let covered: [Bool]
        let relocated: [Bool]
        let personHousehold: [Int32]
        let ages: [Int]

        init() throws {
            result = try SharedProvince.cleanLoad()
            households = result.table(.households)
            persons = result.table(.persons)
            let monitored = Households.category.code("monitored")
            let poverty = Households.category.code("poverty_alleviated")
            covered = households[Households.category].map { $0 == monitored || $0 == poverty }
            relocated = households[Households.relocated].map { $0 == 1 }
            personHousehold = persons[Persons.householdID]
            let reference = SynthOptions.defaultReferenceDate
            ages = persons[Persons.personID].map { packed in
                let birth = (packed / 16 / 1_000) % 100_000_000
                let day = DayNumber.from(year: Int(birth / 10_000), month: Int(birth / 100 % 100), day: Int(birth % 100)) ?? reference
                return DayNumber.age(birth: day, at: reference)
            }
        }


        func personCovered(_ p: Int) -> Bool { covered[Int(personHousehold[p])] }
    }

    @Test func categoriesAndHouseholdSize() throws {
        let roster = try Roster()
        let categories = roster.households[Households.category]
        let total = Double(categories.count)
        let poverty = Double(categories.filter { $0 == Households.category.code("poverty_alleviated") }.count) / total
        let monitored = Double(categories.filter { $0 == Households.category.code("monitored") }.count) / total
        #expect(abs(poverty - 0.30) < 0.03, "poverty_alleviated share \(poverty)")
        #expect(abs(monitored - 0.05) < 0.01, "monitored share \(monitored)")
        let size = Double(roster.persons.rowCount) / total
        #expect(abs(size - 3.6) < 0.15, "persons per household \(size)")
        let coveredHouseholds = roster.covered.filter { $0 }.count
        let relocatedCovered = zip(roster.covered, roster.relocated).filter { $0 && $1 }.count
        let relocatedShare = Double(relocatedCovered) / Double(coveredHouseholds)
        #expect(relocatedShare > 0.05 && relocatedShare < 0.08, "relocated share of covered households \(relocatedShare)")
    }

    @Test func monitoringAndDates() throws {
        let roster = try Roster()
        let monitored = Households.category.code("monitored")
        let eliminated = Households.riskStatus.code("eliminated")
        let category = roster.households[Households.category]
        let risk = roster.households[Households.riskStatus]
        var monitoredPersons = 0
        var eliminatedPersons = 0
        for household in roster.personHousehold where category[Int(household)] == monitored {
            monitoredPersons += 1
            if risk[Int(household)] == eliminated { eliminatedPersons += 1 }
        }
        let share = Double(eliminatedPersons) / Double(monitoredPersons)
        #expect(abs(share - 0.62) < 0.04, "eliminated share of monitored persons \(share)")

        let clue = roster.households[Households.clueDate]
        let inclusion = roster.households[Households.inclusionDate]
        var withBoth = 0, within15 = 0, late = 0, clueAfter = 0, missing = 0
        for h in category.indices where category[h] == monitored {
            guard clue[h] != DayNumber.missing, inclusion[h] != DayNumber.missing else { missing += 1; continue }
            if inclusion[h] < clue[h] { clueAfter += 1; continue }
            withBoth += 1
            if inclusion[h] - clue[h] <= 15 { within15 += 1 } else { late += 1 }
        }
        #expect(Double(within15) / Double(withBoth) > 0.85, "inclusion within 15 days")
        #expect(late > 0 && clueAfter > 0 && missing > 0)
    }

    @Test func insuranceOfCoveredPersons() throws {
        let roster = try Roster()
        let insurance = roster.result.table(.medicalInsurance)
        let year = Int32(DayNumber.civil(SynthOptions.defaultReferenceDate).year)
        var insured = [Bool](repeating: false, count: roster.persons.rowCount)
        var previousYearRows = 0
        for (person, (rowYear, flag)) in zip(insurance[MedicalInsurance.personID], zip(insurance[MedicalInsurance.year], insurance[MedicalInsurance.insured])) {
            if rowYear == year && flag == 1 { insured[Int(person)] = true }
            if rowYear == year - 1 { previousYearRows += 1 }
        }
        let covered = (0..<roster.persons.rowCount).filter(roster.personCovered)
        let rate = Double(covered.filter { insured[$0] }.count) / Double(covered.count)
        #expect(abs(rate - 0.993) < 0.002, "insurance rate of covered persons \(rate)")
        #expect(previousYearRows > 0)
    }

    @Test func tapWater() throws {
        let roster = try Roster()
        let water = roster.result.table(.water)
        let tap = water[Water.tapWater].filter { $0 == 1 }.count
        let rate = Double(tap) / Double(roster.households.rowCount)
        #expect(abs(rate - 0.94) < 0.01, "tap water rate \(rate)")
    }

    @Test func relocatedLabourEmployment() throws {
        let roster = try Roster()
        let employment = roster.result.table(.employment)
        let employedCode = Employment.status.code("employed")
        let none = Persons.laborCapacity.code("none")
        var employed = [Bool](repeating: false, count: roster.persons.rowCount)
        for (person, status) in zip(employment[Employment.personID], employment[Employment.status]) where status == employedCode {
            employed[Int(person)] = true
        }
        let labour = roster.persons[Persons.laborCapacity]
        var labourCount = 0, employedCount = 0
        var householdsWithLabour = Set<Int32>()
        for p in 0..<roster.persons.rowCount {
            let household = roster.personHousehold[p]
            guard roster.relocated[Int(household)], labour[p] != none, (16...64).contains(roster.ages[p]) else { continue }
            labourCount += 1
            householdsWithLabour.insert(household)
            if employed[p] { employedCount += 1 }
        }
        let rate = Double(employedCount) / Double(labourCount)
        let perHousehold = Double(employedCount) / Double(householdsWithLabour.count)
        #expect(abs(rate - 0.96) < 0.02, "relocated labour employment \(rate)")
        #expect(abs(perHousehold - 2.4) < 0.2, "employed per relocated household \(perHousehold)")
    }

    @Test func sectorRowsFollowAge() throws {
        let roster = try Roster()
        let education = roster.result.table(.education)
        let dropped = Education.status.code("dropped_out")
        let compulsoryDropouts = zip(education[Education.personID], education[Education.status])
            .filter { $1 == dropped && (6...15).contains(roster.ages[Int($0)]) }.count
        #expect(compulsoryDropouts > 0 && compulsoryDropouts < 30, "dropouts aged 6–15: \(compulsoryDropouts)")
        #expect(education[Education.personID].allSatisfy { (3...22).contains(roster.ages[Int($0)]) })
        let employment = roster.result.table(.employment)
        #expect(employment[Employment.personID].allSatisfy { (16...64).contains(roster.ages[Int($0)]) })
        let housing = roster.result.table(.housing)
        let unsafe = zip(housing[Housing.householdID], zip(housing[Housing.grade], housing[Housing.renovated]))
            .filter { roster.covered[Int($0)] && $1.0 >= 3 && $1.1 == 0 }.count
        #expect(unsafe > 0 && Double(unsafe) < 0.002 * Double(roster.households.rowCount), "unrenovated C/D of covered households: \(unsafe)")
    }
}
