import Ingest

/// The contract's word lists as bytes, ready to be copied into rows.
enum Vocabulary {
    static let categories = bytes(Households.category.words)
    static let monitoringTypes = bytes(Households.monitoringType.words)
    static let riskStatuses = bytes(Households.riskStatus.words)
    static let riskTypes = bytes(Households.riskTypes.words)
    static let clueOutcomes = bytes(Households.clueOutcome.words)
    static let assistanceMeasures = bytes(Households.assistance.words)
    static let relations = bytes(Persons.relation.words)
    static let laborCapacities = bytes(Persons.laborCapacity.words)
    static let personStatuses = bytes(Persons.status.words)
    static let educationStages = bytes(Education.stage.words)
    static let educationStatuses = bytes(Education.status.words)
    static let housingGrades = bytes(Housing.grade.words)
    static let employmentStatuses = bytes(Employment.status.words)
    static let workLocations = bytes(Employment.location.words)
    static let assistanceKinds = bytes(SocialAssistance.kind.words)

    /// The header line of a feed: its contract column names in contract order.
    static func header(_ feed: Feed) -> [UInt8] {
        Array(feed.schema.columnNames.joined(separator: ",").utf8) + [UInt8(ascii: "\n")]
    }

    private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}
