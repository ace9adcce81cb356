import Foundation

/// A province's county boundaries for the report's maps: one SVG path per
/// county, already projected and simplified (`Pipelines/maps/build_county_map.py` makes
/// the file; `Pipelines/maps/README.md` names the source and licence).
public struct CountyMap: Sendable, Decodable {
    public struct County: Sendable, Decodable {
        /// The 6-digit county code, as in `regions.csv`.
        public let code: String
        public let name: String
        /// SVG path data in the map's frame.
        public let path: String
    }

    public let province: String
    /// Where the boundaries come from, shown under each map.
    public let source: String
    public let licence: String
    public let width: Double
    public let height: Double
    public let counties: [County]

    /// Reads a map file.
    /// - Throws: `ReportError.unreadableMap` naming the file and what is wrong.
    public static func load(path: String) throws -> CountyMap {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let map = try JSONDecoder().decode(CountyMap.self, from: data)
            guard map.width > 0, map.height > 0, !map.counties.isEmpty else {
                throw ReportError.unreadableMap(path: path, reason: "it has no counties or no size")
            }
            if let bad = map.counties.first(where: { !Self.isPathData($0.path) }) {
                throw ReportError.unreadableMap(
                    path: path, reason: "the outline of county \(bad.code) is not SVG path data")
            }
            return map
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.unreadableMap(path: path, reason: error.localizedDescription)
        }
    }

    /// Path data holds only path commands, digits, signs, dots and spaces,
    /// so it can go into the page as it is.
    static func isPathData(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || byte == 32 || byte == 45 || byte == 46 || byte == 44
                || "MmLlHhVvZzCcSsQqTtAa".utf8.contains(byte)
        }
    }

    /// The codes of `counties` (tonight's county codes) that have no outline in this map.
    public func missingCodes(_ codes: [String]) -> [String] {
        let known = Set(counties.map(\.code))
        return codes.filter { !known.contains($0) }
    }
}

extension CountyMap {
    /// The boundary file that goes with a pipeline: `maps/<name>.counties.json`
    /// beside `Pipelines/<name>.yaml`.
    public static func defaultPath(pipeline: String) -> String {
        let url = URL(fileURLWithPath: pipeline)
        let name = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("maps/\(name).counties.json").path
    }

    /// The map for a run: `choice` is a file, `none` (no maps), or nil for the
    /// pipeline's own boundary file when it exists (bar charts otherwise).
    public static func forRun(pipeline: String, choice: String?) throws -> CountyMap? {
        if choice == "none" { return nil }
        if let choice { return try load(path: choice) }
        let path = defaultPath(pipeline: pipeline)
        return FileManager.default.fileExists(atPath: path) ? try load(path: path) : nil
    }

    /// A warning naming tonight's counties the map has no outline for, or nil when it has them all.
    public func gapWarning(countyCodes: [String]) -> String? {
        let missing = missingCodes(countyCodes)
        guard !missing.isEmpty else { return nil }
        return "warning: the county map of \(province) has no outline for \(missing.count) of tonight's counties "
            + "(\(missing.joined(separator: ", "))); report.html names them above the maps. Rebuild the map file."
    }
}
