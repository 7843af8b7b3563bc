from django import forms
from django.utils.translation import gettext_lazy as _


class AgencySearchForm(forms.Form):
    """The search box above the institution list."""

    q = forms.CharField(
        label=_("Search institutions"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or short name")}),
    )
