import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh, uniquely named folder under the system's temporary directory,
/// removed with everything in it when the value goes away.
public final class TemporaryFolder: Sendable {
    /// Absolute path of the folder.
    public let path: String

    /// Creates the folder; `label` goes into its name to tell test runs apart.
    public init(_ label: String = "bottomline") throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let created = bytes.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: template])
        }
        path = String(cString: created)
    }

    /// Creates the folder with `prefix` in its name.
    public convenience init(prefix: String) throws { try self.init(prefix) }

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes `bytes` to `name` inside the folder, replacing any earlier file.
    public func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    /// Writes `text` as UTF-8 to `name` inside the folder.
    public func write(_ name: String, _ text: String) throws {
        try write(name, bytes: Array(text.utf8))
    }

    /// The bytes of `name` inside the folder.
    public func data(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: file(name)))
    }

    /// Deletes the folder and everything in it now.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit {
        remove()
    }
}
