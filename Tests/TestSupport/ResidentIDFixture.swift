/// Valid resident IDs for fixtures: the check character computed by ISO 7064 MOD 11-2.
public enum ResidentIDFixture {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10X98765432")

    /// The 18-character ID of `address` (6 digits), `birth` (`YYYYMMDD`) and `sequence` (0–999).
    public static func make(address: String, birth: String, sequence: Int) -> String {
        let sequenceText = String(sequence)
        let first17 = address + birth + String(repeating: "0", count: 3 - sequenceText.count) + sequenceText
        precondition(first17.count == 17 && first17.allSatisfy(\.isNumber), "fixture ID needs 17 digits")
        let sum = zip(first17, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        return first17 + String(checkCharacters[sum % 11])
    }
}
