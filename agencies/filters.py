"""The filters above the institution list (django-filter)."""

import django_filters
from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Agency


class AgencyFilterForm(forms.Form):
    """Laid out in one row; the template writes the <form> tag (method GET, role search)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Row(
                Column("q", css_class="col-md-5"),
                Column("kind", css_class="col-md-3"),
                Column("region", css_class="col-md-4"),
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
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=lambda request: selectors.region_choices(),
        empty_label=_("All regions"),
    )

    class Meta:
        model = Agency
        fields = ["q", "kind", "region"]
        form = AgencyFilterForm

    def search(self, queryset, name, value):
        return selectors.agency_search(queryset, query=value)
