/// The accepted rows of one feed as typed columns.
///
/// Columns follow the schema's order. A column that refers to another feed
/// holds that feed's row index (`Int32`), not the code. Read a column through
/// its typed key: `table[Households.category]` is a `[UInt8]`.
public struct FeedTable: Sendable {
    public let schema: FeedSchema
    public let columns: [TypedColumn]
    public let rowCount: Int

    public init(schema: FeedSchema, columns: [TypedColumn]) {
        self.schema = schema
        self.columns = columns
        self.rowCount = columns.first?.count ?? 0
    }

    /// The values of one column, typed by its key.
    /// - Precondition: the key is a column of this table's feed (keys are declared with
    ///   their feed in `Contract/Feeds/`, so this only fails on a programming error).
    public subscript<Value>(column: FeedColumn<Value>) -> [Value] {
        guard let index = schema.index(of: column.name), let values = Value.values(of: columns[index]) else {
            preconditionFailure("\(schema.feed.fileName) has no column \(column.name) of that type")
        }
        return values
    }
}
