/// Which counties a shard run computes (`--shard-of N --shard K`, or `--counties`).
///
/// The counties are those of `regions.csv`, which every shard reads whole.
/// Dealt shards follow one stable rule (docs/partials.md): a county belongs to
/// shard `county_code mod N`, so a county keeps its shard whatever other
/// counties are added or removed.
public enum ShardSelection: Sendable, Equatable {
    /// Shard `index` (from 0) of `count`.
    case dealt(count: Int, index: Int)
    /// Exactly these 6-digit county codes.
    case counties([Int64])

    /// The shard a county code is dealt to among `count` shards.
    public static func shard(ofCounty code: Int64, count: Int) -> Int { Int(code % Int64(count)) }

    /// The registered counties this selection owns.
    public func owned(among registered: [Int64]) -> Set<Int64> {
        switch self {
        case .dealt(let count, let index): return Set(registered.filter { Self.shard(ofCounty: $0, count: count) == index })
        case .counties(let codes): return Set(codes).intersection(registered)
        }
    }
}

/// The counties of a shard, resolved against `regions.csv`, and which rows of
/// each feed they own.
///
/// A row belongs to the county of its village or household code (for
/// `persons.csv`, its `household_id`); a row of a person-keyed feed belongs to
/// the shard that holds the person. A row that cannot be placed — a row
/// too malformed to show its code, a code of no registered county, a person
/// in no county's roster — belongs to the shard holding the lowest registered
/// county code, so that it is judged (and quarantined) exactly once.
public struct CountyOwnership: Sendable {
    /// Every county of `regions.csv` (accepted rows), ascending.
    public let registered: [Int64]
    /// The counties this shard computes.
    public let owned: Set<Int64>
    private let registeredSet: Set<Int64>

    public init(registered: [Int64], owned: Set<Int64>) {
        self.registered = registered.sorted()
        self.owned = owned
        registeredSet = Set(registered)
    }

    /// Whether this shard takes the rows that no county owns.
    public var ownsUnplaced: Bool { registered.first.map { owned.contains($0) } ?? true }

    /// Whether a row whose county code is `code` (nil: unreadable) is this shard's.
    @inline(__always)
    func owns(county code: Int64?) -> Bool {
        guard let code, registeredSet.contains(code) else { return ownsUnplaced }
        return owned.contains(code)
    }
}

/// How the parse loop decides, from a record's raw fields, whether it belongs to this shard.
struct RowPlacement: @unchecked Sendable {
    enum Rule {
        /// `regions.csv`: every shard reads the register whole.
        case everyRow
        /// The first 6 digits of the field at this file position are the county code.
        case countyPrefix(position: Int)
        /// The field at this file position is a person ID: the row goes with its person.
        case person(position: Int, own: KeyIndex.Lookup, foreign: KeyIndex.Lookup)
    }

    let rule: Rule
    let ownership: CountyOwnership
    /// For `persons.csv`: the file position of `person_id`, whose foreign keys are collected.
    let personKeyPosition: Int?

    /// The rule of a feed: by its person reference, else its household or village code.
    init(schema: FeedSchema, positions: [Int], ownership: CountyOwnership, keyIndexes: [KeySpace: KeyIndex],
         foreignPersons: KeyIndex?) {
        self.ownership = ownership
        personKeyPosition = schema.defines == .person ? schema.index(of: "person_id").map { positions[$0] } : nil
        if schema.feed == .regions {
            rule = .everyRow
        } else if let field = schema.fields.firstIndex(where: { $0.reference == .person }),
                  let own = keyIndexes[.person], let foreign = foreignPersons {
            rule = .person(position: positions[field], own: own.lookupView, foreign: foreign.lookupView)
        } else if let field = schema.index(of: "household_id") ?? schema.index(of: "village_code") {
            rule = .countyPrefix(position: positions[field])
        } else {
            rule = .everyRow
        }
    }

    /// Whether a record too malformed to read its fields belongs to this shard.
    var ownsMalformed: Bool {
        if case .everyRow = rule { return true }
        return ownership.ownsUnplaced
    }

    /// Whether the record with these field spans belongs to this shard.
    @inline(__always)
    func owns(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: UnsafeBufferPointer<RecordScanner.FieldSpan>,
              fieldCount: Int, referenceDate: Int32) -> Bool {
        switch rule {
        case .everyRow:
            return true
        case .countyPrefix(let position):
            guard position < fieldCount else { return ownership.ownsUnplaced }
            let span = fields[position]
            guard span.end - span.start >= 6 else { return ownership.ownsUnplaced }
            return ownership.owns(county: FieldParsers.fixedDigits(bytes, span.start, span.start + 6, width: 6))
        case .person(let position, let own, let foreign):
            guard position < fieldCount, let key = personKey(bytes, fields[position], referenceDate) else {
                return ownership.ownsUnplaced
            }
            if own.lookup(key) != nil { return true }
            if foreign.lookup(key) != nil { return false }
            return ownership.ownsUnplaced
        }
    }

    /// The packed key of a person ID field, or nil when it is not a valid ID.
    @inline(__always)
    func personKey(_ bytes: UnsafeBufferPointer<UInt8>, _ span: RecordScanner.FieldSpan, _ referenceDate: Int32) -> Int64? {
        guard case .success(let id) = ResidentID.check(bytes, span.start, span.end, referenceDate: referenceDate) else {
            return nil
        }
        return Int64(bitPattern: id.packed)
    }
}
