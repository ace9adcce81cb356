import Ingest
import Yams

/// Walks the YAML tree of a pipeline file and turns each part into its typed
/// form; every error names the line and column of the node at fault.
struct YAMLReader {
    let file: String
    let lines: [String]

    /// The keys and values of a YAML mapping, keeping each node for its location.
    struct Fields {
        let node: Node
        let entries: [(key: String, keyNode: Node, value: Node)]
        let reader: YAMLReader

        subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }

        func required(_ key: String) throws -> Node {
            guard let value = self[key] else { throw reader.error(at: node, "missing key '\(key)'") }
            return value
        }
    }

    func error(at node: Node, _ message: String) -> PipelineError {
        let mark = node.mark
        return PipelineError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    func error(from yamlError: YamlError) -> PipelineError {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return PipelineError(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        default:
            return PipelineError(file: file, line: 1, column: 1, message: "YAML: \(yamlError)")
        }
    }

    func mapping(_ node: Node, allowed: [String]? = nil) throws -> Fields {
        guard case .mapping(let mapping) = node else { throw error(at: node, "expected a mapping of 'key: value' lines") }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            let name = try string(key)
            if let allowed, !allowed.contains(name) {
                throw error(at: key, "unknown key '\(name)'; expected one of: \(allowed.joined(separator: ", "))")
            }
            if entries.contains(where: { $0.0 == name }) { throw error(at: key, "key '\(name)' appears twice") }
            entries.append((name, key, value))
        }
        return Fields(node: node, entries: entries, reader: self)
    }

    func string(_ node: Node) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(at: node, "expected a single value, not a list or mapping") }
        return scalar.string
    }

    func integer(_ node: Node, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(try string(node)), range.contains(value) else {
            throw error(at: node, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func flag(_ node: Node) throws -> Bool {
        switch try string(node) {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(at: node, "expected true or false")
        }
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// An expression scalar with the file location of its first character.
    func expression(_ node: Node) throws -> ExpressionText {
        guard case .scalar(let scalar) = node else { throw error(at: node, "expected an expression") }
        let mark = location(of: node)
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return ExpressionText(text: scalar.string, location: SourceLocation(line: mark.line, column: mark.column + 1))
        case .literal, .folded:
            // The text starts on the next non-empty line, at its indentation; the empty lines before it
            // stay in the text as line breaks, so its location is that many lines higher.
            var lineIndex = mark.line // 0-based index of the line after the mark
            while lineIndex < lines.count && lines[lineIndex].trimmingCharacters(in: .whitespaces).isEmpty { lineIndex += 1 }
            let indent = lineIndex < lines.count ? lines[lineIndex].prefix { $0 == " " }.count : 0
            let leadingBreaks = min(scalar.string.prefix { $0 == "\n" }.count, lineIndex - mark.line)
            return ExpressionText(text: scalar.string,
                                  location: SourceLocation(line: lineIndex + 1 - leadingBreaks, column: indent + 1),
                                  continuationColumn: indent + 1)
        default:
            return ExpressionText(text: scalar.string, location: mark)
        }
    }

    func parameters(_ node: Node) throws -> [Parameter] {
        try mapping(node).entries.map { entry in
            let name = try name(entry.keyNode, "the parameter")
            let range = name == "max_quarantine_share" ? 0...1 : -Self.largestNumber...Self.largestNumber
            _ = try decimal(entry.value, in: range, "parameter '\(name)'")
            return Parameter(name: name, text: try string(entry.value).trimmingCharacters(in: .whitespaces),
                             location: location(of: entry.value))
        }
    }

    /// The `feeds:` section: each feed's encoding, and the feeds marked `may_be_empty: true`.
    func feedSettings(_ node: Node) throws -> (encodings: [Feed: FeedEncoding], mayBeEmpty: Set<Feed>) {
        var encodings: [Feed: FeedEncoding] = [:]
        var mayBeEmpty: Set<Feed> = []
        for entry in try mapping(node).entries {
            guard let feed = Feed(rawValue: entry.key) else {
                throw error(at: entry.keyNode, "unknown feed '\(entry.key)'; the feeds are: \(Feed.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let settings = try mapping(entry.value, allowed: ["encoding", "may_be_empty"])
            if let encodingNode = settings["encoding"] {
                let name = try string(encodingNode)
                guard let encoding = FeedEncoding(rawValue: name) else {
                    throw error(at: encodingNode, "unknown encoding '\(name)'; expected utf8 or gb18030")
                }
                encodings[feed] = encoding
            }
            if let emptyNode = settings["may_be_empty"], try flag(emptyNode) { mayBeEmpty.insert(feed) }
        }
        return (encodings, mayBeEmpty)
    }

    /// The province's two-digit code (`province: code:`), the first two digits of its county codes.
    func provinceCode(_ node: Node) throws -> String {
        let code = try string(node)
        guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw error(at: node, "expected the province's two-digit code in quotes, e.g. '52' for Guizhou")
        }
        return code
    }

    func entity(_ node: Node) throws -> Entity {
        let name = try string(node)
        guard let entity = Entity(rawValue: name) else { throw error(at: node, "unknown entity '\(name)'; expected person or household") }
        return entity
    }

    func derivedFields(_ node: Node) throws -> [DerivedFieldDefinition] {
        var result: [DerivedFieldDefinition] = []
        for group in try mapping(node, allowed: ["person", "household"]).entries {
            let entity = try self.entity(group.keyNode)
            for entry in try mapping(group.value).entries {
                let name = try name(entry.keyNode, "the derived field")
                result.append(DerivedFieldDefinition(entity: entity, name: name, expression: try expression(entry.value)))
            }
        }
        return result
    }

    func target(_ node: Node) throws -> Target {
        let text = try string(node).trimmingCharacters(in: .whitespaces)
        for comparison in [Target.Comparison.atLeast, .atMost, .equal] where text.hasPrefix(comparison.rawValue) {
            let number = text.dropFirst(comparison.rawValue.count).trimmingCharacters(in: .whitespaces)
            if let value = Self.plainDecimal(number) { return Target(comparison: comparison, value: value) }
            throw error(at: node, "the target's number must be a plain number of at most 15 digits before the point, "
                + "such as '>= 0.99', found '\(Self.shown(number))'")
        }
        throw error(at: node, "expected a target such as '>= 0.99', '<= 0' or '= 0'")
    }

    func indicators(_ node: Node) throws -> [IndicatorSpecification] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "expected a list of indicators ('- id: ...')") }
        let allowed = ["id", "label_zh", "label_en", "entity", "numerator", "denominator", "unit", "decimals", "target", "summary", "key",
                       "by", "by_labels"]
        var seen = Set<String>()
        return try sequence.map { item in
            let fields = try mapping(item, allowed: allowed)
            let idNode = try fields.required("id")
            let id = try name(idNode, "the indicator id")
            guard seen.insert(id).inserted else { throw error(at: idNode, "indicator '\(id)' is defined twice") }
            let numerator = try expression(fields.required("numerator"))
            let denominator = try fields["denominator"].map(expression)
            let definition = IndicatorDefinition(
                id: id, labelZH: try string(fields.required("label_zh")), labelEN: try string(fields.required("label_en")),
                entity: try entity(fields.required("entity")), numerator: numerator.text, denominator: denominator?.text,
                unit: try string(fields.required("unit")),
                decimals: try fields["decimals"].map { try integer($0, in: 0...8) } ?? (denominator == nil ? 0 : 4),
                target: try fields["target"].map(target),
                inSummary: try fields["summary"].map(flag) ?? false,
                isKey: try fields["key"].map(flag) ?? false)
            return IndicatorSpecification(definition: definition, numerator: numerator, denominator: denominator,
                                          by: try breakdown(fields))
        }
    }

    func clues(_ node: Node) throws -> ClueSpecification {
        let fields = try mapping(node, allowed: ["indicator", "signals"])
        let indicatorNode = try fields.required("indicator")
        return ClueSpecification(indicator: try string(indicatorNode), indicatorLocation: location(of: indicatorNode),
                                 signals: try signals(fields.required("signals")))
    }

    /// A list of `{ id, label_zh, label_en, when }` conditions (clue signals, list reasons).
    func signals(_ node: Node) throws -> [ClueSignalSpecification] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "expected a list of '- { id, label_zh, label_en, when }'") }
        return try sequence.map { item in
            let signal = try mapping(item, allowed: ["id", "label_zh", "label_en", "when"])
            return ClueSignalSpecification(
                signal: ClueSignal(id: try name(signal.required("id"), "the signal id"), labelZH: try string(signal.required("label_zh")),
                                   labelEN: try string(signal.required("label_en"))),
                condition: try expression(signal.required("when")))
        }
    }
}
