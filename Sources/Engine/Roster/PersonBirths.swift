import Ingest

/// Each sorted person's birth date and age, decoded once from characters 7–14 of the
/// resident ID (which ingest checked to be a real date) for `age`, `age_days` and `birth_date`.
struct PersonBirths: Sendable {
    /// Birth dates as day numbers, in roster (sorted) order.
    let dates: [Int32]
    /// Full years at the reference date, in roster (sorted) order: a person born on
    /// 29 February becomes a year older on 1 March in a non-leap year.
    let ages: [Int16]

    init(ingest: IngestResult, roster: Roster, referenceDate: Int32) {
        let ids = ingest.table(.persons)[Persons.personID]
        let (year, month, day) = DayNumber.civil(referenceDate)
        let monthDay = month * 100 + day
        var dates = [Int32](repeating: DayNumber.missing, count: roster.personFeedRow.count)
        var ages = [Int16](repeating: 0, count: dates.count)
        for (position, row) in roster.personFeedRow.enumerated() {
            let birth = Int((UInt64(bitPattern: ids[Int(row)]) / 16 / 1000) % 100_000_000)
            let bornYear = birth / 10_000, bornMonthDay = birth % 10_000
            dates[position] = DayNumber.from(year: bornYear, month: bornMonthDay / 100, day: bornMonthDay % 100)
                ?? DayNumber.missing
            ages[position] = Int16(clamping: year - bornYear - (monthDay < bornMonthDay ? 1 : 0))
        }
        self.dates = dates
        self.ages = ages
    }
}
