"""pilkada_portal.versioned: answers remembered under a meeting's version."""

import pytest
from django.db.models import Q

from meetings.cache import meetings_touch
from meetings.models import Meeting
from pilkada_portal.versioned import remembered
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_remembered_until_the_record_changes_and_only_what_may_be_kept():
    meeting = MeetingFactory()
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert remembered(meeting, "test", "a", compute=compute) == 1
    assert remembered(meeting, "test", "a", compute=compute) == 1
    assert remembered(meeting, "test", "b", compute=compute) == 2  # other parts, other key
    meetings_touch(Q(pk=meeting.pk))
    meeting.refresh_from_db()
    assert remembered(meeting, "test", "a", compute=compute) == 3  # a new version
    # An answer that must not be kept (a page with someone's CSRF token) is computed anew.
    assert remembered(meeting, "test", "c", compute=compute, keep=lambda value: False) == 4
    assert remembered(meeting, "test", "c", compute=compute, keep=lambda value: False) == 5
    # Loaded without its version: never remembered.
    partial = Meeting.objects.only("pk").get(pk=meeting.pk)
    assert remembered(partial, "test", "a", compute=compute) == 6
    assert remembered(partial, "test", "a", compute=compute) == 7


def test_long_parts_make_a_short_valid_key():
    """A part typed by the user (a page's query string) does not make a key that a cache
    backend warns about."""
    import warnings

    meeting = MeetingFactory()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert remembered(meeting, "test", "?q=" + "x" * 2000, compute=lambda: 1) == 1
        assert remembered(meeting, "test", "?q=" + "x" * 2000, compute=lambda: 2) == 1
