import Ingest

/// The contract's word lists as bytes, ready to be copied into rows.
enum Vocabulary {
    static let categories = bytes(FeedContract.categories)
    static let monitoringTypes = bytes(FeedContract.monitoringTypes)
    static let riskStatuses = bytes(FeedContract.riskStatuses)
    static let assistanceMeasures = bytes(FeedContract.assistanceMeasures)
    static let relations = bytes(FeedContract.relations)
    static let laborCapacities = bytes(FeedContract.laborCapacities)
    static let educationStages = bytes(FeedContract.educationStages)
    static let educationStatuses = bytes(FeedContract.educationStatuses)
    static let housingGrades = bytes(FeedContract.housingGrades)
    static let employmentStatuses = bytes(FeedContract.employmentStatuses)
    static let workLocations = bytes(FeedContract.workLocations)

    /// The header line of a feed: its contract column names in contract order.
    static func header(_ feed: Feed) -> [UInt8] {
        Array(feed.schema.fields.map(\.name).joined(separator: ",").utf8) + [UInt8(ascii: "\n")]
    }

    private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}
