"""Helpers shared by the apps' forms."""

import uuid

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to its field where the form has it.

    Services validate with full_clean(), so their errors name model fields; a field that the
    form does not show (or a constraint over several fields) becomes a form-wide error.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields else None
        if field == NON_FIELD_ERRORS:
            target = None
        form.add_error(target, errors)


class OnceFormMixin(forms.Form):
    """A hidden one-time token: the same create form sent twice creates one row."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_token"].initial = uuid.uuid4
        helper = getattr(self, "helper", None)
        if helper is not None:
            helper.render_hidden_fields = True  # crispy layouts name their visible fields

    def clean(self):
        cleaned = super().clean()
        self.submission_token = cleaned.pop("submission_token", None)
        return cleaned


class VersionFieldMixin(forms.Form):
    """A hidden `version`: the record's version when the form was opened (no lost update)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            self.fields["version"].initial = instance.version

    expected_version: int | None = None

    def clean(self):
        # The version goes to the service as expected_version, not as a field to save.
        cleaned = super().clean()
        self.expected_version = cleaned.pop("version", None)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None and self.expected_version is None:
            # Without the version a save could overwrite someone's newer one unseen.
            raise ValidationError(
                _("This form was sent without its version; reload the page and save again."),
                code="version_missing",
            )
        return cleaned

    def show_stale(self, error) -> list[tuple[str, str, str]]:
        """Note a StaleVersionError on the form and list (field, theirs, yours) that differ.

        The hidden version moves on to the current one, so saving again replaces theirs
        knowingly; everything typed stays in the form.
        """
        current = error.current
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = current.version
        self.add_error(None, error)
        differences = []
        for name, field in self.fields.items():
            if name == "version" or not hasattr(current, name):
                continue
            theirs = _display_value(current, name)
            yours = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
            yours = _display_plain(field, yours)
            if theirs != yours:
                differences.append((str(field.label), theirs, yours))
        return differences


def _display_value(instance, name: str) -> str:
    display = getattr(instance, f"get_{name}_display", None)
    value = display() if display else getattr(instance, name)
    return "" if value is None else str(value)


def _display_plain(field: forms.Field, value) -> str:
    if value is None:
        return ""
    choices = dict(getattr(field, "choices", []) or [])
    return str(choices.get(value, value)) if choices and not hasattr(value, "pk") else str(value)
