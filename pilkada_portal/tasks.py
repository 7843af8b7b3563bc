"""Queueing a task once for a burst of changes (a debounce), shared by the apps' tasks."""

import datetime

from django.core.cache import cache
from django.utils import timezone


def _window(marker: str, delay: float) -> tuple[str, datetime.datetime]:
    """The cache key of the current window of `delay` seconds, and the window's end."""
    now = timezone.now().timestamp()
    number = int(now // delay)
    return f"{marker}:{number}", datetime.datetime.fromtimestamp(
        (number + 1) * delay, tz=datetime.UTC
    )


def is_queued(marker: str, delay: float) -> bool:
    """Whether enqueue_once() queued this marker's task in the current window."""
    return cache.get(_window(marker, delay)[0]) is not None


def enqueue_once(task, *args, marker: str, delay: float) -> bool:
    """Queue task(*args) once per window of `delay` seconds, to run when the window has ended:
    every change made in the window (after its commit) is then in what the task reads, and a
    change of the next window queues the next pass. True when queued.

    The windows follow the clock, so nothing has to be deleted when the task runs: with a
    cache of its own in each process (locmem), a web process and a worker never share one.
    Each web process queues at most one task per window; the tasks are written to be run
    again harmlessly. A backend that cannot run a task later (the tests' immediate backend)
    runs it at every change."""
    if not task.get_backend().supports_defer:
        task.enqueue(*args)
        return True
    key, ends = _window(marker, delay)
    if not cache.add(key, 1, 2 * delay + 60):
        return False
    task.using(run_after=ends).enqueue(*args)
    return True
