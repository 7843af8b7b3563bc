"""The people in the room: the operator's list and check-in desk, and the attendee's own
check-in on a phone (no account)."""

import logging
import uuid

import segno
from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts.rules import allows
from meetings.models import Participation
from meetings.views.common import MeetingMixin, RuleRequiredMixin
from pilkada_portal.exports import FORMATS, Column, table_response
from pilkada_portal.forms import add_service_errors
from pilkada_portal.writes import StaleVersionError

from . import checkin, selectors, services
from .forms import AttendeeCreateForm, AttendeeForm, InvitationStatusForm, SelfCheckInForm
from .models import Attendee

logger = logging.getLogger("pilkada_portal.attendance")
DEVICE_COOKIE = "rakor-perangkat"


class AttendanceRuleMixin(RuleRequiredMixin, MeetingMixin):
    permission_required = "meetings.can_record_attendance"
    role_permission = "meetings.change_participation"


class PeopleView(AttendanceRuleMixin, TemplateView):
    """The attendance screen (for a tablet): invitations with the people checked in under
    each, one-tap statuses for those nobody came for, and one short form to add a person."""

    template_name = "attendance/people.html"

    def get_context_data(self, **kwargs):
        groups, walk_ins = selectors.invitation_people(meeting=self.meeting)
        if "form" not in kwargs:
            # "Add a person" of an invitation row opens the form with that invitation chosen.
            invitation = self.request.GET.get("undangan", "")
            kwargs["form"] = AttendeeCreateForm(
                meeting=self.meeting,
                prefix="person",
                initial=(
                    {"participation": invitation}
                    if invitation.isascii() and invitation.isdigit() and len(invitation) < 19
                    else {}
                ),
            )
        return super().get_context_data(
            groups=groups,
            walk_ins=walk_ins,
            counts=selectors.attendance_counts(meeting=self.meeting),
            statuses=InvitationStatusForm.base_fields["status"].choices,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = AttendeeCreateForm(request.POST, meeting=self.meeting, prefix="person")
        if form.is_valid():
            try:
                attendee = services.attendee_add(meeting=self.meeting, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("%(name)s was added.") % {"name": attendee.name})
                anchor = (
                    f"#invitation-{attendee.participation_id}" if attendee.participation_id else ""
                )
                return redirect(reverse("attendance:people", args=[self.meeting.pk]) + anchor)
        return self.render_to_response(self.get_context_data(form=form))


class InvitationStatusView(AttendanceRuleMixin, View):
    """Set the status of an invitation nobody came for; htmx gets the row and counts back."""

    def post(self, request, *args, **kwargs):
        participation = get_object_or_404(
            Participation.objects.select_related("agency", "invitee"),
            pk=kwargs["participation"],
            meeting=self.meeting,
        )
        form = InvitationStatusForm(request.POST)
        if form.is_valid():
            try:
                services.invitation_set_status(participation=participation, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
        if not request.htmx:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect(
                reverse("attendance:people", args=[self.meeting.pk])
                + f"#invitation-{participation.pk}"
            )
        participation.refresh_from_db()
        return render(
            request,
            "attendance/includes/_invitation_response.html",
            {
                "meeting": self.meeting,
                "row": selectors.invitation_row(participation=participation),
                "status_form": form if form.errors else None,
                "statuses": InvitationStatusForm.base_fields["status"].choices,
                "counts": selectors.attendance_counts(meeting=self.meeting),
            },
        )


class AttendeeMixin(AttendanceRuleMixin):
    def get_attendee(self) -> Attendee:
        return get_object_or_404(Attendee, pk=self.kwargs["attendee"], meeting=self.meeting)


class AttendeeUpdateView(AttendeeMixin, TemplateView):
    """Correct a person's entry."""

    template_name = "attendance/attendee_form.html"

    def get(self, request, *args, **kwargs):
        attendee = self.get_attendee()
        form = AttendeeForm(instance=attendee, meeting=self.meeting)
        return self.render_to_response(self.get_context_data(form=form, attendee=attendee))

    def post(self, request, *args, **kwargs):
        attendee = self.get_attendee()
        form = AttendeeForm(request.POST, instance=attendee, meeting=self.meeting)
        if form.is_valid():
            try:
                services.attendee_update(
                    attendee=attendee, expected_version=form.expected_version, **form.cleaned_data
                )
            except StaleVersionError as error:
                form.show_stale(error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The entry was saved."))
                return redirect("attendance:people", pk=self.meeting.pk)
        return self.render_to_response(self.get_context_data(form=form, attendee=attendee))


class AttendeeRemoveView(AttendeeMixin, View):
    def post(self, request, *args, **kwargs):
        attendee = self.get_attendee()
        try:
            services.attendee_remove(attendee=attendee)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The entry of %(name)s was removed.") % {"name": attendee.name}
            )
        return redirect("attendance:people", pk=self.meeting.pk)


class DeskView(AttendanceRuleMixin, TemplateView):
    """The check-in screen for a projector or a tablet at the door: a QR code renewed every
    minute, and the arrivals as they come."""

    template_name = "attendance/desk.html"

    def get_context_data(self, **kwargs):
        desk = services.desk_get_or_open(meeting=self.meeting)
        opens, closes = checkin.window(self.meeting)
        return super().get_context_data(
            desk=desk, opens=opens, closes=closes, **_qr_context(self.request, desk), **kwargs
        )

    def post(self, request, *args, **kwargs):
        is_open = request.POST.get("open") == "1"
        services.desk_set_open(meeting=self.meeting, is_open=is_open)
        messages.success(
            request, _("Self check-in is open.") if is_open else _("Self check-in is closed.")
        )
        return redirect("attendance:desk", pk=self.meeting.pk)


def _qr_context(request, desk) -> dict:
    url = request.build_absolute_uri(reverse("attendance:checkin", args=[checkin.qr_token(desk)]))
    return {
        "checkin_url": url,
        # Inline SVG made here from our own URL, not user text.
        "qr_svg": segno.make(url, error="m").svg_inline(scale=6, omitsize=True),
    }


@method_decorator(never_cache, name="dispatch")
class DeskQrView(AttendanceRuleMixin, View):
    """The QR block alone, fetched again every minute by the check-in screen."""

    def get(self, request, *args, **kwargs):
        desk = services.desk_get_or_open(meeting=self.meeting)
        return render(
            request, "attendance/includes/_qr.html", {"desk": desk, **_qr_context(request, desk)}
        )


@method_decorator(never_cache, name="dispatch")
class ArrivalsView(AttendanceRuleMixin, View):
    """The arrivals and counts, fetched every few seconds by the check-in screen."""

    def get(self, request, *args, **kwargs):
        return render(
            request,
            "attendance/includes/_arrivals.html",
            {
                "meeting": self.meeting,
                "arrivals": list(selectors.attendee_list(meeting=self.meeting).reverse()[:12]),
                "counts": selectors.attendance_counts(meeting=self.meeting),
            },
        )


class SignatureView(MeetingMixin, View):
    """A drawn signature, for the secretariat only (never a public file)."""

    def get(self, request, *args, **kwargs):
        if not allows(request.user, "documents.can_read_documents", self.meeting):
            raise Http404
        attendee = get_object_or_404(Attendee, pk=kwargs["attendee"], meeting=self.meeting)
        if not attendee.signature:
            raise Http404
        try:
            return FileResponse(attendee.signature.open("rb"), content_type="image/png")
        except FileNotFoundError:
            raise Http404 from None


def _client_address(request) -> str:
    # The phone's address, also behind the reverse proxy (AXES_IPWARE_PROXY_COUNT), as the
    # login lockouts see it: without it every phone would share the proxy's address.
    return get_client_ip_address(request) or ""


def _rate_limited(request) -> bool:
    key = f"checkin-rate:{_client_address(request)}"
    cache.add(key, 0, 600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, 600)
        count = 1
    return count > settings.CHECKIN_RATE_PER_ADDRESS


def _device(request) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.get_signed_cookie(DEVICE_COOKIE, salt=DEVICE_COOKIE))
    except (KeyError, ValueError, signing.BadSignature):
        return None


def _checked_in(meeting, device: uuid.UUID | None) -> bool:
    """Whether this phone (its device cookie) has checked in to the meeting already."""
    return device is not None and meeting.attendees.filter(device=device).exists()


@method_decorator([login_not_required, never_cache], name="dispatch")
class SelfCheckInView(TemplateView):
    """The attendee's check-in on a phone: opened from the QR code at the door."""

    template_name = "attendance/checkin.html"

    def refused(self, error: checkin.CheckInRefused):
        return render(
            self.request,
            "attendance/checkin_refused.html",
            {"reason": error.message, "code": error.code},
        )

    def get(self, request, *args, **kwargs):
        try:
            desk = checkin.desk_from_token(kwargs.get("token", ""))
            checkin.ensure_open(desk)
        except checkin.CheckInRefused as error:
            return self.refused(error)
        form = SelfCheckInForm(initial={"desk": checkin.form_token(desk)}, meeting=desk.meeting)
        return self.render_form(desk, form)

    def render_form(self, desk, form, status=200, already=None):
        """The form (again, with its errors), or only the notice for a phone that has
        already checked in: it cannot check in a second time, so it gets no form to fill."""
        if already is None:
            already = _checked_in(desk.meeting, _device(self.request))
        if form.is_bound and not already:
            form.load_invitations()  # the whole list again, for the phone to choose from
        return self.render_to_response(
            {"meeting": desk.meeting, "form": form, "already": already}, status=status
        )

    def post(self, request, *args, **kwargs):
        try:
            desk = checkin.desk_from_token(request.POST.get("desk", ""), form=True)
            checkin.ensure_open(desk)
        except checkin.CheckInRefused as error:
            return self.refused(error)
        meeting = desk.meeting
        form = SelfCheckInForm(request.POST, meeting=meeting)
        if _rate_limited(request):
            logger.warning("Check-in rate limit reached for an address (meeting %s)", meeting.pk)
            # The form comes back as it was filled: the phone sends it again a little later.
            form.add_error(
                None, _("Too many check-ins from this network. Wait a few minutes, then try again.")
            )
            return self.render_form(desk, form, status=429, already=False)
        device = _device(request)
        if _checked_in(meeting, device):
            return self.render_form(desk, form, already=True)
        if not form.is_valid():
            return self.render_form(desk, form, already=False)
        device = device or uuid.uuid4()
        try:
            attendee = services.attendee_add(
                meeting=meeting,
                name=form.cleaned_data["name"],
                position=form.cleaned_data["position"],
                participation=form.cleaned_data["participation"],
                institution_name=form.cleaned_data["institution_name"],
                on_behalf=form.cleaned_data["on_behalf"],
                phone=form.cleaned_data["phone"],
                method=Attendee.Method.SELF,
                signature_png=form.cleaned_data["signature"],
                device=device,
            )
        except (ValidationError, IntegrityError) as error:
            if isinstance(error, IntegrityError):
                # The same phone's other submission was stored first.
                return self.render_form(desk, form, already=True)
            add_service_errors(form, error)
            return self.render_form(desk, form, already=False)
        response = render(
            request, "attendance/checkin_done.html", {"meeting": meeting, "attendee": attendee}
        )
        response.set_signed_cookie(
            DEVICE_COOKIE,
            str(device),
            salt=DEVICE_COOKIE,
            max_age=60 * 60 * 24 * 2,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
        return response


ATTENDANCE_COLUMNS = [
    Column("No", 6),
    Column("Nama", 32),
    Column("Jabatan", 32),
    Column("Instansi", 40),
    Column("Keterangan", 36),
    Column("Telepon", 18),
    Column("Waktu hadir", 18, "dd-mm-yyyy hh:mm"),
    Column("Dicatat melalui", 16),
]


class AttendanceExportView(RuleRequiredMixin, MeetingMixin, View):
    """The people present, one row each, as .xlsx or .csv, for the organizer's staff (phone
    numbers included; drawn signatures never)."""

    permission_required = "attendance.can_export_attendance"

    def get(self, request, *args, fmt: str, **kwargs):
        if fmt not in FORMATS:
            raise Http404
        people = (
            Attendee.objects.filter(meeting=self.meeting)
            .select_related("agency", "participation__invitee")
            .order_by("checked_in_at", "pk")
        )

        def rows():
            for number, person in enumerate(people.iterator(chunk_size=1000), start=1):
                yield (
                    number,
                    person.name,
                    person.position,
                    person.agency.name if person.agency_id else person.institution_name,
                    person.remark,
                    person.phone,
                    person.checked_in_at,
                    person.get_method_display(),
                )

        name = f"daftar-hadir-{self.meeting.date:%Y-%m-%d}-rapat-{self.meeting.pk}"
        return table_response(fmt, name, ATTENDANCE_COLUMNS, rows(), title="Daftar hadir")
