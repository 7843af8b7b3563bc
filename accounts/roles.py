"""The portal's roles: each is a Django group with the model permissions it needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Role names double as group names, so they are stored in Indonesian."""

    OPERATOR = "Operator Kesbangpol", _("Kesbangpol operator")
    NOTULIS = "Notulis", _("Minute taker (secretariat)")
    PIMPINAN = "Pimpinan", _("Chair / approver")
    SUPERVISOR = "Pengawas", _("Supervisor (reads the meetings of organizers in its region)")
    LIAISON = "Perwakilan instansi", _("Institution liaison")
    PESERTA = "Peserta", _("Attendee")


_ALL = ("add", "change", "delete", "view")
# An action is a model permission's prefix ("view" -> view_meeting), or, with an underscore,
# a custom permission's whole codename ("approve_minutes").

# Model permissions per role, as {"app_label.model": actions}. The portal's screens check
# them (PermissionRequiredMixin); the admin site is left to administrators.
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.OPERATOR: {
        "agencies.region": _ALL,
        "agencies.agency": _ALL,
        "agencies.official": _ALL,
        "meetings.election": _ALL,
        "meetings.meeting": _ALL,
        "meetings.agendaitem": _ALL,
        "meetings.participation": _ALL,
        "meetings.followup": _ALL,
        "meetings.followupprogress": _ALL,
        "briefings.briefing": _ALL,
        "briefings.readinessindicator": _ALL,
        "briefings.risk": _ALL,
        "briefings.briefingtemplate": _ALL,
        "briefings.briefingtemplateitem": _ALL,
    },
    Role.NOTULIS: {
        "agencies.agency": ("view",),
        "agencies.official": ("view",),
        "meetings.meeting": ("view", "change", "submit_minutes", "revise_minutes"),
        "meetings.agendaitem": ("view", "change"),
        "meetings.participation": ("view",),
        "meetings.followup": _ALL,
        "meetings.followupprogress": _ALL,
        "briefings.briefing": ("view",),
        "briefings.readinessindicator": ("view",),
        "briefings.risk": ("view",),
    },
    Role.PIMPINAN: {
        "agencies.agency": ("view",),
        "agencies.official": ("view",),
        "meetings.meeting": ("view", "approve_minutes"),
        "meetings.followup": ("view",),
        "meetings.followupprogress": ("view",),
        "briefings.briefing": ("view",),
    },
    # A province's Kesbangpol or a ministry: reads the meetings of the organizers in its region
    # (accounts.rules), changes nothing.
    Role.SUPERVISOR: {
        "agencies.agency": ("view",),
        "agencies.official": ("view",),
        "meetings.election": ("view",),
        "meetings.meeting": ("view", "supervise_meetings"),
        "meetings.followup": ("view",),
        "meetings.followupprogress": ("view",),
        "briefings.briefing": ("view",),
        "briefings.readinessindicator": ("view",),
        "briefings.risk": ("view",),
    },
    Role.LIAISON: {
        # Its institution's follow-ups: read, and their progress reported between meetings.
        "meetings.followup": ("view",),
        "meetings.followupprogress": ("view", "report_followupprogress"),
        "briefings.briefing": ("view", "add", "change"),
        "briefings.readinessindicator": _ALL,
        "briefings.risk": _ALL,
    },
    Role.PESERTA: {},
}
