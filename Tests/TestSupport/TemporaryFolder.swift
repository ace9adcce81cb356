import Foundation

/// A fresh folder under the system's temporary directory, removed when dropped.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("bottomline-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `name` inside the folder.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}
