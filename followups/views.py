"""The follow-up register: every follow-up a user may see, its progress log, its exports;
and the review of earlier follow-ups at a later meeting of the series."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.rules import allows
from meetings import services as meeting_services
from meetings.models import FollowUp
from meetings.views.common import MeetingMixin, RuleRequiredMixin
from pilkada_portal.exports import FORMATS, Column, table_response
from pilkada_portal.pagination import CappedPaginator

from . import selectors
from .forms import ProgressForm, RegisterFilterForm

PAGE = 20  # as the meeting list: a register is read a screen at a time
STANDING_ITEM = "Pembahasan tindak lanjut rapat sebelumnya"


def _filtered(request):
    form = RegisterFilterForm(
        request.GET or None, elections=selectors.elections_for(user=request.user)
    )
    options = form.cleaned_data if form.is_valid() else {}
    follow_ups = selectors.register_list(
        user=request.user,
        election=options.get("election"),
        election_name=options.get("election_name", ""),
        status=options.get("status", ""),
        overdue=options.get("overdue", False),
    )
    return form, follow_ups


class RegisterView(PermissionRequiredMixin, TemplateView):
    """Every follow-up the user may see, soonest due first; overdue ones stand out."""

    permission_required = "meetings.view_followup"
    template_name = "followups/register.html"

    def get_context_data(self, **kwargs):
        form, follow_ups = _filtered(self.request)
        page = CappedPaginator(follow_ups, PAGE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=form,
            page_obj=page,
            follow_ups=page.object_list,
            today=timezone.localdate(),  # a row's "overdue" mark changes with the day
            query=query.urlencode(),
            **kwargs,
        )


REGISTER_COLUMNS = [
    Column("No", 6),
    Column("Tindak lanjut", 50),
    Column("Rapat asal", 40),
    Column("Tanggal rapat", 14, "dd-mm-yyyy"),
    Column("Penyelenggara", 36),
    Column("Penanggung jawab", 36),
    Column("Tenggat", 14, "dd-mm-yyyy"),
    Column("Status", 16),
    Column("Lewat tenggat", 10),
    Column("Kemajuan terakhir", 50),
    Column("Dicatat", 18, "dd-mm-yyyy hh:mm"),
    Column("Ditutup pada rapat tanggal", 16, "dd-mm-yyyy"),
]


class RegisterExportView(PermissionRequiredMixin, View):
    """The register as filtered on screen, as .xlsx or .csv."""

    permission_required = "meetings.view_followup"

    def get(self, request, fmt: str):
        if fmt not in FORMATS:
            raise Http404
        _form, follow_ups = _filtered(request)
        today = timezone.localdate()
        labels = dict(FollowUp.Status.choices)

        def rows():
            for number, f in enumerate(follow_ups.iterator(chunk_size=500), start=1):
                yield (
                    number,
                    f.text,
                    f.meeting.title,
                    f.meeting.date,
                    f.meeting.organizer.name,
                    f.responsible_agency.name if f.responsible_agency else "",
                    f.due_date,
                    str(labels[f.status]),
                    "ya" if f.overdue else "",
                    f.last_progress_note or f.progress_note,
                    f.last_progress_at,
                    f.closed_in_date,
                )

        name = f"register-tindak-lanjut-{today:%Y-%m-%d}"
        return table_response(fmt, name, REGISTER_COLUMNS, rows(), title="Tindak lanjut")


class FollowUpDetailView(View):
    """One follow-up: where it was agreed, its log, and a step reported by its institution or
    the organizer's staff."""

    template_name = "followups/follow_up_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.follow_up = get_object_or_404(
            FollowUp.objects.select_related("meeting__organizer", "responsible_agency"),
            pk=kwargs["pk"],
        )
        if not allows(request.user, "meetings.can_read_follow_up", self.follow_up):
            raise Http404
        self.can_report = allows(request.user, "meetings.can_report_progress", self.follow_up)
        return super().dispatch(request, *args, **kwargs)

    def render(self, form):
        from django.shortcuts import render

        return render(
            self.request,
            self.template_name,
            {
                "follow_up": self.follow_up,
                "progress": selectors.progress_list(follow_up=self.follow_up),
                "form": form if self.can_report else None,
            },
        )

    def get(self, request, *args, **kwargs):
        return self.render(ProgressForm(initial={"status": self.follow_up.status}))

    def post(self, request, *args, **kwargs):
        if not self.can_report:
            raise Http404
        form = ProgressForm(request.POST)
        if form.is_valid():
            try:
                meeting_services.follow_up_progress_add(
                    follow_up=self.follow_up, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The progress was recorded."))
                return redirect("followups:detail", pk=self.follow_up.pk)
        return self.render(form)


class ReviewView(RuleRequiredMixin, MeetingMixin, View):
    """At a later meeting of the series: the status of an earlier follow-up at this meeting
    (closing it here records where it was closed)."""

    permission_required = "meetings.can_review_follow_ups"
    role_permission = "meetings.add_followupprogress"
    meeting_url_kwarg = "meeting_pk"

    def post(self, request, *args, **kwargs):
        follow_up = get_object_or_404(FollowUp.objects.select_related("meeting"), pk=kwargs["pk"])
        form = ProgressForm(request.POST)
        if form.is_valid():
            try:
                meeting_services.follow_up_progress_add(
                    follow_up=follow_up,
                    user=request.user,
                    meeting=self.meeting,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("The follow-up's status at this meeting was recorded."))
        else:
            messages.error(request, _("Choose a status."))
        return redirect(self.meeting.get_absolute_url() + "#earlier-follow-ups")


class StandingItemView(RuleRequiredMixin, MeetingMixin, View):
    """Adds the standing agenda item in which earlier follow-ups are reviewed."""

    permission_required = "meetings.can_add_agenda_item"
    role_permission = "meetings.add_agendaitem"
    meeting_url_kwarg = "meeting_pk"

    def post(self, request, *args, **kwargs):
        if self.meeting.agenda_items.filter(title=STANDING_ITEM).exists():
            messages.info(request, _("The agenda already has this item."))
        else:
            try:
                meeting_services.agenda_item_create(
                    meeting=self.meeting, title=STANDING_ITEM, kind="discussion"
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("The item was added at the end of the agenda."))
        return redirect(self.meeting.get_absolute_url() + "#earlier-follow-ups")
