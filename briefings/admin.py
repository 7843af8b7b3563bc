from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings.admin import FinalRecordAdmin, FinalRecordInline, RecordRowForm

from .models import Briefing, BriefingTemplate, BriefingTemplateItem, ReadinessIndicator, Risk


class _BriefingInline(FinalRecordInline):
    def _final(self, obj) -> bool:
        return super()._final(obj.meeting if obj is not None else None)


class BriefingRowForm(RecordRowForm):
    def record_meeting(self, cleaned):
        briefing = cleaned.get("briefing") or getattr(self.instance, "briefing", None)
        return briefing.meeting if briefing is not None else None


class BriefingRowAdmin(FinalRecordAdmin):
    """Indicators and risks: part of the record of their briefing's meeting."""

    form = BriefingRowForm

    def record_meeting(self, obj):
        return obj.briefing.meeting


class ReadinessIndicatorInline(_BriefingInline):
    model = ReadinessIndicator
    extra = 0
    fields = ["aspect", "label", "status", "value", "target", "unit", "note"]


class RiskInline(_BriefingInline):
    model = Risk
    extra = 0
    fields = ["location", "category", "level", "description", "mitigation"]


@admin.register(Briefing)
class BriefingAdmin(FinalRecordAdmin):
    list_display = ["agency", "topic", "meeting", "readiness", "status"]
    list_filter = ["readiness", "status", "agency__kind", "meeting"]
    search_fields = ["topic", "summary", "agency__name", "agency__short_name", "meeting__title"]
    autocomplete_fields = ["meeting", "agency", "agenda_item", "presenter"]
    list_select_related = ["agency", "meeting"]
    inlines = [ReadinessIndicatorInline, RiskInline]


@admin.register(ReadinessIndicator)
class ReadinessIndicatorAdmin(BriefingRowAdmin):
    list_display = ["label", "aspect", "status", "value", "target", "unit", "briefing"]
    list_filter = ["aspect", "status"]
    search_fields = ["label", "note", "briefing__topic", "briefing__agency__name"]
    autocomplete_fields = ["briefing"]
    list_select_related = ["briefing__agency"]


@admin.register(Risk)
class RiskAdmin(BriefingRowAdmin):
    list_display = ["category", "location", "level", "briefing"]
    list_filter = ["category", "level"]
    search_fields = ["location", "description", "mitigation", "briefing__agency__name"]
    autocomplete_fields = ["briefing"]
    list_select_related = ["briefing__agency"]


class BriefingTemplateItemInline(admin.TabularInline):
    model = BriefingTemplateItem
    extra = 0
    fields = ["position", "aspect", "label", "unit", "target"]


@admin.register(BriefingTemplate)
class BriefingTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "topic", "position"]
    list_editable = ["position"]
    search_fields = ["name", "topic", "description"]
    inlines = [BriefingTemplateItemInline]


@admin.register(BriefingTemplateItem)
class BriefingTemplateItemAdmin(SimpleHistoryAdmin):
    list_display = ["label", "template", "position", "aspect", "unit", "target"]
    list_filter = ["template", "aspect"]
    search_fields = ["label", "template__name"]
    autocomplete_fields = ["template"]
    list_select_related = ["template"]
