"""The invitation's letter number: given by the organizer's register or recorded from
SRIKANDI, once."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from letters import selectors as letter_selectors
from pilkada_portal.views import ServiceFormMixin

from .. import services
from ..forms import LetterNumberForm
from .common import MeetingMixin, RuleRequiredMixin

ISSUE = "issue"


def _numbered_message(meeting) -> str:
    return _("The invitation was numbered %(number)s.") % {"number": meeting.reference_number}


class MeetingLetterNumberView(RuleRequiredMixin, MeetingMixin, ServiceFormMixin, FormView):
    """Issue the next number of the register (a button) or record one given elsewhere (a
    form); the page says why when neither is possible yet."""

    permission_required = "meetings.can_edit_meeting"
    role_permission = "meetings.change_meeting"
    template_name = "meetings/meeting_letter_number.html"
    form_class = LetterNumberForm

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") != ISSUE:
            return super().post(request, *args, **kwargs)
        try:
            meeting = services.meeting_letter_number_issue(meeting=self.meeting, user=request.user)
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(issue_errors=error.messages, form=self.get_form())
            )
        messages.success(request, _numbered_message(meeting))
        return redirect(meeting.get_absolute_url())

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.request.POST.get("action") == ISSUE:
            # The button's post carries no number: the record form is shown empty, not refused.
            form = self.get_form_class()()
        return form

    def perform(self, form):
        meeting = services.meeting_letter_number_record(
            meeting=self.meeting, number=form.cleaned_data["number"], user=self.request.user
        )
        self.success_message = _numbered_message(meeting)
        return meeting

    def get_success_url(self):
        return self.object.get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            numbering=letter_selectors.numbering_get(meeting=self.meeting), **kwargs
        )
