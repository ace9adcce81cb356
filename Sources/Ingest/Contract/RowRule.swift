/// A condition on one column of a row, for the rules between columns.
struct ColumnCondition {
    enum Test {
        /// The stored value equals this (a word's position, a flag).
        case equals(Int64)
        /// The field is not empty.
        case present
    }
    let column: String
    let test: Test

    /// `column` holds `word` (a choice column).
    static func equals(_ column: FeedColumn<UInt8>, _ word: String) -> Self {
        ColumnCondition(column: column.name, test: .equals(Int64(column.code(word))))
    }

    /// The flag `column` is 1.
    static func isSet(_ column: FeedColumn<UInt8>) -> Self { ColumnCondition(column: column.name, test: .equals(1)) }

    /// `column` is not empty.
    static func present<V>(_ column: FeedColumn<V>) -> Self { ColumnCondition(column: column.name, test: .present) }
}

/// A rule between columns of one row as the contract states it; each one
/// blames a column and says what it expects.
struct ColumnRule {
    enum Kind {
        /// `blamed / divisor == other / otherDivisor` (skipped while `blamed` is empty).
        case samePrefix(other: String, divisor: Int64, otherDivisor: Int64)
        /// When `premise` holds, `conclusion` must hold.
        case implies(premise: ColumnCondition, conclusion: ColumnCondition)
        /// `blamed ≥ other` when both are present (dates).
        case notBefore(other: String)
    }
    let kind: Kind
    let blamed: String
    let expected: String

    /// The first `digits` digits of code `column` (of `width` digits) equal the
    /// first `otherDigits` of code `other` (of `otherWidth` digits).
    static func prefix<A, B>(_ column: FeedColumn<A>, width: Int, digits: Int, of other: FeedColumn<B>,
                             otherWidth: Int, otherDigits: Int, _ expected: String) -> Self {
        ColumnRule(kind: .samePrefix(other: other.name, divisor: power(width - digits),
                                     otherDivisor: power(otherWidth - otherDigits)),
                   blamed: column.name, expected: expected)
    }

    /// `column` is empty unless the condition holds.
    static func emptyUnless<A>(_ column: FeedColumn<A>, _ condition: ColumnCondition, _ expected: String) -> Self {
        ColumnRule(kind: .implies(premise: .present(column), conclusion: condition), blamed: column.name, expected: expected)
    }

    /// `column` is present when the condition holds.
    static func requiredWhen<A>(_ column: FeedColumn<A>, _ condition: ColumnCondition, _ expected: String) -> Self {
        ColumnRule(kind: .implies(premise: condition, conclusion: .present(column)), blamed: column.name, expected: expected)
    }

    /// When `premise` holds, `conclusion` must hold; the premise's column is blamed.
    static func implies(_ premise: ColumnCondition, _ conclusion: ColumnCondition, _ expected: String) -> Self {
        ColumnRule(kind: .implies(premise: premise, conclusion: conclusion), blamed: premise.column, expected: expected)
    }

    static func notBefore(_ later: FeedColumn<Int32>, _ earlier: FeedColumn<Int32>, _ expected: String) -> Self {
        ColumnRule(kind: .notBefore(other: earlier.name), blamed: later.name, expected: expected)
    }

    private static func power(_ exponent: Int) -> Int64 {
        (0..<max(0, exponent)).reduce(Int64(1)) { value, _ in value * 10 }
    }

    /// The rule on field positions, with the stored values that mean "empty".
    func resolved(_ index: (String) -> Int, _ fields: [FieldSchema]) -> RowRule {
        func test(_ condition: ColumnCondition) -> RowRule.Test {
            let field = index(condition.column)
            let missing = fields[field].optional ? fields[field].missingValue : nil
            switch condition.test {
            case .equals(let value): return RowRule.Test(field: field, value: value, presence: false, missing: missing)
            case .present: return RowRule.Test(field: field, value: 0, presence: true, missing: missing)
            }
        }
        let blame = index(blamed)
        let own = test(.present(FeedColumn<Int64>(fields[blame])))
        switch kind {
        case .samePrefix(let other, let divisor, let otherDivisor):
            return RowRule(kind: .samePrefix, blame: blame, premise: own,
                           conclusion: test(ColumnCondition(column: other, test: .present)),
                           divisor: divisor, otherDivisor: otherDivisor, expected: expected)
        case .implies(let premise, let conclusion):
            return RowRule(kind: .implies, blame: blame, premise: test(premise), conclusion: test(conclusion),
                           divisor: 1, otherDivisor: 1, expected: expected)
        case .notBefore(let other):
            return RowRule(kind: .notBefore, blame: blame, premise: own,
                           conclusion: test(ColumnCondition(column: other, test: .present)),
                           divisor: 1, otherDivisor: 1, expected: expected)
        }
    }
}

/// A rule between typed values of one row, on schema field positions, as
/// plain data for the parse loop (values are checked before references are
/// resolved, so codes are still codes). A broken rule blames `blame`.
struct RowRule: Sendable {
    enum Kind: UInt8, Sendable {
        /// `premise.field / divisor == conclusion.field / otherDivisor`, skipped while the premise's field is empty.
        case samePrefix
        /// `premise` ⇒ `conclusion`.
        case implies
        /// `premise.field ≥ conclusion.field` when both are present.
        case notBefore
    }

    /// A test on one field: equal to `value`, or not empty (`presence`).
    struct Test: Sendable {
        var field: Int
        var value: Int64
        var presence: Bool
        /// The stored value of an empty field; nil when the field is required.
        var missing: Int64?

        @inline(__always)
        func isEmpty(_ values: UnsafeMutablePointer<Int64>) -> Bool { values[field] == missing }

        @inline(__always)
        func holds(_ values: UnsafeMutablePointer<Int64>) -> Bool {
            presence ? !isEmpty(values) : values[field] == value
        }
    }

    var kind: Kind
    var blame: Int
    var premise: Test
    var conclusion: Test
    var divisor: Int64
    var otherDivisor: Int64
    /// What the rule expects, for the quarantine message.
    var expected: String

    /// Whether the rule holds for one row's typed values.
    @inline(__always)
    func holds(_ values: UnsafeMutablePointer<Int64>) -> Bool {
        switch kind {
        case .samePrefix:
            return premise.isEmpty(values)
                || values[premise.field] / divisor == values[conclusion.field] / otherDivisor
        case .implies:
            return !premise.holds(values) || conclusion.holds(values)
        case .notBefore:
            return premise.isEmpty(values) || conclusion.isEmpty(values)
                || values[premise.field] >= values[conclusion.field]
        }
    }
}
