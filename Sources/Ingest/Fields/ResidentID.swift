/// The 18-character resident identity number (GB 11643-1999).
///
/// Packed into a `UInt64` as `first17digits * 16 + checkValue`, where the check
/// value is 0–9 or 10 for `X`; packing keeps every ID distinct and reversible.
public enum ResidentID {
    /// Why an ID was refused.
    public enum Problem: Error, Equatable, Sendable {
        case wrongLength
        case notDigits
        case impossibleBirthDate
        case bornAfterReferenceDate
        case wrongCheckCharacter(expected: Character)
    }

    /// Checks the ID in `bytes[start..<end]`; on success returns its packed
    /// value and birth date (day number).
    ///
    /// The ISO 7064 MOD 11-2 weights are 2^(17-i) mod 11, so the weighted sum
    /// is taken by doubling as the digits are read (Horner's rule) with one
    /// remainder at the end, and the birth date comes from the digits
    /// already read: one pass over the bytes, no table.
    @inline(__always)
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                      referenceDate: Int32) -> Result<(packed: UInt64, birth: Int32), Problem> {
        guard end - start == 18, let base = bytes.baseAddress else { return .failure(.wrongLength) }
        let id = base + start
        var digits: UInt64 = 0
        var doubled = 0
        var birthDigits = 0
        for i in 0..<17 {
            let d = UInt64(id[i]) &- 48
            guard d <= 9 else { return .failure(.notDigits) }
            digits = digits &* 10 &+ d
            doubled = doubled &* 2 &+ Int(d)
            if i == 13 { birthDigits = Int(digits % 100_000_000) }
        }
        let last = id[17]
        let checkValue: Int
        switch last {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): checkValue = Int(last) - 48
        case UInt8(ascii: "X"), UInt8(ascii: "x"): checkValue = 10
        default: return .failure(.notDigits)
        }
        guard let birth = DayNumber.from(year: birthDigits / 10_000, month: birthDigits / 100 % 100,
                                         day: birthDigits % 100) else {
            return .failure(.impossibleBirthDate)
        }
        guard birth <= referenceDate else { return .failure(.bornAfterReferenceDate) }
        let expected = Self.checkValue(doubledSum: doubled)
        guard expected == checkValue else {
            return .failure(.wrongCheckCharacter(expected: expected == 10 ? Character("X") : Character(String(expected))))
        }
        return .success((digits &* 16 &+ UInt64(checkValue), birth))
    }

    /// The check value (10 for `X`) of 17 digits whose sum `d₀·2¹⁶ + … + d₁₆·2⁰`
    /// is `doubledSum`: the weighted sum is twice it, and the value for each
    /// remainder r of it by 11 is (12 − r) mod 11.
    @inline(__always)
    private static func checkValue(doubledSum: Int) -> Int {
        (12 - doubledSum &* 2 % 11) % 11
    }

    /// Checks a textual ID (for tests and tools).
    public static func check(_ text: String, referenceDate: Int32) -> Result<(packed: UInt64, birth: Int32), Problem> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { check($0, 0, $0.count, referenceDate: referenceDate) }
    }

    /// The 18-character text of a packed ID.
    public static func text(_ packed: UInt64) -> String {
        let checkValue = packed % 16
        if packed / 16 < 100_000_000_000_000_000 && checkValue <= 10 {
            // Every packed ID: 17 digits and the check character, written straight into the string.
            return String(unsafeUninitializedCapacity: 18) { buffer in
                var rest = packed / 16
                for position in stride(from: 16, through: 0, by: -1) {
                    buffer[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                    rest /= 10
                }
                buffer[17] = checkValue == 10 ? UInt8(ascii: "X") : UInt8(truncatingIfNeeded: 48 + checkValue)
                return 18
            }
        }
        var digits = String(packed / 16)
        digits = String(repeating: "0", count: max(0, 17 - digits.count)) + digits
        return digits + (checkValue == 10 ? "X" : String(checkValue))
    }

    /// The check character that makes `first17` (17 digits) a valid ID.
    public static func checkCharacter(first17: String) -> Character {
        let doubled = first17.utf8.reduce(0) { $0 * 2 + Int($1) - 48 }
        let value = checkValue(doubledSum: doubled)
        return value == 10 ? "X" : Character(String(value))
    }
}
