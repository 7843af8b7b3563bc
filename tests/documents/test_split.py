"""A long Notula rendered in two processes (documents.split) gives the pages of one render."""

import io
import subprocess

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from bench.generate import generate_meeting
from documents import pdf, split
from documents.render import document_export_source
from tests.needs import require_command

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache(settings, tmp_path):
    settings.DOCUMENT_CACHE_DIR = tmp_path / "documents"


_built: dict[str, str] = {}


@pytest.fixture
def long_notula():
    """The HTML of a draft Notula whose Daftar Hadir annex runs over several pages (made in
    the first test's transaction, which is rolled back; the text is kept for the others)."""
    if "html" not in _built:
        meeting = generate_meeting(participants=90, agenda_items=4, briefings=3)
        _built["html"] = document_export_source(meeting, "notula").html
    return _built["html"]


def _texts(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def _bookmarks(content: bytes) -> list[str]:
    def titles(outline) -> list[str]:
        return [
            title
            for item in outline
            for title in (titles(item) if isinstance(item, list) else [item.title])
        ]

    return titles(PdfReader(io.BytesIO(content)).outline)


def _images(content: bytes, tmp_path, name: str) -> list[Image.Image]:
    pdftoppm = require_command("pdftoppm", "poppler-utils")
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(content)
    subprocess.run([pdftoppm, "-r", "50", "-png", source, tmp_path / name], check=True)
    return [Image.open(path).convert("RGB") for path in sorted(tmp_path.glob(f"{name}-*.png"))]


def test_the_split_render_gives_the_same_pages_as_one_render(long_notula, tmp_path):
    single = pdf.render_pdf(long_notula)
    merged = split.render_split(long_notula, pdf.render_part)
    # Same pages with the same text, page numbers included ("- 5 -" on the annex's first).
    texts = _texts(single)
    assert len(texts) >= 6
    assert _texts(merged) == texts
    annex_first = next(i for i, text in enumerate(texts) if "LAMPIRAN: DAFTAR HADIR" in text)
    assert f"- {annex_first + 1} -" in texts[annex_first]
    assert "DRAF" in texts[-1]  # the draft mark on every page, the annex's too
    # The same bookmarks, the annex's included.
    assert _bookmarks(merged) == _bookmarks(single)
    assert "LAMPIRAN: DAFTAR HADIR" in _bookmarks(merged)
    # And the same pixels: the stamp hides nothing, the numbers sit where CSS puts them.
    ones, twos = _images(single, tmp_path, "single"), _images(merged, tmp_path, "merged")
    assert len(ones) == len(twos)
    for number, (one, two) in enumerate(zip(ones, twos, strict=True), start=1):
        assert ImageChops.difference(one, two).getbbox() is None, f"page {number} differs"


def test_a_long_annex_on_an_idle_machine_is_split(long_notula, settings, monkeypatch):
    monkeypatch.setattr(split.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(split.os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    settings.DOCUMENT_SPLIT_RENDER = True
    settings.DOCUMENT_SPLIT_MIN_ROWS = 60
    assert split.worth_splitting(long_notula)
    # Not when the other core is busy, the annex is short, the setting is off, or there is
    # no annex at all.
    monkeypatch.setattr(split.os, "getloadavg", lambda: (2.3, 1.5, 1.2))
    assert not split.worth_splitting(long_notula)
    monkeypatch.setattr(split.os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    settings.DOCUMENT_SPLIT_MIN_ROWS = 500
    assert not split.worth_splitting(long_notula)
    settings.DOCUMENT_SPLIT_MIN_ROWS = 60
    settings.DOCUMENT_SPLIT_RENDER = False
    assert not split.worth_splitting(long_notula)
    settings.DOCUMENT_SPLIT_RENDER = True
    without_annex = long_notula.replace(split.ANNEX_START, "<section>")
    assert not split.worth_splitting(without_annex)
    monkeypatch.setattr(split.threading, "active_count", lambda: 3)  # a threaded web server
    assert not split.worth_splitting(long_notula)
    assert split.parts(without_annex) is None
    twice = long_notula.replace("</main>", split.ANNEX_START + "</section></main>")
    assert split.parts(twice) is None
    assert split.parts(long_notula.replace("</main>", "")) is None


def test_render_pdf_splits_drafts_but_never_an_archival_render(long_notula, monkeypatch):
    calls = []
    monkeypatch.setattr(split, "worth_splitting", lambda html: True)
    monkeypatch.setattr(
        split, "render_split", lambda html, render: calls.append(html) or b"%PDF-split"
    )
    assert pdf.render_pdf(long_notula) == b"%PDF-split"
    assert pdf.render_pdf(long_notula, variant=pdf.ARCHIVAL).startswith(b"%PDF-1.")
    assert len(calls) == 1


def test_a_child_that_cannot_start_leaves_one_render(long_notula, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OSError("Cannot allocate memory")

    monkeypatch.setattr(split, "ProcessPoolExecutor", refuse)
    assert split.render_split(long_notula, pdf.render_part) is None
    assert "rendering once" in caplog.text
