import Engine
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

    /// Household `h` of tonight's facts.
    init(_ facts: HouseholdFacts, household h: Int) {
        self.init(category: facts.category[h], monitoringType: facts.monitoringType[h], riskStatus: facts.riskStatus[h],
                  clueOutcome: facts.clueOutcome[h], signals: facts.signalBits[h],
                  members: UInt16(clamping: facts.members[h]), village: facts.villageCodes[Int(facts.villages[h])],
                  clueDate: facts.clueDate[h], income: facts.income[h])
    }

    /// Bytes of one encoded state (`HouseholdSnapshot.encoded`).
    static let size = 28

    init(decoding bytes: UnsafeRawBufferPointer, at offset: Int) {
        func read<T: FixedWidthInteger>(_ at: Int, as type: T.Type) -> T {
            T(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + at, as: T.self))
        }
        self.init(category: bytes[offset], monitoringType: bytes[offset + 1], riskStatus: bytes[offset + 2],
                  clueOutcome: bytes[offset + 3], signals: read(4, as: UInt16.self), members: read(6, as: UInt16.self),
                  village: read(8, as: Int64.self), clueDate: read(16, as: Int32.self), income: read(20, as: Int64.self))
    }
}

/// The words of the contract the early warning reads, as their stored positions.
enum Words {
    static let monitored = Households.category.code("monitored")
    static let eliminated = Households.riskStatus.code("eliminated")
    static let notEliminated = Households.riskStatus.code("not_eliminated")
    static let pending = Households.clueOutcome.code("pending")
}
