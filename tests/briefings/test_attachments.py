"""A briefing's presentation files: type by content, 20 MB refused before the body is read,
stored privately, downloaded as attachment by those who read the briefing, 404 for others."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import Profile
from accounts.roles import Role
from briefings.models import BriefingAttachment
from documents.render import document_export
from tests.agencies.factories import AgencyFactory
from tests.briefings.factories import BriefingFactory
from tests.documents.conftest import pdf_text
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pptx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _private(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


@pytest.fixture
def world(make_user):
    kpu = AgencyFactory(short_name="KPU Uji", name="Komisi Pemilihan Umum Uji")
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting, agency=kpu)
    briefing = BriefingFactory(meeting=meeting, agency=kpu, status="submitted")
    liaison = make_user("liaison", Role.LIAISON)
    Profile.objects.create(user=liaison, agency=kpu)
    stranger = make_user("op-lain", Role.OPERATOR, agency=AgencyFactory(short_name="Lain"))
    return {
        "briefing": briefing,
        "operator": client_for(make_user("operator", Role.OPERATOR)),
        "liaison": client_for(liaison),
        "stranger": client_for(stranger),
    }


def upload(client, briefing, name: str, content: bytes):
    return client.post(
        reverse("briefing_files:upload", args=[briefing.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="application/octet-stream")},
    )


def test_a_file_is_typed_by_its_content_and_stored_privately(world, settings):
    briefing = world["briefing"]
    assert upload(world["operator"], briefing, "paparan-kpu.pptx", pptx()).status_code == 302
    # A PDF named .docx is stored as what it is.
    upload(world["operator"], briefing, "laporan.docx", PDF)
    kinds = dict(BriefingAttachment.objects.values_list("name", "kind"))
    assert kinds == {"paparan-kpu.pptx": "pptx", "laporan.docx": "pdf"}
    stored = BriefingAttachment.objects.get(kind="pdf").file
    assert str(settings.PRIVATE_MEDIA_ROOT) in stored.path
    assert stored.name.endswith(".pdf")
    assert "laporan" not in stored.name


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00 an executable", b"<html><script>alert(1)</script>", b"PK\x03\x04broken"],
)
def test_other_content_is_refused_with_a_message_and_nothing_stored(world, content):
    response = upload(world["operator"], world["briefing"], "paparan.pdf", content)
    # The briefing page again, the message next to the file field.
    assert response.status_code == 200
    assert not BriefingAttachment.objects.exists()
    assert response.context["attachment_form"].errors["file"]
    assert "PDF, PowerPoint" in response.content.decode()


def test_a_body_over_20_mb_is_refused_before_it_is_read(world):
    response = world["operator"].post(
        reverse("briefing_files:upload", args=[world["briefing"].pk]),
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(21 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert not BriefingAttachment.objects.exists()


def test_downloads_for_the_invited_institution_404_for_another_organizer(world):
    upload(world["operator"], world["briefing"], "paparan.pdf", PDF)
    attachment = BriefingAttachment.objects.get()
    url = reverse("briefing_files:download", args=[attachment.pk])
    for client in (world["operator"], world["liaison"]):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF
    assert world["stranger"].get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page


def test_attachments_are_named_in_the_notula(world):
    upload(world["operator"], world["briefing"], "Paparan Logistik KPU.pptx", pptx())
    text = pdf_text(document_export(world["briefing"].meeting, "notula").content)
    assert "Lampiran paparan: Paparan Logistik KPU.pptx" in text


def test_removing_an_attachment(world):
    upload(world["operator"], world["briefing"], "paparan.pdf", PDF)
    attachment = BriefingAttachment.objects.get()
    response = world["operator"].post(
        reverse("briefing_files:delete", args=[world["briefing"].pk, attachment.pk])
    )
    assert response.status_code == 302
    assert not BriefingAttachment.objects.exists()
