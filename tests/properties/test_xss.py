"""Script typed into any text field stays text: escaped on every page and form that shows it,
and printed as literal text in the PDFs (which embed no file, image or script because of it)."""

import io
import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from attendance import services as attendance_services
from briefings.models import Briefing
from meetings import services
from tests.agencies.factories import AgencyFactory, OfficialFactory, home_organizer
from tests.briefings.factories import BriefingFactory, ReadinessIndicatorFactory, RiskFactory
from tests.documents.conftest import pdf_text
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "</textarea><script>alert(1)</script>",
]
# What a browser would run if a payload reached the page unescaped.
ACTIVE = [b"<script>alert(1)", b"<img src=x onerror", b"<svg onload", b"</textarea><script"]
SCRIPT_URL = re.compile(rb"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)
HTMX = {"HTTP_HX_REQUEST": "true"}
KINDS = ["notula", "daftar-hadir", "undangan", "susunan-acara"]


@pytest.fixture(autouse=True)
def _files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


@pytest.fixture(params=PAYLOADS, ids=range(len(PAYLOADS)))
def payload(request):
    return request.param


@pytest.fixture
def filled(payload):
    """A meeting whose every user-editable text holds the payload."""
    organizer = AgencyFactory(
        name=payload,
        short_name=payload,
        head_title=payload,
        address=payload,
        parent=home_organizer(),
    )
    invited = AgencyFactory(
        name=f"{payload} 2", short_name=f"{payload} 2", head_title=payload, address=payload
    )
    chair = OfficialFactory(agency=organizer, name=payload, position=payload)
    official = OfficialFactory(agency=invited, name=payload, position=payload)
    meeting = MeetingFactory(
        organizer=organizer,
        title=payload,
        venue="Aula",
        reference_number=payload,
        chair=chair,
        minute_taker=chair,
        letter_signer=chair,
    )
    # Through the service, so that the history shows the change to the payload too.
    services.meeting_update(
        meeting=meeting,
        venue=payload,
        venue_address=payload,
        dress_code=payload,
        contact_name=payload,
        letter_subject=payload,
        copies_to=payload,
    )
    services.meeting_minutes_save(meeting=meeting, opening_remarks=payload, conclusions=payload)
    represented = ParticipationFactory(
        meeting=meeting,
        agency=invited,
        invitee=official,
        invitee_position=payload,
        note=payload,
    )
    # Whoever stands in is a person on the list, with the payload as name and position.
    attendance_services.attendee_add(
        meeting=meeting,
        name=payload,
        position=payload,
        participation=represented,
        on_behalf=True,
    )
    ParticipationFactory(meeting=meeting, agency=organizer, invitee_position=payload, note=payload)
    item = AgendaItemFactory(
        meeting=meeting,
        position=1,
        title=payload,
        description=payload,
        discussion_notes=payload,
        presenter_agency=invited,
        presenter=official,
        duration_minutes=30,
    )
    item.speakers.add(official)
    FollowUpFactory(meeting=meeting, text=payload, responsible_agency=invited)
    briefing = BriefingFactory(
        meeting=meeting,
        agency=invited,
        topic=payload,
        summary=payload,
        presenter=official,
        agenda_item=item,
        readiness=Briefing.Readiness.READY_WITH_NOTES,
    )
    ReadinessIndicatorFactory(briefing=briefing, label=payload, note=payload)
    RiskFactory(briefing=briefing, location=payload, description=payload, mitigation=payload)
    return meeting, item, briefing, official


def assert_inert(content: bytes, payload: str, where: str) -> None:
    lowered = content.lower()
    for marker in ACTIVE:
        assert marker not in lowered, where
    assert not SCRIPT_URL.search(content), where
    if escape(payload) != payload:
        assert payload.encode() not in content, where
    assert escape(payload).encode() in content, where


def pages(meeting, item, briefing, official) -> dict[str, tuple[str, dict]]:
    """Every page that shows the meeting's texts, with the request headers it is opened with."""
    m = meeting.pk
    b = (m, briefing.pk)
    found = {
        "meeting list": (reverse("meetings:list"), {}),
        "meeting detail": (reverse("meetings:detail", args=[m]), {}),
        "agenda edit (htmx)": (reverse("meetings:agenda_edit", args=[m, item.pk]), HTMX),
        "agenda edit (page)": (reverse("meetings:agenda_edit", args=[m, item.pk]), {}),
        "attendance": (reverse("attendance:people", args=[m]), {}),
        "invitations": (reverse("meetings:invitations", args=[m]), {}),
        "minutes": (reverse("meetings:minutes", args=[m]), {}),
        "history": (reverse("meetings:history", args=[m]), {}),
        "meeting edit": (reverse("meetings:update", args=[m]), {}),
        "agency list": (reverse("agencies:list"), {}),
        "organizer": (reverse("agencies:detail", args=[meeting.organizer_id]), {}),
        "invited agency": (reverse("agencies:detail", args=[official.agency_id]), {}),
        "official edit": (
            reverse("agencies:official_update", args=[official.agency_id, official.pk]),
            {},
        ),
        "briefing detail": (reverse("briefings:detail", args=b), {}),
        "briefing edit": (reverse("briefings:update", args=b), {}),
    }
    for kind in KINDS:
        found[f"preview {kind}"] = (reverse("documents:preview", args=[m, kind]), {})
    return found


def test_pages_escape_every_field(operator_client, notulis_client, filled, payload):
    meeting, item, briefing, official = filled
    for where, (url, headers) in pages(meeting, item, briefing, official).items():
        response = operator_client.get(url, **headers)
        assert response.status_code == 200, where
        assert_inert(response.content, payload, where)
    response = notulis_client.get(reverse("meetings:minutes", args=[meeting.pk]))
    assert_inert(response.content, payload, "minutes (notulis)")


def test_typed_input_is_escaped_when_the_form_comes_back(operator_client, payload):
    """Search boxes and rejected forms show what was typed again, escaped."""
    meeting = MeetingFactory()
    url = reverse("meetings:list")
    assert_inert(operator_client.get(url, {"q": payload}).content, payload, "meeting search")
    url = reverse("agencies:list")
    assert_inert(operator_client.get(url, {"q": payload}).content, payload, "agency search")
    response = operator_client.post(
        reverse("meetings:create"), {"title": payload, "venue": payload, "date": "bukan"}
    )
    assert response.status_code == 200
    assert_inert(response.content, payload, "rejected meeting")
    response = operator_client.post(
        reverse("meetings:agenda_add", args=[meeting.pk]),
        {"new-title": payload, "new-description": payload, "new-kind": "dance"},
        **HTMX,
    )
    assert response.status_code == 200
    assert_inert(response.content, payload, "rejected agenda item")
    response = operator_client.post(
        reverse("meetings:follow_up_create", args=[meeting.pk]),
        {"follow-up-text": payload, "follow-up-status": "later"},
    )
    assert response.status_code == 200
    assert_inert(response.content, payload, "rejected follow-up")


def test_attendance_response_escapes_the_note(operator_client, payload):
    participation = ParticipationFactory(status="invited")
    url = reverse("attendance:invitation_status", args=[participation.meeting_id, participation.pk])
    response = operator_client.post(url, {"status": "excused", "note": payload}, **HTMX)
    assert response.status_code == 200
    assert_inert(response.content, payload, "attendance row")


def link_targets(reader: PdfReader) -> list[str]:
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                targets.append(str(action.get_object().get("/URI", "")))
    return targets


@pytest.mark.parametrize("kind", KINDS)
def test_pdfs_print_the_payload_as_text(operator_client, filled, payload, kind):
    meeting = filled[0]
    response = operator_client.get(reverse("documents:pdf", args=[meeting.pk, kind]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert payload in pdf_text(response.content)
    assert reader.attachments == {}
    assert all(not page.images for page in reader.pages)
    assert not any(target.lower().startswith("javascript:") for target in link_targets(reader))
    assert b"/JavaScript" not in response.content
