import Ingest
import Yams

/// The pipeline file's sections beyond the indicators: breakdowns, county
/// groups, site names, compliance lists and the evaluation panel.
extension YAMLReader {
    /// `by: FIELD` and its optional `by_labels: { value: 中文名, ... }` on an indicator.
    func breakdown(_ fields: Fields) throws -> BreakdownSpecification? {
        guard let byNode = fields["by"] else {
            if let labels = fields["by_labels"] { throw error(at: labels, "by_labels names the values of a 'by:' field; add 'by: FIELD'") }
            return nil
        }
        let labels = try fields["by_labels"].map { node in
            try mapping(node).entries.map { (value: $0.key, label: try string($0.value), location: location(of: $0.keyNode)) }
        } ?? []
        return BreakdownSpecification(field: try expression(byNode), labelsZH: labels)
    }

    /// `groups:` — a list of `{ id, name, counties: FLAG }`.
    func groups(_ node: Node) throws -> [GroupSpecification] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "expected a list of groups ('- id: key_counties')") }
        let flags = Feed.regions.schema.fields.filter {
            if case .flag = $0.kind { return true } else { return false }
        }.map(\.name)
        var seen = Set<String>()
        return try sequence.map { item in
            let fields = try mapping(item, allowed: ["id", "name", "counties"])
            let idNode = try fields.required("id")
            let id = try string(idNode)
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw error(at: idNode, "a group id uses ASCII letters, digits and '_' (it is the group's code in the outputs)")
            }
            guard seen.insert(id).inserted else { throw error(at: idNode, "group '\(id)' is defined twice") }
            let countiesNode = try fields.required("counties")
            let flag = try string(countiesNode)
            guard flags.contains(flag) else {
                throw error(at: countiesNode, "counties: names a 0/1 column of regions.csv whose counties with 1 form the group; expected one of: \(flags.joined(separator: ", "))")
            }
            return GroupSpecification(id: id, name: try string(fields.required("name")), countyFlag: flag)
        }
    }

    /// `sites:` — names of resettlement sites by their 9-digit code.
    func siteNames(_ node: Node) throws -> [String: String] {
        var names: [String: String] = [:]
        for entry in try mapping(node).entries {
            guard entry.key.count == 9, entry.key.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw error(at: entry.keyNode, "a site is named by its 9-digit site_code, in quotes ('520102001': 名称)")
            }
            names[entry.key] = try string(entry.value)
        }
        return names
    }

    /// `lists:` — the compliance lists.
    func lists(_ node: Node) throws -> [HouseholdListSpecification] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "expected a list of household lists ('- id: omitted')") }
        var seen = Set<String>()
        return try sequence.map { item in
            let fields = try mapping(item, allowed: ["id", "label_zh", "label_en", "indicator", "households", "reasons"])
            let idNode = try fields.required("id")
            let id = try string(idNode)
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw error(at: idNode, "a list id uses ASCII letters, digits and '_' (it names the list's folder)")
            }
            guard seen.insert(id).inserted else { throw error(at: idNode, "list '\(id)' is defined twice") }
            let indicatorNode = try fields.required("indicator")
            var selection = HouseholdListSpecification.Selection.numerator
            if let households = fields["households"] {
                let word = try string(households)
                guard let chosen = HouseholdListSpecification.Selection(rawValue: word) else {
                    throw error(at: households, "households: expected numerator or denominator_not_numerator")
                }
                selection = chosen
            }
            return HouseholdListSpecification(
                id: id, labelZH: try string(fields.required("label_zh")), labelEN: try string(fields.required("label_en")),
                indicator: try string(indicatorNode), indicatorLocation: location(of: indicatorNode), selection: selection,
                reasons: try signals(fields.required("reasons")))
        }
    }

    /// `evaluation:` — dimensions with their indicators, and where each indicator name is written.
    func evaluation(_ node: Node) throws -> [(dimension: EvaluationDimension, locations: [SourceLocation])] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "expected a list of dimensions ('- id: accuracy')") }
        return try sequence.map { item in
            let fields = try mapping(item, allowed: ["id", "label_zh", "label_en", "indicators"])
            let indicatorsNode = try fields.required("indicators")
            guard case .sequence(let names) = indicatorsNode, !names.isEmpty else {
                throw error(at: indicatorsNode, "expected a list of indicator ids, e.g. [monitoring_accuracy, omission_rate]")
            }
            let dimension = EvaluationDimension(
                id: try string(fields.required("id")), labelZH: try string(fields.required("label_zh")),
                labelEN: try string(fields.required("label_en")), indicators: try names.map { try string($0) })
            return (dimension, names.map { location(of: $0) })
        }
    }
}
