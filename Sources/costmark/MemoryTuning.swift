import CMallocTuning

/// An uncertain value is a column of samples: 5,000 samples over a 13-step timeline is a 0.5 MB
/// array, and evaluating a model makes and drops one per definition. Above 128 KB glibc maps
/// such arrays from the system and unmaps them when freed, so every one came back as fresh
/// pages to fault in and zero (17,600 page faults for 200 uncertain essays against 2,600 with
/// this). Keeping blocks up to 32 MB in the heap, and not handing the heap's top back below
/// 256 MB, lets the next column reuse memory that is already mapped and warm in the cache.
/// What is kept is what the next page reuses, so peak memory does not grow measurably.
enum MemoryTuning {
    static func apply() {
        costmark_keep_freed_memory(32 << 20, 256 << 20)
    }
}
