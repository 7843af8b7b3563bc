"""From a meeting to a document: data (data.py) -> HTML (print templates) -> PDF (pdf.py)."""

from dataclasses import dataclass

import segno
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from attendance import share as agenda_share
from attendance.models import AgendaShare
from meetings import formatting
from meetings.models import Meeting

from . import data, docx, pdf, seal
from .fetcher import media_asset

TEMPLATES = {
    "notula": "documents/print/notula.html",
    "daftar-hadir": "documents/print/daftar_hadir.html",
    "undangan": "documents/print/undangan.html",
    "susunan-acara": "documents/print/susunan_acara.html",
    "laporan": "documents/print/laporan.html",
}
KINDS = tuple(TEMPLATES)


@dataclass(frozen=True)
class ExportedDocument:
    filename: str
    content: bytes


def document_data(
    meeting: Meeting, kind: str, *, blank: bool = False, blank_rows: int | None = None
) -> data.Document:
    """What the document says (a KeyError for an unknown kind)."""
    builder = data.BUILDERS[kind]
    if kind == "daftar-hadir":
        return builder(meeting, blank=blank, blank_rows=blank_rows)
    return builder(meeting)


def document_html(
    meeting: Meeting,
    kind: str,
    *,
    for_pdf: bool,
    blank: bool = False,
    blank_rows: int | None = None,
    doc=None,
    verification: dict | None = None,
    share_url: str = "",
) -> str:
    """The print template filled in; for_pdf selects asset: URLs and leaves out the toolbar."""
    doc = doc or document_data(meeting, kind, blank=blank, blank_rows=blank_rows)
    if doc.letterhead.logo:
        logo_src = (
            media_asset(doc.letterhead.logo)
            if for_pdf
            else reverse("documents:logo", args=[meeting.pk])
        )
    else:
        logo_src = ""
    context = {
        "doc": doc,
        "for_pdf": for_pdf,
        "logo_src": logo_src,
        "verification": verification,
        # The agenda's share link on the invitation, as text and QR code (our own URL).
        "share": (
            {"url": share_url, "qr_svg": segno.make(share_url, error="m").svg_inline(scale=2)}
            if share_url and kind == "undangan"
            else None
        ),
    }
    if not for_pdf:
        query = "?blank=1" if blank else ""
        if blank and blank_rows is not None:
            query += f"&rows={blank_rows}"
        context["back_url"] = meeting.get_absolute_url()
        context["pdf_url"] = reverse("documents:pdf", args=[meeting.pk, kind]) + query
    with translation.override("id"):
        return render_to_string(TEMPLATES[kind], context)


@dataclass(frozen=True)
class ExportSource:
    """What a PDF download is made from: its file name and the print template's HTML."""

    filename: str
    html: str


def shared_agenda_url(request, meeting: Meeting) -> str | None:
    """The public agenda's address printed on the invitation: "" when the meeting has no share
    link; None when it has one but neither SITE_URL nor a request gives its host."""
    share = AgendaShare.objects.filter(meeting=meeting).first()
    if share is None:
        return ""
    return agenda_share.share_url(request, share) or None


def document_export_source(
    meeting: Meeting,
    kind: str,
    *,
    blank: bool = False,
    blank_rows: int | None = None,
    share_url: str = "",
) -> ExportSource:
    doc = document_data(meeting, kind, blank=blank, blank_rows=blank_rows)
    html = document_html(meeting, kind, for_pdf=True, doc=doc, share_url=share_url)
    filename = doc.filename.replace(".pdf", "-kosong.pdf") if blank else doc.filename
    return ExportSource(filename=filename, html=html)


def document_export(
    meeting: Meeting,
    kind: str,
    *,
    blank: bool = False,
    blank_rows: int | None = None,
    share_url: str = "",
) -> ExportedDocument:
    """The PDF of a document, rendered in this process when its content changed (tests,
    commands; web requests go through documents.background)."""
    source = document_export_source(
        meeting, kind, blank=blank, blank_rows=blank_rows, share_url=share_url
    )
    return ExportedDocument(filename=source.filename, content=pdf.cached_pdf(source.html))


def document_docx(meeting: Meeting, kind: str) -> ExportedDocument:
    """The DOCX for SRIKANDI of a letter, the Notula or the report (a KeyError for a kind
    that has none)."""
    builder = docx.BUILDERS[kind]
    doc = document_data(meeting, kind)
    return ExportedDocument(
        filename=doc.filename.removesuffix(".pdf") + ".docx", content=builder(doc)
    )


def notula_final_pdf(
    meeting: Meeting, *, code: str, url: str, revision: int, approved_at
) -> tuple[bytes, str]:
    """The approved Notula with its verification block (QR code, code, revision), and the
    names of its signers. Rendered afresh as PDF/A-3b and, when the deployment has a sealing
    certificate, sealed (PAdES): this file is stored and its hash published."""
    import zoneinfo

    doc = document_data(meeting, "notula")
    with translation.override("id"):
        approved_day = approved_at.astimezone(zoneinfo.ZoneInfo(meeting.time_zone)).date()
        approved = formatting.long_date(approved_day)
    verification = {
        "code": code,
        "url": url,
        "revision": revision,
        "approved": approved,
        "sealed": seal.configured(),
        # Inline SVG made here from our own URL, not user text: nothing to fetch.
        "qr_svg": segno.make(url, error="m").svg_inline(scale=2, omitsize=False),
    }
    html = document_html(meeting, "notula", for_pdf=True, doc=doc, verification=verification)
    signers = "; ".join(name for name in (doc.minute_taker.name, doc.chair.name) if name)
    content = pdf.render_pdf(html, variant=pdf.ARCHIVAL)
    if seal.configured():
        content = seal.seal_pdf(
            content,
            reason=f"Notula final revisi {revision}, kode verifikasi {code}",
            location=meeting.organizer.letter_place,
        )
    return content, signers
