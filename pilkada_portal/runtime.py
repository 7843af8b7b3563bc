"""Process-wide tuning of long-lived server and task-worker processes."""

import gc

# Python's cyclic garbage collector took about a quarter of a document render with its
# default thresholds (700, 10, 10): WeasyPrint allocates millions of short-lived objects that
# are freed by reference counting anyway. A first-generation threshold of 100,000 allocations
# and the start-up objects frozen out of every collection cut a 20-page Notula from 74.5 to
# 61 ms per page with byte-identical output (../shared/NOTES.md).
GC_THRESHOLDS = (100_000, 50, 100)
_tuned = False


def tune_gc() -> None:
    """Freeze what start-up allocated and raise the collector's thresholds (once)."""
    global _tuned
    if _tuned:
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    _tuned = True
