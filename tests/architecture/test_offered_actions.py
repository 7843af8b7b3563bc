"""No screen offers an action that the server refuses: for every role, on a future, a past
(minutes in review) and a final meeting, every action link on the meeting, minutes and
briefing pages is followed and every form is posted, and none answers 403 or a refusal."""

import datetime
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.messages import constants, get_messages
from django.db import transaction
from django.test import Client
from django.utils import timezone

from minutes import services as workflow
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import BriefingFactory
from tests.crawl import Page, form_data
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
    complete_record,
)

ROLES = ["operator", "notulis", "pimpinan", "liaison", "peserta", "admin"]
# Not actions on the record: language, sign-out, and PDFs (the same rule as their preview,
# which is followed; rendering them all would only make the test slow).
SKIP = re.compile(r"^/(i18n/|accounts/logout|admin/logout)|/pdf/|[?&]blank=1")


def _parse(response) -> Page:
    return Page(response.content.decode())


def _refusal(response) -> str | None:
    """Why the server refused, or None: a 403, or an error message after a redirect."""
    if response.status_code == 403:
        return "403"
    errors = [m.message for m in get_messages(response.wsgi_request) if m.level == constants.ERROR]
    return "; ".join(errors) or None


@pytest.fixture
def world(users_by_role, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    own, other = AgencyFactory(short_name="KPU"), AgencyFactory(short_name="Polres")
    OfficialFactory(agency=own)
    users = users_by_role(own)
    today = timezone.localdate()
    meetings = {}
    for state, days in (("future", 7), ("past", -7), ("final", -30)):
        meeting = MeetingFactory(date=today + datetime.timedelta(days=days))
        for agency in (own, other):
            ParticipationFactory(meeting=meeting, agency=agency)
        AgendaItemFactory(meeting=meeting, position=1, presenter_agency=own)
        AgendaItemFactory(meeting=meeting, position=2)
        FollowUpFactory(meeting=meeting, responsible_agency=own)
        BriefingFactory(meeting=meeting, agency=own)
        BriefingFactory(meeting=meeting, agency=other)
        if state != "future":
            workflow.minutes_submit(meeting=meeting, user=users["notulis"])
        if state == "final":
            complete_record(meeting)
            workflow.minutes_approve(
                meeting=meeting,
                user=users["pimpinan"],
                verify_url="http://testserver/verifikasi/{code}/",
            )
        meetings[state] = meeting
    return users, meetings


def _pages(client: Client, meeting) -> list[str]:
    """The meeting page, and the minutes and briefing pages it links to."""
    base = meeting.get_absolute_url()
    page = _parse(client.get(base))
    found = [base]
    for href in page.links:
        path = urlsplit(href).path
        if path == f"{base}minutes/" or re.fullmatch(rf"{base}briefings/\d+/", path):
            found.append(path)
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("state", ["future", "past", "final"])
@pytest.mark.parametrize("role", ROLES)
def test_every_offered_action_is_allowed(world, role, state):
    users, meetings = world
    meeting = meetings[state]
    client = Client()
    client.force_login(users[role])
    refused, checked = [], 0
    for url in _pages(client, meeting):
        response = client.get(url)
        assert response.status_code == 200, url
        page = _parse(response)
        for href in dict.fromkeys(page.links):
            target = urljoin(url, href)
            if not target.startswith(f"/meetings/{meeting.pk}/") or SKIP.search(target):
                continue
            answer = client.get(target, follow=True)
            checked += 1
            if (reason := _refusal(answer)) or answer.status_code != 200:
                refused.append(f"GET {target} from {url}: {answer.status_code} {reason or ''}")
        for form in page.forms:
            target = urljoin(url, form["action"] or url)
            if SKIP.search(target) or not form["buttons"]:
                continue  # a form without an enabled submit button offers nothing
            for button in form["buttons"]:
                # Text typed into every field (comments and reasons are asked for).
                data = form_data(form, button, change_text=" (uji)")
                # Each post is undone, so that every action is tried on the same record.
                with transaction.atomic():
                    answer = client.post(target, data, follow=True)
                    reason = _refusal(answer)
                    transaction.set_rollback(True)
                checked += 1
                if reason or answer.status_code >= 400:
                    refused.append(f"POST {target} {button}: {answer.status_code} {reason}")
    assert refused == []
    # The walk reached the pages' actions at all (everyone at least reads the agenda).
    assert checked > 0
