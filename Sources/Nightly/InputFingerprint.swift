import Crypto
import Foundation

/// The SHA-256 of a file, as lowercase hex: what `run.json` and the warehouse
/// record so that a night's figures can be traced to exact input bytes.
public enum InputFingerprint {
    /// Hex SHA-256 of the file at `path` (read, not mapped).
    public static func sha256(ofFile path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
