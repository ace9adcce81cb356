import Ingest

/// A field the expression language can name, and how to build its column.
struct FieldDescriptor {
    let name: String
    let entity: Entity
    let type: ValueType
    /// Builds the column in roster (sorted) order; only fields an expression uses are built.
    let build: @Sendable (RosterSource) -> ColumnValues
}

/// What columns are built from: the ingested feeds, their layout, the reference date.
struct RosterSource: Sendable {
    let ingest: IngestResult
    let roster: Roster
    let referenceDate: Int32
}

/// Every field of the feeds as expressions see it: person and household
/// fields by their contract names, sector fields as `feed.column` joined to
/// the person or household (missing when there is no sector row), and `age`.
enum FieldCatalog {
    static let all: [FieldDescriptor] = personFields + householdFields

    static func field(named name: String, entity: Entity) -> FieldDescriptor? {
        all.first { $0.name == name && $0.entity == entity }
    }

    private static let personFields: [FieldDescriptor] = [
        FieldDescriptor(name: "age", entity: .person, type: .int) { source in
            let (year, month, day) = DayNumber.civil(source.referenceDate)
            let ids = source.ingest.table(.persons).int64("person_id")
            return .int16(source.roster.personFeedRow.map { row in
                let birth = Int((UInt64(bitPattern: ids[Int(row)]) / 16 / 1000) % 100_000_000)
                let (bornYear, bornMonth, bornDay) = (birth / 10000, birth / 100 % 100, birth % 100)
                let age = year - bornYear - ((month, day) < (bornMonth, bornDay) ? 1 : 0)
                return Int16(clamping: age)
            })
        },
        FieldDescriptor(name: "birth_date", entity: .person, type: .date) { source in
            let ids = source.ingest.table(.persons).int64("person_id")
            return .int32(source.roster.personFeedRow.map { row in
                let birth = Int((UInt64(bitPattern: ids[Int(row)]) / 16 / 1000) % 100_000_000)
                return DayNumber.from(year: birth / 10000, month: birth / 100 % 100, day: birth % 100) ?? DayNumber.missing
            }, missing: DayNumber.missing)
        },
        personChoice("relation", FeedContract.relations),
        personChoice("labor_capacity", FeedContract.laborCapacities),
        personSector("education.stage", .education, "stage", .choice(field: "education.stage", words: FeedContract.educationStages)),
        personSector("education.status", .education, "status", .choice(field: "education.status", words: FeedContract.educationStatuses)),
        FieldDescriptor(name: "medical_insurance.insured", entity: .person, type: .int) { source in
            let table = source.ingest.table(.medicalInsurance)
            let year = Int32(DayNumber.civil(source.referenceDate).year)
            var column = [UInt8](repeating: 0xFF, count: source.roster.personCount)
            let persons = table.int32("person_id"), years = table.int32("year"), insured = table.uint8("insured")
            for row in 0..<table.rowCount where years[row] == year {
                column[Int(source.roster.personPosition[Int(persons[row])])] = insured[row]
            }
            return .uint8(column, missing: 0xFF)
        },
        personSector("employment.status", .employment, "status", .choice(field: "employment.status", words: FeedContract.employmentStatuses)),
        personSector("employment.location", .employment, "location", .choice(field: "employment.location", words: FeedContract.workLocations)),
        personSector("employment.welfare_job", .employment, "welfare_job", .int),
        personSector("employment.months", .employment, "months", .int),
        personSector("employment.monthly_income", .employment, "monthly_income", .money),
        personSector("employment.trainings", .employment, "trainings", .int),
    ]

    private static let householdFields: [FieldDescriptor] = [
        householdChoice("category", FeedContract.categories),
        householdChoice("monitoring_type", FeedContract.monitoringTypes),
        householdChoice("risk_status", FeedContract.riskStatuses),
        householdDate("clue_date"),
        householdDate("inclusion_date"),
        householdDate("elimination_date"),
        FieldDescriptor(name: "relocated", entity: .household, type: .int) { source in
            let values = source.ingest.table(.households).uint8("relocated")
            return .uint8(source.roster.householdFeedRow.map { values[Int($0)] }, missing: nil)
        },
        FieldDescriptor(name: "income_per_capita", entity: .household, type: .money) { source in
            let values = source.ingest.table(.households).int64("income_per_capita")
            return .int64(source.roster.householdFeedRow.map { values[Int($0)] }, missing: nil)
        },
        FieldDescriptor(name: "assistance", entity: .household,
                        type: .choiceSet(field: "assistance", words: FeedContract.assistanceMeasures)) { source in
            let values = source.ingest.table(.households).int32("assistance")
            return .int32(source.roster.householdFeedRow.map { values[Int($0)] }, missing: nil)
        },
        FieldDescriptor(name: "key_county", entity: .household, type: .int) { source in
            let keyCounty = source.ingest.table(.regions).uint8("key_county")
            let villageCounty = source.ingest.table(.villages).int32("county_code")
            let householdVillage = source.ingest.table(.households).int32("village_code")
            return .uint8(source.roster.householdFeedRow.map {
                keyCounty[Int(villageCounty[Int(householdVillage[Int($0)])])]
            }, missing: nil)
        },
        householdSector("housing.grade", .housing, "grade", .choice(field: "housing.grade", words: FeedContract.housingGrades)),
        householdSector("housing.renovated", .housing, "renovated", .int),
        householdSector("water.tap_water", .water, "tap_water", .int),
        householdSector("water.safe", .water, "safe", .int),
    ]

    private static func personChoice(_ name: String, _ words: [String]) -> FieldDescriptor {
        FieldDescriptor(name: name, entity: .person, type: .choice(field: name, words: words)) { source in
            let values = source.ingest.table(.persons).uint8(name)
            return .uint8(source.roster.personFeedRow.map { values[Int($0)] }, missing: 0)
        }
    }

    private static func householdChoice(_ name: String, _ words: [String]) -> FieldDescriptor {
        FieldDescriptor(name: name, entity: .household, type: .choice(field: name, words: words)) { source in
            let values = source.ingest.table(.households).uint8(name)
            return .uint8(source.roster.householdFeedRow.map { values[Int($0)] }, missing: 0)
        }
    }

    private static func householdDate(_ name: String) -> FieldDescriptor {
        FieldDescriptor(name: name, entity: .household, type: .date) { source in
            let values = source.ingest.table(.households).int32(name)
            return .int32(source.roster.householdFeedRow.map { values[Int($0)] }, missing: DayNumber.missing)
        }
    }

    /// A sector column joined to persons: scattered to each person's sorted position.
    private static func personSector(_ name: String, _ feed: Feed, _ column: String, _ type: ValueType) -> FieldDescriptor {
        FieldDescriptor(name: name, entity: .person, type: type) { source in
            let table = source.ingest.table(feed)
            return scatter(table, column, keys: table.int32("person_id"), positions: source.roster.personPosition,
                           count: source.roster.personCount, type: type)
        }
    }

    /// A sector column joined to households.
    private static func householdSector(_ name: String, _ feed: Feed, _ column: String, _ type: ValueType) -> FieldDescriptor {
        FieldDescriptor(name: name, entity: .household, type: type) { source in
            let table = source.ingest.table(feed)
            return scatter(table, column, keys: table.int32("household_id"), positions: source.roster.householdPosition,
                           count: source.roster.householdCount, type: type)
        }
    }

    private static func scatter(_ table: FeedTable, _ column: String, keys: [Int32], positions: [Int32], count: Int,
                                type: ValueType) -> ColumnValues {
        switch table.columns[table.schema.index(of: column)!] {
        case .uint8(let values):
            let missing: UInt8 = if case .choice = type { 0 } else { 0xFF }
            var result = [UInt8](repeating: missing, count: count)
            for (row, key) in keys.enumerated() { result[Int(positions[Int(key)])] = values[row] }
            return .uint8(result, missing: missing)
        case .int32(let values):
            var result = [Int32](repeating: Int32.min, count: count)
            for (row, key) in keys.enumerated() { result[Int(positions[Int(key)])] = values[row] }
            return .int32(result, missing: Int32.min)
        case .int64(let values):
            var result = [Int64](repeating: Int64.min, count: count)
            for (row, key) in keys.enumerated() { result[Int(positions[Int(key)])] = values[row] }
            return .int64(result, missing: Int64.min)
        case .text:
            preconditionFailure("text columns are not expression fields")
        }
    }
}
