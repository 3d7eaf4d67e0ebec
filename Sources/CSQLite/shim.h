#include <sqlite3.h>

/// SQLite keeps memory statistics behind one global mutex, which every allocation of every
/// connection takes: builds run a query on each core, and costmark never reads the statistics.
/// `sqlite3_config` is variadic, so Swift reaches it through this function; it must run before
/// SQLite initializes, and returns SQLITE_MISUSE (harmlessly) after.
static inline int costmark_sqlite_without_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
