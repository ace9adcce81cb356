/// Makes valid 18-character resident IDs (GB 11643-1999) for test data.
///
/// The check character is computed here from the standard's definition
/// (ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11,
/// 10 written `X`), independently of the production code, so tests of the
/// production check are not circular.
public enum ResidentIDMaker {
    /// An ID from a 6-digit address code, a birth date `YYYYMMDD` and a
    /// sequence number 0–999 (odd for men, even for women).
    public static func make(address: String = "520102", birth: String, sequence: Int) -> String {
        precondition(address.count == 6 && birth.count == 8 && (0...999).contains(sequence))
        let sequenceText = String(sequence)
        let first17 = address + birth + String(repeating: "0", count: 3 - sequenceText.count) + sequenceText
        return first17 + String(checkCharacter(of: first17))
    }

    /// The check character (`0`–`9` or `X`) that completes 17 digits.
    public static func checkCharacter(of first17: String) -> Character {
        let digits = first17.utf8.map { Int($0) - Int(UInt8(ascii: "0")) }
        precondition(digits.count == 17 && digits.allSatisfy { (0...9).contains($0) })
        var sum = 0
        for (i, digit) in digits.enumerated() {
            var weight = 1
            for _ in 0..<(17 - i) { weight = weight * 2 % 11 }
            sum += digit * weight
        }
        let check = (12 - sum % 11) % 11
        return check == 10 ? "X" : Character(String(check))
    }

    /// The same ID with a wrong check character (the next one in `0`…`9`, `X`).
    public static func withWrongCheck(_ id: String) -> String {
        let characters: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"]
        let last = id.last.flatMap { characters.firstIndex(of: $0) } ?? 0
        return String(id.dropLast()) + String(characters[(last + 1) % characters.count])
    }
}
