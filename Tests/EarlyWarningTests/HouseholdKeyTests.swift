import Crypto
import EarlyWarning
import Foundation
import Testing

@Suite struct HouseholdKeyTests {
    /// A key file of `count` random bytes in hex, and those bytes.
    private func keyFile(bytes count: Int) throws -> (path: String, bytes: [UInt8]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("household-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255) }
        let path = folder.appendingPathComponent("household.key").path
        try (bytes.map { String(format: "%02x", $0) }.joined() + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, bytes)
    }

    /// The first 16 bytes of HMAC-SHA-256 over the ID's 16 zero-padded digits, computed by swift-crypto's HMAC.
    private func reference(_ id: Int64, key: [UInt8]) -> [UInt8] {
        let digits = Array(String(format: "%016lld", id).utf8)
        return Array(HMAC<SHA256>.authenticationCode(for: digits, using: SymmetricKey(data: key)).prefix(16))
    }

    @Test(arguments: [32, 64, 100])
    func theHashIsHMACSHA256OfTheSixteenDigits(keyBytes: Int) throws {
        let file = try keyFile(bytes: keyBytes)
        let key = try HouseholdKey.load(path: file.path)
        let ids: [Int64] = [0, 7, 5_201_020_010_010_001, 9_999_999_999_999_999, 1_000_000_000_000_000]
            + (0..<200).map { _ in Int64.random(in: 0...9_999_999_999_999_999) }
        for id in ids { #expect(key.hash(id).bytes == reference(id, key: file.bytes), "household \(id)") }
        // The parallel path (two at a time, and one for an odd last ID) gives the same hashes, in the same order.
        let many = (0..<150_001).map { Int64($0) * 65_537 + 5_200_000_000_000_000 }
        let hashes = key.hashes(many, threads: 3)
        #expect(hashes.count == many.count)
        for index in Array(stride(from: 0, to: many.count, by: 997)) + [1, 65_535, 65_536, 65_537] {
            #expect(hashes[index] == key.hash(many[index]))
        }
        #expect(hashes[many.count - 1].bytes == reference(many[many.count - 1], key: file.bytes))
    }
}
