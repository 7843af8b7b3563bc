"""Pickers for institutions and officials: typed, with suggestions as the user types.

A national deployment has tens of thousands of institutions and officials: a <select> of all
of them is neither usable on a phone nor light. A picker is a text box whose <datalist> htmx
fills from agencies:pick (suggestions of the rows the field accepts); what was typed (a
suggestion, a name, words of it, or an id) is resolved to one row or refused next to the
field with what to type instead.
"""

import re

from django import forms
from django.db.models import Case, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Agency, Official

SUGGESTIONS = 15
LIST_ID = re.compile(r"^[a-z0-9_-]{1,60}$")
WORD_SEPARATORS = re.compile(r"[\s,()–]+")
UNTIL_SUFFIX = re.compile(r" – \S+ \d{2}-\d{2}-\d{4}$")


def agency_label(agency: Agency) -> str:
    return agency.name


def official_label(official: Official) -> str:
    label = f"{official.full_name} – {official.position} ({official.agency.display_name})"
    if not official.is_current:
        label += " – " + str(
            _("until %(date)s") % {"date": official.in_office_until.strftime("%d-%m-%Y")}
        )
    return label


def agency_search(agencies: QuerySet[Agency], text: str) -> QuerySet[Agency]:
    for word in text.split():
        agencies = agencies.filter(Q(name__icontains=word) | Q(short_name__icontains=word))
    return agencies.order_by("name")


def official_search(officials: QuerySet[Official], text: str) -> QuerySet[Official]:
    # What a suggestion fills in is "name, dash, position (institution)": its words match too
    # (the commas between a name and its titles, the dash and the brackets are no words).
    for word in WORD_SEPARATORS.split(text):
        if not word:
            continue
        officials = officials.filter(
            Q(name__icontains=word)
            | Q(title_prefix__icontains=word)
            | Q(title_suffix__icontains=word)
            | Q(position__icontains=word)
            | Q(agency__name__icontains=word)
            | Q(agency__short_name__icontains=word)
        )
    past = Q(in_office_until__lt=timezone.localdate())
    return (
        officials.select_related("agency")
        .annotate(past=Case(When(past, then=Value(1)), default=Value(0)))
        .order_by("past", "agency__name", "name")
    )


KINDS = {
    "agency": (Agency.objects.all, agency_label, agency_search),
    "official": (
        lambda: Official.objects.select_related("agency"),
        official_label,
        official_search,
    ),
}


def suggestions(kind: str, text: str) -> list[str]:
    """At most SUGGESTIONS labels of rows matching every word of `text`."""
    queryset, label, search = KINDS[kind]
    text = text.replace("\x00", "").strip()[:200]
    if not text:
        return []
    return [label(row) for row in search(queryset(), text)[:SUGGESTIONS]]


class PickerInput(forms.TextInput):
    template_name = "agencies/widgets/picker.html"

    def __init__(self, kind: str, attrs=None):
        self.kind = kind
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        list_id = f"{widget_attrs.get('id', name)}-options"
        widget_attrs.update(
            {
                "list": list_id,
                "autocomplete": "off",
                "hx-get": reverse("agencies:pick", args=[self.kind]) + f"?list={list_id}",
                "hx-trigger": "input changed delay:300ms",
                "hx-target": f"#{list_id}",
                "hx-swap": "outerHTML",
            }
        )
        return context


class PickerField(forms.Field):
    """An institution or official typed as its suggestion, its name (or words of it), or its
    id; `queryset` limits the rows it accepts."""

    default_error_messages = {
        "none": _("Nothing matches what was typed. Type more of the name and pick a suggestion."),
        "several": _(
            "Several match “%(value)s” (for example %(examples)s): type more of the name, or "
            "pick one of the suggestions."
        ),
    }

    def __init__(self, *, kind: str, queryset: QuerySet | None = None, **kwargs):
        self.kind = kind
        default, self.label_of, self.search = KINDS[kind]
        self.queryset = queryset if queryset is not None else default()
        kwargs.setdefault("widget", PickerInput(kind))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("placeholder", _("Type a name…"))

    def prepare_value(self, value):
        # A form's initial value is the row or its id; what the user typed stays as typed.
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63:
            value = self.queryset.filter(pk=value).first() or value
        if isinstance(value, self.queryset.model):
            return self.label_of(value)
        return value

    def to_python(self, value):
        if isinstance(value, self.queryset.model):
            return value
        value = " ".join(str(value or "").replace("\x00", "").split())[:300]
        if not value:
            return None
        if value.isascii() and value.isdigit() and len(value) < 19:
            found = self.queryset.filter(pk=int(value)).first()
            if found is not None:
                return found
            raise forms.ValidationError(self.error_messages["none"], code="none")
        # A past holder's suggestion ends with "until dd-mm-yyyy": no words of the record.
        candidates = list(self.search(self.queryset, UNTIL_SUFFIX.sub("", value))[:50])
        exact = [row for row in candidates if self.label_of(row).casefold() == value.casefold()]
        if self.kind == "agency":
            exact = exact or [
                row for row in candidates if (row.short_name or "").casefold() == value.casefold()
            ]
        if len(exact) == 1:
            return exact[0]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise forms.ValidationError(self.error_messages["none"], code="none")
        raise forms.ValidationError(
            self.error_messages["several"],
            code="several",
            params={
                "value": value,
                "examples": "; ".join(self.label_of(row) for row in candidates[:3]),
            },
        )
