from django.contrib import admin

from .models import AgendaItem, Election, FollowUp, Meeting, Participation


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ["name", "voting_day", "region"]
    list_filter = ["voting_day"]
    search_fields = ["name", "region__name"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]


class AgendaItemInline(admin.TabularInline):
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


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = [
        "agency",
        "invitee",
        "invitee_position",
        "status",
        "representative_name",
        "representative_position",
        "note",
    ]
    autocomplete_fields = ["agency", "invitee"]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["text", "responsible_agency", "due_date", "status"]
    autocomplete_fields = ["responsible_agency"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
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


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["meeting", "position", "title", "kind", "presenter_agency"]
    list_filter = ["kind", "meeting"]
    search_fields = ["title", "description", "meeting__title", "presenter_agency__name"]
    autocomplete_fields = ["meeting", "presenter_agency", "presenter", "speakers"]
    list_select_related = ["meeting", "presenter_agency"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "agency", "invitee", "invitee_position", "status"]
    list_filter = ["status", "agency__kind", "meeting"]
    search_fields = [
        "agency__name",
        "agency__short_name",
        "invitee__name",
        "invitee_position",
        "representative_name",
    ]
    autocomplete_fields = ["meeting", "agency", "invitee"]
    list_select_related = ["meeting", "agency", "invitee"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["text", "meeting", "responsible_agency", "due_date", "status"]
    list_filter = ["status", "due_date"]
    search_fields = ["text", "meeting__title", "responsible_agency__name"]
    autocomplete_fields = ["meeting", "responsible_agency"]
    list_select_related = ["meeting", "responsible_agency"]
