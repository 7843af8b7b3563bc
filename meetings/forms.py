from django import forms
from django.utils.translation import gettext_lazy as _


class MeetingSearchForm(forms.Form):
    """The search box above the meeting list."""

    q = forms.CharField(
        label=_("Search meetings"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Title, venue, letter number or organizer")}
        ),
    )
