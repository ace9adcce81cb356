import Foundation

/// Multiplication, literal folding and amounts of different scales: what
/// lets a threshold be a parameter (`income_per_capita < income_drop_ceiling * monitoring_line`,
/// `income_per_capita <= income_prev_year * (1 - income_drop_share)`) and stay exact to the fen.
extension Compiler {
    /// `a op b` of two number literals, computed exactly in decimal.
    static func folded(_ a: String, _ op: String, _ b: String, offset: Int) throws -> String {
        guard let x = Decimal(string: a, locale: Locale(identifier: "en_US_POSIX")),
              let y = Decimal(string: b, locale: Locale(identifier: "en_US_POSIX")) else {
            throw ExpressionFailure(offset: offset, message: "cannot compute \(a) \(op) \(b)")
        }
        let result: Decimal = switch op {
        case "+": x + y
        case "-": x - y
        default: x * y
        }
        var value = result
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 8, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    /// A field times a number: amounts become scaled amounts (exact), whole numbers stay whole
    /// when the number is whole.
    func product(_ l: Typed, _ r: Typed, offset: Int) throws -> Typed {
        let (field, type, literal): (any VectorNode, ValueType, String)
        switch (l, r) {
        case (.vector(let node, let t), .number(let text, _)), (.number(let text, _), .vector(let node, let t)):
            (field, type, literal) = (node, t, text)
        default:
            throw ExpressionFailure(offset: offset, message: "'*' multiplies a field by a number or parameter, e.g. income_prev_year * 0.7")
        }
        let decimals = Self.decimals(of: literal)
        guard decimals <= 4, let factor = Self.scaled(literal, decimals: decimals) else {
            throw ExpressionFailure(offset: offset, message: "'*' takes a number with at most 4 decimals, found \(literal)")
        }
        let scaled = ScaleNode(field, factor: factor)
        guard scaled.largest < .max else {
            throw ExpressionFailure(offset: offset, message: "this '*' could exceed the largest number the engine computes with "
                + "exactly (about 9.2 × 10¹⁸); use a smaller factor")
        }
        if let scale = type.amountScale {
            return .vector(scaled, .amount(scale: scale + decimals))
        }
        guard type == .int, decimals == 0 else {
            throw ExpressionFailure(offset: offset, message: "'*' multiplies an amount, or a whole number by a whole number; this is \(type) times \(literal)")
        }
        return .vector(scaled, .int)
    }

    /// Two amounts brought to the same unit (the finer one), with that unit's type; nil unless both are amounts.
    static func alignedAmounts(_ a: any VectorNode, _ ta: ValueType, _ b: any VectorNode,
                               _ tb: ValueType) -> (any VectorNode, any VectorNode, ValueType)? {
        guard let sa = ta.amountScale, let sb = tb.amountScale, sa != sb else { return nil }
        func power(_ n: Int) -> Int64 { (0..<n).reduce(1) { value, _ in value * 10 } }
        return sa < sb
            ? (ScaleNode(a, factor: power(sb - sa)), b, tb)
            : (a, ScaleNode(b, factor: power(sa - sb)), ta)
    }
}
