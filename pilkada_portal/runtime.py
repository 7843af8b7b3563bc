"""Process-wide tuning of long-lived server and task-worker processes."""

import contextlib
import gc
import os
import threading
from pathlib import Path

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


_paused = 0
_pause_lock = threading.Lock()


@contextlib.contextmanager
def cyclic_gc_paused():
    """No cyclic garbage collection inside the block (a document render): a render's
    objects are freed by reference counting, and each collection the render would trigger
    walks its hundreds of thousands of live objects for nothing (about 6% of a Notula's
    render with the tuned thresholds). Collections resume after the block (after the last
    one, when renders overlap in threads)."""
    global _paused
    with _pause_lock:
        _paused += 1
        gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if not _paused:
                gc.enable()


_lowered = False


def lower_cpu_priority(niceness: int) -> None:
    """Let this process (a task worker) yield the CPU to web workers (once).

    `nice` alone is relative within the process's scheduling autogroup: a worker started in
    its own session (a service manager, `setsid`) would still get an equal share against the
    web server. Where the kernel has autogroups, the group's niceness is set too.
    """
    global _lowered
    if _lowered or niceness <= 0:
        return
    _lowered = True
    with contextlib.suppress(OSError):
        os.nice(niceness)
    with contextlib.suppress(OSError):
        Path("/proc/self/autogroup").write_text(str(niceness))
