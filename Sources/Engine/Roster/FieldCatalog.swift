import Ingest

/// A field the expression language can name, and how to build its column.
struct FieldDescriptor {
    let name: String
    let entity: Entity
    let type: ValueType
    /// Builds the column in roster (sorted) order; only fields an expression uses are built.
    let build: @Sendable (RosterSource) -> ColumnValues
}

/// What columns are built from: the ingested feeds, their layout, the reference date.
struct RosterSource: Sendable {
    let ingest: IngestResult
    let roster: Roster
    let referenceDate: Int32
    /// Each person's birth date and age, decoded from the resident IDs once for all fields.
    let personBirths: PersonBirths

    init(ingest: IngestResult, roster: Roster, referenceDate: Int32) {
        self.ingest = ingest
        self.roster = roster
        self.referenceDate = referenceDate
        personBirths = PersonBirths(ingest: ingest, roster: roster, referenceDate: referenceDate)
    }
}

/// Every field of the feeds as expressions see it, following the contract's
/// declarations (`Contract/Feeds/`): the columns of `persons.csv` and
/// `households.csv` by their names, each sector feed's columns as
/// `feed.column` joined to the person or household as the feed declares
/// (missing when there is no sector row), and a few fields computed from the
/// roster (`age`, `age_days`, `member`, `key_county`, …). A new feed's columns
/// appear here without any change to this file.
enum FieldCatalog {
    static let all: [FieldDescriptor] = computedFields + rosterFields(.persons, entity: .person)
        + rosterFields(.households, entity: .household) + Feed.allCases.flatMap(sectorFields)

    static func field(named name: String, entity: Entity) -> FieldDescriptor? {
        all.first { $0.name == name && $0.entity == entity }
    }

    /// How an expression sees a column of the contract; nil for codes, IDs and text.
    static func valueType(of field: FieldSchema, named name: String) -> ValueType? {
        guard field.reference == nil else { return nil }
        switch field.kind {
        case .choice(let words): return .choice(field: name, words: words)
        case .choiceSet(let words): return .choiceSet(field: name, words: words)
        case .flag, .integer, .year: return .int
        case .decimal: return .money
        case .date: return .date
        case .code, .residentID, .text: return nil
        }
    }

    /// The columns of a roster feed (persons or households) under their own names.
    private static func rosterFields(_ feed: Feed, entity: Entity) -> [FieldDescriptor] {
        let schema = feed.schema
        return schema.fields.enumerated().compactMap { index, field in
            guard let type = valueType(of: field, named: field.name) else { return nil }
            return FieldDescriptor(name: field.name, entity: entity, type: type) { source in
                let rows = entity == .person ? source.roster.personFeedRow : source.roster.householdFeedRow
                return gather(source.ingest.table(feed).columns[index], field: field, rows: rows)
            }
        }
    }

    /// The fields of a sector feed, as its declaration joins it to the roster.
    private static func sectorFields(_ feed: Feed) -> [FieldDescriptor] {
        let schema = feed.schema
        guard let sector = schema.sector, let ownerIndex = schema.fields.firstIndex(where: { $0.reference == sector.owner })
        else { return [] }
        let entity: Entity = sector.owner == .person ? .person : .household
        switch sector.join {
        case .onePerKey, .referenceYear:
            let yearIndex: Int? = if case .referenceYear(let year) = sector.join { schema.index(of: year.name) } else { nil }
            return schema.fields.enumerated().compactMap { index, field in
                let name = feed.rawValue + "." + field.name
                guard index != ownerIndex, index != yearIndex, let type = valueType(of: field, named: name) else { return nil }
                return FieldDescriptor(name: name, entity: entity, type: type) { source in
                    let table = source.ingest.table(feed)
                    var rows: [Int]?
                    if let yearIndex, case .int32(let years) = table.columns[yearIndex] {
                        let year = Int32(DayNumber.civil(source.referenceDate).year)
                        rows = years.indices.filter { years[$0] == year }
                    }
                    return scatter(table, index, owner: ownerIndex, rows: rows, source: source, entity: entity)
                }
            }
        case .activeOnReferenceDate(let kind, let start, let end):
            return kind.words.enumerated().map { position, word in
                FieldDescriptor(name: feed.rawValue + "." + word, entity: entity, type: .bool) { source in
                    let table = source.ingest.table(feed)
                    let kinds = table[kind], starts = table[start], ends = table[end]
                    guard case .int32(let owners) = table.columns[ownerIndex] else { return .uint8([], missing: nil) }
                    let positions = entity == .person ? source.roster.personPosition : source.roster.householdPosition
                    let count = entity == .person ? source.roster.personCount : source.roster.householdCount
                    let r = source.referenceDate
                    var receives = [UInt8](repeating: 0, count: count)
                    for row in 0..<table.rowCount where Int(kinds[row]) == position + 1 && starts[row] <= r
                        && (ends[row] == DayNumber.missing || ends[row] >= r) {
                        receives[Int(positions[Int(owners[row])])] = 1
                    }
                    return .uint8(receives, missing: nil)
                }
            }
        }
    }

    /// A roster column in sorted order: `rows` gives each sorted position's feed row.
    private static func gather(_ column: TypedColumn, field: FieldSchema, rows: [Int32]) -> ColumnValues {
        switch column {
        case .uint8(let values):
            let missing: UInt8? = if case .choice = field.kind { 0 } else { nil }
            return .uint8(rows.map { values[Int($0)] }, missing: missing)
        case .int32(let values):
            let missing: Int32? = field.optional ? Int32(truncatingIfNeeded: field.missingValue) : nil
            return .int32(rows.map { values[Int($0)] }, missing: missing)
        case .int64(let values):
            return .int64(rows.map { values[Int($0)] }, missing: field.optional ? field.missingValue : nil)
        case .text:
            return .uint8([], missing: nil)
        }
    }

    /// A sector column joined to its owners: each row's value goes to its
    /// owner's sorted position (only `rows` when given); owners without a row hold "missing".
    private static func scatter(_ table: FeedTable, _ index: Int, owner ownerIndex: Int, rows: [Int]?,
                                source: RosterSource, entity: Entity) -> ColumnValues {
        let positions = entity == .person ? source.roster.personPosition : source.roster.householdPosition
        let count = entity == .person ? source.roster.personCount : source.roster.householdCount
        guard case .int32(let owners) = table.columns[ownerIndex] else { return .uint8([], missing: nil) }
        let field = table.schema.fields[index]
        let selected = rows ?? Array(0..<table.rowCount)
        func place<T>(_ values: [T], empty: T, isEmpty: (T) -> Bool) -> [T] {
            var result = [T](repeating: empty, count: count)
            for row in selected where !isEmpty(values[row]) { result[Int(positions[Int(owners[row])])] = values[row] }
            return result
        }
        switch table.columns[index] {
        case .uint8(let values):
            let missing: UInt8 = if case .choice = field.kind { 0 } else { 0xFF }
            return .uint8(place(values, empty: missing) { _ in false }, missing: missing)
        case .int32(let values):
            let empty = Int32(truncatingIfNeeded: field.missingValue)
            return .int32(place(values, empty: Int32.min) { field.optional && $0 == empty }, missing: Int32.min)
        case .int64(let values):
            return .int64(place(values, empty: Int64.min) { field.optional && $0 == field.missingValue }, missing: Int64.min)
        case .text:
            return .uint8([], missing: nil)
        }
    }
}
