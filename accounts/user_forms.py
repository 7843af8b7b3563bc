from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from agencies.pickers import PickerField

from .roles import Role


class UserForm(forms.Form):
    """An account as the administrator manages it: identity, one role, its institution."""

    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    agency = PickerField(
        kind="agency",
        label=_("Institution"),
        required=False,
        help_text=_(
            "The institution the account acts for: staff work on the meetings it organizes, a "
            "supervisor reads those of the organizers in its region, liaisons and attendees "
            "see the meetings it is invited to."
        ),
    )
    official = PickerField(
        kind="official",
        label=_("Official in the registry"),
        required=False,
        help_text=_(
            "Who this person is among the institutions' officials: a minute taker who "
            "submits the minutes is named on the Notula."
        ),
    )
    approves_minutes = forms.BooleanField(
        label=_("Approves the minutes of every meeting of the institution"),
        required=False,
        help_text=_(
            "For a chair (pimpinan) only. Without it, a chair approves the minutes of the "
            "meetings they chair (the official above)."
        ),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    password = forms.CharField(
        label=_("New password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to keep the current password."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is None:
            self.fields["password"].required = True
            self.fields["password"].help_text = ""
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "username",
            Row(Column("first_name"), Column("last_name")),
            "email",
            Row(Column("role"), Column("agency")),
            "official",
            "approves_minutes",
            "is_active",
            "password",
            Submit("save", _("Save")),
        )

    def clean_username(self):
        username = self.cleaned_data["username"]
        others = get_user_model().objects.filter(username__iexact=username)
        if self.user is not None:
            others = others.exclude(pk=self.user.pk)
        if others.exists():
            raise forms.ValidationError(_("Another account has this username."))
        return username

    def clean_password(self):
        password = self.cleaned_data["password"]
        if password:
            validate_password(password, self.user)
        return password
