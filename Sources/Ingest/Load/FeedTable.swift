/// The accepted rows of one feed as typed columns.
///
/// Columns follow the schema's order. A column that refers to another feed
/// holds that feed's row index (`Int32`), not the code.
public struct FeedTable: Sendable {
    public let schema: FeedSchema
    public let columns: [TypedColumn]
    public let rowCount: Int

    public init(schema: FeedSchema, columns: [TypedColumn]) {
        self.schema = schema
        self.columns = columns
        self.rowCount = columns.first?.count ?? 0
    }

    private func column(_ name: String) -> TypedColumn {
        guard let index = schema.index(of: name) else {
            preconditionFailure("\(schema.feed.fileName) has no column \(name)")
        }
        return columns[index]
    }

    /// A `choice` or `flag` column.
    public func uint8(_ name: String) -> [UInt8] {
        guard case .uint8(let values) = column(name) else { preconditionFailure("\(name) is not stored as UInt8") }
        return values
    }

    /// A date, integer, year, set or reference column.
    public func int32(_ name: String) -> [Int32] {
        guard case .int32(let values) = column(name) else { preconditionFailure("\(name) is not stored as Int32") }
        return values
    }

    /// A code, decimal or resident-ID column.
    public func int64(_ name: String) -> [Int64] {
        guard case .int64(let values) = column(name) else { preconditionFailure("\(name) is not stored as Int64") }
        return values
    }

    /// A text column.
    public func text(_ name: String) -> [String] {
        guard case .text(let values) = column(name) else { preconditionFailure("\(name) is not stored as text") }
        return values
    }
}
