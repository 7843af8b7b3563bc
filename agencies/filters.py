"""The filters above the institution list (django-filter)."""

import re

import django_filters
from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Layout, Row
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import REGION_SEPARATOR, Agency, Region

# The start of a Kemendagri code: 74, 74., 74.09, 74.09.01, 74.09.01.2001.
CODE_PREFIX_RE = re.compile(r"^\d{2}(\.(\d{1,2}(\.(\d{1,2}(\.\d{0,4})?)?)?)?)?$", re.ASCII)
REGION_DATALIST = '<datalist id="region-options"></datalist>'
REGION_SUGGESTIONS = 15


def _starts_like_a_code(value: str) -> bool:
    """Whether the typed region starts with an (ASCII) digit: a code, not words of a name."""
    return value[:1].isascii() and value[:1].isdigit()


def region_suggestions(typed: str) -> list:
    """At most REGION_SUGGESTIONS regions whose code starts with, or whose name contains
    every word of, what was typed (a national deployment has 545 regions and more)."""
    typed = typed.replace("\x00", "").strip()
    if not typed:
        return []
    regions = Region.objects.select_related("parent")
    if _starts_like_a_code(typed):
        regions = regions.filter(code__startswith=typed)
    else:
        regions = selectors.regions_named(regions, typed)
    return list(regions.order_by("code", "name")[:REGION_SUGGESTIONS])


class AgencyFilterForm(forms.Form):
    """Laid out in one row; the template writes the <form> tag (method GET, role search)."""

    def clean_region(self):
        value = (self.cleaned_data.get("region") or "").strip()
        if _starts_like_a_code(value):
            value = value.split(REGION_SEPARATOR)[0].strip()  # a suggestion: code, dash, name
        if _starts_like_a_code(value) and not CODE_PREFIX_RE.match(value):
            raise forms.ValidationError(
                _("Type a Kemendagri code such as 74 or 74.09, or words of the region's name."),
                code="region_code",
            )
        return value

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Row(
                Column("q", css_class="col-md-5"),
                Column("kind", css_class="col-md-3"),
                Column("region", HTML(REGION_DATALIST), css_class="col-md-4"),
            ),
            # A <button> without a name, so that it adds nothing to the query string.
            StrictButton(_("Filter"), type="submit", css_class="btn-primary"),
        )


class AgencyFilter(django_filters.FilterSet):
    """Free text, kind and region; a value that does not validate is shown next to its field."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, short name or head's position")}
        ),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Agency.Kind.choices, empty_label=_("All kinds")
    )
    # A Kemendagri code (with the regions under it) or words of a region's name, suggested as
    # the user types (agencies:region_options).
    region = django_filters.CharFilter(
        label=_("Region"),
        method="filter_region",
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "list": "region-options",
                "autocomplete": "off",
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#region-options",
                "hx-swap": "outerHTML",
                "placeholder": _("Code or name, e.g. 74.09"),
            }
        ),
    )

    class Meta:
        model = Agency
        fields = ["q", "kind", "region"]
        form = AgencyFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["region"].widget.attrs["hx-get"] = reverse("agencies:region_options")

    def filter_region(self, queryset, name, value):
        value = value.strip()
        if _starts_like_a_code(value):
            value = value.split(REGION_SEPARATOR)[0].strip()  # a suggestion: code, dash, name
        if _starts_like_a_code(value):
            return queryset.filter(region__code__startswith=value)
        return selectors.regions_named(queryset, value, through="region__")

    def search(self, queryset, name, value):
        return selectors.agency_search(queryset, query=value)
