/// The feeds of the feed contract (version 2), in the order they are loaded
/// (each feed only refers to feeds before it). Each feed is declared once, in
/// `Contract/Feeds/`: its typed columns, key, rules and how it joins the roster.
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
    case socialAssistance = "social_assistance"

    /// The file name in the data folder.
    public var fileName: String { rawValue + ".csv" }

    /// The feed's schema in the contract.
    public var schema: FeedSchema {
        switch self {
        case .regions: return Regions.schema
        case .villages: return Villages.schema
        case .households: return Households.schema
        case .persons: return Persons.schema
        case .education: return Education.schema
        case .medicalInsurance: return MedicalInsurance.schema
        case .housing: return Housing.schema
        case .water: return Water.schema
        case .employment: return Employment.schema
        case .socialAssistance: return SocialAssistance.schema
        }
    }

    /// The version of the feed contract these declarations implement.
    public static let contractVersion = 2

    public static func < (lhs: Feed, rhs: Feed) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// The key spaces that other feeds refer to.
public enum KeySpace: String, Sendable, CaseIterable {
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

    /// The quarantine message of a dangling reference: one string per key space, shared by
    /// every quarantined row (a message built per row would cost memory with each bad row).
    var unknownMessage: String { Self.unknownMessages[self] ?? "" }

    private static let unknownMessages = Dictionary(uniqueKeysWithValues: allCases.map {
        ($0, "no such \($0.rawValue) in \($0.definingFeed.fileName) (or its row there was quarantined)")
    })
}
