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
    /// Schema positions of the key columns.
    let keyFields: [Int]
    /// The schema's fields as plain data for the parse loop.
    let plan: ParsePlan
    /// The quarantine messages of each field's refused value and empty value, and of each row rule,
    /// made once, so a feed of bad rows does not make one string per row.
    let refusedMessages: [String]
    let emptyMessages: [String]
    let ruleMessages: [String]

    /// Lines the header up with the schema; throws when a required column is missing.
    init(schema: FeedSchema, header: [String], file: String, keyIndexes: [KeySpace: KeyIndex], referenceDate: Int32) throws {
        self.schema = schema
        fileColumnCount = header.count
        var positions: [Int] = []
        for field in schema.fields {
            guard let position = header.firstIndex(of: field.name) else {
                throw IngestError.missingColumns([MissingColumns(file: file, columns: schema.missingColumns(in: header))])
            }
            positions.append(position)
        }
        self.positions = positions
        let known = Set(schema.fields.map(\.name))
        var seen = Set<String>()
        extraColumns = header.filter { !known.contains($0) && seen.insert($0).inserted }
        keyFields = schema.keyFields.compactMap { schema.index(of: $0) }
        plan = ParsePlan(schema: schema, positions: positions, keyIndexes: keyIndexes, referenceDate: referenceDate)
        refusedMessages = schema.fields.map { "expected \($0.kind.expectation)" }
        emptyMessages = schema.fields.map { "expected \($0.kind.expectation); the value is empty" }
        ruleMessages = plan.rules.map { "expected \($0.expected)" }
    }

    /// The name of schema field `field`.
    func name(_ field: Int) -> String { schema.fields[field].name }
}
