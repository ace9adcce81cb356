import CSHA256
import Crypto
import Testing

@Suite struct SHA256BlockTests {
    /// SHA-256 of a message short enough for one block (at most 55 bytes), by one call of `compress`.
    private func oneBlockDigest(_ message: [UInt8],
                                _ compress: (UnsafeMutablePointer<UInt32>, UnsafePointer<UInt8>) -> Void) -> [UInt8] {
        var block = message + [0x80] + [UInt8](repeating: 0, count: 55 - message.count)
        block += (0..<8).map { UInt8(truncatingIfNeeded: UInt64(message.count * 8) >> (56 - 8 * $0)) }
        var state: [UInt32] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        ]
        compress(&state, block)
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }

    /// Both compressions (the SHA extensions, when this processor has them, and portable C), and two at once,
    /// give swift-crypto's digest.
    @Test func bothCompressionsGiveSwiftCryptosDigest() {
        let messages = [[], Array("abc".utf8), [UInt8](repeating: 0xFF, count: 55)]
            + (0..<500).map { _ in (0..<Int.random(in: 0...55)).map { _ in UInt8.random(in: 0...255) } }
        for message in messages {
            let expected = Array(SHA256.hash(data: message))
            #expect(oneBlockDigest(message) { bottomline_sha256_block($0, $1) } == expected, "\(message)")
            #expect(oneBlockDigest(message) { bottomline_sha256_block_portable($0, $1) } == expected, "\(message)")
            // Two at once: the same block beside a different one.
            #expect(oneBlockDigest(message) { state, block in
                var other = [UInt32](repeating: 7, count: 8)
                bottomline_sha256_two_blocks(state, block, &other, [UInt8](repeating: 1, count: 64))
            } == expected, "\(message)")
        }
    }
}
