import Ingest

/// Fields computed from the roster rather than read from one column.
extension FieldCatalog {
    static let computedFields: [FieldDescriptor] = [
        // Full years at the reference date, from the birth date inside the resident ID.
        FieldDescriptor(name: "age", entity: .person, type: .int) { source in
            .int16(source.personBirths.ages)
        },
        // Days from the birth date to the reference date (R − birth date).
        FieldDescriptor(name: "age_days", entity: .person, type: .int) { source in
            .int32(source.personBirths.dates.map { source.referenceDate - $0 }, missing: nil)
        },
        FieldDescriptor(name: "birth_date", entity: .person, type: .date) { source in
            .int32(source.personBirths.dates, missing: DayNumber.missing)
        },
        // A member of the household: `status` resident or empty (not deceased, serving or in prison).
        FieldDescriptor(name: "member", entity: .person, type: .bool) { source in
            let status = source.ingest.table(.persons)[Persons.status]
            let resident = Persons.status.code("resident")
            return .uint8(source.roster.personFeedRow.map { row in
                let value = status[Int(row)]
                return value == 0 || value == resident ? 1 : 0
            }, missing: nil)
        },
        // 1 when the household's county is a national key county (regions.key_county).
        FieldDescriptor(name: "key_county", entity: .household, type: .int) { source in
            let keyCounty = source.ingest.table(.regions)[Regions.keyCounty]
            let villageCounty = source.ingest.table(.villages)[Villages.countyCode]
            let householdVillage = source.ingest.table(.households)[Households.villageCode]
            return .uint8(source.roster.householdFeedRow.map {
                keyCounty[Int(villageCounty[Int(householdVillage[Int($0)])])]
            }, missing: nil)
        },
    ]
}
