from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from simple_history.admin import SimpleHistoryAdmin

from .cache import meetings_touch
from .guards import ensure_editable, final_record_message, is_final
from .models import AgendaItem, Election, FollowUp, Meeting, Participation


class RecordRowForm(forms.ModelForm):
    """An admin form for a row of a meeting's record: refused when the meeting is final."""

    def clean(self):
        cleaned = super().clean()
        meeting = self.record_meeting(cleaned)
        if meeting is not None and is_final(meeting):
            raise forms.ValidationError(final_record_message(), code="final")
        return cleaned

    def record_meeting(self, cleaned):
        return cleaned.get("meeting") or getattr(self.instance, "meeting", None)


class MeetingAdminForm(RecordRowForm):
    def record_meeting(self, cleaned):
        return self.instance if self.instance.pk else None


class FinalRecordAdmin(SimpleHistoryAdmin):
    """The admin of a meeting's record: once the minutes are final, read-only (corrections
    go through the reopen-with-reason path of the portal, never through the admin)."""

    form = RecordRowForm

    def record_meeting(self, obj):
        return obj.meeting

    def _final(self, obj) -> bool:
        return obj is not None and obj.pk is not None and is_final(self.record_meeting(obj))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._final(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._final(obj)

    @staticmethod
    def _ensure_editable(meeting) -> None:
        """As every service does: refused when final (the form checked before; the lock
        closes the gap to an approval running meanwhile), back to draft when in review."""
        try:
            ensure_editable(meeting)
        except ValidationError:
            raise PermissionDenied(final_record_message()) from None

    def save_model(self, request, obj, form, change):
        meeting = self.record_meeting(obj)
        self._ensure_editable(meeting)
        left = self.record_meeting(type(obj)._default_manager.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        if left is not None and left.pk != meeting.pk:
            # Moved to another meeting: the record it left changed too (its pages and list
            # rows are remembered under its version; meetings.cache touches only the new one).
            meetings_touch(Q(pk=left.pk))

    def delete_model(self, request, obj):
        self._ensure_editable(self.record_meeting(obj))
        super().delete_model(request, obj)


class FinalRecordInline(admin.TabularInline):
    """Rows shown inside a record's admin page: fixed when its meeting is final."""

    def _final(self, obj) -> bool:
        meeting = getattr(obj, "meeting", obj)
        return obj is not None and obj.pk is not None and is_final(meeting)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._final(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._final(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._final(obj)


@admin.register(Election)
class ElectionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "voting_day", "region"]
    list_filter = ["voting_day"]
    search_fields = ["name", "region__name"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]


class AgendaItemInline(FinalRecordInline):
    model = AgendaItem
    extra = 0
    fields = [
        "position",
        "planned_start",
        "duration_minutes",
        "kind",
        "title",
        "presenter_agency",
        "presenter",
    ]
    autocomplete_fields = ["presenter_agency", "presenter"]


class ParticipationInline(FinalRecordInline):
    model = Participation
    extra = 0
    fields = [
        "agency",
        "invitee",
        "invitee_position",
        "status",
        "note",
    ]
    autocomplete_fields = ["agency", "invitee"]


class FollowUpInline(FinalRecordInline):
    model = FollowUp
    extra = 0
    fields = ["text", "responsible_agency", "due_date", "status"]
    autocomplete_fields = ["responsible_agency"]


@admin.register(Meeting)
class MeetingAdmin(FinalRecordAdmin):
    list_display = ["title", "date", "start_time", "venue", "organizer", "status"]
    list_filter = ["status", "kind", "election", "organizer", "date"]
    search_fields = [
        "title",
        "venue",
        "reference_number",
        "organizer__name",
        "organizer__short_name",
    ]
    date_hierarchy = "date"
    autocomplete_fields = ["organizer", "election", "chair", "minute_taker"]
    list_select_related = ["organizer"]
    inlines = [AgendaItemInline, ParticipationInline, FollowUpInline]
    # Moving the minutes between draft, review and final is the workflow's, with its events.
    readonly_fields = ["minutes_status"]

    form = MeetingAdminForm

    def record_meeting(self, obj):
        return obj


@admin.register(AgendaItem)
class AgendaItemAdmin(FinalRecordAdmin):
    list_display = ["meeting", "position", "title", "kind", "presenter_agency"]
    list_filter = ["kind", "meeting"]
    search_fields = ["title", "description", "meeting__title", "presenter_agency__name"]
    autocomplete_fields = ["meeting", "presenter_agency", "presenter", "speakers"]
    list_select_related = ["meeting", "presenter_agency"]


@admin.register(Participation)
class ParticipationAdmin(FinalRecordAdmin):
    list_display = ["meeting", "agency", "invitee", "invitee_position", "status"]
    list_filter = ["status", "agency__kind", "meeting"]
    search_fields = [
        "agency__name",
        "agency__short_name",
        "invitee__name",
        "invitee_position",
    ]
    autocomplete_fields = ["meeting", "agency", "invitee"]
    list_select_related = ["meeting", "agency", "invitee"]


@admin.register(FollowUp)
class FollowUpAdmin(FinalRecordAdmin):
    list_display = ["text", "meeting", "responsible_agency", "due_date", "status"]
    list_filter = ["status", "due_date"]
    search_fields = ["text", "meeting__title", "responsible_agency__name"]
    autocomplete_fields = ["meeting", "responsible_agency"]
    list_select_related = ["meeting", "responsible_agency"]
