#ifndef CHRONICLE_CXXHASH_SHIM_H
#define CHRONICLE_CXXHASH_SHIM_H
// xxHash compiled into Chronicle from Debian's header (libxxhash-dev), its functions inline: the
// release binary needs no libxxhash at run time, and a file's hash costs no call into a library.
// The wrappers give Swift plain names (XXH_INLINE_ALL renames the library's own) and keep the
// state's 64-byte alignment on the C side.
#define XXH_INLINE_ALL
#include <xxhash.h>
#include <stddef.h>
#include <stdint.h>

/// XXH3, 64 bits, seed 0, of `length` bytes.
static inline uint64_t chronicle_xxh3(const void *bytes, size_t length) {
    return XXH3_64bits(bytes, length);
}

/// A streaming XXH3 state, reset; NULL when memory is short.
static inline void *chronicle_xxh3_start(void) {
    XXH3_state_t *state = XXH3_createState();
    if (state != NULL) XXH3_64bits_reset(state);
    return state;
}

static inline void chronicle_xxh3_add(void *state, const void *bytes, size_t length) {
    XXH3_64bits_update((XXH3_state_t *)state, bytes, length);
}

/// The hash of everything added so far (the state stays usable).
static inline uint64_t chronicle_xxh3_digest(const void *state) {
    return XXH3_64bits_digest((const XXH3_state_t *)state);
}

static inline void chronicle_xxh3_free(void *state) {
    XXH3_freeState((XXH3_state_t *)state);
}
#endif
