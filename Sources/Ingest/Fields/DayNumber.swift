/// A calendar date as the number of days since 1970-01-01 (proleptic Gregorian).
///
/// Dates are stored as day numbers so that differences ("inclusion minus clue")
/// are plain integer subtraction.
public enum DayNumber {
    /// The stored value of a missing date.
    public static let missing = Int32.min

    /// Whether `year` is a leap year in the Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1–12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day number of a real date, or nil when the date does not exist.
    @inline(__always)
    public static func from(year: Int, month: Int, day: Int) -> Int32? {
        // 1901–2099: every fourth year is a leap year, so a year's first day
        // and a month's length are closed forms without division.
        if year >= 1901 && year <= 2099 && month >= 1 && month <= 12 {
            let leap = year & 3 == 0 ? 1 : 0
            let length = 28 + ((0x3BB_EECC >> (month * 2)) & 3) + (month == 2 ? leap : 0)
            guard day >= 1 && day <= length else { return nil }
            let yearStart = (year - 1970) * 365 + ((year - 1969) >> 2)
            let daysBeforeMonth = (367 * month - 362) / 12 - (month > 2 ? 2 - leap : 0)
            return Int32(truncatingIfNeeded: yearStart + daysBeforeMonth + day - 1)
        }
        return civilDayNumber(year: year, month: month, day: day)
    }

    /// `from(year:month:day:)` for any year 1–9999 (Howard Hinnant's days_from_civil).
    private static func civilDayNumber(year: Int, month: Int, day: Int) -> Int32? {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// The (year, month, day) of a day number.
    public static func civil(_ dayNumber: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Parses `YYYY-MM-DD`; nil when the text is not a real date.
    public static func parse(_ text: String) -> Int32? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { FieldParsers.date($0, 0, $0.count) }
    }

    /// `YYYY-MM-DD` text of a day number.
    public static func format(_ dayNumber: Int32) -> String {
        let (year, month, day) = civil(dayNumber)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Full years between a birth date and a reference date: a person born on
    /// 29 February becomes a year older on 1 March in a non-leap year.
    public static func age(birth: Int32, at reference: Int32) -> Int {
        let born = civil(birth)
        let now = civil(reference)
        var years = now.year - born.year
        if (now.month, now.day) < (born.month, born.day) { years -= 1 }
        return years
    }
}
