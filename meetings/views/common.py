from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from accounts.rules import allows, can_see_meeting, record_open

from ..guards import final_record_message
from ..models import Meeting


class MeetingMixin:
    """The meeting named by the URL (pk or meeting_pk), loaded once as self.meeting."""

    meeting_url_kwarg = "pk"

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(Meeting, pk=self.kwargs[self.meeting_url_kwarg])

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)


class RuleRequiredMixin:
    """Checks `permission_required`, a rule of accounts.rules, on get_permission_object()
    (the meeting unless a view says otherwise): the same rule its templates ask.

    A refusal answers as the situation calls for: 404 for a meeting the user may not see;
    when the user's role allows the action (`role_permission`) but the record's state does not
    (final minutes, a meeting that took place), back to the meeting page with the reason;
    otherwise 403.
    """

    permission_required: str = ""
    role_permission: str | None = None
    refusal_message = ""

    def get_permission_required(self) -> str:
        return self.permission_required

    def get_permission_object(self):
        return self.meeting

    def dispatch(self, request, *args, **kwargs):
        if not allows(request.user, self.get_permission_required(), self.get_permission_object()):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)

    def get_refusal_message(self, meeting: Meeting) -> str:
        if not record_open(self.request.user, meeting):
            return final_record_message()
        return self.refusal_message or _("This is no longer possible for this meeting.")

    def handle_no_permission(self):
        user = self.request.user
        if not user.is_authenticated:
            return redirect_to_login(self.request.get_full_path())
        obj = self.get_permission_object()
        meeting = getattr(obj, "meeting", obj)
        if not can_see_meeting(user, meeting):
            raise Http404
        if self.role_permission and user.has_perm(self.role_permission):
            messages.error(self.request, self.get_refusal_message(meeting))
            return redirect(meeting.get_absolute_url())
        raise PermissionDenied


def back_to_meeting(meeting: Meeting, anchor: str = ""):
    """Redirect to the meeting page (post/redirect/get), optionally at a section."""
    return redirect(meeting.get_absolute_url() + (f"#{anchor}" if anchor else ""))
