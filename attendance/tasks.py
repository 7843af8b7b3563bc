"""Attendance work that nobody at the door waits for, run by a task worker."""

from django.core.cache import cache
from django_tasks import task

from pilkada_portal.tasks import enqueue_once

# The people checked in within a few seconds of each other join the registry in one pass.
REGISTRY_DELAY_SECONDS = 5


def registry_marker(meeting_id: int) -> str:
    """The cache key that says a registry pass of this meeting is queued."""
    return f"attendance:registry:{meeting_id}"


# The queue of the work that follows a change to a meeting's record (the pre-renders too):
# every task worker listens to it.
@task(queue_name="prerender")
def register_attendees(meeting_id: int) -> int:
    """Add the meeting's people who are not in the registry yet (services.attendees_register)."""
    from . import services

    cache.delete(registry_marker(meeting_id))  # a check-in from now on queues another pass
    return services.attendees_register(meeting_id=meeting_id)


def registry_schedule(meeting_id: int) -> None:
    """Queue a registry pass of the meeting a few seconds from now (once for a burst)."""
    enqueue_once(
        register_attendees,
        meeting_id,
        marker=registry_marker(meeting_id),
        delay=REGISTRY_DELAY_SECONDS,
    )
