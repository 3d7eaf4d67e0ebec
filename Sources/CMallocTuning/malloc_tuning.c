#include "malloc_tuning.h"
#include <stdlib.h>   // defines __GLIBC__ where glibc is the C library
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void costmark_keep_freed_memory(int largest_in_heap, int kept_on_top) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, largest_in_heap);
    mallopt(M_TRIM_THRESHOLD, kept_on_top);
#else
    (void)largest_in_heap;
    (void)kept_on_top;
#endif
}
