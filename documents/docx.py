"""Document data to DOCX for SRIKANDI, and nothing else.

SRIKANDI (ANRI's e-office, mandatory for regional governments) numbers and electronically signs
a naskah dinas uploaded from a template: it replaces placeholders such as ${nomor_naskah} with
the number, date and signer once the letter is signed. Each placeholder is therefore written as
one run of its own, so that the replacement finds it whole. Everything else is filled from the
record, as on the PDF; the same layout conventions apply (kop, page numbers from page 2).
"""

import io
from pathlib import Path

from django.conf import settings
from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import data

FONT = "Arial"
# What SRIKANDI fills in after signing (its template placeholders).
NUMBER = "${nomor_naskah}"
DATE = "${tanggal_naskah}"
SIGNATURE = "${ttd_pengirim}"
SIGNER_NAME = "${nama_pengirim}"
SIGNER_ID = "${nip_pengirim}"
SIGNER_POSITION = "${jabatan_pengirim}"
LABEL_WIDTH = Mm(34)
PAPER = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}


PLACEHOLDERS = frozenset({NUMBER, DATE, SIGNATURE, SIGNER_NAME, SIGNER_ID, SIGNER_POSITION})


def _text(value) -> str:
    """Text from the record, with "${" broken so that no typed text is taken by SRIKANDI for
    one of its placeholders (which only the portal writes, each as a run of its own)."""
    text = str(value)
    return text if text in PLACEHOLDERS else text.replace("${", "$ {")


class _Writer:
    """A python-docx document with the few paragraph shapes naskah dinas use."""

    def __init__(self, letterhead: data.Letterhead):
        self.doc = new_document()
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(11)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        style.paragraph_format.space_after = Pt(2)
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAPER.get(letterhead.paper_size, PAPER["A4"])
        section.top_margin, section.bottom_margin = Mm(18), Mm(20)
        section.left_margin, section.right_margin = Mm(25), Mm(18)
        self._page_numbers(section)
        self._kop(letterhead)

    # --- page furniture ---------------------------------------------------------------------

    def _page_numbers(self, section) -> None:
        """ "- 2 -" centred at the top from the second page on; none on the first (the kop)."""
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("- ")
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                field = OxmlElement("w:fldChar")
                field.set(qn("w:fldCharType"), kind)
                run._r.append(field)
            else:
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = text
                run._r.append(instruction)
        paragraph.add_run(" -")

    def _kop(self, letterhead: data.Letterhead) -> None:
        table = self.doc.add_table(rows=1, cols=2 if letterhead.logo else 1)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        text_cell = table.rows[0].cells[-1]
        if letterhead.logo:
            logo_cell = table.rows[0].cells[0]
            logo_cell.width = Mm(24)
            text_cell.width = Mm(143)
            path = Path(settings.MEDIA_ROOT) / letterhead.logo
            if path.is_file():
                logo_cell.paragraphs[0].add_run().add_picture(str(path), width=Mm(20))
        first = True
        lines = [(line, 13) for line in letterhead.government_lines]
        lines += [(line, 14) for line in letterhead.agency_lines]
        for line, size in lines:
            paragraph = text_cell.paragraphs[0] if first else text_cell.add_paragraph()
            first = False
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(line)
            run.bold = True
            run.font.size = Pt(size)
        for line in (letterhead.address, letterhead.contact_line):
            if line:
                paragraph = text_cell.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.add_run(line).font.size = Pt(9)
        # The kop's double rule under it.
        rule = self.doc.add_paragraph()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "double"), ("w:sz", "12"), ("w:space", "1")):
            bottom.set(qn(key), value)
        bottom.set(qn("w:color"), "000000")
        borders.append(bottom)
        rule._p.get_or_add_pPr().append(borders)

    # --- text ---------------------------------------------------------------------------

    def paragraph(self, *parts: str | tuple[str, str], align=None, indent=False, bold=False):
        """A paragraph of runs: plain strings, or (text, "b") for bold runs."""
        paragraph = self.doc.add_paragraph()
        if align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif indent:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Mm(10)
        for part in parts:
            text, style = part if isinstance(part, tuple) else (part, "")
            run = paragraph.add_run(_text(text))
            run.bold = bold or "b" in style
            run.underline = "u" in style
        return paragraph

    def title(self, text: str, subtitle: str = "") -> None:
        paragraph = self.paragraph((text, "bu"), align="center")
        paragraph.runs[0].font.size = Pt(13)
        if subtitle:
            self.paragraph((subtitle.upper(), "b"), align="center")

    def heading(self, text: str) -> None:
        paragraph = self.paragraph((text, "b"))
        paragraph.paragraph_format.space_before = Pt(8)
        paragraph.paragraph_format.keep_with_next = True

    def lines(self, text: str) -> None:
        for line in text.splitlines() or ["-"]:
            self.paragraph(line or " ")

    def numbered(self, items, *, letters: bool = False) -> None:
        for n, item in enumerate(items, start=1):
            mark = f"{chr(96 + n)}." if letters else f"{n}."
            paragraph = self.paragraph(f"{mark} ", item)
            paragraph.paragraph_format.left_indent = Mm(6)
            paragraph.paragraph_format.first_line_indent = Mm(-6)

    def fields(self, rows, *, label_width=LABEL_WIDTH) -> None:
        """Label : value lines, as a borderless table."""
        table = self.doc.add_table(rows=0, cols=3)
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].width, cells[1].width, cells[2].width = label_width, Mm(4), Mm(125)
            cells[0].paragraphs[0].add_run(label)
            cells[1].paragraphs[0].add_run(":")
            target = cells[2].paragraphs[0]
            for part in value if isinstance(value, tuple | list) else [value]:
                text, style = part if isinstance(part, tuple) else (part, "")
                run = target.add_run(_text(text))
                run.bold = "b" in style

    def grid(self, header, rows, widths) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0].add_run(text).bold = True
        # The header row repeats on every page.
        row_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        row_pr.append(repeat)
        for values in rows:
            cells = table.add_row().cells
            for cell, value, width in zip(cells, values, widths, strict=True):
                cell.width = Mm(width)
                cell.paragraphs[0].add_run(_text(value))
        self.doc.add_paragraph()

    def signature(self, signature: data.Signature, *, place_date: str = "", srikandi: bool):
        """A signature block at the right; with srikandi, the signer's parts are the
        placeholders SRIKANDI fills (position, signature, name, NIP)."""

        def right(*parts):
            paragraph = self.paragraph(*parts)
            paragraph.paragraph_format.left_indent = Mm(85)
            paragraph.paragraph_format.keep_with_next = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            return paragraph

        if place_date:
            right(*place_date) if isinstance(place_date, tuple) else right(place_date)
        if signature.on_behalf:
            right(signature.on_behalf)
        if srikandi:
            right(SIGNER_POSITION, ",")
            right(SIGNATURE)
            right((SIGNER_NAME, "bu"))
            right(SIGNER_ID)
        else:
            right(f"{signature.position or '....................'},")
            for _ in range(3):
                right(" ")
            right((signature.name or "(....................................)", "bu"))
            for line in signature.lines:
                right(line)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _who(signature: data.Signature) -> str:
    """ "Name, position", or a dotted line to fill in when nobody is recorded (the position
    alone is then only the block's default label)."""
    if not signature.name:
        return "...................................."
    return f"{signature.name}, {signature.position}" if signature.position else signature.name


def _venue(schedule: data.Schedule) -> str:
    return schedule.venue + (f", {schedule.venue_address}" if schedule.venue_address else "")


def _schedule_rows(doc: data.Document) -> list[tuple[str, str]]:
    return [
        ("Hari/Tanggal", doc.schedule.day_date),
        ("Waktu", doc.schedule.time),
        ("Tempat", _venue(doc.schedule)),
    ]


def _participants(w: "_Writer", summary) -> None:
    w.numbered(
        [
            f"{label}: {attended} dari {invited} undangan hadir"
            for label, attended, invited in summary
        ],
        letters=True,
    )


def _follow_ups(w: "_Writer", follow_ups) -> None:
    if follow_ups:
        w.grid(
            ["No", "Tindak Lanjut", "Penanggung Jawab", "Tenggat"],
            [(f.number, f.text, f.responsible, f.due) for f in follow_ups],
            [10, 80, 45, 32],
        )
    else:
        w.paragraph("-")


def _place_with_date(place_date: str) -> tuple[str, str]:
    """ "Wanggudu, " and the date placeholder: the date is the day SRIKANDI signs."""
    place = place_date.split(", ", 1)[0] if ", " in place_date else ""
    return (f"{place}, " if place else "", DATE)


def invitation_docx(doc: data.Invitation) -> bytes:
    """The Surat Undangan as a SRIKANDI template: its number, date and signer are filled in
    by SRIKANDI; the rest is the record."""
    w = _Writer(doc.letterhead)
    w.paragraph(*_place_with_date(doc.place_date), align="right")
    w.fields(
        [
            ("Nomor", NUMBER),
            ("Sifat", doc.nature),
            ("Lampiran", doc.attachment),
            ("Hal", ((doc.subject, "b"),)),
        ],
        label_width=Mm(22),
    )
    w.paragraph("Yth.")
    if doc.annexed:
        w.paragraph("Para Undangan (daftar terlampir)")
    else:
        w.numbered(doc.addressees)
    w.paragraph("di –")
    w.paragraph("Tempat").paragraph_format.left_indent = Mm(10)
    w.paragraph(doc.opening, indent=True)
    rows = [(label.lower(), value) for label, value in _schedule_rows(doc)]
    rows.append(("acara", doc.meeting_title))
    if doc.dress_code:
        rows.append(("pakaian", doc.dress_code))
    w.fields(rows)
    if doc.agenda:
        w.numbered([line.title for line in doc.agenda])
    if doc.contact_name or doc.contact_phone:
        contact = " ".join(
            part
            for part in (doc.contact_name, f"({doc.contact_phone})" if doc.contact_phone else "")
            if part
        )
        w.paragraph(f"Informasi lebih lanjut dapat menghubungi {contact}.", indent=True)
    w.paragraph(
        "Demikian undangan ini disampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami "
        "ucapkan terima kasih.",
        indent=True,
    ).paragraph_format.keep_with_next = True
    w.signature(doc.signer, srikandi=True)
    if doc.copies_to:
        w.paragraph("Tembusan:").paragraph_format.keep_with_next = True
        w.numbered(doc.copies_to)
    if doc.annexed:
        w.page_break()
        for line in ("Lampiran Surat Undangan", ("Nomor : ", NUMBER), ("Tanggal : ", DATE)):
            parts = line if isinstance(line, tuple) else (line,)
            w.paragraph(*parts).paragraph_format.left_indent = Mm(85)
        w.paragraph(("DAFTAR UNDANGAN", "b"), align="center")
        w.grid(["No", "Undangan"], enumerate(doc.addressees, start=1), [12, 155])
    return w.bytes()


def _attendance_grid(w: _Writer, rows) -> None:
    w.grid(
        ["No", "Nama", "Jabatan", "Instansi", "Tanda tangan", "Keterangan"],
        [(r.number, r.name, r.position, r.agency, "", r.note) for r in rows],
        [10, 35, 35, 40, 25, 22],
    )


def notula_docx(doc: data.Notula) -> bytes:
    """The Notula as a SRIKANDI template: the chair signs it there (placeholders); the
    minute taker's block is filled from the record. Drawn attendance signatures stay out."""
    w = _Writer(doc.letterhead)
    w.title("NOTULA", doc.meeting_title)
    w.fields(
        [
            *_schedule_rows(doc),
            ("Acara", doc.meeting_title),
            ("Pimpinan Rapat", _who(doc.chair)),
            ("Notulis", _who(doc.minute_taker)),
        ]
    )
    w.paragraph("Peserta:")
    _participants(w, doc.participant_summary)
    w.paragraph(
        (f"Yang hadir: {doc.people_summary}; " if doc.people_summary else "")
        + "daftar hadir terlampir."
    )
    w.heading("I. SUSUNAN ACARA")
    w.numbered(
        [line.title + (f" — {line.presenter}" if line.presenter else "") for line in doc.agenda]
    )
    w.heading("II. KEGIATAN RAPAT")
    w.heading("A. Pembukaan")
    w.lines(doc.opening_remarks or "-")
    w.heading("B. Pembahasan")
    for line in doc.agenda:
        w.paragraph((f"{line.number}. {line.title}", "b"))
        if line.presenter:
            w.paragraph(f"Pemapar: {line.presenter}")
        if line.discussion:
            w.lines(line.discussion)
        if line.speakers:
            w.paragraph("Yang berbicara: " + "; ".join(line.speakers))
    if doc.briefings:
        w.heading("C. Paparan Kesiapan Instansi")
        for n, b in enumerate(doc.briefings, start=1):
            w.paragraph((f"{n}. {b.agency}", "b"), f" — {b.topic}")
            w.paragraph("Kesiapan umum: ", (b.readiness, "b"))
            if b.summary:
                w.lines(b.summary)
            if b.indicators:
                w.grid(
                    ["No", "Aspek", "Indikator", "Capaian", "Status", "Keterangan"],
                    [
                        (i, x.aspect, x.label, x.figure, x.status, x.note)
                        for i, x in enumerate(b.indicators, start=1)
                    ],
                    [8, 28, 45, 30, 24, 32],
                )
    w.heading("III. KESIMPULAN / KEPUTUSAN")
    w.lines(doc.conclusions or "-")
    w.heading("IV. TINDAK LANJUT")
    if doc.earlier_follow_ups:
        w.heading("A. Tindak Lanjut Rapat Sebelumnya")
        w.grid(
            ["No", "Tindak Lanjut", "Rapat Asal", "Penanggung Jawab", "Status", "Keterangan"],
            [
                (f.number, f.text, f.origin, f.responsible, f.status, f.note)
                for f in doc.earlier_follow_ups
            ],
            [8, 50, 24, 34, 20, 31],
        )
        w.heading("B. Tindak Lanjut Rapat Ini")
    _follow_ups(w, doc.follow_ups)
    w.paragraph(f"Rapat ditutup pukul {doc.closing_time}.").paragraph_format.keep_with_next = True
    w.paragraph("Notulis,").paragraph_format.keep_with_next = True
    for _ in range(3):
        w.paragraph(" ").paragraph_format.keep_with_next = True
    w.paragraph((doc.minute_taker.name or "(....................................)", "bu"))
    for line in doc.minute_taker.lines:
        w.paragraph(line)
    w.signature(doc.chair, place_date=_place_with_date(doc.place_date), srikandi=True)
    w.page_break()
    w.paragraph(("LAMPIRAN: DAFTAR HADIR", "b"), align="center")
    w.paragraph(doc.meeting_title, align="center")
    w.paragraph(doc.schedule.day_date, align="center")
    _attendance_grid(w, doc.attendance)
    return w.bytes()


def report_docx(doc: data.Report) -> bytes:
    """The Laporan Hasil Rakor as a SRIKANDI template (its signer signs it there)."""
    w = _Writer(doc.letterhead)
    w.title("LAPORAN HASIL RAPAT", doc.meeting_title)
    w.heading("I. PENDAHULUAN")
    for heading, text in (
        ("A. Umum", doc.general),
        ("B. Maksud dan Tujuan", doc.purpose),
        ("C. Ruang Lingkup", doc.scope),
    ):
        w.heading(heading)
        w.paragraph(text, indent=True)
    w.heading("D. Dasar")
    w.numbered(doc.basis or ["-"])
    w.heading("II. PELAKSANAAN")
    w.heading("A. Waktu dan Tempat")
    w.fields(_schedule_rows(doc))
    w.heading("B. Peserta")
    _participants(w, doc.participant_summary)
    if doc.people_summary:
        w.paragraph(f"Yang hadir: {doc.people_summary}.")
    w.heading("C. Susunan Acara")
    w.numbered(
        [
            line.title + (f" — Pemapar: {line.presenter}" if line.presenter else "")
            for line in doc.agenda
        ]
    )
    w.heading("III. HASIL RAPAT")
    w.heading("A. Pembukaan")
    w.lines(doc.opening_remarks or "-")
    w.heading("B. Pembahasan")
    for line in doc.agenda:
        w.paragraph((f"{line.number}. {line.title}", "b"))
        if line.discussion:
            w.lines(line.discussion)
        if line.speakers:
            w.paragraph("Yang berbicara: " + "; ".join(line.speakers))
    letter = "C"
    if doc.briefings:
        w.heading("C. Kesiapan Instansi")
        w.grid(
            ["No", "Instansi", "Kesiapan", "Indikator"],
            [
                (
                    n,
                    f"{b.agency} ({b.topic})",
                    b.readiness,
                    "; ".join(
                        f"{i.label}{': ' + i.figure if i.figure else ''} ({i.status})"
                        for i in b.indicators
                    )
                    or "-",
                )
                for n, b in enumerate(doc.briefings, start=1)
            ],
            [8, 55, 30, 74],
        )
        letter = "D"
    w.heading(f"{letter}. Tindak Lanjut")
    _follow_ups(w, doc.follow_ups)
    w.heading("IV. HAMBATAN")
    w.numbered(doc.obstacles or ["-"])
    w.heading("V. SIMPULAN DAN SARAN")
    w.heading("A. Simpulan")
    w.lines(doc.conclusions or "-")
    w.heading("B. Saran")
    w.numbered(doc.suggestions or ["-"])
    w.heading("VI. PENUTUP")
    w.paragraph(
        "Demikian laporan ini disampaikan sebagai bahan informasi dan pertimbangan lebih lanjut.",
        indent=True,
    ).paragraph_format.keep_with_next = True
    w.signature(doc.signer, place_date=_place_with_date(doc.place_date), srikandi=True)
    return w.bytes()


BUILDERS = {"undangan": invitation_docx, "notula": notula_docx, "laporan": report_docx}
KINDS = tuple(BUILDERS)
