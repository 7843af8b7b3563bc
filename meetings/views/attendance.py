"""Invitations: one institution or a whole group, and withdrawing one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import RedirectView, TemplateView

from agencies.models import Agency
from pilkada_portal.forms import add_service_errors

from .. import selectors, services
from ..forms import InvitationForm, InvitationGroupForm
from ..models import Participation
from .common import MeetingMixin, RuleRequiredMixin


class InvitationListView(RuleRequiredMixin, MeetingMixin, TemplateView):
    """Who is invited, with forms to invite one institution or a group, and to withdraw."""

    permission_required = "meetings.can_invite"
    role_permission = "meetings.add_participation"
    meeting_url_kwarg = "meeting_pk"
    template_name = "meetings/invitations.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", InvitationForm(prefix="one"))
        kwargs.setdefault("group_form", InvitationGroupForm(prefix="group"))
        return super().get_context_data(
            invitations=selectors.participation_list(meeting=self.meeting), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if "group-kind" in request.POST:
            return self.invite_group()
        form = InvitationForm(request.POST, prefix="one")
        if form.is_valid():
            try:
                participation = services.participation_invite(
                    meeting=self.meeting, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(agency)s was invited.") % {"agency": participation.agency.display_name},
                )
                return redirect("meetings:invitations", meeting_pk=self.meeting.pk)
        return self.render_to_response(self.get_context_data(form=form))

    def invite_group(self):
        group_form = InvitationGroupForm(self.request.POST, prefix="group")
        if not group_form.is_valid():
            return self.render_to_response(self.get_context_data(group_form=group_form))
        kind = group_form.cleaned_data["kind"]
        try:
            created = services.participation_invite_group(
                meeting=self.meeting,
                agencies=selectors.invitation_group_candidates(meeting=self.meeting, kind=kind),
            )
        except ValidationError as error:
            add_service_errors(group_form, error)
            return self.render_to_response(self.get_context_data(group_form=group_form))
        messages.success(
            self.request,
            ngettext(
                "%(count)d institution of the group “%(group)s” was invited.",
                "%(count)d institutions of the group “%(group)s” were invited.",
                len(created),
            )
            % {"count": len(created), "group": Agency.Kind(kind).label},
        )
        return redirect("meetings:invitations", meeting_pk=self.meeting.pk)


class InvitationRemoveView(RuleRequiredMixin, MeetingMixin, View):
    permission_required = "meetings.can_withdraw_invitation"
    role_permission = "meetings.delete_participation"
    meeting_url_kwarg = "meeting_pk"

    def post(self, request, *args, **kwargs):
        participation = get_object_or_404(
            Participation.objects.select_related("agency"), pk=kwargs["pk"], meeting=self.meeting
        )
        try:
            services.participation_remove(participation=participation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("meetings:invitations", meeting_pk=self.meeting.pk)
        messages.success(
            request,
            _("The invitation of %(agency)s was withdrawn.")
            % {"agency": participation.agency.display_name},
        )
        return redirect("meetings:invitations", meeting_pk=self.meeting.pk)


class AttendanceView(RuleRequiredMixin, MeetingMixin, RedirectView):
    """The attendance screen moved to the attendance app (people under each invitation);
    old links and bookmarks land there."""

    permission_required = "meetings.can_record_attendance"
    role_permission = "meetings.change_participation"
    meeting_url_kwarg = "meeting_pk"

    def get_redirect_url(self, *args, **kwargs):
        return reverse("attendance:people", args=[self.meeting.pk])


class InvitationMoveView(RuleRequiredMixin, MeetingMixin, View):
    """Move an invitation one place up or down the protocol order."""

    permission_required = "meetings.can_order_invitations"
    role_permission = "meetings.change_participation"
    meeting_url_kwarg = "meeting_pk"

    def post(self, request, *args, **kwargs):
        participation = get_object_or_404(Participation, pk=kwargs["pk"], meeting=self.meeting)
        offset = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
        if offset is not None:
            try:
                services.participation_move(participation=participation, offset=offset)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        url = reverse("meetings:invitations", kwargs={"meeting_pk": self.meeting.pk})
        return redirect(f"{url}#invitation-{participation.pk}")


class InvitationSortView(RuleRequiredMixin, MeetingMixin, View):
    """Put every invitation back in protocol order."""

    permission_required = "meetings.can_order_invitations"
    role_permission = "meetings.change_participation"
    meeting_url_kwarg = "meeting_pk"

    def post(self, request, *args, **kwargs):
        try:
            services.participations_sort(meeting=self.meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The invitations are in protocol order again."))
        return redirect("meetings:invitations", meeting_pk=self.meeting.pk)
