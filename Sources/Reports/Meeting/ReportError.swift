/// A meeting output that could not be written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case encoderUnavailable(encoding: String)
    case unreadableMap(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the file (\(reason)). Check that the output folder is writable and the disk is not full."
        case .unreadableMap(let path, let reason):
            return "\(path): cannot read the county map (\(reason)). Rebuild it with Pipelines/maps/build_county_map.py, or pass --county-map none to draw bar charts instead."
        case .encoderUnavailable(let encoding):
            return "cannot encode the summary as \(encoding): this machine's iconv lacks it. Use the default UTF-8 with BOM, or install the locale data."
        }
    }
}
