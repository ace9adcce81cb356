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

/// Collects one column's values while a chunk is parsed.
final class ColumnBuilder {
    let storage: StorageKind
    var uint8: [UInt8] = []
    var int32: [Int32] = []
    var int64: [Int64] = []
    var text: [String] = []

    init(storage: StorageKind, capacity: Int) {
        self.storage = storage
        switch storage {
        case .uint8: uint8.reserveCapacity(capacity)
        case .int32: int32.reserveCapacity(capacity)
        case .int64: int64.reserveCapacity(capacity)
        case .text: text.reserveCapacity(capacity)
        }
    }

    @inline(__always)
    func append(_ value: Int64) {
        switch storage {
        case .uint8: uint8.append(UInt8(truncatingIfNeeded: value))
        case .int32: int32.append(Int32(truncatingIfNeeded: value))
        case .int64: int64.append(value)
        case .text: break
        }
    }

    /// Appends the rows of `other` whose `keep` flag is set (all when `keep` is nil).
    func append(contentsOf other: ColumnBuilder, keep: [Bool]?) {
        func take<T>(_ target: inout [T], _ source: [T]) {
            if let keep {
                for (i, value) in source.enumerated() where keep[i] { target.append(value) }
            } else {
                target.append(contentsOf: source)
            }
        }
        switch storage {
        case .uint8: take(&uint8, other.uint8)
        case .int32: take(&int32, other.int32)
        case .int64: take(&int64, other.int64)
        case .text: take(&text, other.text)
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
