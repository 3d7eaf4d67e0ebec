#ifndef COSTMARK_ATOMIC_SWAP_H
#define COSTMARK_ATOMIC_SWAP_H
/// Exchanges two paths in one atomic rename (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where unsupported).
int costmark_exchange_paths(const char *first, const char *second);
#endif
