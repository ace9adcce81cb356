// One SHA-256 block at a time, without allocation or set-up: what the household key's HMAC needs
// (two blocks per household). The x86 path uses the SHA extensions (SHA-NI), chosen once at run time.
#include "CSHA256.h"

#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotate(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void bottomline_sha256_block_portable(uint32_t state[8], const uint8_t block[64]) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) {
        w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 | (uint32_t)block[4 * i + 2] << 8
            | (uint32_t)block[4 * i + 3];
    }
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

// Intel's SHA extensions: the state is held as ABEF and CDGH; each sha256rnds2 does two rounds, and
// sha256msg1/msg2 extend the message schedule four words at a time.
__attribute__((target("sha,sse4.1,ssse3")))
static void block_with_extensions(uint32_t state[8], const uint8_t block[64]) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i cdab = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
    __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    const __m128i abefStart = abef, cdghStart = cdgh;
    __m128i w[16];
    for (int i = 0; i < 16; i++) {
        if (i < 4) {
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16 * i)), swap);
        } else {
            __m128i x = _mm_sha256msg1_epu32(w[i - 4], w[i - 3]);
            x = _mm_add_epi32(x, _mm_alignr_epi8(w[i - 1], w[i - 2], 4));
            w[i] = _mm_sha256msg2_epu32(x, w[i - 1]);
        }
        __m128i message = _mm_add_epi32(w[i], _mm_loadu_si128((const __m128i *)&K[4 * i]));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(message, 0x0E));
    }
    abef = _mm_add_epi32(abef, abefStart);
    cdgh = _mm_add_epi32(cdgh, cdghStart);
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

// Two independent blocks at once: each block's rounds form one long chain of dependent instructions,
// so interleaving two chains keeps the SHA unit busy while the other waits (about twice the throughput).
__attribute__((target("sha,sse4.1,ssse3")))
static void two_blocks_with_extensions(uint32_t state1[8], const uint8_t block1[64], uint32_t state2[8],
                                       const uint8_t block2[64]) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i cdab1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state1[0]), 0xB1);
    __m128i efgh1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state1[4]), 0x1B);
    __m128i cdab2 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state2[0]), 0xB1);
    __m128i efgh2 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state2[4]), 0x1B);
    __m128i abef1 = _mm_alignr_epi8(cdab1, efgh1, 8), cdgh1 = _mm_blend_epi16(efgh1, cdab1, 0xF0);
    __m128i abef2 = _mm_alignr_epi8(cdab2, efgh2, 8), cdgh2 = _mm_blend_epi16(efgh2, cdab2, 0xF0);
    const __m128i abefStart1 = abef1, cdghStart1 = cdgh1, abefStart2 = abef2, cdghStart2 = cdgh2;
    __m128i w1[16], w2[16];
    for (int i = 0; i < 16; i++) {
        if (i < 4) {
            w1[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block1 + 16 * i)), swap);
            w2[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block2 + 16 * i)), swap);
        } else {
            __m128i x1 = _mm_sha256msg1_epu32(w1[i - 4], w1[i - 3]);
            __m128i x2 = _mm_sha256msg1_epu32(w2[i - 4], w2[i - 3]);
            x1 = _mm_add_epi32(x1, _mm_alignr_epi8(w1[i - 1], w1[i - 2], 4));
            x2 = _mm_add_epi32(x2, _mm_alignr_epi8(w2[i - 1], w2[i - 2], 4));
            w1[i] = _mm_sha256msg2_epu32(x1, w1[i - 1]);
            w2[i] = _mm_sha256msg2_epu32(x2, w2[i - 1]);
        }
        const __m128i k = _mm_loadu_si128((const __m128i *)&K[4 * i]);
        __m128i message1 = _mm_add_epi32(w1[i], k), message2 = _mm_add_epi32(w2[i], k);
        cdgh1 = _mm_sha256rnds2_epu32(cdgh1, abef1, message1);
        cdgh2 = _mm_sha256rnds2_epu32(cdgh2, abef2, message2);
        abef1 = _mm_sha256rnds2_epu32(abef1, cdgh1, _mm_shuffle_epi32(message1, 0x0E));
        abef2 = _mm_sha256rnds2_epu32(abef2, cdgh2, _mm_shuffle_epi32(message2, 0x0E));
    }
    abef1 = _mm_add_epi32(abef1, abefStart1);
    cdgh1 = _mm_add_epi32(cdgh1, cdghStart1);
    abef2 = _mm_add_epi32(abef2, abefStart2);
    cdgh2 = _mm_add_epi32(cdgh2, cdghStart2);
    __m128i feba1 = _mm_shuffle_epi32(abef1, 0x1B), dchg1 = _mm_shuffle_epi32(cdgh1, 0xB1);
    __m128i feba2 = _mm_shuffle_epi32(abef2, 0x1B), dchg2 = _mm_shuffle_epi32(cdgh2, 0xB1);
    _mm_storeu_si128((__m128i *)&state1[0], _mm_blend_epi16(feba1, dchg1, 0xF0));
    _mm_storeu_si128((__m128i *)&state1[4], _mm_alignr_epi8(dchg1, feba1, 8));
    _mm_storeu_si128((__m128i *)&state2[0], _mm_blend_epi16(feba2, dchg2, 0xF0));
    _mm_storeu_si128((__m128i *)&state2[4], _mm_alignr_epi8(dchg2, feba2, 8));
}

static int has_extensions(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3)) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & (1u << 29)) != 0;
}

// 0: not asked yet, 1: extensions, 2: portable. A race only asks twice and gets the same answer.
static volatile int choice = 0;

static int extensions(void) {
    if (choice == 0) choice = has_extensions() ? 1 : 2;
    return choice == 1;
}

void bottomline_sha256_block(uint32_t state[8], const uint8_t block[64]) {
    if (extensions()) {
        block_with_extensions(state, block);
    } else {
        bottomline_sha256_block_portable(state, block);
    }
}

void bottomline_sha256_two_blocks(uint32_t state1[8], const uint8_t block1[64], uint32_t state2[8],
                                  const uint8_t block2[64]) {
    if (extensions()) {
        two_blocks_with_extensions(state1, block1, state2, block2);
    } else {
        bottomline_sha256_block_portable(state1, block1);
        bottomline_sha256_block_portable(state2, block2);
    }
}
#else
void bottomline_sha256_block(uint32_t state[8], const uint8_t block[64]) {
    bottomline_sha256_block_portable(state, block);
}

void bottomline_sha256_two_blocks(uint32_t state1[8], const uint8_t block1[64], uint32_t state2[8],
                                  const uint8_t block2[64]) {
    bottomline_sha256_block_portable(state1, block1);
    bottomline_sha256_block_portable(state2, block2);
}
#endif

// The inner hash's last block of a 16-byte message: the message, the 0x80 byte, zeros, and the length of
// the padded key block and the message in bits, (64 + 16) * 8 = 640, big-endian.
static void inner_block(uint8_t block[64], const uint8_t message[16]) {
    memset(block, 0, 64);
    memcpy(block, message, 16);
    block[16] = 0x80;
    block[62] = 640 >> 8;
    block[63] = 640 & 0xFF;
}

// The outer hash's last block: the inner digest, 0x80, zeros, (64 + 32) * 8 = 768 bits.
static void outer_block(uint8_t block[64], const uint32_t digest[8]) {
    memset(block, 0, 64);
    for (int i = 0; i < 8; i++) {
        block[4 * i] = (uint8_t)(digest[i] >> 24);
        block[4 * i + 1] = (uint8_t)(digest[i] >> 16);
        block[4 * i + 2] = (uint8_t)(digest[i] >> 8);
        block[4 * i + 3] = (uint8_t)digest[i];
    }
    block[32] = 0x80;
    block[62] = 768 >> 8;
    block[63] = 768 & 0xFF;
}

void bottomline_hmac_sha256_16(const uint32_t inner[8], const uint32_t outer[8], const uint8_t message[16],
                               uint64_t prefix[2]) {
    uint8_t block[64];
    uint32_t state[8];
    inner_block(block, message);
    memcpy(state, inner, sizeof state);
    bottomline_sha256_block(state, block);
    outer_block(block, state);
    memcpy(state, outer, sizeof state);
    bottomline_sha256_block(state, block);
    prefix[0] = (uint64_t)state[0] << 32 | state[1];
    prefix[1] = (uint64_t)state[2] << 32 | state[3];
}

void bottomline_hmac_sha256_16_two(const uint32_t inner[8], const uint32_t outer[8], const uint8_t messages[32],
                                   uint64_t prefixes[4]) {
    uint8_t block1[64], block2[64];
    uint32_t state1[8], state2[8];
    inner_block(block1, messages);
    inner_block(block2, messages + 16);
    memcpy(state1, inner, sizeof state1);
    memcpy(state2, inner, sizeof state2);
    bottomline_sha256_two_blocks(state1, block1, state2, block2);
    outer_block(block1, state1);
    outer_block(block2, state2);
    memcpy(state1, outer, sizeof state1);
    memcpy(state2, outer, sizeof state2);
    bottomline_sha256_two_blocks(state1, block1, state2, block2);
    prefixes[0] = (uint64_t)state1[0] << 32 | state1[1];
    prefixes[1] = (uint64_t)state1[2] << 32 | state1[3];
    prefixes[2] = (uint64_t)state2[0] << 32 | state2[1];
    prefixes[3] = (uint64_t)state2[2] << 32 | state2[3];
}
