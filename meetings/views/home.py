"""The home page: what each role has to do next, for the organizer the user acts for."""

from django.views.generic import TemplateView

from accounts.rules import (
    allows,
    is_supervisor,
    meetings_visible_to,
    organizer_ids,
    user_agency,
)

from .. import selectors
from ..models import Meeting


class HomeView(TemplateView):
    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        visible = meetings_visible_to(user, Meeting.objects.all())
        staff = Meeting.objects.all() if user.is_superuser else None
        if staff is None and organizer_ids(user):
            staff = Meeting.objects.filter(organizer__in=organizer_ids(user))
        sections = {}
        if staff is not None and user.has_perm("meetings.add_meeting"):
            sections["upcoming_gaps"] = selectors.home_upcoming_gaps(staff)
        if staff is not None and user.has_perm("meetings.submit_minutes"):
            sections["minutes_to_write"] = selectors.home_minutes_to_write(staff)
        if staff is not None and user.has_perm("meetings.approve_minutes"):
            sections["minutes_in_review"] = [
                m
                for m in selectors.home_minutes_in_review(staff)
                if allows(user, "meetings.can_review_minutes", m)
            ]
        if is_supervisor(user):
            sections["supervised"] = list(
                selectors.meeting_list_upcoming(visible).select_related("organizer")[
                    : selectors.HOME_ROWS
                ]
            )
        agency = user_agency(user)
        if staff is None and agency is not None and not is_supervisor(user):
            sections["invitations"] = selectors.home_invitations(visible, agency=agency)
            sections["writes_briefings"] = user.has_perm("briefings.add_briefing")
        return super().get_context_data(agency=agency, **sections, **kwargs)
