"""Once the chair approves, the stored Notula and the database agree forever: the failures
found by a hostile probe, each kept as a regression test."""

import re
import threading
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.roles import Role
from agencies.models import Agency
from briefings.models import Briefing
from meetings import services
from meetings.models import AgendaItem, FollowUp, Meeting, MinutesStatus
from minutes import services as minutes_services
from tests.agencies.factories import AgencyFactory
from tests.briefings.factories import BriefingFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipationFactory,
    complete_record,
)
from tests.needs import require_postgresql

URL = "http://testserver/verifikasi/{code}/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


@pytest.fixture
def people(make_user):
    return {
        "operator": make_user("operator", Role.OPERATOR),
        "notulis": make_user("notulis", Role.NOTULIS),
        "pimpinan": make_user("pimpinan", Role.PIMPINAN),
        "admin": make_user("admin", is_superuser=True, is_staff=True),
    }


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _approve(meeting, people):
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    return minutes_services.minutes_approve(
        meeting=meeting, user=people["pimpinan"], verify_url=URL
    )


def _pdf_text(revision) -> str:
    with revision.pdf.open("rb") as handle:
        return "".join(page.extract_text() for page in PdfReader(handle).pages)


# 1. A follow-up's text, due date and institution do not change after final.
@pytest.mark.django_db
def test_follow_up_text_does_not_change_after_final_but_its_progress_does(people):
    meeting = MeetingFactory()
    follow_up = FollowUpFactory(meeting=meeting, text="Distribusi logistik", due_date=None)
    _approve(meeting, people)
    other = AgencyFactory()
    response = _client(people["notulis"]).post(
        reverse("meetings:follow_up_update", args=[meeting.pk, follow_up.pk]),
        {
            "follow-up-text": "Teks yang diganti",
            "follow-up-responsible_agency": other.pk,
            "follow-up-due_date": "2024-12-01",
            "follow-up-status": "done",
            "follow-up-progress_note": "Selesai H-2.",
            "follow-up-version": follow_up.version,
        },
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.text, follow_up.due_date) == ("Distribusi logistik", None)
    assert follow_up.responsible_agency != other
    assert (follow_up.status, follow_up.progress_note) == ("done", "Selesai H-2.")


@pytest.mark.django_db
def test_the_follow_up_service_compares_with_the_stored_row(people):
    meeting = MeetingFactory()
    follow_up = FollowUpFactory(meeting=meeting, text="Asli")
    _approve(meeting, people)
    # As a ModelForm does: the new value is already on the instance handed in.
    follow_up.text = "Diganti"
    with pytest.raises(ValidationError) as refused:
        services.follow_up_update(follow_up=follow_up, text="Diganti", status="done")
    assert refused.value.code == "final"
    assert FollowUp.objects.get(pk=follow_up.pk).text == "Asli"


# 2. An edit sent while the chair approves cannot commit after the approval.
@pytest.mark.django_db(transaction=True)
def test_an_edit_racing_the_approval_waits_and_is_refused(people, monkeypatch):
    require_postgresql()
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, position=1, title="Judul lama")
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    rendering = threading.Event()
    render = minutes_services.notula_final_pdf

    def slow_render(*args, **kwargs):
        rendering.set()  # the approval holds the meeting's lock from here on
        time.sleep(0.5)
        return render(*args, **kwargs)

    monkeypatch.setattr(minutes_services, "notula_final_pdf", slow_render)
    outcome = {}

    def approve():
        try:
            outcome["revision"] = minutes_services.minutes_approve(
                meeting=Meeting.objects.get(pk=meeting.pk), user=people["pimpinan"], verify_url=URL
            )
        finally:
            connection.close()

    def edit():
        rendering.wait(10)
        try:
            services.agenda_item_update(item=AgendaItem.objects.get(pk=item.pk), title="Judul baru")
            outcome["edit"] = "saved"
        except ValidationError as error:
            outcome["edit"] = error.code
        finally:
            connection.close()

    threads = [threading.Thread(target=approve), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcome["edit"] == "final"
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == MinutesStatus.FINAL
    assert AgendaItem.objects.get(pk=item.pk).title == "Judul lama"
    # The record and the sealed PDF agree.
    text = _pdf_text(outcome["revision"])
    assert "Judul lama" in text
    assert "Judul baru" not in text


# 3. Briefing edits do not overwrite each other; a versioned form without its version is
# refused.
@pytest.mark.django_db
def test_a_briefing_save_over_a_newer_version_is_refused(people):
    meeting = MeetingFactory()
    briefing = BriefingFactory(meeting=meeting, topic="Topik operator")
    url = reverse("briefings:update", args=[meeting.pk, briefing.pk])
    data = {
        "topic": "Topik operator",
        "summary": "",
        "agenda_item": "",
        "presenter": "",
        "readiness": "",
        "status": "draft",
        "version": briefing.version,
        **{f"{p}-{k}": v for p in ("indicators", "risks") for k, v in _management().items()},
    }
    operator = _client(people["operator"])
    assert operator.post(url, {**data, "topic": "Topik terbaru"}).status_code == 302
    response = operator.post(url, {**data, "topic": "Topik lama yang menimpa"})
    assert response.status_code == 200
    assert ("Topik", "Topik terbaru", "Topik lama yang menimpa") in response.context["stale_values"]
    assert Briefing.objects.get(pk=briefing.pk).topic == "Topik terbaru"
    # Without its version the form is refused as well.
    without = {key: value for key, value in data.items() if key != "version"}
    response = operator.post(url, {**without, "topic": "Tanpa versi"})
    assert response.status_code == 200
    assert Briefing.objects.get(pk=briefing.pk).topic == "Topik terbaru"
    assertion = response.context["editor"].form.non_field_errors().as_data()
    assert [error.code for error in assertion] == ["version_missing"]


def _management():
    return {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "50"}


@pytest.mark.django_db
def test_a_meeting_form_without_its_version_is_refused(people):
    meeting = MeetingFactory(title="Asli")
    response = _client(people["operator"]).post(
        reverse("meetings:update", args=[meeting.pk]),
        {"title": "Tanpa versi", "kind": "rakor", "organizer": meeting.organizer_id},
    )
    assert response.status_code == 200
    assert Meeting.objects.get(pk=meeting.pk).title == "Asli"


# 4. The admin edits no final record and never the minutes status.
@pytest.mark.django_db
def test_the_admin_shows_a_final_meeting_read_only(people):
    meeting = MeetingFactory(venue="Asli")
    item = AgendaItemFactory(meeting=meeting, title="Asli")
    _approve(meeting, people)
    admin = _client(people["admin"])
    change = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    page = admin.get(change)
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    admin.post(change, {"venue": "Diubah", "minutes_status": "draft", "title": "X"})
    admin.post(
        reverse("admin:meetings_agendaitem_change", args=[item.pk]),
        {"title": "Diubah", "meeting": meeting.pk, "position": 1, "kind": "closing"},
    )
    assert admin.post(reverse("admin:meetings_meeting_delete", args=[meeting.pk])).status_code in {
        302,
        403,
    }
    meeting.refresh_from_db()
    assert (meeting.venue, meeting.minutes_status) == ("Asli", MinutesStatus.FINAL)
    assert AgendaItem.objects.get(pk=item.pk).title == "Asli"
    # Adding a row to a final meeting is refused with the reason, next to the form.
    response = admin.post(
        reverse("admin:meetings_agendaitem_add"),
        {"meeting": meeting.pk, "position": 9, "title": "Baru", "kind": "closing"},
    )
    assert response.status_code == 200
    assert not AgendaItem.objects.filter(title="Baru").exists()


@pytest.mark.django_db
def test_the_minutes_status_is_never_editable_in_the_admin(people):
    meeting = MeetingFactory()
    page = _client(people["admin"]).get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert "minutes_status" not in page.context["adminform"].form.fields


@pytest.mark.django_db
def test_the_admin_shows_the_history_of_accounts_and_institutions(people):
    agency = AgencyFactory()
    admin = _client(people["admin"])
    for url in (
        reverse("admin:agencies_agency_history", args=[agency.pk]),
        reverse("admin:auth_user_history", args=[people["notulis"].pk]),
    ):
        assert admin.get(url).status_code == 200
    people["notulis"].first_name = "Nama baru"
    people["notulis"].save()
    assert people["notulis"].history.count() >= 1
    assert "password" not in {f.name for f in people["notulis"].history.model._meta.fields}


# 5. Concurrent and repeated submissions.
@pytest.mark.django_db(transaction=True)
def test_concurrent_group_invitations_answer_like_sequential_ones(people):
    require_postgresql()
    meeting = MeetingFactory()
    for _ in range(6):
        AgencyFactory(kind=Agency.Kind.DISTRICT)
    url = reverse("meetings:invitations", args=[meeting.pk])
    statuses = []

    def invite():
        try:
            client = _client(people["operator"])
            statuses.append(client.post(url, {"group-kind": Agency.Kind.DISTRICT}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=invite) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert statuses == [302] * 8
    assert meeting.participations.count() == 6


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["meeting", "follow_up", "agenda_item"])
def test_a_create_form_sent_twice_creates_one_row(people, form):
    meeting = MeetingFactory()
    token = str(uuid.uuid4())
    client = _client(people["operator"])
    url, data, rows = {
        "meeting": (
            reverse("meetings:create"),
            {
                "title": "Rakor baru",
                "kind": "rakor",
                "organizer": meeting.organizer_id,
                "date": "2024-12-01",
                "time_zone": "Asia/Makassar",
                "venue": "Aula",
                "status": "scheduled",
                "letter_security": "biasa",
                "letter_urgency": "biasa",
                "submission_token": token,
            },
            lambda: Meeting.objects.filter(title="Rakor baru").count(),
        ),
        "follow_up": (
            reverse("meetings:follow_up_create", args=[meeting.pk]),
            {
                "follow-up-text": "Tindak",
                "follow-up-status": "open",
                "follow-up-submission_token": token,
            },
            lambda: meeting.follow_ups.count(),
        ),
        "agenda_item": (
            reverse("meetings:agenda_add", args=[meeting.pk]),
            {"new-title": "Doa", "new-kind": "closing", "new-submission_token": token},
            lambda: meeting.agenda_items.count(),
        ),
    }[form]
    first = client.post(url, data)
    second = client.post(url, data, follow=True)
    assert first.status_code == 302
    assert rows() == 1
    assert second.status_code == 200
    assert any("satu kali" in str(m) for m in second.context["messages"])


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_a_create_form_creates_one_row(people):
    require_postgresql()
    meeting = MeetingFactory()
    token = str(uuid.uuid4())
    url = reverse("meetings:follow_up_create", args=[meeting.pk])
    data = {
        "follow-up-text": "Tindak",
        "follow-up-status": "open",
        "follow-up-submission_token": token,
    }
    statuses = []

    def send():
        try:
            statuses.append(_client(people["notulis"]).post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert statuses == [302] * 4
    assert meeting.follow_ups.count() == 1


# Approval only of a complete record.
@pytest.mark.django_db
def test_an_incomplete_record_is_not_approved_and_the_missing_items_are_named(people):
    meeting = MeetingFactory(start_time=None, conclusions="")
    ParticipationFactory(meeting=meeting, status="invited")
    AgendaItemFactory(meeting=meeting, position=1, kind="discussion", title="Tanya jawab")
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    with pytest.raises(ValidationError) as refused:
        minutes_services.minutes_approve(meeting=meeting, user=people["pimpinan"], verify_url=URL)
    message = refused.value.messages[0]
    for missing in (
        "Pimpinan",
        "Notulis",
        "mulai",
        "selesai",
        "Kehadiran",
        "Tanya jawab",
        "Kesimpulan",
    ):
        assert missing.lower() in message.lower(), missing
    assert not meeting.revisions.exists()
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == MinutesStatus.IN_REVIEW
    # The chair's page lists the same items, and the approve button is not offered.
    page = _client(people["pimpinan"]).get(meeting.get_absolute_url())
    assert [item.done for item, _url in page.context["checklist"]].count(False) == 7
    assert b'id="minutes-approve" disabled' in page.content


@pytest.mark.django_db
def test_the_minute_taker_who_submits_is_named_when_none_was_chosen(people):
    from tests.agencies.factories import OfficialFactory

    official = OfficialFactory(name="Wa Ode Notulis")
    profile = people["notulis"].profile
    profile.official = official
    profile.save()
    meeting = MeetingFactory(minute_taker=None)
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    assert Meeting.objects.get(pk=meeting.pk).minute_taker == official


# Drafts look like drafts.
@pytest.mark.django_db
def test_only_a_final_notula_goes_without_the_draft_mark(people):
    meeting = MeetingFactory()
    staff = _client(people["notulis"])
    preview = reverse("documents:preview", args=[meeting.pk, "notula"])
    assert b"draft-mark" in staff.get(preview).content
    pdf = staff.get(reverse("documents:pdf", args=[meeting.pk, "notula"]))
    draft_text = "".join(p.extract_text() for p in PdfReader(_bytes(pdf)).pages)
    assert "DRAF" in draft_text
    assert "Kode verifikasi" not in draft_text
    revision = _approve(meeting, people)
    final_text = _pdf_text(revision)
    assert "DRAF" not in final_text
    assert "Kode verifikasi" in final_text
    assert b"draft-mark" not in staff.get(preview).content
    # A progress page open during the approval is told the stored file is ready, not sent it.
    waiting = staff.get(
        reverse("documents:pdf", args=[meeting.pk, "notula"]) + "?tunggu=1",
        headers={"HX-Request": "true"},
    )
    assert waiting["Content-Type"].startswith("text/html")
    assert "data-auto-download" in waiting.content.decode()
    assert f"revisi-{revision.number}.pdf" in waiting.content.decode()


def _bytes(response):
    import io

    return io.BytesIO(response.content)


@pytest.mark.django_db
def test_user_model_is_the_default():
    # The history of accounts is registered on Django's own User model.
    assert get_user_model()._meta.label == "auth.User"


@pytest.mark.django_db
def test_minutes_of_a_meeting_that_has_not_taken_place_are_not_submitted(people):
    import datetime

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=3))
    page = _client(people["notulis"]).get(meeting.get_absolute_url())
    assert b'id="minutes-submit"' not in page.content
    response = _client(people["notulis"]).post(
        reverse("minutes:action", args=[meeting.pk, "submit"]), follow=True
    )
    assert "Rapat belum berlangsung" in response.content.decode()
    with pytest.raises(ValidationError):
        minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == MinutesStatus.DRAFT


# A real commit: the user is told on commit (a refused write tells nothing).
@pytest.mark.django_db(transaction=True)
def test_a_change_during_review_sends_the_minutes_back_to_draft_and_says_who(people):
    """The chair reviews what was submitted: when the record changes meanwhile (the notulis
    edits the text, a liaison its briefing), the minutes are a draft again, the workflow log
    names who changed it, and they must be submitted again before they can be approved."""
    from briefings import services as briefing_services
    from meetings.models import MinutesEvent, MinutesStatus
    from tests.crawl import Page, form_data

    meeting = MeetingFactory(opening_remarks="Sambutan yang diajukan.")
    complete_record(meeting)
    briefing = BriefingFactory(meeting=meeting, summary="Paparan yang diajukan.")
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    meeting.refresh_from_db()
    notulis = _client(people["notulis"])
    url = reverse("meetings:minutes", args=[meeting.pk])
    (form,) = [f for f in Page(notulis.get(url).content.decode()).forms if f["action"] in ("", url)]
    data = form_data(form)
    data["minutes-opening_remarks"] = ["Sambutan yang diubah sesudah diajukan."]
    response = notulis.post(url, data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    assert meeting.opening_remarks == "Sambutan yang diubah sesudah diajukan."
    event = meeting.minutes_events.last()
    assert (event.action, event.user) == (MinutesEvent.Action.CHANGED, people["notulis"])
    page = notulis.get(response.url).content.decode()
    assert "harus diajukan lagi" in page  # told at once
    page = notulis.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Data rapat diubah saat diperiksa; notula kembali ke draf (notulis)" in page
    with pytest.raises(ValidationError):
        minutes_services.minutes_approve(meeting=meeting, user=people["pimpinan"], verify_url=URL)

    # Submitted again, a change by a service outside a request is logged without a name.
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    briefing_services.briefing_update(briefing=briefing, summary="Diubah di konsol.")
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    assert meeting.minutes_events.last().user is None
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    revision = minutes_services.minutes_approve(
        meeting=meeting, user=people["pimpinan"], verify_url=URL
    )
    assert "Sambutan yang diubah sesudah diajukan." in _pdf_text(revision)


@pytest.mark.django_db
def test_the_chairs_comment_stands_on_the_minutes_page_until_they_are_submitted_again(people):
    meeting = MeetingFactory()
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    minutes_services.minutes_return(
        meeting=meeting, user=people["pimpinan"], comment="Lengkapi simpulan butir 2."
    )
    notulis = _client(people["notulis"])
    url = reverse("meetings:minutes", args=[meeting.pk])
    page = notulis.get(url).content.decode()
    assert 'id="minutes-returned"' in page
    assert "Lengkapi simpulan butir 2." in page
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    assert 'id="minutes-returned"' not in notulis.get(url).content.decode()
    # The return's comment box asks for the reason before the form is sent.
    page = _client(people["pimpinan"]).get(reverse("meetings:detail", args=[meeting.pk]))
    assert re.search(r'<textarea name="comment" id="return-comment"[^>]* required', page.text)


@pytest.mark.django_db
def test_every_path_of_a_change_in_review_sends_the_minutes_back_but_saving_nothing_does_not(
    people, admin_client
):
    """A follow-up's text (listed in the Notula) and an agenda item changed in the admin send
    the minutes back too; the minutes form saved as it was loaded changes nothing."""
    from meetings import services as meeting_services
    from meetings.models import MinutesEvent, MinutesStatus
    from tests.crawl import Page, form_data

    meeting = MeetingFactory()
    follow_up = FollowUpFactory(meeting=meeting, text="Distribusi logistik")
    item = AgendaItemFactory(meeting=meeting, title="Judul semula")
    complete_record(meeting)

    def submitted():
        minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.IN_REVIEW

    def sent_back() -> bool:
        meeting.refresh_from_db()
        last = meeting.minutes_events.last()
        return (
            meeting.minutes_status == MinutesStatus.DRAFT
            and last.action == MinutesEvent.Action.CHANGED
        )

    submitted()
    notulis = _client(people["notulis"])
    url = reverse("meetings:minutes", args=[meeting.pk])
    (form,) = [f for f in Page(notulis.get(url).content.decode()).forms if f["action"] in ("", url)]
    response = notulis.post(url, form_data(form), follow=True)
    assert "Tidak ada yang diubah." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.IN_REVIEW

    follow_up.refresh_from_db()
    meeting_services.follow_up_update(
        follow_up=follow_up, text="Distribusi logistik diubah", expected_version=follow_up.version
    )
    assert sent_back()

    submitted()
    change = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    forms = Page(admin_client.get(change).content.decode()).forms
    (form,) = [f for f in forms if any(name == "title" for name, _value in f["fields"])]
    data = form_data(form)
    data["title"] = ["Judul diubah lewat admin"]
    assert admin_client.post(change, data).status_code == 302
    item.refresh_from_db()
    assert item.title == "Judul diubah lewat admin"
    assert sent_back()


@pytest.mark.django_db
def test_an_approval_sent_from_a_page_older_than_the_record_is_refused(people):
    from meetings.models import MinutesStatus
    from tests.crawl import Page, form_data

    meeting = MeetingFactory(opening_remarks="Teks yang dibaca pimpinan.")
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    pimpinan = _client(people["pimpinan"])
    page_url = reverse("meetings:detail", args=[meeting.pk])
    approve = reverse("minutes:action", args=[meeting.pk, "approve"])

    def approve_form():
        forms = Page(pimpinan.get(page_url).content.decode()).forms
        (form,) = [f for f in forms if f["action"] == approve]
        return form_data(form)

    old_page = approve_form()
    assert old_page["seen"][0]
    # Meanwhile the text changes (back to draft) and is submitted again.
    meeting.refresh_from_db()
    meeting.opening_remarks = "Teks yang belum dibaca pimpinan."
    from meetings import services as meeting_services

    meeting_services.meeting_minutes_save(
        meeting=meeting,
        opening_remarks=meeting.opening_remarks,
        conclusions=meeting.conclusions,
        items=[],
    )
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    response = pimpinan.post(approve, old_page, follow=True)
    assert "Data rapat berubah setelah halaman ini dibuka" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.IN_REVIEW
    pimpinan.post(approve, approve_form())
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.FINAL


@pytest.mark.django_db
def test_a_return_comment_over_the_limit_is_said_so(people):
    meeting = MeetingFactory()
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=people["notulis"])
    response = _client(people["pimpinan"]).post(
        reverse("minutes:action", args=[meeting.pk, "return"]),
        {"comment": "x" * 2001},
        follow=True,
    )
    page = response.content.decode()
    assert "paling banyak 2000 karakter" in page
    assert "Isikan alasannya" not in page


@pytest.mark.django_db
def test_minutes_texts_are_bounded_next_to_their_field(people):
    from meetings.forms import MINUTES_TEXT_MAX
    from tests.crawl import Page, form_data

    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    notulis = _client(people["notulis"])
    url = reverse("meetings:minutes", args=[meeting.pk])
    (form,) = [f for f in Page(notulis.get(url).content.decode()).forms if f["action"] in ("", url)]
    data = form_data(form)
    data["minutes-conclusions"] = ["x" * (MINUTES_TEXT_MAX + 1)]
    discussion = next(name for name in data if name.endswith("discussion_notes"))
    data[discussion] = ["y" * (MINUTES_TEXT_MAX + 1)]
    response = notulis.post(url, data)
    assert response.status_code == 200
    assert "conclusions" in response.context["minutes_form"].errors
    assert any("discussion_notes" in f.errors for f in response.context["item_forms"])
    meeting.refresh_from_db()
    assert meeting.conclusions != "x" * (MINUTES_TEXT_MAX + 1)
