/// The nine feeds of the feed contract, in the order they are loaded
/// (each feed only refers to feeds before it).
public enum Feed: String, CaseIterable, Sendable, Comparable {
    case regions
    case villages
    case households
    case persons
    case education
    case medicalInsurance = "medical_insurance"
    case housing
    case water
    case employment

    /// The file name in the data folder.
    public var fileName: String { rawValue + ".csv" }

    /// The feed's schema in the contract.
    public var schema: FeedSchema { FeedContract.schema(of: self) }

    public static func < (lhs: Feed, rhs: Feed) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The key spaces that other feeds refer to.
public enum KeySpace: String, Sendable {
    case county
    case village
    case household
    case person

    /// The feed that defines the keys, and the reason used for a dangling reference.
    var definingFeed: Feed {
        switch self {
        case .county: return .regions
        case .village: return .villages
        case .household: return .households
        case .person: return .persons
        }
    }

    var unknownReason: QuarantineReason {
        switch self {
        case .county: return .unknownCounty
        case .village: return .unknownVillage
        case .household: return .unknownHousehold
        case .person: return .unknownPerson
        }
    }
}
