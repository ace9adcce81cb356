// The prefetch hint is header-only (static inline); this file gives the C target a unit to compile.
#include "prefetch.h"
