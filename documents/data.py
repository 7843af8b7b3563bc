"""What each document says, assembled from the database as plain, already formatted values.

Everything here is written in Indonesian whatever the reader's language: these are naskah
dinas (Permendagri 1/2023) that a Sekda signs. Rendering (templates, WeasyPrint) is elsewhere.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation

from agencies.models import Agency, Official
from attendance.models import Attendee
from briefings import selectors as briefing_selectors
from briefings.figures import indicator_figure
from briefings.models import Briefing
from meetings import formatting, selectors
from meetings.models import Meeting, Participation

from . import kop

# With more invitees than this, the invitation names them in an annex (lampiran).
INVITATION_ANNEX_THRESHOLD = 5
# Blank rows at the end of a blank attendance sheet, for people who were not invited by name.
BLANK_SHEET_EXTRA_ROWS = 5

SECURITY_LABELS = {
    "biasa": "Biasa",
    "terbatas": "Terbatas",
    "rahasia": "Rahasia",
    "sangat_rahasia": "Sangat Rahasia",
}
URGENCY_LABELS = {"biasa": "Biasa", "segera": "Segera", "amat_segera": "Amat Segera"}
CAPACITY_PREFIXES = {"an": "a.n.", "plt": "Plt.", "plh": "Plh."}
KIND_SUBJECTS = {
    "rakor": "Undangan Rapat Koordinasi",
    "teknis": "Undangan Rapat Teknis",
    "evaluasi": "Undangan Rapat Evaluasi",
    "lainnya": "Undangan Rapat",
}
ATTENDANCE_NOTES = {
    Participation.Status.PRESENT: "Hadir",
    Participation.Status.REPRESENTED: "Diwakili",
    Participation.Status.EXCUSED: "Izin",
    Participation.Status.ABSENT: "Tidak hadir",
    Participation.Status.INVITED: "",
}


@dataclass(frozen=True)
class Letterhead:
    government_line: str
    agency_name: str
    address: str
    contact_line: str
    logo: str  # path under MEDIA_ROOT, or ""
    paper_size: str
    # The two names cut into lines at word groups (documents.kop).
    government_lines: tuple[str, ...] = ()
    agency_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """A signature block; an empty position or name is printed as a dotted line to fill in
    by hand. `lines` go under the name: pangkat/golongan, "NIP. ..." or "NRP. ...", each only
    when known (Official.signature_lines)."""

    position: str
    name: str = ""
    lines: tuple[str, ...] = ()
    # "a.n. Bupati Konawe Utara" above the signer's own position, when signing for another.
    on_behalf: str = ""


@dataclass(frozen=True)
class Schedule:
    day_date: str
    time: str
    venue: str
    venue_address: str


@dataclass(frozen=True)
class AttendanceRow:
    number: int
    name: str
    position: str
    agency: str
    note: str
    # A drawn signature: its file in the private storage, and the staff-only URL of the image.
    signature_file: str = ""
    # Whether the row has a place to sign (not for an invitation nobody came for).
    signs: bool = True
    signature_url: str = ""


@dataclass(frozen=True)
class AgendaLine:
    number: int
    time: str
    title: str
    presenter: str
    discussion: str = ""
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorLine:
    aspect: str
    label: str
    figure: str
    status: str
    note: str


@dataclass(frozen=True)
class RiskLine:
    category: str
    location: str
    level: str
    description: str
    mitigation: str


@dataclass(frozen=True)
class BriefingSection:
    agency: str
    topic: str
    presenter: str
    readiness: str
    summary: str
    indicators: tuple[IndicatorLine, ...]
    risks: tuple[RiskLine, ...]
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUpLine:
    number: int
    text: str
    responsible: str
    due: str


@dataclass(frozen=True)
class EarlierFollowUpLine:
    number: int
    text: str
    origin: str  # the date of the meeting that agreed it
    responsible: str
    status: str
    note: str


@dataclass(frozen=True)
class Document:
    """Common to every document of a meeting."""

    kind: str
    title: str
    meeting_title: str
    letterhead: Letterhead
    schedule: Schedule
    agenda: tuple[AgendaLine, ...]
    filename: str


@dataclass(frozen=True)
class Notula(Document):
    chair: Signature = Signature("Pimpinan Rapat")
    minute_taker: Signature = Signature("Notulis")
    participant_summary: tuple[tuple[str, int, int], ...] = ()
    people_summary: str = ""
    attendance: tuple[AttendanceRow, ...] = ()
    opening_remarks: str = ""
    briefings: tuple[BriefingSection, ...] = ()
    conclusions: str = ""
    follow_ups: tuple[FollowUpLine, ...] = ()
    earlier_follow_ups: tuple[EarlierFollowUpLine, ...] = ()
    closing_time: str = ""
    place_date: str = ""
    # Approved: no DRAF mark (the stored final PDF also carries its verification block).
    final: bool = False


@dataclass(frozen=True)
class AttendanceSheet(Document):
    rows: tuple[AttendanceRow, ...] = ()
    blank: bool = False


@dataclass(frozen=True)
class Invitation(Document):
    number: str = ""
    nature: str = ""
    security: str = ""
    urgency: str = ""
    attachment: str = "-"
    subject: str = ""
    place_date: str = ""
    addressees: tuple[str, ...] = ()
    annexed: bool = False
    opening: str = ""
    signer: Signature = Signature("")
    copies_to: tuple[str, ...] = ()
    letter_date: str = ""
    dress_code: str = ""
    contact_name: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class Report(Document):
    """Laporan Hasil Rakor: the report of the meeting to the head of the region."""

    general: str = ""
    purpose: str = ""
    scope: str = ""
    basis: tuple[str, ...] = ()
    participant_summary: tuple[tuple[str, int, int], ...] = ()
    people_summary: str = ""
    opening_remarks: str = ""
    briefings: tuple[BriefingSection, ...] = ()
    follow_ups: tuple[FollowUpLine, ...] = ()
    obstacles: tuple[str, ...] = ()
    conclusions: str = ""
    suggestions: tuple[str, ...] = ()
    place_date: str = ""
    signer: Signature = Signature("")


@dataclass(frozen=True)
class Rundown(Document):
    notes: tuple[str, ...] = field(default_factory=tuple)


# --- pieces -------------------------------------------------------------------------------


GOVERNMENT_KINDS = {Agency.Kind.LOCAL_GOVERNMENT, Agency.Kind.PROVINCIAL_GOVERNMENT}


def _upper_words(text: str) -> str:
    return " ".join(text.split()).upper()


def government_line_for(agency: Agency) -> str:
    """The kop's first line: as typed for the institution, else the name of the government it
    belongs to (its nearest parent that is a provincial or regency/city government). Never a
    repetition of the institution's own name, which is the next line."""
    line = _upper_words(agency.letterhead_government_line)
    if not line:
        government = next((a for a in agency.ancestors() if a.kind in GOVERNMENT_KINDS), None)
        line = _upper_words(government.name) if government else ""
    return "" if line == _upper_words(agency.name) else line


def letterhead_for(agency: Agency) -> Letterhead:
    contacts = [
        f"Telepon {agency.phone}" if agency.phone else "",
        f"Surel {agency.email}" if agency.email else "",
        f"Laman {agency.website}" if agency.website else "",
    ]
    width = kop.WIDTH_WITH_LOGO if agency.logo else kop.WIDTH_WITHOUT_LOGO
    government_line = government_line_for(agency)
    return Letterhead(
        government_line=government_line,
        government_lines=kop.kop_lines(government_line, width=width),
        agency_lines=kop.kop_lines(_upper_words(agency.name), width=width),
        agency_name=_upper_words(agency.name),
        address=" ".join(agency.address.split()),
        contact_line=" – ".join(c for c in contacts if c),
        logo=agency.logo.name if agency.logo else "",
        paper_size=agency.paper_size,
    )


def signature_for(
    official: Official | None, position: str, *, capacity: str = "", signed_for: str = ""
) -> Signature:
    """A signature block; with a capacity, signed for another position: "a.n. <position
    signed for>" above the signer's own position; "Plt./Plh. <position signed for>" as the
    position itself (the acting holder signs in that position)."""
    prefix = CAPACITY_PREFIXES.get(capacity, "")
    own = (official.position if official else "") or position
    on_behalf = ""
    if prefix == "a.n." and signed_for:
        on_behalf = f"a.n. {signed_for}"
    elif prefix and signed_for:
        own = f"{prefix} {signed_for}"
    if official is None:
        return Signature(position=own, on_behalf=on_behalf)
    return Signature(
        position=own,
        name=official.signature_name,
        lines=tuple(official.signature_lines),
        on_behalf=on_behalf,
    )


def nature_line(meeting: Meeting) -> str:
    """The Sifat line: the security class, and the urgency when the letter is not ordinary in
    speed ("Biasa"; "Terbatas, Segera")."""
    security = SECURITY_LABELS.get(meeting.letter_security, "Biasa")
    if meeting.letter_urgency and meeting.letter_urgency != "biasa":
        return f"{security}, {URGENCY_LABELS[meeting.letter_urgency]}"
    return security


def _schedule(meeting: Meeting) -> Schedule:
    zone = meeting.zone_abbreviation
    if meeting.start_time:
        time = "Pukul " + formatting.time_range(meeting.start_time, meeting.end_time, zone)
    else:
        # Unknown start: a dotted gap to fill in by hand rather than an invented hour.
        time = f"Pukul ........ {zone} s.d. selesai"
    return Schedule(
        day_date=formatting.long_date(meeting.date),
        time=time,
        venue=meeting.venue,
        venue_address=" ".join(meeting.venue_address.split()),
    )


def _agenda(meeting: Meeting, *, with_minutes: bool) -> tuple[AgendaLine, ...]:
    lines = []
    for number, row in enumerate(
        selectors.agenda_rows(meeting=meeting, with_speakers=with_minutes), start=1
    ):
        item = row.item
        presenter = item.presenter.full_name if item.presenter else ""
        if item.presenter_agency:
            who = item.presenter_agency.name
            presenter = f"{presenter} ({who})" if presenter else who
        lines.append(
            AgendaLine(
                number=number,
                time=formatting.clock(row.start) if row.start else "",
                title=item.title,
                presenter=presenter,
                discussion=(
                    (item.discussion_notes or ("Tidak ada catatan." if item.no_notes else ""))
                    if with_minutes
                    else ""
                ),
                speakers=tuple(
                    f"{s.full_name} ({s.position}, {s.agency.name})" for s in item.speakers.all()
                )
                if with_minutes
                else (),
            )
        )
    return tuple(lines)


def _invitee_row(number: int, p: Participation, note: str, signs: bool = True) -> AttendanceRow:
    """A row for an invitation itself: the invited official's name when known, else the
    invited position alone."""
    return AttendanceRow(
        number=number,
        name=p.invitee.signature_name if p.invitee else "",
        position=p.held_position,
        agency=p.agency.name,
        note=note,
        signs=signs,
    )


def _blank_rows(participations: list[Participation]) -> tuple[AttendanceRow, ...]:
    """The paper sheet: one row per invitation, to be signed in the room."""
    return tuple(_invitee_row(n, p, "") for n, p in enumerate(participations, start=1))


def _people(meeting: Meeting) -> list[Attendee]:
    return list(
        Attendee.objects.filter(meeting=meeting).select_related("agency", "participation__invitee")
    )


def _person_row(meeting: Meeting, number: int, person: Attendee) -> AttendanceRow:
    return AttendanceRow(
        number=number,
        name=person.name,
        position=person.position,
        agency=person.agency.name if person.agency_id else person.institution_name,
        note=person.remark,
        signature_file=person.signature.name if person.signature else "",
        signature_url=(
            reverse("attendance:signature", args=[meeting.pk, person.pk])
            if person.signature
            else ""
        ),
    )


def _people_rows(
    meeting: Meeting, participations: list[Participation], people: list[Attendee]
) -> tuple[AttendanceRow, ...]:
    """One row per person present, invitation by invitation in protocol order (an invitation
    marked present with nobody named, from an older record, as one row), walk-ins after them;
    then the invitations nobody came for: excused (izin) with its reason, or absent."""
    by_invitation: dict[int | None, list[Attendee]] = {}
    for person in sorted(people, key=lambda a: (a.checked_in_at, a.pk)):
        by_invitation.setdefault(person.participation_id, []).append(person)
    rows: list[AttendanceRow] = []
    for p in participations:
        for person in by_invitation.get(p.pk, []):
            rows.append(_person_row(meeting, len(rows) + 1, person))
        if p.pk not in by_invitation and p.attended:
            rows.append(_invitee_row(len(rows) + 1, p, ATTENDANCE_NOTES[p.status]))
    for person in by_invitation.get(None, []):
        rows.append(_person_row(meeting, len(rows) + 1, person))
    for p in participations:
        if p.pk not in by_invitation and not p.attended:
            note = ATTENDANCE_NOTES.get(p.status) or "Tidak hadir"
            note = f"{note}; {p.note}" if p.note else note
            rows.append(_invitee_row(len(rows) + 1, p, note, signs=False))
    return tuple(rows)


def _participations_in_protocol_order(meeting: Meeting) -> list[Participation]:
    """The hosts (chair, organizer) first, then the invitations in the order the operator
    gave them (Participation.position; protocol order by default)."""
    return selectors.participation_list(meeting=meeting)


def _filename(kind: str, meeting: Meeting) -> str:
    return f"{kind}-{meeting.date:%Y-%m-%d}-rapat-{meeting.pk}.pdf"


def _common(meeting: Meeting, kind: str, title: str, *, with_minutes: bool = False) -> dict:
    return {
        "kind": kind,
        "title": title,
        "meeting_title": meeting.title,
        "letterhead": letterhead_for(meeting.organizer),
        "schedule": _schedule(meeting),
        "agenda": _agenda(meeting, with_minutes=with_minutes),
        "filename": _filename(kind, meeting),
    }


def _briefing_section(briefing: Briefing) -> BriefingSection:
    return BriefingSection(
        agency=briefing.agency.name,
        topic=briefing.topic,
        presenter=briefing.presenter.full_name if briefing.presenter else "",
        readiness=briefing.get_readiness_display() if briefing.readiness else "Belum dinyatakan",
        summary=briefing.summary,
        indicators=tuple(
            IndicatorLine(
                aspect=i.get_aspect_display(),
                label=i.label,
                figure=indicator_figure(i),
                status=i.get_status_display(),
                note=i.note,
            )
            for i in briefing.indicators.all()
        ),
        risks=tuple(
            RiskLine(
                category=r.get_category_display(),
                location=r.location,
                level=r.get_level_display(),
                description=r.description,
                mitigation=r.mitigation,
            )
            for r in briefing.risks.all()
        ),
        attachments=tuple(a.name for a in briefing.attachments.all()),
    )


def _place_date(meeting: Meeting, date) -> str:
    place = meeting.organizer.letter_place
    written = formatting.long_date(date).split(", ", 1)[-1] if date else "........................"
    return f"{place}, {written}" if place else written


# --- documents ----------------------------------------------------------------------------


def _people_summary(people: list[Attendee], participations: list[Participation]) -> str:
    """ "23 orang dari 12 instansi" when people were recorded, else empty; with the
    invitations marked present with nobody named (an older, per-institution record), so that
    the line agrees with the counts above it and the annex: "1 orang dari 1 instansi, dan 23
    instansi lain hadir tanpa nama tercatat"."""
    if not people:
        return ""
    institutions = {(p.agency_id or "", p.institution_name.strip().lower()) for p in people}
    summary = f"{len(people)} orang dari {len(institutions)} instansi"
    named = {person.participation_id for person in people}
    unnamed = sum(1 for p in participations if p.attended and p.pk not in named)
    if unnamed:
        summary += f", dan {unnamed} instansi lain hadir tanpa nama tercatat"
    return summary


def notula_data(meeting: Meeting) -> Notula:
    """The minutes: schedule, people, discussion per item, briefings, conclusions, follow-ups."""
    with translation.override("id"):
        participations = _participations_in_protocol_order(meeting)
        summary = _participant_summary(participations)
        briefings = briefing_selectors.briefing_list_for_meeting(meeting=meeting)
        people = _people(meeting)
        return Notula(
            **_common(meeting, "notula", "NOTULA", with_minutes=True),
            chair=signature_for(meeting.chair, "Pimpinan Rapat"),
            minute_taker=signature_for(meeting.minute_taker, "Notulis"),
            participant_summary=summary,
            people_summary=_people_summary(people, participations),
            attendance=_people_rows(meeting, participations, people),
            opening_remarks=meeting.opening_remarks,
            briefings=tuple(_briefing_section(b) for b in briefings),
            conclusions=meeting.conclusions,
            follow_ups=_follow_up_lines(meeting),
            earlier_follow_ups=_earlier_follow_up_lines(meeting),
            closing_time=(
                f"{formatting.clock(meeting.end_time) if meeting.end_time else '........'} "
                f"{meeting.zone_abbreviation}"
            ),
            place_date=_place_date(meeting, meeting.date),
            final=meeting.is_final,
        )


def attendance_sheet_data(
    meeting: Meeting, *, blank: bool = False, blank_rows: int | None = None
) -> AttendanceSheet:
    """The attendance list: blank to be signed on paper (blank_rows empty rows when given),
    or filled in: one row per person present when people were recorded."""
    with translation.override("id"):
        participations = _participations_in_protocol_order(meeting)
        if blank and blank_rows is not None:
            rows = tuple(
                AttendanceRow(number=i, name="", position="", agency="", note="")
                for i in range(1, blank_rows + 1)
            )
            return AttendanceSheet(
                **_common(meeting, "daftar-hadir", "DAFTAR HADIR"), rows=rows, blank=blank
            )
        rows = (
            _blank_rows(participations)
            if blank
            else _people_rows(meeting, participations, _people(meeting))
        )
        if blank:
            rows += tuple(
                AttendanceRow(number=len(rows) + i, name="", position="", agency="", note="")
                for i in range(1, BLANK_SHEET_EXTRA_ROWS + 1)
            )
        return AttendanceSheet(
            **_common(meeting, "daftar-hadir", "DAFTAR HADIR"), rows=rows, blank=blank
        )


def invitation_data(meeting: Meeting) -> Invitation:
    """The invitation letter; with many invitees they are listed in an annex."""
    with translation.override("id"):
        addressees = tuple(
            p.invitee.position if p.invitee and p.invitee.position else p.invitee_label
            for p in _participations_in_protocol_order(meeting)
            # The chair and the organizer are on the list without being sent the letter.
            if not p.is_host
        )
        annexed = len(addressees) > INVITATION_ANNEX_THRESHOLD
        kind_label = "rapat koordinasi" if meeting.kind == Meeting.Kind.RAKOR else "rapat"
        return Invitation(
            **_common(meeting, "undangan", "UNDANGAN"),
            number=meeting.reference_number,
            nature=nature_line(meeting),
            security=SECURITY_LABELS.get(meeting.letter_security, "Biasa"),
            urgency=URGENCY_LABELS.get(meeting.letter_urgency, "Biasa"),
            attachment="1 (satu) berkas" if annexed else "-",
            subject=meeting.letter_subject or KIND_SUBJECTS.get(meeting.kind, "Undangan Rapat"),
            place_date=_place_date(meeting, meeting.letter_date),
            letter_date=(
                formatting.long_date(meeting.letter_date).split(", ", 1)[-1]
                if meeting.letter_date
                else ""
            ),
            addressees=addressees,
            annexed=annexed,
            dress_code=meeting.dress_code,
            contact_name=meeting.contact_name,
            contact_phone=meeting.contact_phone,
            opening=(
                f"Dalam rangka {meeting.title}, dengan hormat kami mengundang "
                f"Bapak/Ibu untuk menghadiri {kind_label} yang akan dilaksanakan pada:"
            ),
            signer=signature_for(
                meeting.letter_signer,
                meeting.organizer.head_title,
                capacity=meeting.letter_signing_capacity,
                signed_for=meeting.letter_signed_for,
            ),
            copies_to=tuple(
                line.strip() for line in meeting.copies_to.splitlines() if line.strip()
            ),
        )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _participant_summary(participations: list[Participation]) -> tuple[tuple[str, int, int], ...]:
    invited = Counter(p.agency.kind for p in participations)
    attended = Counter(p.agency.kind for p in participations if p.attended)
    return tuple(
        (label, attended[kind], invited[kind])
        for kind, label in Agency.Kind.choices
        if invited[kind]
    )


def _follow_up_lines(meeting: Meeting) -> tuple[FollowUpLine, ...]:
    return tuple(
        FollowUpLine(
            number=n,
            text=f.text,
            responsible=f.responsible_agency.name if f.responsible_agency else "",
            due=formatting.long_date(f.due_date).split(", ", 1)[-1] if f.due_date else "",
        )
        for n, f in enumerate(selectors.follow_up_list(meeting=meeting), start=1)
    )


def _earlier_follow_up_lines(meeting: Meeting) -> tuple[EarlierFollowUpLine, ...]:
    return tuple(
        EarlierFollowUpLine(
            number=n,
            text=row.follow_up.text,
            origin=formatting.long_date(row.follow_up.meeting.date).split(", ", 1)[-1],
            responsible=(
                row.follow_up.responsible_agency.name if row.follow_up.responsible_agency else ""
            ),
            status=row.status_label,
            note=row.note,
        )
        for n, row in enumerate(selectors.earlier_follow_ups(meeting=meeting), start=1)
    )


def report_data(meeting: Meeting) -> Report:
    """The Laporan Hasil Rakor (pendahuluan, pelaksanaan, hasil, hambatan, simpulan dan saran,
    penutup), written from the record; the parts only a report has come from the minutes
    screen, and when empty from the record (the invitation as basis, the risks as obstacles)."""
    with translation.override("id"):
        participations = _participations_in_protocol_order(meeting)
        briefings = tuple(
            _briefing_section(b)
            for b in briefing_selectors.briefing_list_for_meeting(meeting=meeting)
        )
        organizer = meeting.organizer.name
        day = formatting.long_date(meeting.date)
        basis = _lines(meeting.report_basis)
        if not basis and meeting.reference_number:
            letter_day = (
                formatting.long_date(meeting.letter_date).split(", ", 1)[-1]
                if meeting.letter_date
                else ""
            )
            subject = meeting.letter_subject or KIND_SUBJECTS.get(meeting.kind, "Undangan Rapat")
            dated = f" tanggal {letter_day}" if letter_day else ""
            basis = (
                f"Surat Undangan {organizer} Nomor {meeting.reference_number}{dated} "
                f"hal {subject}.",
            )
        obstacles = _lines(meeting.report_obstacles) or tuple(
            f"{b.agency}: {r.category} di {r.location} (tingkat {r.level.lower()})"
            + (f", {r.description}" if r.description else "")
            for b in briefings
            for r in b.risks
        )
        return Report(
            **_common(meeting, "laporan", "LAPORAN HASIL RAPAT", with_minutes=True),
            general=(
                f"{organizer} telah menyelenggarakan {meeting.title} pada hari {day} "
                f"bertempat di {meeting.venue}."
            ),
            purpose=meeting.report_purpose.strip()
            or (
                "Laporan ini disusun sebagai bahan informasi dan pertanggungjawaban atas "
                f"pelaksanaan {meeting.title}, serta bahan pertimbangan dalam pengambilan "
                "kebijakan lebih lanjut."
            ),
            scope=(
                "Laporan ini meliputi pelaksanaan rapat, hasil pembahasan setiap acara dan "
                "paparan kesiapan instansi, hambatan, serta simpulan dan saran."
            ),
            basis=basis,
            participant_summary=_participant_summary(participations),
            people_summary=_people_summary(_people(meeting), participations),
            opening_remarks=meeting.opening_remarks,
            briefings=briefings,
            follow_ups=_follow_up_lines(meeting),
            obstacles=obstacles,
            conclusions=meeting.conclusions,
            suggestions=_lines(meeting.report_suggestions),
            place_date=_place_date(meeting, None),
            # The signer of the invitation reports in their own position (a report goes to
            # the superior, it is not signed on the superior's behalf).
            signer=signature_for(meeting.letter_signer, meeting.organizer.head_title),
        )


def rundown_data(meeting: Meeting) -> Rundown:
    """The agenda (susunan acara) for attendees."""
    with translation.override("id"):
        return Rundown(**_common(meeting, "susunan-acara", "SUSUNAN ACARA"))


BUILDERS = {
    "notula": notula_data,
    "daftar-hadir": attendance_sheet_data,
    "undangan": invitation_data,
    "susunan-acara": rundown_data,
    "laporan": report_data,
}
