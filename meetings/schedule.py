"""The agenda clock: when each item starts. Pure computation, used by reads and writes alike."""

import datetime
from collections.abc import Sequence

from .models import AgendaItem, Meeting


def agenda_schedule(*, meeting: Meeting, items: Sequence[AgendaItem]) -> list[datetime.time | None]:
    """Planned start of each item: its own planned start, else the previous end.

    The first item starts with the meeting; an item without a duration leaves the next one
    without a computed time (unless that one has its own). Times past midnight stop the chain.
    """
    times: list[datetime.time | None] = []
    cursor = (
        datetime.datetime.combine(meeting.date, meeting.start_time) if meeting.start_time else None
    )
    for item in items:
        if item.planned_start is not None:
            cursor = datetime.datetime.combine(meeting.date, item.planned_start)
        times.append(cursor.time() if cursor is not None else None)
        if cursor is not None and item.duration_minutes:
            try:
                cursor += datetime.timedelta(minutes=item.duration_minutes)
            except OverflowError:  # past the last day the calendar has (9999-12-31)
                cursor = None
            if cursor is not None and cursor.date() != meeting.date:
                cursor = None
        else:
            cursor = None
    return times
