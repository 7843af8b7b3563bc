"""Naskah dinas conventions, read back from the example meeting's documents (pypdf,
python-docx): the assigned number, both sifat fields, page numbers from page 2, the a.n.
signature block, full institution names, the Tembusan never alone, boxes inside the margins."""

import io
import re

import pytest
import weasyprint
from docx import Document as read_docx
from pypdf import PdfReader

from demo.loader import demo_load
from documents import kop, pdf
from documents.docx import NUMBER, SIGNATURE, SIGNER_ID, SIGNER_NAME, SIGNER_POSITION
from documents.render import document_docx, document_export, document_html
from meetings.models import AgendaItem
from tests.documents.conftest import pdf_text

pytestmark = pytest.mark.django_db

SHORT_NAMES = re.compile(r"\b(Konut|Pemkab|Setda Konut|Kesbangpol Konut)\b")


@pytest.fixture
def example():
    return demo_load().example_meeting


def page_texts(content: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(content))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def test_the_invitation_carries_the_assigned_number_and_both_sifat_fields(example):
    assert re.fullmatch(r"000\.1\.5/\d+/Bakesbangpol/2024", example.reference_number)
    text = pdf_text(document_export(example, "undangan").content)
    assert f"Nomor : {example.reference_number}" in text
    # Security (Biasa) and urgency (Segera), the two halves of the sifat.
    assert "Sifat : Biasa, Segera" in text
    # The annex repeats the number.
    assert text.count(example.reference_number) == 2


def test_the_invitation_signed_on_behalf_names_both_positions(example):
    text = pdf_text(document_export(example, "undangan").content)
    assert "a.n. Bupati Konawe Utara Sekretaris Daerah Kabupaten Konawe Utara," in text


def page_number_heights(content: bytes) -> list[float | None]:
    """Per page: how high up the page number "- n -" stands (0 bottom, 1 top), or None."""
    heights = []
    for number, page in enumerate(PdfReader(io.BytesIO(content)).pages, start=1):
        found = []

        def visit(text, cm, tm, font, size, number=number, found=found):
            if text.strip() == f"- {number} -":
                # The text's origin in page space: the text matrix through the CTM.
                found.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        height = float(page.mediabox.height)
        heights.append(found[0] / height if found else None)
    return heights


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("undangan", {}),
        ("notula", {}),
        ("daftar-hadir", {"blank": True, "blank_rows": 40}),
        ("laporan", {}),
    ],
)
def test_page_numbers_start_on_page_two_at_the_top(example, kind, options):
    content = document_export(example, kind, **options).content
    heights = page_number_heights(content)
    assert len(heights) >= 2
    assert heights[0] is None
    assert all(height is not None and height > 0.93 for height in heights[1:]), heights
    assert "Halaman" not in pdf_text(content)


@pytest.mark.parametrize("kind", ["undangan", "notula", "laporan"])
def test_official_text_names_institutions_in_full(example, kind):
    text = pdf_text(document_export(example, kind).content)
    assert SHORT_NAMES.findall(text) == []
    assert "Komisi Pemilihan Umum Kabupaten Konawe Utara" in text


def test_one_term_for_the_presenter_across_documents(example):
    texts = [pdf_text(document_export(example, k).content) for k in ("notula", "susunan-acara")]
    for text in texts:
        assert "Pemapar" in text
        assert "Penyaji" not in text
        assert "Pengisi Acara" not in text


def test_the_tembusan_never_stands_alone_on_a_page(example):
    """1..12 Tembusan lines, with agendas of different lengths so that the page break falls
    before, inside and after the end of the letter."""
    base_items = example.agenda_items.count()
    checked_breaks = 0
    for extra in (0, 4, 8, 12):
        example.agenda_items.filter(position__gt=base_items).delete()
        AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=example,
                position=base_items + n,
                title=f"Acara tambahan nomor {n} untuk menggeser akhir surat",
                kind="discussion",
            )
            for n in range(1, extra + 1)
        )
        for lines in range(1, 13):
            example.copies_to = "\n".join(f"Penerima tembusan {n}" for n in range(1, lines + 1))
            html = document_html(example, "undangan", for_pdf=True)
            pages = page_texts(pdf.render_pdf(html))
            letter = [p for p in pages if "DAFTAR UNDANGAN" not in p]
            checked_breaks += len(letter) > 1
            for page in letter:
                if "Tembusan" in page:
                    assert "Demikian undangan" in page, (extra, lines, page[:80])
                    assert "Dr. Rahmat Contoh" in page
    # The variations did move the letter across a page break.
    assert checked_breaks > 0


def _boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from _boxes(child)


def test_the_verification_box_stays_inside_the_margins(example):
    from django.utils import timezone

    verification = {
        "code": "ABCDE-FGHJK",
        "url": "https://portal.example/verifikasi/ABCDE-FGHJK/" + "x" * 60,
        "revision": 1,
        "approved": "20 November 2024",
        "sealed": True,
        "qr_svg": "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'></svg>",
    }
    assert timezone.now()
    html = document_html(example, "notula", for_pdf=True, verification=verification)
    font_config, css, fetcher = pdf._renderer()
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url="asset:static/").render(
        stylesheets=[css], font_config=font_config
    )
    found = 0
    for page in document.pages:
        root = page._page_box.children[0]
        right = root.content_box_x() + root.width
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            classes = (element.get("class") or "").split() if element is not None else []
            if "verification" in classes and box.element_tag == "div":
                found += 1
                assert box.border_box_x() + box.border_width() <= right + 0.01
    assert found


def test_kop_lines_break_at_word_groups():
    assert kop.kop_lines("BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN KONAWE UTARA", width=36) == (
        "BADAN KESATUAN BANGSA DAN POLITIK",
        "KABUPATEN KONAWE UTARA",
    )
    assert kop.kop_lines("PEMERINTAH KABUPATEN KONAWE UTARA", width=36) == (
        "PEMERINTAH KABUPATEN KONAWE UTARA",
    )
    # Never a line ending on "DAN", never a word alone.
    for width in range(20, 60, 3):
        lines = kop.kop_lines(
            "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN KONAWE UTARA", width=width
        )
        assert all(not line.endswith(" DAN") for line in lines)
        assert all(" " in line for line in lines)


def test_the_kop_prints_the_organizer_name_on_two_balanced_lines(example):
    pages = page_texts(document_export(example, "undangan").content)
    assert "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN KONAWE UTARA" in pages[0]
    html = document_html(example, "undangan", for_pdf=True)
    assert '<div class="kop-agency">KABUPATEN KONAWE UTARA</div>' in html


# --- DOCX for SRIKANDI ---------------------------------------------------------------------


def _docx_runs(content: bytes) -> tuple[list[str], str]:
    document = read_docx(io.BytesIO(content))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    runs = [run.text for paragraph in paragraphs for run in paragraph.runs]
    text = " ".join(paragraph.text for paragraph in paragraphs)
    return runs, text


@pytest.mark.parametrize("kind", ["undangan", "notula", "laporan"])
def test_the_docx_has_srikandis_placeholders_each_in_a_run_of_its_own(example, kind):
    exported = document_docx(example, kind)
    assert exported.filename.endswith(".docx")
    runs, text = _docx_runs(exported.content)
    for placeholder in (SIGNER_POSITION, SIGNATURE, SIGNER_NAME, SIGNER_ID, "${tanggal_naskah}"):
        assert placeholder in runs, placeholder
    # Everything else is the record.
    assert "Komisi Pemilihan Umum Kabupaten Konawe Utara" in text
    assert "Rabu, 20 November 2024" in text
    assert SHORT_NAMES.findall(text) == []


def test_the_invitation_docx_is_filled_from_the_record(example):
    content = document_docx(example, "undangan").content
    runs, text = _docx_runs(content)
    assert NUMBER in runs
    # The number SRIKANDI gives replaces the portal's: the template leaves it to SRIKANDI.
    assert example.reference_number not in text
    assert "Biasa, Segera" in text
    assert "Undangan Rapat Evaluasi Kesiapan Pemungutan Suara" in text
    assert "a.n. Bupati Konawe Utara" in text
    assert "Bupati Konawe Utara (sebagai laporan)" in text  # Tembusan
    document = read_docx(io.BytesIO(content))
    section = document.sections[0]
    # Page numbers from page 2: a first page of its own, the PAGE field in the header.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert not section.first_page_header.paragraphs[0].text.strip()


def test_the_report_has_the_parts_of_official_practice(example):
    text = pdf_text(document_export(example, "laporan").content)
    parts = [
        "LAPORAN HASIL RAPAT",
        "I. PENDAHULUAN",
        "Maksud dan Tujuan",
        "Dasar",
        "II. PELAKSANAAN",
        "Peserta",
        "III. HASIL RAPAT",
        "Kesiapan Instansi",
        "IV. HAMBATAN",
        "V. SIMPULAN DAN SARAN",
        "VI. PENUTUP",
    ]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
    # The basis is the numbered invitation; the obstacles are the risks reported.
    assert f"Nomor {example.reference_number}" in text
    assert "Distribusi laut bergantung cuaca" in text


@pytest.mark.parametrize(
    ("capacity", "expected"),
    [
        ("", "Sekretaris Daerah Kabupaten Konawe Utara,"),
        ("an", "a.n. Bupati Konawe Utara Sekretaris Daerah Kabupaten Konawe Utara,"),
        ("plt", "Plt. Bupati Konawe Utara,"),
        ("plh", "Plh. Bupati Konawe Utara,"),
    ],
)
def test_signature_blocks_for_own_a_n_plt_and_plh(example, capacity, expected):
    example.letter_signing_capacity = capacity
    example.letter_signed_for = "Bupati Konawe Utara" if capacity else ""
    example.full_clean()
    example.save()
    text = pdf_text(pdf.render_pdf(document_html(example, "undangan", for_pdf=True)))
    assert expected in text
    if capacity in ("plt", "plh"):
        # The acting holder signs in the position held; their own is not printed with it.
        assert "Sekretaris Daerah Kabupaten Konawe Utara," not in text
    assert "Dr. Rahmat Contoh, M.Si" in text


def test_a_capacity_needs_the_position_signed_for(example):
    from django.core.exceptions import ValidationError

    example.letter_signing_capacity = "an"
    example.letter_signed_for = " "
    with pytest.raises(ValidationError) as refused:
        example.full_clean()
    assert "letter_signed_for" in refused.value.message_dict


def test_typed_text_cannot_pose_as_a_srikandi_placeholder(example):
    example.report_suggestions = "Saran: ${ttd_pengirim} dan ${nomor_naskah}"
    example.save()
    runs, text = _docx_runs(document_docx(example, "laporan").content)
    assert "$ {ttd_pengirim}" in text
    # Only the portal's own runs hold placeholders.
    assert runs.count(SIGNATURE) == 1


def test_a_notula_without_chair_shows_dotted_lines_not_the_label(example):
    example.chair = None
    example.minute_taker = None
    example.save()
    _runs, text = _docx_runs(document_docx(example, "notula").content)
    assert "Pimpinan Rapat Pimpinan Rapat" not in text.replace(":", " ").replace("  ", " ")
    assert "...................................." in text


@pytest.mark.django_db
def test_the_notula_counts_invitations_present_with_nobody_named():
    """An older, per-institution record marks invitations present without naming anyone:
    the Notula's "Yang hadir" line says so instead of contradicting the counts above it."""
    from documents.data import notula_data
    from meetings.models import Participation
    from tests.attendance.factories import AttendeeFactory
    from tests.meetings.factories import MeetingFactory, ParticipationFactory

    meeting = MeetingFactory()
    named, *_unnamed = ParticipationFactory.create_batch(3, meeting=meeting)
    ParticipationFactory(meeting=meeting, status=Participation.Status.ABSENT)
    AttendeeFactory(meeting=meeting, participation=named, agency=named.agency)
    assert notula_data(meeting).people_summary == (
        "1 orang dari 1 instansi, dan 2 instansi lain hadir tanpa nama tercatat"
    )
    for participation in _unnamed:
        AttendeeFactory(meeting=meeting, participation=participation, agency=participation.agency)
    assert notula_data(meeting).people_summary == "3 orang dari 3 instansi"
