// OpenSSL's libcrypto (Debian's libssl-dev), for SHA-256 with a state that can be copied:
// the household key's HMAC keeps the key's two padded blocks hashed once and copies the
// states per household. SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of
// EVP, but remain in every 3.x release; they are the ones with a plain-struct state.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
