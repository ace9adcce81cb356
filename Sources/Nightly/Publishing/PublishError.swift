/// Problems putting a night's outputs in place.
public enum PublishError: Error, CustomStringConvertible {
    case cannotStage(String, String)
    case cannotSync(String, String)
    case cannotSwap(String, String)
    case cannotRemove(String, String)
    /// The staging folder of a committed run is gone (removed by hand).
    case stagingLost(String)

    public var description: String {
        switch self {
        case let .cannotStage(path, reason):
            return "cannot create the staging folder \(path) (\(reason)): check that the folder is writable"
        case let .cannotSync(path, reason):
            return "cannot write \(path) to the disk (\(reason)): free space or check the disk"
        case let .cannotSwap(path, reason):
            return "cannot put the new outputs in place at \(path) (\(reason)): check the folder's permissions; "
                + "the next bottomline command finishes the publish"
        case let .cannotRemove(path, reason):
            return "cannot remove \(path) (\(reason)); the next bottomline command removes it"
        case let .stagingLost(path):
            return "the staged outputs \(path) are gone"
        }
    }
}
