"""Answers derived from a meeting's record, remembered under the record's version.

meetings/cache.py touches Meeting.updated_at on every write to a meeting's record (its
invitations, briefings, people...). An answer read from that record, kept in the cache under
a key that holds the updated_at this request read, is therefore never stale: a change gives
a new key. No invalidation crosses processes, so a per-process cache (locmem) is as correct
as a shared one. The meeting page's parts are cached the same way (meeting_detail.html).
"""

import hashlib
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from django.core.cache import cache

SECONDS = 3600
_MISSING = object()


def remembered(
    meeting,
    name: str,
    *parts: Hashable,
    compute: Callable[[], Any],
    keep: Callable[[Any], bool] = lambda value: True,
) -> Any:
    """compute(), or its answer remembered for this meeting's version and these parts.

    An answer for which keep(answer) is false is not remembered. A meeting loaded without its
    updated_at (`.only()`) is answered by compute() alone.
    """
    version = meeting.__dict__.get("updated_at")
    if version is None:
        return compute()
    # The parts may be long or typed by the user (a page's query string): hashed, so that the
    # key stays short and valid for every cache backend.
    digest = hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()[:32]
    key = f"record:{name}:{meeting.pk}:{version.timestamp():.6f}:{digest}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if keep(value):
            cache.set(key, value, SECONDS)
    return value


def remembered_each(
    meetings: Iterable, name: str, *parts: Hashable, compute: Callable[[list], dict]
) -> dict:
    """{meeting pk: answer} for several meetings, each remembered for its own version and
    these parts; compute(meetings not remembered) answers the others at once (one query for
    all of them, not one each). Meetings loaded without their updated_at are computed."""
    meetings = list(meetings)
    digest = hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()[:32]
    keys = {
        meeting.pk: f"record:{name}:{meeting.pk}:{version.timestamp():.6f}:{digest}"
        for meeting in meetings
        if (version := meeting.__dict__.get("updated_at")) is not None
    }
    found = cache.get_many(keys.values())
    answers = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [meeting for meeting in meetings if meeting.pk not in answers]
    if missing:
        computed = compute(missing)
        cache.set_many({keys[pk]: value for pk, value in computed.items() if pk in keys}, SECONDS)
        answers.update(computed)
    return answers


def records_state(versions: Iterable[tuple[int, Any]]) -> str:
    """Names the state of several meetings' records, from their (pk, updated_at): for what
    is read from all of them (a series' earlier follow-ups, an election's dashboard)."""
    text = ";".join(f"{pk}:{updated_at.isoformat()}" for pk, updated_at in versions)
    return hashlib.sha256(text.encode()).hexdigest()
