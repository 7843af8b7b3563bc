"""The readiness dashboard of an election as a printable document (for the Pjs Bupati's
briefing): what it says, built from readiness.selectors, in Indonesian, with the kop of the
organizer of the series' latest meeting."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation

from briefings.models import ReadinessIndicator
from meetings import formatting
from readiness import selectors as readiness

from .data import Letterhead, letterhead_for


@dataclass(frozen=True)
class ReadinessReport:
    title: str
    meeting_title: str  # the base print template's second title line
    letterhead: Letterhead
    countdown: str
    voting_day: str
    meetings: str
    aspects: list[tuple[str, str]]
    rows: list
    at_risk: list
    risks: list
    trend: list
    statuses: list[tuple[str, str]]
    filename: str


def readiness_html(*, user, election, meetings) -> tuple[str, str]:
    """The print template filled in, and the PDF's file name."""
    with translation.override("id"):
        dashboard = readiness.dashboard_get(user=user, election=election, meetings=meetings)
        days = dashboard.days
        countdown = f"H-{days}" if days > 0 else ("H" if days == 0 else f"H+{-days}")
        labels = dict(ReadinessIndicator.Status.choices)
        report = ReadinessReport(
            title="LAPORAN KESIAPAN",
            meeting_title=election.name,
            letterhead=letterhead_for(meetings[-1].organizer),
            countdown=countdown,
            voting_day=formatting.long_date(election.voting_day),
            meetings=", ".join(formatting.long_date(m.date).split(", ", 1)[-1] for m in meetings),
            aspects=dashboard.aspects,
            rows=dashboard.rows,
            at_risk=dashboard.at_risk,
            risks=dashboard.risks,
            trend=[(label, dashboard.trend[aspect]) for aspect, label in dashboard.aspects],
            statuses=[(status, str(labels[status])) for status in readiness.RANK],
            filename=f"kesiapan-pemilihan-{election.pk}.pdf",
        )
        html = render_to_string(
            "documents/print/kesiapan.html", {"doc": report, "for_pdf": True, "logo_src": ""}
        )
    return html, report.filename
