import Yams

/// The checks on plain values of the pipeline file: names, numbers and
/// nesting. Everything here is refused with the line and column of the value,
/// so a statistician's typo (or a hostile file) never reaches the engine.
extension YAMLReader {
    /// Deepest nesting of YAML lists and mappings the pipeline file may use.
    static let maximumYAMLDepth = 64
    /// Largest size of a number written in the pipeline file (15 digits before the point).
    static let largestNumber = 999_999_999_999_999.0

    /// A name: a lower-case letter, then lower-case letters, digits and '_'.
    static func isName(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 97 && first <= 122 else { return false }
        return text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    /// The text of `node`, checked to be a name (see `isName`); `what` says what it names.
    func name(_ node: Node, _ what: String) throws -> String {
        let text = try string(node)
        guard Self.isName(text) else {
            throw error(at: node, "\(what) '\(Self.shown(text))' is not a valid name: use lower-case letters a–z, digits and '_', "
                + "starting with a letter (for example 'tap_water_rate')")
        }
        return text
    }

    /// A plain decimal number (`7500`, `0.05`, `-3`): finite, no exponent, at most 15 digits before the point.
    static func plainDecimal(_ text: String) -> Double? {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 15,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let value = Double(text), value.isFinite, abs(value) <= largestNumber else { return nil }
        return value
    }

    /// A number in `range`, written as a plain decimal.
    func decimal(_ node: Node, in range: ClosedRange<Double>, _ what: String) throws -> Double {
        let text = try string(node).trimmingCharacters(in: .whitespaces)
        guard let value = Self.plainDecimal(text), range.contains(value) else {
            let expected = range.upperBound == Self.largestNumber
                ? "a plain number (such as 7500 or 0.05) with at most 15 digits before the point"
                : "a plain number from \(Self.shown(range.lowerBound)) to \(Self.shown(range.upperBound))"
            throw error(at: node, "\(what) must be \(expected), found '\(Self.shown(text))'")
        }
        return value
    }

    /// At most 60 characters of `text`, without control characters, for a message.
    static func shown(_ text: String) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }))
        return clean.count > 60 ? String(clean.prefix(60)) + "…" : clean
    }

    static func shown(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// Refuses pipeline text nested deeper than `maximumYAMLDepth` before YAML reads it
    /// (the YAML reader recurses once per level). Counts open flow brackets
    /// anywhere (a bracket inside a quoted text counts too, which only matters
    /// for absurd files) and the indentation and '- ' markers that open block levels.
    static func checkNesting(_ text: String, file: String) throws {
        var flow = 0
        var line = 1
        var column = 0
        var leading: Int? = 0
        for byte in text.utf8 {
            column += 1
            switch byte {
            case 10:
                line += 1
                column = 0
                leading = 0
                continue
            case 32, 9, UInt8(ascii: "-"), UInt8(ascii: "?"):
                if let count = leading {
                    leading = count + 1
                    if count + 1 > maximumYAMLDepth * 8 {
                        throw PipelineError(file: file, line: line, column: column,
                                            message: "this line is indented too deeply; the pipeline file nests at most \(maximumYAMLDepth) levels")
                    }
                }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flow += 1
                if flow > maximumYAMLDepth {
                    throw PipelineError(file: file, line: line, column: column,
                                        message: "lists or mappings nested more than \(maximumYAMLDepth) levels deep; the pipeline file does not need so many")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flow = max(0, flow - 1)
            default:
                break
            }
            leading = nil
        }
    }
}
