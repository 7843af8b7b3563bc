from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    autocomplete_fields = ["agency", "official"]
    can_delete = False


admin.site.site_header = _("Rakor Portal administration")
admin.site.site_title = _("Rakor Portal administration")
admin.site.index_title = _("Administration")

admin.site.unregister(User)


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    """Django's account admin with the recorded history of each account."""

    inlines = [ProfileInline]


@admin.register(Profile)
class ProfileAdmin(SimpleHistoryAdmin):
    list_display = ["user", "agency", "official"]
    search_fields = ["user__username", "agency__name", "official__name"]
    autocomplete_fields = ["user", "agency", "official"]
    list_select_related = ["user", "agency", "official"]
