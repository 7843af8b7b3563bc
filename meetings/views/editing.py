import copy

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from pilkada_portal.deletion import protected_error_message
from pilkada_portal.views import ServiceFormMixin

from .. import services
from ..forms import MeetingCreateForm, MeetingDuplicateForm, MeetingForm
from .common import MeetingMixin, RuleRequiredMixin


class MeetingCreateView(PermissionRequiredMixin, ServiceFormMixin, FormView):
    """A new meeting: schedule, venue and people; the agenda follows on its page."""

    permission_required = "meetings.add_meeting"
    template_name = "meetings/meeting_form.html"
    form_class = MeetingCreateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        self.success_message = _(
            "The meeting was created. Now invite institutions and build the agenda."
        )
        return services.meeting_create(**form.cleaned_data)

    def get_success_url(self):
        return self.object.get_absolute_url()


class MeetingUpdateView(RuleRequiredMixin, MeetingMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.can_edit_meeting"
    role_permission = "meetings.change_meeting"
    template_name = "meetings/meeting_form.html"
    form_class = MeetingForm

    def get_form_kwargs(self):
        # A copy, so that a rejected form does not alter the meeting shown around it.
        return {
            **super().get_form_kwargs(),
            "instance": copy.copy(self.meeting),
            "user": self.request.user,
        }

    def perform(self, form):
        self.success_message = _("The meeting was saved.")
        # The form validated a copy of its fields on self.meeting; the service saves them.
        return services.meeting_update(
            meeting=self.meeting, expected_version=form.expected_version, **form.cleaned_data
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


class MeetingDeleteView(RuleRequiredMixin, MeetingMixin, TemplateView):
    """Asks first, stating what goes with the meeting; deletes on POST."""

    permission_required = "meetings.can_delete_meeting"
    role_permission = "meetings.delete_meeting"
    template_name = "meetings/meeting_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary=services.meeting_deletion_summary(meeting=self.meeting), **kwargs
        )

    def post(self, request, *args, **kwargs):
        title = self.meeting.title
        try:
            services.meeting_delete(meeting=self.meeting)
        except ProtectedError as error:
            messages.error(request, protected_error_message(error))
            return self.get(request, *args, **kwargs)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.get(request, *args, **kwargs)
        messages.success(request, _("The meeting “%(title)s” was deleted.") % {"title": title})
        return redirect("meetings:list")


class MeetingDuplicateView(RuleRequiredMixin, MeetingMixin, ServiceFormMixin, FormView):
    """Start the next Rakor from this one (agenda and invitations, no attendance or minutes)."""

    permission_required = "meetings.can_duplicate_meeting"
    template_name = "meetings/meeting_duplicate.html"
    form_class = MeetingDuplicateForm

    def get_initial(self):
        return {"title": self.meeting.title}

    def perform(self, form):
        self.success_message = _("The copy was created as a draft. Check its date and time.")
        return services.meeting_duplicate(meeting=self.meeting, **form.cleaned_data)

    def get_success_url(self):
        return self.object.get_absolute_url()
