import COpenSSLCrypto
import Crypto

/// HMAC-SHA-256 of a 16-byte household ID with the key's two padded blocks
/// hashed once: the inner and outer SHA-256 states after `key ⊕ ipad` and
/// `key ⊕ opad` are kept (RFC 2104, section 4), and each ID copies them and
/// hashes two more blocks with OpenSSL's libcrypto (the processor's SHA
/// extensions when it has them), with no allocation or set-up. The result is
/// exactly HMAC-SHA-256(key, ID). The two states are only read, so threads
/// share them.
struct KeyedDigest: @unchecked Sendable {  // two plain C structs, never written after init
    private let inner: SHA256_CTX
    private let outer: SHA256_CTX

    init(key: [UInt8]) {
        var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        inner = Self.afterBlock(block.map { $0 ^ 0x36 })
        outer = Self.afterBlock(block.map { $0 ^ 0x5C })
    }

    /// The first 128 bits of the HMAC of a 16-byte `message`.
    func prefix(of message: UnsafeRawBufferPointer) -> HouseholdHash {
        precondition(message.count == 16, "a household ID is 16 digits")
        var innerDigest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var state = inner
        withUnsafeMutableBytes(of: &innerDigest) { out in
            _ = SHA256_Update(&state, message.baseAddress, 16)
            _ = SHA256_Final(out.baseAddress?.assumingMemoryBound(to: UInt8.self), &state)
            state = outer
            _ = SHA256_Update(&state, out.baseAddress, 32)
        }
        withUnsafeMutableBytes(of: &digest) { out in
            _ = SHA256_Final(out.baseAddress?.assumingMemoryBound(to: UInt8.self), &state)
        }
        return HouseholdHash(high: UInt64(bigEndian: digest.0), low: UInt64(bigEndian: digest.1))
    }

    /// The state after one 64-byte block.
    private static func afterBlock(_ block: [UInt8]) -> SHA256_CTX {
        var state = SHA256_CTX()
        _ = SHA256_Init(&state)
        _ = SHA256_Update(&state, block, 64)
        return state
    }
}
