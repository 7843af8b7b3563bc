"""The readiness dashboard of an election (countdown, matrix, items at risk, trend) and the
readiness indicators as tables (per election, per meeting)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from briefings.models import ReadinessIndicator
from meetings.models import Election
from meetings.views.common import MeetingMixin, RuleRequiredMixin
from pilkada_portal.exports import FORMATS, Column, table_response

from . import charts, selectors


class ElectionMixin:
    def dispatch(self, request, *args, **kwargs):
        self.election = get_object_or_404(
            Election.objects.select_related("region"), pk=kwargs["pk"]
        )
        self.meetings = selectors.dashboard_meetings(user=request.user, election=self.election)
        if not self.meetings:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class DashboardView(ElectionMixin, TemplateView):
    template_name = "readiness/dashboard.html"

    def get_context_data(self, **kwargs):
        # The matrix, the items at risk and the trend are rendered once per state of the
        # series (dashboard_version) and kept in the cache: built only on a miss.
        dashboard = SimpleLazyObject(
            lambda: selectors.dashboard_get(
                user=self.request.user, election=self.election, meetings=self.meetings
            )
        )
        labels = dict(ReadinessIndicator.Status.choices)
        return super().get_context_data(
            election=self.election,
            days=selectors.days_to_vote(self.election),
            meetings=self.meetings,
            dashboard_version=selectors.dashboard_version(self.meetings),
            dashboard=dashboard,
            trend=SimpleLazyObject(
                lambda: [
                    (label, charts.stacked_bars(dashboard.trend[aspect]), dashboard.trend[aspect])
                    for aspect, label in dashboard.aspects
                ]
            ),
            statuses=[(status, labels[status]) for status in selectors.RANK],
            chart=charts,
            **kwargs,
        )


INDICATOR_COLUMNS = [
    Column("No", 6),
    Column("Rapat", 40),
    Column("Tanggal rapat", 14, "dd-mm-yyyy"),
    Column("Instansi", 40),
    Column("Aspek", 18),
    Column("Indikator", 40),
    Column("Nilai", 12, "#,##0.##"),
    Column("Target", 12, "#,##0.##"),
    Column("Satuan", 12),
    Column("Status", 16),
    Column("Keterangan", 40),
]


def _indicator_rows(indicators):
    for number, i in enumerate(indicators.iterator(chunk_size=1000), start=1):
        yield (
            number,
            i.briefing.meeting.title,
            i.briefing.meeting.date,
            i.briefing.agency.name,
            i.get_aspect_display(),
            i.label,
            i.value,
            i.target,
            i.unit,
            i.get_status_display(),
            i.note,
        )


class ElectionIndicatorExportView(ElectionMixin, View):
    def get(self, request, *args, fmt: str, **kwargs):
        if fmt not in FORMATS:
            raise Http404
        indicators = selectors.election_indicators(meetings=self.meetings)
        return table_response(
            fmt,
            f"indikator-kesiapan-pemilihan-{self.election.pk}",
            INDICATOR_COLUMNS,
            _indicator_rows(indicators),
            title=_("Indicators")[:31],
        )


class MeetingIndicatorExportView(RuleRequiredMixin, MeetingMixin, View):
    permission_required = "documents.can_read_documents"
    meeting_url_kwarg = "pk"

    def get(self, request, *args, fmt: str, **kwargs):
        if fmt not in FORMATS:
            raise Http404
        indicators = (
            ReadinessIndicator.objects.filter(briefing__meeting=self.meeting)
            .select_related("briefing__agency", "briefing__meeting")
            .order_by("briefing__agency__name", "pk")
        )
        return table_response(
            fmt,
            f"indikator-kesiapan-{self.meeting.date:%Y-%m-%d}-rapat-{self.meeting.pk}",
            INDICATOR_COLUMNS,
            _indicator_rows(indicators),
            title="Indikator",
        )
