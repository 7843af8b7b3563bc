"""The public agenda of a meeting, by share link: no account, built for a phone first."""

import datetime
import urllib.parse
import zoneinfo

import icalendar
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from meetings import formatting, selectors
from meetings.views.common import MeetingMixin, RuleRequiredMixin

from . import services
from .models import AgendaShare


def share_get(token: str) -> AgendaShare:
    return get_object_or_404(
        AgendaShare.objects.select_related("meeting__organizer"), token=token[:60]
    )


def share_url(request, share: AgendaShare) -> str:
    """The agenda's public address: on SITE_URL when set (the same in every letter, whatever
    host the operator used), else on the host of the request; "" with neither."""
    path = reverse("attendance:agenda", args=[share.token])
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/") + path
    return request.build_absolute_uri(path) if request is not None else ""


def whatsapp_url(meeting, url: str) -> str:
    """A "Bagikan lewat WhatsApp" link: title, day and date, time, venue and the link."""
    with translation.override("id"):
        text = "\n".join(
            [
                meeting.title,
                formatting.long_date(meeting.date),
                formatting.time_range(
                    meeting.start_time, meeting.end_time, meeting.zone_abbreviation
                ),
                meeting.venue,
                url,
            ]
        )
    return "https://wa.me/?" + urllib.parse.urlencode({"text": text})


def contact_links(phone: str) -> dict[str, str]:
    """A call link and a WhatsApp chat link for an Indonesian phone number as written
    ("0812-3456-7890", "+62 812 3456 7890"); empty when there is no number."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not digits:
        return {}
    international = "62" + digits[1:] if digits.startswith("0") else digits
    return {"tel": f"tel:+{international}", "chat": f"https://wa.me/{international}"}


@method_decorator([login_not_required, never_cache], name="dispatch")
class AgendaPublicView(TemplateView):
    """Title, organizer, date, time with its zone, venue, agenda with times and presenters."""

    template_name = "attendance/agenda_public.html"

    def get_context_data(self, **kwargs):
        share = share_get(kwargs["token"])
        meeting = share.meeting
        url = share_url(self.request, share)
        return super().get_context_data(
            share=share,
            meeting=meeting,
            agenda=selectors.agenda_rows(meeting=meeting),
            whatsapp=whatsapp_url(meeting, url),
            contact=contact_links(meeting.contact_phone),
            **kwargs,
        )


@method_decorator([login_not_required, never_cache], name="dispatch")
class AgendaCalendarView(View):
    """The meeting as an .ics file, in the meeting's own time zone (with its VTIMEZONE)."""

    def get(self, request, *args, **kwargs):
        share = share_get(kwargs["token"])
        meeting = share.meeting
        zone = zoneinfo.ZoneInfo(meeting.time_zone)
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Portal Rakor Pilkada//id")
        calendar.add("version", "2.0")
        event = icalendar.Event()
        event.add("uid", f"rapat-{meeting.pk}@{request.get_host()}")
        event.add("summary", meeting.title)
        event.add("location", ", ".join(filter(None, [meeting.venue, meeting.venue_address])))
        event.add("url", share_url(request, share))
        event.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
        if meeting.start_time:
            start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
            end_time = meeting.end_time or (start + datetime.timedelta(hours=3)).time()
            event.add("dtstart", start)
            event.add("dtend", datetime.datetime.combine(meeting.date, end_time, tzinfo=zone))
        else:
            event.add("dtstart", meeting.date)
        event.add(
            "description",
            "\n".join(
                filter(
                    None,
                    [
                        meeting.organizer.name,
                        f"Pakaian: {meeting.dress_code}" if meeting.dress_code else "",
                        (
                            f"Narahubung: {meeting.contact_name} {meeting.contact_phone}".strip()
                            if meeting.contact_name or meeting.contact_phone
                            else ""
                        ),
                    ],
                )
            ),
        )
        calendar.add_component(event)
        calendar.add_missing_timezones()
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="rapat-{meeting.date:%Y-%m-%d}.ics"'
        )
        return response


class AgendaShareView(RuleRequiredMixin, MeetingMixin, View):
    """The operator creates, renews or stops the share link, and publishes the invitation."""

    permission_required = "meetings.can_share_agenda"

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "renew":
            services.agenda_share_renew(meeting=self.meeting)
            messages.success(
                request, _("The share link is ready; an earlier link no longer works.")
            )
        elif action == "revoke":
            services.agenda_share_revoke(meeting=self.meeting)
            messages.success(request, _("The agenda is no longer shared."))
        elif action in {"publish", "unpublish"}:
            try:
                services.agenda_share_set(
                    meeting=self.meeting, publish_invitation=action == "publish"
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The share link was updated."))
        else:
            raise Http404
        return redirect(self.meeting.get_absolute_url() + "#share-heading")


def share_panel_context(request, meeting) -> dict:
    share = AgendaShare.objects.filter(meeting=meeting).first()
    if share is None:
        return {"share": None, "meeting": meeting}
    url = share_url(request, share)
    return {
        "share": share,
        "meeting": meeting,
        "share_link": url,
        "whatsapp": whatsapp_url(meeting, url),
        "qr_svg": segno.make(url, error="m").svg_inline(scale=3, omitsize=True),
    }
