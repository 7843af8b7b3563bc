from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import FollowUp

STATUS_FILTER = [
    ("", _("All")),
    ("open", _("Not finished (open or in progress)")),
    *FollowUp.Status.choices,
]


class RegisterFilterForm(forms.Form):
    """The register's filters, from the query string."""

    election = forms.ModelChoiceField(
        label=_("Election"), queryset=None, required=False, empty_label=_("All elections")
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTER, required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, elections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["election"].queryset = elections


class ProgressForm(forms.Form):
    """A step of a follow-up: its status now and what was done."""

    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)
    note = forms.CharField(
        label=_("What was done"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example what was delivered, where, and what is still missing."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
