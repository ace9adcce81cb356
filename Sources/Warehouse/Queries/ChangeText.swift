import Engine
import Foundation

/// Signed text of a change between two figures.
enum ChangeText {
    /// `+12`, `-3`.
    static func count(_ change: Int64) -> String { change > 0 ? "+" + String(change) : String(change) }

    /// The change `n2/d2 − n1/d1` rounded half up (away from zero) to
    /// `decimals`, signed (`+0.0123`, `-0.5000`, `0.0000`). Both denominators
    /// must be non-zero.
    static func ratio(from old: (Int64, Int64), to new: (Int64, Int64), decimals: Int) -> String {
        let text = exact(from: old, to: new, decimals: decimals)
            ?? String(format: "%.*f", decimals, Double(new.0) / Double(new.1) - Double(old.0) / Double(old.1))
        let isZero = !text.contains { $0 != "-" && $0 != "0" && $0 != "." }
        if isZero { return text.hasPrefix("-") ? String(text.dropFirst()) : text }
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// The exact text, or nil when the integer arithmetic would overflow.
    private static func exact(from old: (Int64, Int64), to new: (Int64, Int64), decimals: Int) -> String? {
        let (a, o1) = new.0.multipliedReportingOverflow(by: old.1)
        let (b, o2) = old.0.multipliedReportingOverflow(by: new.1)
        let (numerator, o3) = a.subtractingReportingOverflow(b)
        let (denominator, o4) = new.1.multipliedReportingOverflow(by: old.1)
        guard !(o1 || o2 || o3 || o4), denominator != 0, (0...9).contains(decimals) else { return nil }
        // ExactDecimal computes |numerator| × 10^decimals × 2 + |denominator| in UInt64.
        var scale: UInt64 = 2
        for _ in 0..<decimals { scale *= 10 }
        let (scaled, o5) = numerator.magnitude.multipliedReportingOverflow(by: scale)
        let (_, o6) = scaled.addingReportingOverflow(denominator.magnitude)
        guard !(o5 || o6) else { return nil }
        return ExactDecimal.ratio(numerator, denominator, decimals: decimals)
    }
}
