"""The seed meeting's four documents, read back out of the PDFs (pypdf)."""

import pytest

from demo.loader import demo_load
from documents.render import document_export
from tests.documents.conftest import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

KOP = [
    "PEMERINTAH KABUPATEN KONAWE UTARA",
    "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN KONAWE UTARA",
]
SCHEDULE = ["Selasa, 12 November 2024", "Hotel Plaza Inn Kendari", "WITA"]
AGENDA = [
    "Pembukaan dan sambutan Pjs. Bupati Konawe Utara",
    "Pemaparan Kajari Konawe: penegakan hukum dalam Pilkada",
    "Pemaparan Bawaslu Konawe Utara: netralitas ASN",
    "Pemaparan Ketua KPU Konawe Utara: kesiapan logistik dan teknis pelaksanaan Pilkada",
    "Pemaparan Dandim 1430 Konawe Utara: aspek pengamanan selama proses Pilkada",
    "Pemaparan Kapolres Konawe Utara: pencegahan dan penanganan potensi kerawanan",
]
PRESENT = [
    "Komisi Pemilihan Umum Kabupaten Konawe Utara",
    "Badan Pengawas Pemilihan Umum Kabupaten Konawe Utara",
    "Kepolisian Resor Konawe Utara",
    "Komando Distrik Militer 1430/Konawe Utara",
    "Kejaksaan Negeri Konawe",
    "Sekretariat Daerah Kabupaten Konawe Utara",
    "Kecamatan Wiwirano",
]
# Who stood in is a person on the list; the Keterangan names the invited position.
REPRESENTED = "Wakil Ketua II DPRD Kabupaten Konawe Utara"


@pytest.fixture
def seed():
    return demo_load().seed_meeting


def _text(meeting, kind, **options):
    return pdf_text(document_export(meeting, kind, **options).content)


def _assert_all(text: str, expected: list[str]) -> None:
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing from the PDF: {missing}"


def test_notula_has_every_required_element(seed):
    text = _text(seed, "notula")
    _assert_all(text, KOP + SCHEDULE + AGENDA + PRESENT)
    # The chair's NIP is not known: no "NIP. ......" line is printed for it.
    assert "NIP." not in text
    _assert_all(
        text,
        [
            "NOTULA",
            seed.title.upper(),
            "Pimpinan Rapat",
            "Notulis",
            "Drs. La Ode Saifuddin, M.Si",  # chair, also in the signature block
            "Pjs. Bupati Konawe Utara",
            "KEGIATAN RAPAT",
            "menjaga integritas, transparansi, dan profesionalisme",  # opening remarks
            "Paparan Kesiapan Instansi",
            "Netralitas Aparatur Sipil Negara (ASN) dalam Pilkada",  # a briefing topic
            "KESIMPULAN",
            "TINDAK LANJUT",
            "Rapat ditutup pukul",
            "LAMPIRAN: DAFTAR HADIR",
            REPRESENTED,
        ],
    )


def test_daftar_hadir_filled_after_the_meeting(seed):
    text = _text(seed, "daftar-hadir")
    _assert_all(text, KOP + SCHEDULE + PRESENT)
    _assert_all(
        text,
        [
            "DAFTAR HADIR",
            "No Nama Jabatan Instansi Tanda Tangan Keterangan",
            "Hadir",
            REPRESENTED,
            "Mewakili Ketua DPRD Kabupaten Konawe Utara",
        ],
    )


def test_blank_daftar_hadir_is_for_signing_on_paper(seed):
    exported = document_export(seed, "daftar-hadir", blank=True)
    text = pdf_text(exported.content)
    _assert_all(text, KOP + SCHEDULE + ["DAFTAR HADIR", "Camat Asera"])
    assert "Mewakili" not in text
    assert " Hadir " not in text
    assert exported.filename.endswith("-kosong.pdf")


def test_undangan_has_the_letter_elements(seed):
    text = _text(seed, "undangan")
    _assert_all(text, KOP + SCHEDULE + AGENDA)
    _assert_all(
        text,
        [
            "Nomor",
            "Sifat : Biasa",
            "Lampiran : 1 (satu) berkas",  # 25 invitees: listed in an annex
            "Hal : Undangan Rapat Koordinasi",
            "Yth.",
            "Para Undangan (daftar terlampir)",
            "Dalam rangka",
            "Demikian undangan ini disampaikan",
            "Wanggudu,",
            "DAFTAR UNDANGAN",
            "Ketua KPU Kabupaten Konawe Utara",
            "Camat Wiwirano",
        ],
    )


def test_susunan_acara(seed):
    text = _text(seed, "susunan-acara")
    _assert_all(
        text,
        KOP
        + SCHEDULE
        + AGENDA
        + ["SUSUNAN ACARA", "Kejaksaan Negeri Konawe", "Kepolisian Resor Konawe Utara"],
    )


def test_page_counts_are_sane(seed):
    pages = {
        kind: pdf_pages(document_export(seed, kind).content)
        for kind in ("notula", "daftar-hadir", "undangan", "susunan-acara")
    }
    assert 3 <= pages["notula"] <= 8
    assert 1 <= pages["daftar-hadir"] <= 4
    assert pages["undangan"] == 2  # the letter and its annex
    assert pages["susunan-acara"] == 1
