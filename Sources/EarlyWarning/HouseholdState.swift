import Ingest

/// What the history keeps of a household on a night. Two nights with equal
/// states are one validity interval; any difference starts a new one.
/// Words are 1-based positions in the contract's lists (0 = empty).
public struct HouseholdState: Equatable, Sendable {
    public var category: UInt8
    public var monitoringType: UInt8
    public var riskStatus: UInt8
    public var clueOutcome: UInt8
    /// Hard-signal bits, in the order of `early_warning.hard_signals`.
    public var signals: UInt16
    /// Members (resident persons), at most 65,535.
    public var members: UInt16
    /// 12-digit village code.
    public var village: Int64
    /// Day number of the clue (`DayNumber.missing` when none): a new date is a new clue.
    public var clueDate: Int32
    /// Income per capita in fen.
    public var income: Int64

    public init(category: UInt8, monitoringType: UInt8, riskStatus: UInt8, clueOutcome: UInt8, signals: UInt16,
                members: UInt16, village: Int64, clueDate: Int32, income: Int64) {
        self.category = category
        self.monitoringType = monitoringType
        self.riskStatus = riskStatus
        self.clueOutcome = clueOutcome
        self.signals = signals
        self.members = members
        self.village = village
        self.clueDate = clueDate
        self.income = income
    }

    /// Bytes of one encoded state (`HouseholdSnapshot.encoded`).
    static let size = 28

    init(decoding bytes: UnsafeRawBufferPointer, at offset: Int) {
        func read(_ at: Int, _ count: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in 0..<count { value = value << 8 | UInt64(bytes[offset + at + i]) }
            return value
        }
        self.init(category: bytes[offset], monitoringType: bytes[offset + 1], riskStatus: bytes[offset + 2],
                  clueOutcome: bytes[offset + 3], signals: UInt16(read(4, 2)), members: UInt16(read(6, 2)),
                  village: Int64(bitPattern: read(8, 8)), clueDate: Int32(bitPattern: UInt32(read(16, 4))),
                  income: Int64(bitPattern: read(20, 8)))
    }
}

/// The words of the contract the early warning reads, as their stored positions.
enum Words {
    static let monitored = Households.category.code("monitored")
    static let eliminated = Households.riskStatus.code("eliminated")
    static let notEliminated = Households.riskStatus.code("not_eliminated")
    static let pending = Households.clueOutcome.code("pending")
}
