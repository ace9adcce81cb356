/// One column of a feed after typing, in row order of the accepted rows.
public enum TypedColumn: Sendable {
    case uint8([UInt8])
    case int32([Int32])
    case int64([Int64])
    case text([String])

    var count: Int {
        switch self {
        case .uint8(let values): return values.count
        case .int32(let values): return values.count
        case .int64(let values): return values.count
        case .text(let values): return values.count
        }
    }
}

/// Collects one column's values, chunk after chunk, in its storage type.
final class ColumnBuilder {
    let storage: StorageKind
    private var uint8: [UInt8] = []
    private var int32: [Int32] = []
    private var int64: [Int64] = []
    private var text: [String] = []

    init(storage: StorageKind, capacity: Int) {
        self.storage = storage
        switch storage {
        case .uint8: uint8.reserveCapacity(capacity)
        case .int32: int32.reserveCapacity(capacity)
        case .int64: int64.reserveCapacity(capacity)
        case .text: text.reserveCapacity(capacity)
        }
    }

    /// Appends a chunk's column, skipping rows whose `keep` flag is false (all kept when nil).
    func append(_ chunk: TypedColumn, keep: [Bool]?) {
        func take<T>(_ target: inout [T], _ source: [T]) {
            guard let keep else { return target.append(contentsOf: source) }
            for (row, value) in source.enumerated() where keep[row] { target.append(value) }
        }
        switch (storage, chunk) {
        case (.uint8, .uint8(let values)): take(&uint8, values)
        case (.int32, .int32(let values)): take(&int32, values)
        case (.int64, .int64(let values)): take(&int64, values)
        case (.text, .text(let values)): take(&text, values)
        default: preconditionFailure("a chunk column of another storage type")
        }
    }

    var column: TypedColumn {
        switch storage {
        case .uint8: return .uint8(uint8)
        case .int32: return .int32(int32)
        case .int64: return .int64(int64)
        case .text: return .text(text)
        }
    }
}
