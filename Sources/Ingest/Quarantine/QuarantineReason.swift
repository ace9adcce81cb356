/// Why a row was quarantined: exactly the contract's list.
public enum QuarantineReason: String, CaseIterable, Sendable, Comparable {
    case malformedRow = "malformed_row"
    case invalidEncoding = "invalid_encoding"
    case invalidPersonID = "invalid_person_id"
    case invalidValue = "invalid_value"
    case duplicateKey = "duplicate_key"
    case unknownVillage = "unknown_village"
    case unknownHousehold = "unknown_household"
    case unknownPerson = "unknown_person"
    case unknownCounty = "unknown_county"

    public static func < (lhs: QuarantineReason, rhs: QuarantineReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One quarantined row: where it is, why, and the value that broke the contract.
public struct QuarantineRecord: Sendable, Equatable {
    public let feed: Feed
    /// 1-based physical line where the record starts.
    public let line: Int
    public let reason: QuarantineReason
    /// The column blamed; empty when the whole row is at fault.
    public let column: String
    /// The offending value as text (for a malformed row, the start of its first line), with
    /// resident and household IDs masked (`IDMask`): it goes to public files and the warehouse.
    public let value: String
    /// What was expected, in words.
    public let message: String
    /// RESTRICTED: the whole offending record as read (its first line for a malformed row),
    /// full IDs included, for the data owner's `quarantine_rows.csv` only.
    public let row: String

    public init(feed: Feed, line: Int, reason: QuarantineReason, column: String, value: String, message: String,
                row: String = "") {
        self.feed = feed
        self.line = line
        self.reason = reason
        self.column = column
        self.value = value
        self.message = message
        self.row = row
    }
}
