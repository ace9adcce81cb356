import Ingest

/// Hands out unique resident IDs within one county.
///
/// An ID is the county code, the birth date and a 3-digit sequence (odd for
/// men, even for women) followed by the ISO 7064 MOD 11-2 check character.
/// Sequences 000–899 are handed out; 900–999 are kept for the deliberately bad
/// rows, so those can never clash with a generated person.
struct ResidentIDMaker {
    /// Sequences per birth date and sex that generated persons may use.
    static let sequencesPerDay = 450
    static let reservedSequences = 900...999

    let countyCode: Int
    let reference: Int32
    /// The earliest birth date handed out (age 110 at the reference date).
    let earliest: Int32
    /// Sequences used so far, per (birth date, sex).
    private var used: [UInt16]
    /// Scrambles the order in which sequences are used within a day.
    private let offset: Int

    init(countyCode: Int, reference: Int32, offset: Int) {
        self.countyCode = countyCode
        self.reference = reference
        earliest = reference - 110 * 366
        used = Array(repeating: 0, count: Int(reference - earliest + 1) * 2)
        self.offset = offset % Self.sequencesPerDay
    }

    /// Writes a new ID for someone born on `birth` (moved a day later, or
    /// earlier at the reference date, when that day's sequences are all used)
    /// into `id` (18 bytes) and returns the birth date used.
    mutating func make(birth: Int32, male: Bool, into id: inout [UInt8]) -> Int32 {
        var day = max(earliest, min(birth, reference))
        var slot = Int(day - earliest) * 2 + (male ? 1 : 0)
        while Int(used[slot]) >= Self.sequencesPerDay {
            day = day == reference ? day - 400 : day + 1
            slot = Int(day - earliest) * 2 + (male ? 1 : 0)
        }
        let counter = Int(used[slot])
        used[slot] += 1
        let sequence = 2 * ((counter * 97 + offset) % Self.sequencesPerDay) + (male ? 1 : 0)
        Self.write(countyCode: countyCode, birth: day, sequence: sequence, into: &id)
        return day
    }

    /// Writes the 18 bytes of the ID with this address, birth date and sequence.
    static func write(countyCode: Int, birth: Int32, sequence: Int, into id: inout [UInt8]) {
        let (year, month, day) = DayNumber.civil(birth)
        put(countyCode, width: 6, at: 0, into: &id)
        put(year, width: 4, at: 6, into: &id)
        put(month, width: 2, at: 10, into: &id)
        put(day, width: 2, at: 12, into: &id)
        put(sequence, width: 3, at: 14, into: &id)
        id[17] = checkByte(id)
    }

    /// The check character of the first 17 bytes of `id`.
    static func checkByte(_ id: [UInt8]) -> UInt8 {
        let first17 = String(decoding: id[0..<17], as: UTF8.self)
        return ResidentID.checkCharacter(first17: first17).asciiValue ?? UInt8(ascii: "?")
    }

    private static func put(_ value: Int, width: Int, at start: Int, into id: inout [UInt8]) {
        var rest = value
        for i in stride(from: start + width - 1, through: start, by: -1) {
            id[i] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
        }
    }
}
