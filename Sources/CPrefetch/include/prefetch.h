#ifndef BOTTOMLINE_PREFETCH_H
#define BOTTOMLINE_PREFETCH_H

/// Asks the processor to bring the cache line at `address` in ahead of use,
/// so that batched hash look-ups overlap their memory waits.
static inline void bottomline_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
