import Ingest

/// The rows one county contributes to the feeds below `regions.csv`,
/// plus a few of its keys that the deliberately bad rows can borrow.
struct CountyOutput {
    var villages = RowBytes()
    var households = RowBytes()
    var persons = RowBytes()
    var education = RowBytes()
    var insurance = RowBytes()
    var housing = RowBytes()
    var water = RowBytes()
    var employment = RowBytes()
    var socialAssistance = RowBytes()

    /// The first village that has households, and how many it has.
    var firstVillage: (code: Int, households: Int)?
    /// The first household ID written.
    var firstHousehold: Int?
    /// Codes of the villages left without households.
    var emptyVillages: [Int] = []
    /// A person aged 0–2 (no education row).
    var toddler: [UInt8]?
    /// Persons aged 65 or more (no employment row), at most two.
    var elders: [[UInt8]] = []
    var householdWithoutHousing: Int?
    var householdWithoutWater: Int?

    /// Empty buffers sized for about `expectedPersons` (rough bytes per person, so they rarely grow).
    init(expectedPersons n: Int) {
        villages = RowBytes(capacity: 4_096)
        households = RowBytes(capacity: n * 30)
        persons = RowBytes(capacity: n * 52)
        education = RowBytes(capacity: n * 8)
        insurance = RowBytes(capacity: n * 33)
        housing = RowBytes(capacity: n * 6)
        water = RowBytes(capacity: n * 6)
        employment = RowBytes(capacity: n * 30)
        socialAssistance = RowBytes(capacity: n * 4)
    }

    /// The rows of `feed` (not `regions`, which is province-wide).
    func rows(_ feed: Feed) -> RowBytes {
        switch feed {
        case .regions: return RowBytes()
        case .villages: return villages
        case .households: return households
        case .persons: return persons
        case .education: return education
        case .medicalInsurance: return insurance
        case .housing: return housing
        case .water: return water
        case .employment: return employment
        case .socialAssistance: return socialAssistance
        }
    }
}
