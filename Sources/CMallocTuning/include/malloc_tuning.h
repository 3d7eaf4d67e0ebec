#ifndef COSTMARK_MALLOC_TUNING_H
#define COSTMARK_MALLOC_TUNING_H
/// Keeps blocks up to `largest_in_heap` bytes in the heap rather than mapping each from the
/// system, and keeps up to `kept_on_top` bytes of freed heap rather than returning them.
/// Does nothing where the C library has no such settings (glibc's mallopt).
void costmark_keep_freed_memory(int largest_in_heap, int kept_on_top);
#endif
