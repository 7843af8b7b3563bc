"""The approved Notula: PDF/A-3b, sealed by the deployment's certificate (PAdES), checked by
the public verification page (seal and hash)."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from accounts.roles import Role
from documents import seal
from documents.pdf import render_pdf
from minutes import services as minutes_services
from tests.meetings.factories import MeetingFactory, complete_record

pytestmark = pytest.mark.django_db
URL = "http://testserver/verifikasi/{code}/"


@pytest.fixture(scope="session")
def certificate(tmp_path_factory):
    path = tmp_path_factory.mktemp("seal") / "seal.p12"
    seal.create_certificate(path, passphrase="rahasia", common_name="Segel Uji", days=30)
    return path


@pytest.fixture(autouse=True)
def _sealing(settings, tmp_path, certificate):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"
    settings.DOCUMENT_SEAL_P12 = str(certificate)
    settings.DOCUMENT_SEAL_PASSPHRASE = "rahasia"


@pytest.fixture
def revision(make_user):
    meeting = MeetingFactory()
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=make_user("notulis", Role.NOTULIS))
    return minutes_services.minutes_approve(
        meeting=meeting, user=make_user("pimpinan", Role.PIMPINAN), verify_url=URL
    )


def stored(revision) -> bytes:
    with revision.pdf.open("rb") as handle:
        return handle.read()


def test_the_final_notula_is_pdf_a_3b(revision):
    reader = PdfReader(io.BytesIO(stored(revision)))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="B"' in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "segel elektronik portal" in text
    assert "bukan tanda tangan elektronik (TTE) BSrE" in text


def test_pyhanko_validates_the_stored_file_against_the_sealing_certificate(revision):
    reader = PdfFileReader(io.BytesIO(stored(revision)))
    (signature,) = reader.embedded_signatures
    context = ValidationContext(trust_roots=[seal.seal_certificate()], allow_fetching=False)
    status = validate_pdf_signature(signature, context)
    assert status.intact
    assert status.valid
    assert status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert "Segel Uji" in status.signing_cert.subject.human_friendly
    # The published hash is the sealed file's.
    assert minutes_services.revision_verify(revision=revision, content=stored(revision))


def test_one_changed_byte_fails_both_the_seal_and_the_hash(revision):
    content = bytearray(stored(revision))
    # A byte inside the page content (not in the signature's own bytes).
    position = len(content) // 4
    content[position] = (content[position] + 1) % 256
    changed = bytes(content)
    assert not minutes_services.revision_verify(revision=revision, content=changed)
    check = seal.seal_check(changed)
    assert check.present
    assert not check.valid


def test_a_file_sealed_by_another_certificate_is_not_ours(revision, tmp_path, settings):
    portal = (settings.DOCUMENT_SEAL_P12, settings.DOCUMENT_SEAL_PASSPHRASE)
    other = tmp_path / "other.p12"
    seal.create_certificate(other, passphrase="", common_name="Bukan Portal", days=30)
    settings.DOCUMENT_SEAL_P12, settings.DOCUMENT_SEAL_PASSPHRASE = str(other), ""
    forged = seal.seal_pdf(render_pdf("<p>Notula palsu</p>"), reason="palsu")
    settings.DOCUMENT_SEAL_P12, settings.DOCUMENT_SEAL_PASSPHRASE = portal
    check = seal.seal_check(forged)
    assert check.present
    assert not check.ours
    assert not check.valid


def test_the_verification_page_reports_the_seal_and_checks_an_upload(revision):
    client = Client()
    url = reverse("minutes:verify_detail", args=[revision.code])
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="stored-seal"><span class="badge text-bg-success">' in body
    assert "BSrE" in body
    genuine = client.post(url, {"document": _upload(stored(revision))})
    assert "verify-result" in genuine.content.decode()
    assert genuine.context["result"]["genuine"]
    assert genuine.context["result"]["seal"].valid
    content = bytearray(stored(revision))
    content[len(content) // 4] ^= 1
    changed = client.post(url, {"document": _upload(bytes(content))})
    assert not changed.context["result"]["genuine"]
    assert not changed.context["result"]["seal"].valid


def _upload(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("notula.pdf", content, content_type="application/pdf")


def test_without_a_certificate_the_notula_is_archival_but_not_sealed(make_user, settings):
    settings.DOCUMENT_SEAL_P12 = ""
    meeting = MeetingFactory()
    complete_record(meeting)
    minutes_services.minutes_submit(meeting=meeting, user=make_user("notulis", Role.NOTULIS))
    revision = minutes_services.minutes_approve(
        meeting=meeting, user=make_user("pimpinan", Role.PIMPINAN), verify_url=URL
    )
    assert not seal.seal_check(stored(revision)).present
    assert 'pdfaid:part="3"' in (
        PdfReader(io.BytesIO(stored(revision)))
        .trailer["/Root"]["/Metadata"]
        .get_object()
        .get_data()
        .decode()
    )
    page = Client().get(reverse("minutes:verify_detail", args=[revision.code]))
    assert "approved without a seal" in page.content.decode() or "tanpa segel" in (
        page.content.decode()
    )


def test_a_named_certificate_that_cannot_be_read_stops_the_start(settings, tmp_path):
    from documents.seal import check_certificate

    settings.DOCUMENT_SEAL_P12 = str(tmp_path / "missing.p12")
    (error,) = check_certificate()
    assert error.id == "documents.E001"
    assert "DOCUMENT_SEAL_P12" in error.msg
    settings.DOCUMENT_SEAL_P12 = ""
    assert check_certificate() == []
