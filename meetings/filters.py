import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency

from .forms import DateInput
from .models import Election, Meeting

# Text filters with suggestions: field name -> what the suggestions are drawn from.
SUGGESTED = ("organizer", "election")
SUGGESTIONS = 15


def _agencies_named(word: str):
    """Institutions whose name or short name contains word."""
    return Agency.objects.filter(Q(name__icontains=word) | Q(short_name__icontains=word))


def filter_suggestions(field: str, typed: str, *, meetings) -> list[str]:
    """At most SUGGESTIONS names of the organizers or elections of these meetings (those the
    user may see) matching every typed word."""
    if field == "organizer":
        names = Agency.objects.filter(pk__in=meetings.order_by().values("organizer_id"))
        for word in typed.split():
            names = names.filter(pk__in=_agencies_named(word).values("pk"))
    else:
        names = Election.objects.filter(pk__in=meetings.order_by().values("election_id"))
        for word in typed.split():
            names = names.filter(name__icontains=word)
    return list(names.order_by("name").values_list("name", flat=True)[:SUGGESTIONS])


class MeetingFilter(django_filters.FilterSet):
    """Search and filters of the meeting list."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Title, venue, letter number or organizer")}
        ),
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label=_("From"), widget=DateInput()
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("Until"), widget=DateInput()
    )
    status = django_filters.ChoiceFilter(
        choices=Meeting.Status.choices, label=_("Status"), empty_label=_("All statuses")
    )
    # A national deployment has hundreds of organizers and elections: each is a text field
    # whose suggestions (a <datalist>) come from meetings:filter_options as the user types,
    # not a <select> of 545 options on every list page. Like the suggestions, the filter
    # matches every typed word in the name ("Kodim 1430", "Pilkada 2024"), never an id.
    organizer = django_filters.CharFilter(
        label=_("Organizer"), method="filter_organizer", max_length=200
    )
    election = django_filters.CharFilter(
        label=_("Election"), method="filter_election", max_length=200
    )

    class Meta:
        model = Meeting
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css
        for name in SUGGESTED:
            self.form.fields[name].widget.attrs.update(
                {
                    "list": f"{name}-options",
                    "autocomplete": "off",
                    "hx-get": reverse("meetings:filter_options", args=[name]),
                    "hx-trigger": "input changed delay:300ms",
                    "hx-target": f"#{name}-options",
                    "hx-swap": "outerHTML",
                    "placeholder": _("Type to search"),
                }
            )

    def filter_organizer(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(organizer_id__in=_agencies_named(word).values("pk"))
        return queryset

    def filter_election(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(election__name__icontains=word)
        return queryset

    def filter_text(self, queryset, name, value):
        for word in value.split():
            # The organizers as a subquery, not a join: the list can then still be read in
            # the order of its index and stop after one page.
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(venue__icontains=word)
                | Q(reference_number__icontains=word)
                | Q(organizer_id__in=_agencies_named(word).values("pk"))
            )
        return queryset

    def is_valid(self):
        valid = super().is_valid()
        data = self.form.cleaned_data if valid else {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.form.add_error("date_to", _("The end of the range is before its start."))
            return False
        return valid
