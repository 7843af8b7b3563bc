"""The numbering screen, secret invitations, and the DOCX downloads, per role."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from attendance import services as attendance_services
from letters import services as letter_services
from letters.models import Classification, IssuedNumber
from meetings.models import LetterSecurity
from tests.agencies.factories import AgencyFactory, home_organizer
from tests.meetings.factories import MeetingFactory
from tests.meetings.test_editing_views import _meeting_data

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def meeting():
    organizer = home_organizer()
    organizer.letter_unit_code = "Bakesbangpol"
    organizer.save()
    letter_services.classifications_load_shipped()
    return MeetingFactory(
        letter_classification=Classification.objects.get(code="000.1.5"),
        letter_date=datetime.date(2024, 11, 15),
    )


@pytest.fixture
def supervisor(make_user):
    ministry = AgencyFactory(short_name="Kemendagri", kind="kementerian", level="nasional")
    return client_for(make_user("ditjen", Role.SUPERVISOR, agency=ministry))


def test_the_operator_sees_the_next_number_and_gives_it(meeting, make_user):
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("meetings:letter_number", args=[meeting.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "000.1.5/1/Bakesbangpol/2024" in page.content.decode()
    response = client.post(url, {"action": "issue"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.reference_number == "000.1.5/1/Bakesbangpol/2024"
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert "000.1.5/1/Bakesbangpol/2024" in detail
    # Once numbered, the page offers nothing that would change it.
    again = client.get(url).content.decode()
    assert 'value="issue"' not in again
    assert client.post(url, {"action": "issue"}).status_code == 200
    assert IssuedNumber.objects.count() == 1


def test_a_srikandi_number_is_recorded_and_bad_input_is_shown_next_to_the_field(meeting, make_user):
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("meetings:letter_number", args=[meeting.pk])
    empty = client.post(url, {"action": "record", "number": "   "})
    assert empty.status_code == 200
    assert empty.context["form"].errors["number"]
    long = client.post(url, {"action": "record", "number": "9" * 200})
    assert long.context["form"].errors["number"]
    done = client.post(url, {"action": "record", "number": "000.1.5/0412/Bakesbangpol/2024"})
    assert done.status_code == 302
    meeting.refresh_from_db()
    assert meeting.reference_number == "000.1.5/0412/Bakesbangpol/2024"
    assert meeting.letter_number.external


def test_without_a_classification_the_page_says_what_to_do(make_user):
    meeting = MeetingFactory(letter_classification=None)
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("meetings:letter_number", args=[meeting.pk])
    body = client.get(url).content.decode()
    assert reverse("meetings:update", args=[meeting.pk]) in body
    assert 'value="issue"' not in body
    refused = client.post(url, {"action": "issue"})
    assert refused.status_code == 200
    assert refused.context["issue_errors"]


def test_the_classification_is_typed_in_the_meeting_form(meeting, make_user):
    client = client_for(make_user("operator", Role.OPERATOR))
    options = client.get(
        reverse("agencies:pick", args=["classification"]), {"q": "rapat", "list": "x"}
    )
    assert options.status_code == 200
    assert "000.1.5 – Rapat Pimpinan" in options.content.decode()


def test_a_secret_invitation_is_only_for_the_organizers_staff(meeting, make_user, supervisor):
    meeting.letter_security = LetterSecurity.SECRET
    meeting.save()
    pdf = reverse("documents:pdf", args=[meeting.pk, "undangan"])
    docx = reverse("documents:docx", args=[meeting.pk, "undangan"])
    operator = client_for(make_user("operator", Role.OPERATOR))
    assert operator.get(pdf).status_code == 200
    assert operator.get(docx).status_code == 200
    for url in (pdf, docx, reverse("documents:preview", args=[meeting.pk, "undangan"])):
        assert supervisor.get(url).status_code in (403, 404)
    # The supervisor still reads the minutes; the meeting page does not offer the letter.
    assert supervisor.get(reverse("documents:pdf", args=[meeting.pk, "notula"])).status_code == 200
    page = supervisor.get(meeting.get_absolute_url()).content.decode()
    assert pdf not in page
    # Never on the public share link, even when it had been published before.
    share = attendance_services.agenda_share_renew(meeting=meeting)
    share.publish_invitation = True
    share.save()
    public = Client().get(reverse("documents:shared_pdf", args=[share.token, "undangan"]))
    assert public.status_code == 404
    agenda = Client().get(reverse("attendance:agenda", args=[share.token])).content.decode()
    assert "undangan/pdf" not in agenda


def test_a_secret_invitation_cannot_be_published_on_the_link(meeting, make_user):
    meeting.letter_security = LetterSecurity.TOP_SECRET
    meeting.save()
    client = client_for(make_user("operator", Role.OPERATOR))
    attendance_services.agenda_share_renew(meeting=meeting)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'value="publish"' not in page
    client.post(reverse("attendance:agenda_share", args=[meeting.pk]), {"action": "publish"})
    meeting.agenda_share.refresh_from_db()
    assert not meeting.agenda_share.publish_invitation


@pytest.mark.parametrize(
    ("role", "status"),
    [("operator", 200), ("notulis", 200), ("pimpinan", 200), ("peserta", 404)],
)
def test_docx_downloads_follow_the_document_rules(meeting, users_by_role, role, status):
    users = users_by_role(AgencyFactory())
    client = client_for(users[role])
    for kind in ("undangan", "notula", "laporan"):
        response = client.get(reverse("documents:docx", args=[meeting.pk, kind]))
        assert response.status_code in ((status,) if status == 200 else (403, 404))
        if status == 200:
            assert response["Content-Type"].startswith(
                "application/vnd.openxmlformats-officedocument.wordprocessingml"
            )
            assert "attachment" in response["Content-Disposition"]
    # No DOCX for the kinds SRIKANDI does not take.
    assert (
        client.get(reverse("documents:docx", args=[meeting.pk, "daftar-hadir"])).status_code == 404
        or status != 200
    )


def test_the_meeting_form_shows_the_numbers_parts_without_changing_them(meeting, make_user):
    from meetings import services as meeting_services

    meeting_services.meeting_letter_number_issue(meeting=meeting)
    client = client_for(make_user("operator", Role.OPERATOR))
    url = reverse("meetings:update", args=[meeting.pk])
    form = client.get(url).context["form"]
    assert form.fields["letter_classification"].disabled
    assert form.fields["letter_date"].disabled
    meeting.refresh_from_db()
    data = _meeting_data(
        meeting.organizer,
        title="Judul baru",
        version=meeting.version,
        letter_classification="200.1",
        letter_date="2030-01-01",
    )
    response = client.post(url, data)
    meeting.refresh_from_db()
    # The disabled parts keep their values whatever is posted.
    assert meeting.letter_classification.code == "000.1.5"
    assert meeting.letter_date == datetime.date(2024, 11, 15)
    assert response.status_code == 302
    assert meeting.title == "Judul baru"


def test_report_texts_are_bounded_next_to_the_field(meeting):
    from meetings.forms import REPORT_TEXT_MAX, MinutesForm

    form = MinutesForm(
        {
            "minutes-version": meeting.version,
            "minutes-opening_remarks": "",
            "minutes-conclusions": "",
            "minutes-report_purpose": "x" * (REPORT_TEXT_MAX + 1),
        },
        instance=meeting,
        prefix="minutes",
    )
    assert not form.is_valid()
    assert "report_purpose" in form.errors
