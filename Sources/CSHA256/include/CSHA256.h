#ifndef BOTTOMLINE_SHA256_H
#define BOTTOMLINE_SHA256_H

#include <stdint.h>

/// The SHA-256 compression function (FIPS 180-4, 6.2.2): `state` (eight words, H0 first) absorbs one 64-byte
/// `block`. Uses the processor's SHA extensions when it has them, else portable C; both give the same words.
void bottomline_sha256_block(uint32_t state[8], const uint8_t block[64]);

/// Two independent compressions at once (interleaved on the SHA extensions: about twice the throughput).
void bottomline_sha256_two_blocks(uint32_t state1[8], const uint8_t block1[64], uint32_t state2[8],
                                  const uint8_t block2[64]);

/// The portable C compression alone (to test it against the other on machines with SHA extensions).
void bottomline_sha256_block_portable(uint32_t state[8], const uint8_t block[64]);

/// The first 16 bytes of HMAC-SHA-256 of a 16-byte `message` (RFC 2104), as two words read big-endian:
/// `inner` and `outer` are the states after the key's two padded blocks, so the message costs two blocks.
void bottomline_hmac_sha256_16(const uint32_t inner[8], const uint32_t outer[8], const uint8_t message[16],
                               uint64_t prefix[2]);

/// `bottomline_hmac_sha256_16` of two messages (32 bytes, one after the other) at once: prefixes 0–1 and 2–3.
void bottomline_hmac_sha256_16_two(const uint32_t inner[8], const uint32_t outer[8], const uint8_t messages[32],
                                   uint64_t prefixes[4]);

#endif
