import Crypto

/// HMAC-SHA-256 with the key's two padded blocks hashed once: the inner and
/// outer SHA-256 states after `key ⊕ ipad` and `key ⊕ opad` are kept and
/// copied for each message (RFC 2104, section 4), so one 16-byte household ID
/// costs two SHA-256 compressions instead of HMAC<SHA256>'s three, and no key
/// set-up. The result is exactly HMAC-SHA-256(key, message). The two states
/// are never changed, only copied (copy on write), so threads share them safely.
struct KeyedDigest: @unchecked Sendable {
    private let inner: SHA256
    private let outer: SHA256

    init(key: [UInt8]) {
        var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256(), outer = SHA256()
        inner.update(data: block.map { $0 ^ 0x36 })
        outer.update(data: block.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    /// The first 128 bits of the HMAC of `message`.
    func prefix(of message: UnsafeRawBufferPointer) -> HouseholdHash {
        var innerHash = inner
        innerHash.update(bufferPointer: message)
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return outerHash.finalize().withUnsafeBytes { bytes in
            HouseholdHash(high: UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)),
                          low: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}
