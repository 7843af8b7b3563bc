import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency

from .forms import DateInput
from .models import Election, Meeting


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
    status = django_filters.ChoiceFilter(choices=Meeting.Status.choices, label=_("Status"))
    organizer = django_filters.ModelChoiceFilter(
        # EXISTS, not DISTINCT over a join (which sorted every meeting's row on disk).
        queryset=Agency.objects.filter(
            Exists(Meeting.objects.filter(organizer=OuterRef("pk")))
        ).order_by("name"),
        label=_("Organizer"),
    )
    election = django_filters.ModelChoiceFilter(
        queryset=Election.objects.select_related("region"), label=_("Election")
    )

    class Meta:
        model = Meeting
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css

    def filter_text(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(venue__icontains=word)
                | Q(reference_number__icontains=word)
                | Q(organizer__name__icontains=word)
                | Q(organizer__short_name__icontains=word)
            )
        return queryset

    def is_valid(self):
        valid = super().is_valid()
        data = self.form.cleaned_data if valid else {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.form.add_error("date_to", _("The end of the range is before its start."))
            return False
        return valid
