"""Every form of the portal, posted against a final meeting with every text field changed,
leaves the meeting's record byte for byte as it was approved.

The forms are crawled from the meeting's pages while the meeting is still open (as the
operator, the minute taker, the chair and the administrator, admin change forms included),
then the minutes are approved and each form is sent again, changed. Only the progress of
follow-ups (status, progress note) may change after final.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core import serializers
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from briefings.models import Briefing, ReadinessIndicator, Risk
from meetings.models import AgendaItem, FollowUp, Meeting, Participation
from minutes import services as minutes_services
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory, RiskFactory
from tests.crawl import Page, form_data
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
    complete_record,
)

pytestmark = pytest.mark.django_db
CHANGED = " DIUBAH"
SKIP = re.compile(
    r"^/(i18n/|accounts/logout|admin/logout)|/pdf/|/minutes/(submit|approve|return|reopen)/"
)
# What may still change after final, or changes without touching the record.
PROGRESS = {
    "meetings.meeting": {"updated_at"},
    "meetings.followup": {"status", "progress_note", "version"},
}


@pytest.fixture
def record(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    kpu, polres = AgencyFactory(short_name="KPU"), AgencyFactory(short_name="Polres")
    speaker = OfficialFactory(agency=kpu)
    meeting = MeetingFactory(opening_remarks="Dibuka", conclusions="Disepakati")
    for agency in (kpu, polres):
        ParticipationFactory(meeting=meeting, agency=agency)
    for position in (1, 2):
        item = AgendaItemFactory(
            meeting=meeting, position=position, presenter_agency=kpu, discussion_notes="Dibahas"
        )
        item.speakers.add(speaker)
    FollowUpFactory(meeting=meeting, responsible_agency=kpu, text="Distribusi")
    for agency in (kpu, polres):
        briefing = BriefingFactory(meeting=meeting, agency=agency, summary="Siap")
        ReadinessIndicatorFactory(briefing=briefing)
        RiskFactory(briefing=briefing)
    users = {
        "operator": make_user("operator", Role.OPERATOR),
        "notulis": make_user("notulis", Role.NOTULIS),
        "pimpinan": make_user("pimpinan", Role.PIMPINAN),
        "admin": make_user("admin", is_superuser=True, is_staff=True),
    }
    return complete_record(meeting), users


def _snapshot(meeting) -> dict[str, str]:
    """The meeting's rows as JSON, without what may still change after final."""
    briefings = Briefing.objects.filter(meeting=meeting)
    querysets = [
        Meeting.objects.filter(pk=meeting.pk),
        AgendaItem.objects.filter(meeting=meeting),
        Participation.objects.filter(meeting=meeting),
        FollowUp.objects.filter(meeting=meeting),
        briefings,
        ReadinessIndicator.objects.filter(briefing__in=briefings),
        Risk.objects.filter(briefing__in=briefings),
    ]
    rows = {}
    for queryset in querysets:
        for row in serializers.serialize("python", queryset.order_by("pk")):
            for name in PROGRESS.get(row["model"], ()):
                row["fields"].pop(name, None)
            rows[f"{row['model']}:{row['pk']}"] = repr(row["fields"])
    return rows


def _admin_pages(meeting) -> list[str]:
    """The admin change forms of the meeting and of every row of its record."""
    pages = [reverse("admin:meetings_meeting_change", args=[meeting.pk])]
    for model, queryset in (
        ("meetings_agendaitem", meeting.agenda_items.all()),
        ("meetings_participation", meeting.participations.all()),
        ("meetings_followup", meeting.follow_ups.all()),
        ("briefings_briefing", meeting.briefings.all()),
        (
            "briefings_readinessindicator",
            ReadinessIndicator.objects.filter(briefing__meeting=meeting),
        ),
        ("briefings_risk", Risk.objects.filter(briefing__meeting=meeting)),
    ):
        pages += [reverse(f"admin:{model}_change", args=[row.pk]) for row in queryset]
    return pages


def _crawl(client: Client, meeting, extra: list[str]) -> list[tuple[str, dict]]:
    """(action, form) of every POST form on the meeting's pages, two links deep."""
    base = meeting.get_absolute_url()
    seen, queue, forms = set(), [base, *extra], []
    for depth in range(3):
        next_queue = []
        for url in queue:
            if url in seen or SKIP.search(url):
                continue
            seen.add(url)
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            page = Page(response.content.decode())
            forms += [(urljoin(url, form["action"] or url), form) for form in page.forms]
            if depth < 2:
                next_queue += [
                    urlsplit(urljoin(url, href)).path
                    for href in page.links
                    if urljoin(url, href).startswith(base)
                ]
        queue = next_queue
    return forms


def test_every_form_leaves_a_final_record_unchanged(record):
    meeting, users = record
    clients = {}
    captured = []
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
        extra = _admin_pages(meeting) if role == "admin" else []
        captured += [(role, action, form) for action, form in _crawl(clients[role], meeting, extra)]
    assert len(captured) > 40  # the crawl reached the record's forms at all

    minutes_services.minutes_submit(meeting=meeting, user=users["notulis"])
    minutes_services.minutes_approve(
        meeting=meeting, user=users["pimpinan"], verify_url="http://testserver/v/{code}/"
    )
    meeting.refresh_from_db()
    before = _snapshot(meeting)
    posted = 0
    for role, action, form in captured:
        if SKIP.search(action):
            continue
        for button in form["buttons"] or [(None, "")]:
            data = form_data(form, button, change_text=CHANGED)
            for name in data:
                # The versions the forms were opened with are the current ones, so that
                # only the final record, not a stale version, can stop a change.
                if name.endswith("version") and action.rstrip("/").endswith(
                    (f"/meetings/{meeting.pk}/edit", f"/meetings/{meeting.pk}/minutes")
                ):
                    data[name] = [str(meeting.version)]
            response = clients[role].post(action, data)
            assert response.status_code < 500, (role, action)
            posted += 1
    assert posted > 40
    after = _snapshot(meeting)
    changed = {key: (before.get(key), after.get(key)) for key in before.keys() | after.keys()}
    changed = {key: pair for key, pair in changed.items() if pair[0] != pair[1]}
    assert changed == {}
