"""A region typed as its Kemendagri code or its name, with suggestions as the user types.

A national deployment has 552 provinces and kabupaten/kota (and thousands of kecamatan): a
<select> of all of them is neither usable on a phone nor light. The field shows a text box
whose <datalist> htmx fills from agencies:region_options; what was typed is resolved to one
region, or refused next to the field with what to type instead.
"""

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import REGION_SEPARATOR, Region, typed_region_name
from .selectors import regions_named


def region_label(region: Region) -> str:
    """What the field shows for a region and what a suggestion fills in: its code and name,
    or for a region typed by hand without a code, its name and the region it is part of."""
    if region.code:
        return f"{region.code}{REGION_SEPARATOR}{region}"
    if region.parent_id is not None:
        return f"{region.name}{REGION_SEPARATOR}{region.parent.name}"
    return region.name


class RegionInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__(
            {
                "list": "region-options",
                "autocomplete": "off",
                "hx-get": reverse_lazy("agencies:region_options"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#region-options",
                "hx-swap": "outerHTML",
                "placeholder": _("Code or name, e.g. 74.09"),
                **(attrs or {}),
            }
        )


class RegionField(forms.Field):
    """A Region chosen by its Kemendagri code (74.09) or by words of its name (konawe utara).
    `queryset` limits the regions it accepts (for example a parent's possible kinds)."""

    widget = RegionInput
    default_error_messages = {
        "none": _(
            "No region has this code or name. Type a code such as 74.09 or words of its name."
        ),
        "several": _(
            "Several regions match “%(value)s” (for example %(examples)s): type the code, or "
            "choose one of the suggestions."
        ),
    }

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset if queryset is not None else Region.objects.all()
        super().__init__(**kwargs)

    def prepare_value(self, value):
        # A form's initial value is the region or its id; what the user typed stays as typed.
        if isinstance(value, int):
            value = Region.objects.select_related("parent").filter(pk=value).first()
        if isinstance(value, Region):
            return region_label(value)
        return value

    def to_python(self, value):
        if isinstance(value, Region):
            return value
        value = " ".join(str(value or "").replace("\x00", "").split())[:200]
        if not value:
            return None
        regions = self.queryset.select_related("parent")
        if value[:1].isascii() and value[:1].isdigit():
            value = value.split(REGION_SEPARATOR)[0].strip()  # a suggestion: code, dash, name
        exact = regions.filter(code=value).first()
        if exact is not None:
            return exact
        if value[:1].isascii() and value[:1].isdigit():
            raise forms.ValidationError(self.error_messages["none"], code="none")
        name, _sep, parent = value.partition(REGION_SEPARATOR)
        kind, words = typed_region_name(name)
        exact = Q(name__iexact=name)
        if kind is not None:  # "Kabupaten Konawe Utara", as the portal shows it
            exact |= Q(kind=kind, name__iexact=" ".join(words))
        matches = regions.filter(exact)
        if parent:
            matches = matches.filter(parent__name__iexact=parent)
        if not matches.exists():
            matches = regions_named(regions, name)
        found = list(matches.order_by("code", "name")[:4])
        if len(found) == 1:
            return found[0]
        if not found:
            raise forms.ValidationError(self.error_messages["none"], code="none")
        raise forms.ValidationError(
            self.error_messages["several"],
            code="several",
            params={"value": value, "examples": ", ".join(str(r) for r in found[:3])},
        )
