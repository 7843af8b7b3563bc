"""The agenda builder on the meeting page: add, edit in place, delete and reorder with htmx.

Every endpoint answers an htmx request with the re-rendered agenda block, and a plain request
(no JavaScript) with a redirect back to the meeting page, so the builder also works without it.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.rules import allows
from pilkada_portal.forms import add_service_errors
from pilkada_portal.views import already_sent_message
from pilkada_portal.writes import StaleVersionError, submit_once

from .. import selectors, services
from ..forms import AgendaItemCreateForm, AgendaItemForm
from ..models import AgendaItem
from .common import MeetingMixin, RuleRequiredMixin, back_to_meeting

ANCHOR = "agenda-heading"


def agenda_permissions(user, meeting) -> dict[str, bool]:
    """What the agenda block offers this user (the rules its views check)."""
    return {
        "can_edit_agenda": allows(user, "meetings.can_edit_agenda", meeting),
        "can_add_agenda_item": allows(user, "meetings.can_add_agenda_item", meeting),
        "can_delete_agenda_item": allows(user, "meetings.can_delete_agenda_item", meeting),
    }


class AgendaMixin(RuleRequiredMixin, MeetingMixin):
    meeting_url_kwarg = "meeting_pk"

    def get_item(self) -> AgendaItem:
        return get_object_or_404(AgendaItem, pk=self.kwargs["pk"], meeting=self.meeting)

    def agenda_response(
        self, *, add_form=None, edit_form=None, editing: AgendaItem | None = None, error=None
    ):
        if not self.request.htmx:
            if error is not None:
                messages.error(self.request, " ".join(error.messages))
            return back_to_meeting(self.meeting, ANCHOR)
        return render(
            self.request,
            "meetings/includes/_agenda.html",
            {
                "meeting": self.meeting,
                "agenda": selectors.agenda_rows(meeting=self.meeting),
                **agenda_permissions(self.request.user, self.meeting),
                # The empty add form is fetched when its section is opened (GET agenda_add):
                # its presenter choices cost more than the rest of the page.
                "add_form": add_form,
                "edit_form": edit_form,
                "editing_pk": editing.pk if editing else None,
                "agenda_error": " ".join(error.messages) if error is not None else "",
            },
        )

    def invalid(self, *, form, editing: AgendaItem | None = None):
        if self.request.htmx:
            if editing is None:
                return self.agenda_response(add_form=form)
            return self.agenda_response(edit_form=form, editing=editing)
        # Without JavaScript, a failed inline form shows on its own page with its errors.
        return render(
            self.request,
            "meetings/agenda_item_form.html",
            {"meeting": self.meeting, "form": form, "item": editing},
        )


class AgendaItemCreateView(AgendaMixin, View):
    permission_required = "meetings.can_add_agenda_item"
    role_permission = "meetings.add_agendaitem"

    def get(self, request, *args, **kwargs):
        """The empty form: its fields for the agenda's "add" section (htmx, when it is
        opened), or a page of its own without JavaScript."""
        form = AgendaItemCreateForm(meeting=self.meeting, prefix="new")
        if request.htmx:
            return render(
                request,
                "meetings/includes/_agenda_add_fields.html",
                {"meeting": self.meeting, "form": form},
            )
        return render(
            request,
            "meetings/agenda_item_form.html",
            {"meeting": self.meeting, "form": form, "item": None},
        )

    def post(self, request, *args, **kwargs):
        form = AgendaItemCreateForm(request.POST, meeting=self.meeting, prefix="new")
        if not form.is_valid():
            return self.invalid(form=form)
        try:
            with transaction.atomic():
                created, _url = submit_once(
                    form.submission_token,
                    lambda: services.agenda_item_create(meeting=self.meeting, **form.cleaned_data),
                    lambda _obj: self.meeting.get_absolute_url(),
                )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.invalid(form=form)
        if not request.htmx:
            messages.success(
                request,
                already_sent_message() if created is None else _("The agenda item was added."),
            )
        return self.agenda_response()


class AgendaItemUpdateView(AgendaMixin, View):
    permission_required = "meetings.can_edit_agenda"
    role_permission = "meetings.change_agendaitem"

    def get(self, request, *args, **kwargs):
        item = self.get_item()
        form = AgendaItemForm(instance=item, meeting=self.meeting, prefix=f"item-{item.pk}")
        if not request.htmx:
            return render(
                request,
                "meetings/agenda_item_form.html",
                {"meeting": self.meeting, "form": form, "item": item},
            )
        return self.agenda_response(edit_form=form, editing=item)

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = AgendaItemForm(
            request.POST, instance=item, meeting=self.meeting, prefix=f"item-{item.pk}"
        )
        if not form.is_valid():
            return self.invalid(form=form, editing=item)
        try:
            services.agenda_item_update(
                item=item, expected_version=form.expected_version, **form.cleaned_data
            )
        except StaleVersionError as error:
            form.show_stale(error)
            return self.invalid(form=form, editing=item)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.invalid(form=form, editing=item)
        if not request.htmx:
            messages.success(request, _("The agenda item was saved."))
        return self.agenda_response()


class AgendaItemCancelView(AgendaMixin, View):
    """Leave inline editing without saving (re-renders the agenda)."""

    permission_required = "meetings.can_edit_agenda"
    role_permission = "meetings.change_agendaitem"

    def get(self, request, *args, **kwargs):
        return self.agenda_response()


class AgendaItemDeleteView(AgendaMixin, View):
    permission_required = "meetings.can_delete_agenda_item"
    role_permission = "meetings.delete_agendaitem"

    def post(self, request, *args, **kwargs):
        try:
            services.agenda_item_delete(item=self.get_item())
        except ValidationError as error:
            return self.agenda_response(error=error)
        if not request.htmx:
            messages.success(request, _("The agenda item was deleted."))
        return self.agenda_response()


class AgendaItemMoveView(AgendaMixin, View):
    permission_required = "meetings.can_edit_agenda"
    role_permission = "meetings.change_agendaitem"

    def post(self, request, *args, **kwargs):
        offset = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
        if offset is not None:
            try:
                services.agenda_item_move(item=self.get_item(), offset=offset)
            except ValidationError as error:
                return self.agenda_response(error=error)
        return self.agenda_response()
