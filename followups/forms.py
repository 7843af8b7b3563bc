from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import Election, FollowUp

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
    election_name = forms.CharField(
        label=_("Election"),
        required=False,
        max_length=100,
        help_text=_("Words of the election's name."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTER, required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, elections, **kwargs):
        super().__init__(*args, **kwargs)
        if elections is None:
            # Too many to choose from: typed instead.
            del self.fields["election"]
        else:
            del self.fields["election_name"]
            self.fields["election"].queryset = Election.objects.filter(
                pk__in=[e.pk for e in elections]
            ).select_related("region")
            self.fields["election"].choices = [("", _("All elections"))] + [
                (e.pk, str(e)) for e in elections
            ]


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
