#ifndef BOTTOMLINE_RENAME_EXCHANGE_H
#define BOTTOMLINE_RENAME_EXCHANGE_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int bottomline_rename_exchange(const char *first, const char *second);

#endif
