import Foundation
import Ingest
import Yams

/// Reads a pipeline file (YAML) into a `PipelineDefinition`, reporting every
/// problem with its line and column before any feed is read.
public enum PipelineFile {
    /// Reads and checks the form of the pipeline file at `path`.
    public static func load(path: String) throws -> PipelineDefinition {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(file: name, line: 1, column: 1,
                                message: "the pipeline file cannot be read; check the --pipeline path")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: name)
    }

    /// Reads pipeline text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws -> PipelineDefinition {
        let reader = YAMLReader(file: file, lines: text.components(separatedBy: "\n"))
        try YAMLReader.checkNesting(text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PipelineError(file: file, line: 1, column: 1, message: "the pipeline file is empty")
            }
            root = node
        } catch let error as YamlError {
            throw reader.error(from: error)
        }
        let top = try reader.mapping(root, allowed: ["name", "province", "parameters", "feeds", "derived", "indicators", "clues",
                                                        "groups", "sites", "lists", "evaluation", "nation"])
        let name = try reader.string(top.required("name"))
        let province = try reader.mapping(top.required("province"), allowed: ["name", "code"])
        let provinceName = try reader.string(province.required("name"))
        let parameters = try top["parameters"].map(reader.parameters) ?? []
        let feeds = try top["feeds"].map(reader.feedSettings)
        let derived = try top["derived"].map(reader.derivedFields) ?? []
        guard let indicatorList = top["indicators"] else {
            throw reader.error(at: top.node, "the pipeline needs an 'indicators' list")
        }
        let indicators = try reader.indicators(indicatorList)
        let clues = try top["clues"].map(reader.clues)
        var definition = PipelineDefinition(file: file, name: name, provinceName: provinceName, parameters: parameters,
                                            encodings: feeds?.encodings ?? [:], derived: derived, indicators: indicators, clues: clues)
        definition.feedsThatMayBeEmpty = feeds?.mayBeEmpty ?? []
        definition.provinceCode = try province["code"].map(reader.provinceCode)
        if let nationNode = top["nation"] {
            let nation = try reader.mapping(nationNode, allowed: ["name", "provinces"])
            definition.nationName = try reader.string(nation.required("name"))
            let provinces = try nation.required("provinces")
            guard case .sequence(let codes) = provinces, !codes.isEmpty else {
                throw reader.error(at: provinces, "expected a list of two-digit province codes, e.g. ['52', '53']")
            }
            definition.nationProvinces = try codes.map(reader.provinceCode)
        }
        definition.groups = try top["groups"].map(reader.groups) ?? []
        definition.siteNames = try top["sites"].map(reader.siteNames) ?? [:]
        definition.lists = try top["lists"].map(reader.lists) ?? []
        if let evaluation = try top["evaluation"].map(reader.evaluation) {
            definition.evaluation = evaluation.map(\.dimension)
            definition.evaluationLocations = evaluation.map(\.locations)
        }
        return definition
    }
}
