/// A feed schema flattened into plain memory for the parse loop: field
/// kinds, word lists as bytes, rules and reference look-ups, with no reference
/// counting or string work per row.
final class ParsePlan: @unchecked Sendable {
    enum Tag: UInt8 {
        case code, residentID, choice, flag, date, decimal, integer, year, choiceSet, text
    }

    /// One schema field.
    struct Field {
        var tag: Tag
        /// Digits of a code.
        var width: Int
        var optional: Bool
        /// Column position in the file.
        var position: Int
        /// Allowed range of an integer; for a date, `high` is the latest day allowed.
        var low: Int64
        var high: Int64
        /// Index into `lookups` when the field refers to another feed, else -1.
        var reference: Int
        /// Words of a choice or set: `wordOffsets[firstWord ..< firstWord + wordCount + 1]`.
        var firstWord: Int
        var wordCount: Int
        var storage: StorageKind
        /// The stored value of an empty optional field (see `FieldSchema.missingValue`).
        var missingValue: Int64
    }

    let fields: UnsafeMutableBufferPointer<Field>
    let rules: UnsafeMutableBufferPointer<RowRule>
    let lookups: UnsafeMutableBufferPointer<KeyIndex.Lookup>
    /// Start of each word in `wordBytes`, plus one end offset per word list.
    let wordOffsets: UnsafeMutableBufferPointer<Int>
    let wordBytes: UnsafeMutableBufferPointer<UInt8>
    /// Key indexes kept alive while their look-ups are used.
    private let keyIndexes: [KeyIndex]

    init(schema: FeedSchema, positions: [Int], keyIndexes: [KeySpace: KeyIndex], referenceDate: Int32) {
        var fields: [Field] = []
        var offsets: [Int] = []
        var bytes: [UInt8] = []
        var referenced: [KeyIndex] = []
        for (i, field) in schema.fields.enumerated() {
            var plan = Field(tag: .text, width: 0, optional: field.optional, position: positions[i], low: 0, high: 0,
                             reference: -1, firstWord: offsets.count, wordCount: 0, storage: field.storage,
                             missingValue: field.missingValue)
            func words(_ list: [String]) {
                plan.wordCount = list.count
                for word in list {
                    offsets.append(bytes.count)
                    bytes.append(contentsOf: word.utf8)
                }
                offsets.append(bytes.count)
            }
            switch field.kind {
            case .code(let digits): plan.tag = .code; plan.width = digits
            case .residentID: plan.tag = .residentID
            case .choice(let list): plan.tag = .choice; words(list)
            case .flag: plan.tag = .flag
            case .date:
                plan.tag = .date
                plan.high = field.mayFollowReference ? Int64(Int32.max) : Int64(referenceDate)
            case .decimal: plan.tag = .decimal
            case .integer(let range): plan.tag = .integer; plan.low = Int64(range.lowerBound); plan.high = Int64(range.upperBound)
            case .year: plan.tag = .year
            case .choiceSet(let list): plan.tag = .choiceSet; words(list)
            case .text: plan.tag = .text
            }
            if let space = field.reference, let index = keyIndexes[space] {
                plan.reference = referenced.count
                referenced.append(index)
            }
            fields.append(plan)
        }
        self.fields = Self.copy(fields)
        self.rules = Self.copy(schema.rowRules)
        self.lookups = Self.copy(referenced.map(\.lookupView))
        self.wordOffsets = Self.copy(offsets)
        self.wordBytes = Self.copy(bytes)
        self.keyIndexes = referenced
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }

    deinit {
        fields.baseAddress.map { $0.deallocate() }
        rules.baseAddress.map { $0.deallocate() }
        lookups.baseAddress.map { $0.deallocate() }
        wordOffsets.baseAddress.map { $0.deallocate() }
        wordBytes.baseAddress.map { $0.deallocate() }
    }

    /// The 0-based position of `bytes[start..<end]` among the field's words, or nil.
    @inline(__always)
    func word(of field: Field, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let length = end - start
        for w in 0..<field.wordCount {
            let from = wordOffsets[field.firstWord + w], to = wordOffsets[field.firstWord + w + 1]
            guard to - from == length else { continue }
            var i = 0
            while i < length && wordBytes[from + i] == bytes[start + i] { i += 1 }
            if i == length { return w }
        }
        return nil
    }

    /// The field a row rule blames, or nil when every rule holds.
    @inline(__always)
    func brokenRule(_ values: UnsafeMutablePointer<Int64>) -> (rule: Int, field: Int)? {
        for r in 0..<rules.count where !rules[r].holds(values) {
            return (r, rules[r].blame)
        }
        return nil
    }
}
