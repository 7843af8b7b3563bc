"""Queueing a task once for a burst of changes (a debounce), shared by the apps' tasks."""

import datetime

from django.core.cache import cache
from django.utils import timezone

# How long a queued task is remembered: after that (a lost queue, a worker that died) the next
# change queues it again.
MARKER_SECONDS = 15 * 60


def enqueue_once(task, *args, marker: str, delay: float) -> bool:
    """Queue task(*args) to run `delay` seconds from now, unless the cache `marker` says it is
    queued already; True when queued. The task deletes its marker when it starts, so that a
    change made while it runs queues another pass."""
    if not cache.add(marker, 1, delay + MARKER_SECONDS):
        return False
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    task.enqueue(*args)
    return True
