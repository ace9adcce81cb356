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

    /// Appends `values[offset], values[offset + stride], …` (row-major staging),
    /// narrowed to the storage type, skipping rows whose `keep` flag is false.
    func append(_ values: UnsafeBufferPointer<Int64>, offset: Int, stride: Int, keep: [Bool]?) {
        func take<T: FixedWidthInteger>(_ target: inout [T]) {
            var i = offset
            var row = 0
            while i < values.count {
                if keep?[row] ?? true { target.append(T(truncatingIfNeeded: values[i])) }
                i += stride
                row += 1
            }
        }
        switch storage {
        case .uint8: take(&uint8)
        case .int32: take(&int32)
        case .int64: take(&int64)
        case .text: break
        }
    }

    /// Appends `texts[offset], texts[offset + stride], …`, skipping rows whose `keep` flag is false.
    func appendTexts(_ texts: [String], offset: Int, stride: Int, keep: [Bool]?) {
        var i = offset
        var row = 0
        while i < texts.count {
            if keep?[row] ?? true { text.append(texts[i]) }
            i += stride
            row += 1
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
