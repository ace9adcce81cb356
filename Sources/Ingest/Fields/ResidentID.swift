/// The 18-character resident identity number (GB 11643-1999).
///
/// Packed into a `UInt64` as `first17digits * 16 + checkValue`, where the check
/// value is 0–9 or 10 for `X`; packing keeps every ID distinct and reversible.
public enum ResidentID {
    /// Weights of the ISO 7064 MOD 11-2 check.
    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Check character value for each remainder 0…10 (10 stands for `X`).
    static let checkValueForRemainder: [Int] = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2]

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
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                      referenceDate: Int32) -> Result<(packed: UInt64, birth: Int32), Problem> {
        guard end - start == 18 else { return .failure(.wrongLength) }
        var digits: UInt64 = 0
        var weighted = 0
        for i in 0..<17 {
            let d = Int(bytes[start + i]) &- 48
            guard d >= 0 && d <= 9 else { return .failure(.notDigits) }
            digits = digits * 10 + UInt64(d)
            weighted += d * weights[i]
        }
        let last = bytes[start + 17]
        let checkValue: Int
        switch last {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): checkValue = Int(last) - 48
        case UInt8(ascii: "X"), UInt8(ascii: "x"): checkValue = 10
        default: return .failure(.notDigits)
        }
        func number(_ offset: Int, _ width: Int) -> Int {
            var value = 0
            for i in 0..<width { value = value * 10 + Int(bytes[start + offset + i]) - 48 }
            return value
        }
        guard let birth = DayNumber.from(year: number(6, 4), month: number(10, 2), day: number(12, 2)) else {
            return .failure(.impossibleBirthDate)
        }
        guard birth <= referenceDate else { return .failure(.bornAfterReferenceDate) }
        let expected = checkValueForRemainder[weighted % 11]
        guard expected == checkValue else {
            return .failure(.wrongCheckCharacter(expected: expected == 10 ? Character("X") : Character(String(expected))))
        }
        return .success((digits &* 16 &+ UInt64(checkValue), birth))
    }

    /// Checks a textual ID (for tests and tools).
    public static func check(_ text: String, referenceDate: Int32) -> Result<(packed: UInt64, birth: Int32), Problem> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { check($0, 0, $0.count, referenceDate: referenceDate) }
    }

    /// The 18-character text of a packed ID.
    public static func text(_ packed: UInt64) -> String {
        let checkValue = packed % 16
        var digits = String(packed / 16)
        digits = String(repeating: "0", count: max(0, 17 - digits.count)) + digits
        return digits + (checkValue == 10 ? "X" : String(checkValue))
    }

    /// The check character that makes `first17` (17 digits) a valid ID.
    public static func checkCharacter(first17: String) -> Character {
        var weighted = 0
        for (i, byte) in first17.utf8.enumerated() { weighted += (Int(byte) - 48) * weights[i] }
        let value = checkValueForRemainder[weighted % 11]
        return value == 10 ? "X" : Character(String(value))
    }
}
