"""The minute taker's screen: remarks, discussion per agenda item, conclusions, follow-ups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from pilkada_portal.forms import add_service_errors
from pilkada_portal.views import already_sent_message
from pilkada_portal.writes import StaleVersionError, submit_once

from .. import selectors, services
from ..forms import AgendaMinutesForm, FollowUpCreateForm, FollowUpForm, MinutesForm
from ..models import FollowUp
from ..services import REPORT_FIELDS
from .common import MeetingMixin, RuleRequiredMixin


class MinutesView(RuleRequiredMixin, MeetingMixin, TemplateView):
    """All minutes text of a meeting in one form, saved in one transaction.

    Opening it needs the minutes screen (read-only once final, for follow-up progress);
    saving the text needs meetings.can_write_minutes.
    """

    permission_required = "meetings.can_open_minutes"
    post_permission = "meetings.can_write_minutes"
    role_permission = "meetings.change_meeting"

    def get_permission_required(self):
        if self.request.method == "POST" and self.post_permission:
            return self.post_permission
        return super().get_permission_required()

    meeting_url_kwarg = "meeting_pk"
    template_name = "meetings/minutes.html"

    def get_forms(self, data=None):
        minutes_form = MinutesForm(data, instance=self.meeting, prefix="minutes")
        items = selectors.agenda_items_for_minutes(meeting=self.meeting)
        item_forms = [
            AgendaMinutesForm(
                data, instance=item, prefix=f"item-{item.pk}", speaker_choices=speakers
            )
            for item, speakers in items
        ]
        return minutes_form, item_forms

    def get_context_data(self, **kwargs):
        if "minutes_form" not in kwargs:
            kwargs["minutes_form"], kwargs["item_forms"] = self.get_forms()
        return super().get_context_data(
            returned=selectors.minutes_returned(meeting=self.meeting),
            follow_ups=selectors.follow_up_list(meeting=self.meeting),
            follow_up_form=kwargs.pop("follow_up_form", None)
            or FollowUpCreateForm(prefix="follow-up"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        minutes_form, item_forms = self.get_forms(request.POST)
        if minutes_form.is_valid() and all(form.is_valid() for form in item_forms):
            if not minutes_form.has_changed() and not any(f.has_changed() for f in item_forms):
                # Saved as loaded: nothing to write (and minutes in review stay in review).
                messages.info(request, _("Nothing was changed."))
                return redirect("meetings:minutes", meeting_pk=self.meeting.pk)
            try:
                services.meeting_minutes_save(
                    meeting=self.meeting,
                    opening_remarks=minutes_form.cleaned_data["opening_remarks"],
                    conclusions=minutes_form.cleaned_data["conclusions"],
                    expected_version=minutes_form.expected_version,
                    **{name: minutes_form.cleaned_data[name] for name in REPORT_FIELDS},
                    items=[
                        (
                            form.instance,
                            form.cleaned_data["discussion_notes"],
                            form.cleaned_data["speakers"],
                            form.cleaned_data["no_notes"],
                        )
                        for form in item_forms
                    ],
                )
            except StaleVersionError as error:
                stale_values = minutes_form.show_stale(error)
                return self.render_to_response(
                    self.get_context_data(
                        minutes_form=minutes_form, item_forms=item_forms, stale_values=stale_values
                    )
                )
            except ValidationError as error:
                add_service_errors(minutes_form, error)
            else:
                messages.success(request, _("The minutes were saved."))
                return redirect("meetings:minutes", meeting_pk=self.meeting.pk)
        return self.render_to_response(
            self.get_context_data(minutes_form=minutes_form, item_forms=item_forms)
        )


class FollowUpCreateView(MinutesView):
    permission_required = "meetings.can_add_follow_up"
    post_permission = None
    role_permission = "meetings.add_followup"

    def post(self, request, *args, **kwargs):
        form = FollowUpCreateForm(request.POST, prefix="follow-up")
        if form.is_valid():
            try:
                with transaction.atomic():
                    created, url = submit_once(
                        form.submission_token,
                        lambda: services.follow_up_create(
                            meeting=self.meeting, **form.cleaned_data
                        ),
                        lambda _obj: self.follow_ups_url(),
                    )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if created is None:
                    messages.info(request, already_sent_message())
                else:
                    messages.success(request, _("The follow-up was added."))
                return redirect(url)
        return self.render_to_response(self.get_context_data(follow_up_form=form))

    def follow_ups_url(self):
        from django.urls import reverse

        return reverse("meetings:minutes", kwargs={"meeting_pk": self.meeting.pk}) + "#follow-ups"


class FollowUpUpdateView(FollowUpCreateView):
    permission_required = "meetings.can_edit_follow_up"
    role_permission = "meetings.change_followup"
    template_name = "meetings/follow_up_form.html"

    def get_follow_up(self) -> FollowUp:
        return get_object_or_404(FollowUp, pk=self.kwargs["pk"], meeting=self.meeting)

    def get_form(self, data=None, follow_up=None) -> FollowUpForm:
        return FollowUpForm(
            data,
            instance=follow_up or self.get_follow_up(),
            prefix="follow-up",
            progress_only=self.meeting.is_final,
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"meeting": self.meeting, "form": self.get_form()})

    def post(self, request, *args, **kwargs):
        follow_up = self.get_follow_up()
        form = self.get_form(request.POST, follow_up)
        if form.is_valid():
            try:
                services.follow_up_update(
                    follow_up=follow_up,
                    expected_version=form.expected_version,
                    user=request.user,
                    **form.cleaned_data,
                )
            except StaleVersionError as error:
                form.show_stale(error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The follow-up was saved."))
                return redirect(self.follow_ups_url())
        return self.render_to_response({"meeting": self.meeting, "form": form})


class FollowUpDeleteView(FollowUpUpdateView):
    permission_required = "meetings.can_delete_follow_up"
    role_permission = "meetings.delete_followup"

    def get(self, request, *args, **kwargs):
        return redirect(self.follow_ups_url())

    def post(self, request, *args, **kwargs):
        try:
            services.follow_up_delete(follow_up=self.get_follow_up())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The follow-up was deleted."))
        return redirect(self.follow_ups_url())
