from django.contrib import admin

from meetings.admin import FinalRecordAdmin

from .models import Attendee


@admin.register(Attendee)
class AttendeeAdmin(FinalRecordAdmin):
    list_display = ["name", "position", "meeting", "agency", "institution_name", "method"]
    list_filter = ["method"]
    search_fields = ["name", "position", "institution_name", "agency__name", "meeting__title"]
    autocomplete_fields = ["meeting", "participation", "agency"]
    list_select_related = ["meeting", "agency"]
    exclude = ["signature"]
