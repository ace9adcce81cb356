import CSHA256
import Crypto

/// HMAC-SHA-256 of a 16-byte household ID with the key's two padded blocks
/// hashed once: the inner and outer SHA-256 states after `key ⊕ ipad` and
/// `key ⊕ opad` are kept, and each ID costs two SHA-256 blocks (RFC 2104,
/// section 4) computed in place, with no allocation or set-up (CSHA256, SHA
/// extensions when the processor has them). The result is exactly
/// HMAC-SHA-256(key, ID). The two states are only read, so threads share them.
struct KeyedDigest: Sendable {
    private let inner: [UInt32]
    private let outer: [UInt32]

    init(key: [UInt8]) {
        var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        inner = Self.afterBlock(block.map { $0 ^ 0x36 })
        outer = Self.afterBlock(block.map { $0 ^ 0x5C })
    }

    /// The first 128 bits of the HMAC of a 16-byte `message`.
    func prefix(of message: UnsafeRawBufferPointer) -> HouseholdHash {
        precondition(message.count == 16, "a household ID is 16 digits")
        var prefix: (UInt64, UInt64) = (0, 0)
        inner.withUnsafeBufferPointer { inner in
            outer.withUnsafeBufferPointer { outer in
                withUnsafeMutableBytes(of: &prefix) { out in
                    bottomline_hmac_sha256_16(inner.baseAddress, outer.baseAddress,
                                              message.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                              out.baseAddress?.assumingMemoryBound(to: UInt64.self))
                }
            }
        }
        return HouseholdHash(high: prefix.0, low: prefix.1)
    }

    /// The first 128 bits of the HMACs of two 16-byte messages (32 bytes, one after the other), computed at once.
    func prefixes(ofTwo messages: UnsafeRawBufferPointer) -> (HouseholdHash, HouseholdHash) {
        precondition(messages.count == 32, "two household IDs are 32 digits")
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        inner.withUnsafeBufferPointer { inner in
            outer.withUnsafeBufferPointer { outer in
                withUnsafeMutableBytes(of: &prefixes) { out in
                    bottomline_hmac_sha256_16_two(inner.baseAddress, outer.baseAddress,
                                                  messages.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                                  out.baseAddress?.assumingMemoryBound(to: UInt64.self))
                }
            }
        }
        return (HouseholdHash(high: prefixes.0, low: prefixes.1), HouseholdHash(high: prefixes.2, low: prefixes.3))
    }

    /// SHA-256's initial state (FIPS 180-4, 5.3.3).
    private static let initialState: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]

    /// The state after one 64-byte block from the initial state.
    private static func afterBlock(_ block: [UInt8]) -> [UInt32] {
        var state = initialState
        bottomline_sha256_block(&state, block)
        return state
    }
}
