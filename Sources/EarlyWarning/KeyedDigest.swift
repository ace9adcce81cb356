import COpenSSLCrypto
import Crypto

/// HMAC-SHA-256 of a 16-byte household ID with the key's two padded blocks
/// hashed once: the inner and outer SHA-256 states after `key ⊕ ipad` and
/// `key ⊕ opad` are kept (RFC 2104, section 4). Each ID then costs exactly two
/// SHA-256 compressions with OpenSSL's libcrypto (the processor's SHA
/// extensions when it has them): the ID in one padded block on the inner
/// state, the inner digest in one padded block on the outer state (FIPS 180-4,
/// section 5.1.1), with no allocation or set-up. The result is exactly
/// HMAC-SHA-256(key, ID). The two states are only read, so threads share them.
struct KeyedDigest: @unchecked Sendable {  // two plain C structs, never written after init
    private let inner: SHA256_CTX
    private let outer: SHA256_CTX
    /// The padding's first byte, 0x80, as the first byte in memory of a word.
    private let endMark = UInt64(0x80).littleEndian

    init(key: [UInt8]) {
        var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        inner = Self.afterBlock(block.map { $0 ^ 0x36 })
        outer = Self.afterBlock(block.map { $0 ^ 0x5C })
    }

    /// The first 128 bits of the HMAC of a 16-byte message given as two 8-byte words (their bytes in memory
    /// are the message's bytes in order).
    func prefix(of message: (UInt64, UInt64)) -> HouseholdHash {
        // The inner block: the message, the 0x80 end mark, zeros, and the bit length of key block + message.
        var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (message.0, message.1, endMark, 0, 0, 0, 0, UInt64((64 + 16) * 8).bigEndian)
        var state = inner
        compress(&state, &block)
        // The outer block: the inner digest (big-endian words), the end mark, the bit length of key block + digest.
        let h = state.h
        block = (Self.bigEndian(h.0, h.1), Self.bigEndian(h.2, h.3), Self.bigEndian(h.4, h.5), Self.bigEndian(h.6, h.7),
                 endMark, 0, 0, UInt64((64 + 32) * 8).bigEndian)
        state = outer
        compress(&state, &block)
        return HouseholdHash(high: UInt64(state.h.0) << 32 | UInt64(state.h.1),
                             low: UInt64(state.h.2) << 32 | UInt64(state.h.3))
    }

    /// One SHA-256 compression of a 64-byte block into `state`.
    private func compress(_ state: inout SHA256_CTX,
                          _ block: inout (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) {
        withUnsafeBytes(of: &block) { bytes in
            SHA256_Transform(&state, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Two state words as 8 bytes in digest order (big-endian), as one word in memory order.
    private static func bigEndian(_ first: UInt32, _ second: UInt32) -> UInt64 {
        (UInt64(first) << 32 | UInt64(second)).bigEndian
    }

    /// The state after one 64-byte block.
    private static func afterBlock(_ block: [UInt8]) -> SHA256_CTX {
        var state = SHA256_CTX()
        _ = SHA256_Init(&state)
        _ = SHA256_Update(&state, block, 64)
        return state
    }
}
