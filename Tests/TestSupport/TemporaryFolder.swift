import Foundation

/// A fresh folder under the system's temporary directory, for one test.
public struct TemporaryFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// Creates `<tmp>/<prefix>-<uuid>/`.
    public init(prefix: String = "bottomline-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` as UTF-8 to `name` inside the folder.
    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    /// The bytes of `name` inside the folder.
    public func data(_ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    /// Deletes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
