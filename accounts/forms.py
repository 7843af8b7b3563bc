from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """The sign-in form, laid out with crispy-forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> carries the token
        self.helper.add_input(Submit("submit", _("Sign in"), css_class="w-100"))
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        # AuthenticationForm sets max_length but no validator: an overlong name would reach
        # authenticate() and django-axes' 255-character column.
        self.fields["username"].validators.append(
            MaxLengthValidator(self.fields["username"].max_length or 150)
        )
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class PortalPasswordChangeForm(PasswordChangeForm):
    """A user changes their own password (old one first), in the portal's layout."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Change the password")))


class PortalSetPasswordForm(SetPasswordForm):
    """A new password from a reset link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Set the password")))
