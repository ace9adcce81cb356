#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import Ingest

/// A household as the warehouse knows it: the first 128 bits of
/// HMAC-SHA-256(key, 16-digit household ID). Without the key nobody can tell
/// which household it is, nor find a household's rows.
public struct HouseholdHash: Hashable, Comparable, Sendable {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The 16 bytes, big-endian (the warehouse's BLOB).
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// From 16 big-endian bytes.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }

    public static func < (a: HouseholdHash, b: HouseholdHash) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

/// Problems with the household key file, said so a statistician can act.
public struct HouseholdKeyError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}

/// The secret key of the household hashes: 32 random bytes, written as 64
/// hex digits in a file kept outside the warehouse, created on first use
/// with mode 0600. Its path comes from `BOTTOMLINE_HOUSEHOLD_KEY`, else from
/// `early_warning.key_file` in the pipeline (relative to the pipeline's folder).
public struct HouseholdKey: Sendable {
    /// The environment variable that names the key file (it wins over the pipeline).
    public static let environmentVariable = "BOTTOMLINE_HOUSEHOLD_KEY"

    private let digest: KeyedDigest

    private init(keyBytes: [UInt8]) {
        digest = KeyedDigest(key: keyBytes)
    }

    /// The key file's path: the environment variable, else the pipeline's `key_file` (relative to the pipeline's folder).
    public static func path(pipelineKeyFile: String?, pipelinePath: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let named = environment[environmentVariable], !named.isEmpty { return named }
        guard let file = pipelineKeyFile, !file.isEmpty else { return nil }
        if file.hasPrefix("/") { return file }
        let folder = pipelinePath.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        return folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
    }

    /// Reads the key at `path`, creating it (mode 0600, 32 random bytes) when there is no file yet.
    public static func loadOrCreate(path: String) throws -> HouseholdKey {
        if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let text = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return try load(path: path) }
            throw HouseholdKeyError(description: "error: the household key file \(path) cannot be created ("
                + SystemErrorText.describe(errno: errno) + "); check its folder or set \(environmentVariable)")
        }
        defer { close(descriptor) }
        let written = text.utf8.withContiguousStorageIfAvailable { write(descriptor, $0.baseAddress, $0.count) } ?? -1
        guard fchmod(descriptor, 0o600) == 0, written == text.utf8.count, fsync(descriptor) == 0 else {
            throw HouseholdKeyError(description: "error: the household key file \(path) cannot be written ("
                + SystemErrorText.describe(errno: errno) + ")")
        }
        return HouseholdKey(keyBytes: bytes)
    }

    /// Reads the key at `path`; refuses a missing or malformed file.
    public static func load(path: String) throws -> HouseholdKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HouseholdKeyError(description: "error: the household key file \(path) does not exist or cannot be read; "
                + "households are looked up with the key the nightly run uses (\(environmentVariable) or "
                + "early_warning.key_file in the pipeline)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex, let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex),
              let byte = UInt8(text[index..<next], radix: 16) {
            bytes.append(byte)
            index = next
        }
        guard index == text.endIndex, bytes.count >= 32 else {
            throw HouseholdKeyError(description: "error: the household key file \(path) is not a key (expected 64 hex "
                + "digits); restore it from its backup — a new key would make every household look new")
        }
        return HouseholdKey(keyBytes: bytes)
    }

    /// The hash of one 16-digit household ID.
    public func hash(_ householdID: Int64) -> HouseholdHash {
        digest.prefix(of: Self.digits(householdID))
    }

    /// The hashes of many IDs, in parallel, in their order.
    public func hashes(_ householdIDs: [Int64], threads: Int) -> [HouseholdHash] {
        let piece = 65_536
        let pieces = (householdIDs.count + piece - 1) / piece
        return parallelMap(count: pieces, workers: threads) { index in
            householdIDs[(index * piece)..<min(householdIDs.count, (index + 1) * piece)].map(hash)
        }.flatMap { $0 }
    }

    /// The 16 ASCII digits of an ID, zero-padded, as two 8-byte words whose bytes in memory are the digits in order.
    private static func digits(_ householdID: Int64) -> (UInt64, UInt64) {
        let value = UInt64(bitPattern: householdID) % 10_000_000_000_000_000
        return (eightDigits(UInt32(value / 100_000_000)), eightDigits(UInt32(value % 100_000_000)))
    }

    /// The 8 ASCII digits of `value` (below 10^8), zero-padded, most significant first in memory: split in
    /// halves of 4 digits, then 2, then 1, each step on all lanes of the word at once (a multiply and shift
    /// that divides exactly in the lanes' range).
    private static func eightDigits(_ value: UInt32) -> UInt64 {
        var lanes = UInt64(value / 10_000) | UInt64(value % 10_000) << 32  // 2 lanes of 32 bits, each below 10^4
        let hundreds = (lanes &* 10_486) >> 20 & 0x0000_007F_0000_007F  // lane / 100
        lanes = hundreds | (lanes &- hundreds &* 100) << 16  // 4 lanes of 16 bits, each below 100
        let tens = (lanes &* 103) >> 10 & 0x000F_000F_000F_000F  // lane / 10
        lanes = tens | (lanes &- tens &* 10) << 8  // 8 lanes of 8 bits, each a digit
        return (lanes | 0x3030_3030_3030_3030).littleEndian
    }
}
