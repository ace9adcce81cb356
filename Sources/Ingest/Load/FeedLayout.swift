/// How a feed file's header lines up with its schema: which file column holds
/// each contract column, and which columns the contract does not know.
struct FeedLayout {
    let schema: FeedSchema
    /// Number of columns in the header; every record must have as many fields.
    let fileColumnCount: Int
    /// For each schema field, its position in the file.
    let positions: [Int]
    /// Header names the contract does not know, in file order.
    let extraColumns: [String]
    /// Schema fields prepared for the hot path.
    let fields: [PreparedField]
    /// Schema positions of the key columns.
    let keyFields: [Int]

    /// Lines the header up with the schema; throws when a required column is missing.
    init(schema: FeedSchema, header: [String], file: String) throws {
        self.schema = schema
        fileColumnCount = header.count
        var positions: [Int] = []
        for field in schema.fields {
            guard let position = header.firstIndex(of: field.name) else {
                throw IngestError.missingColumn(file: file, column: field.name, found: header)
            }
            positions.append(position)
        }
        self.positions = positions
        let known = Set(schema.fields.map(\.name))
        var seen = Set<String>()
        extraColumns = header.filter { !known.contains($0) && seen.insert($0).inserted }
        fields = schema.fields.map(PreparedField.init)
        keyFields = schema.keyFields.map { schema.index(of: $0)! }
    }
}

/// A schema field with its word lists as bytes, ready for the parse loop.
struct PreparedField {
    enum Tag {
        case code, residentID, choice, flag, date, decimal, integer, year, choiceSet, text
    }

    let name: String
    let tag: Tag
    let width: Int
    let words: [[UInt8]]
    let range: ClosedRange<Int64>
    let optional: Bool
    let reference: KeySpace?
    let storage: StorageKind
    let expectation: String

    init(_ field: FieldSchema) {
        name = field.name
        optional = field.optional
        reference = field.reference
        storage = field.storage
        expectation = field.kind.expectation
        var width = 0
        var words: [[UInt8]] = []
        var range: ClosedRange<Int64> = 0...0
        switch field.kind {
        case .code(let digits): tag = .code; width = digits
        case .residentID: tag = .residentID
        case .choice(let list): tag = .choice; words = list.map { Array($0.utf8) }
        case .flag: tag = .flag
        case .date: tag = .date
        case .decimal: tag = .decimal
        case .integer(let bounds): tag = .integer; range = Int64(bounds.lowerBound)...Int64(bounds.upperBound)
        case .year: tag = .year
        case .choiceSet(let list): tag = .choiceSet; words = list.map { Array($0.utf8) }
        case .text: tag = .text
        }
        self.width = width
        self.words = words
        self.range = range
    }

    /// The stored value of an empty optional field.
    var missingValue: Int64 {
        tag == .date ? Int64(DayNumber.missing) : 0
    }
}
