from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, Official, Region


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "code", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


class OfficialInline(admin.TabularInline):
    model = Official
    extra = 0
    fields = ["title_prefix", "name", "title_suffix", "position", "rank", "nip"]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "head_title", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name", "head_title"]
    autocomplete_fields = ["parent", "region"]
    list_select_related = ["region"]
    inlines = [OfficialInline]
    # A website typed without a scheme is taken as https://, as in the portal's own form
    # (and Django 6's default; without it Django 5.2 warns on every change page).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Official)
class OfficialAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title_prefix", "title_suffix", "position", "agency", "nip"]
    list_filter = ["agency__kind", "agency"]
    search_fields = ["name", "position", "nip", "agency__name", "agency__short_name"]
    autocomplete_fields = ["agency"]
    list_select_related = ["agency"]
