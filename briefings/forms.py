from collections.abc import Iterable
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from meetings.forms import OfficialChoiceField
from meetings.models import Meeting
from pilkada_portal.forms import OnceFormMixin, VersionFieldMixin

from . import selectors
from .models import Briefing, BriefingTemplate, BriefingTemplateItem, ReadinessIndicator, Risk
from .services import BRIEFING_FIELDS, INDICATOR_FIELDS, RISK_FIELDS

# More rows than any briefing needs, few enough that a forged TOTAL_FORMS stays cheap.
MAX_ROWS = 100


class BriefingCreateForm(OnceFormMixin, forms.ModelForm):
    """A new briefing: an invited institution without a briefing, and an optional template."""

    template = forms.ModelChoiceField(
        label=_("Template"),
        queryset=BriefingTemplate.objects.none(),
        required=False,
        help_text=_("Proposes the usual indicator rows of the institution on the next screen."),
    )

    class Meta:
        model = Briefing
        fields = ["agency", *(f for f in BRIEFING_FIELDS if f != "status")]
        field_classes = {"presenter": OfficialChoiceField}
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"topic": _("Empty: the template's suggested topic is used.")}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        kwargs.setdefault("instance", Briefing(meeting=meeting))
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = selectors.briefing_agency_choices(meeting=meeting)
        self.fields["agency"].help_text = _(
            "Institutions invited to the meeting that have no briefing yet."
        )
        self.fields["agenda_item"].queryset = selectors.briefing_agenda_item_choices(
            meeting=meeting
        )
        self.fields["presenter"].queryset = selectors.briefing_presenter_choices(meeting=meeting)
        self.fields["template"].queryset = selectors.briefing_template_list()
        self.fields["topic"].required = False
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("agency"), Column("template")),
            Row(Column("agenda_item"), Column("presenter")),
            "topic",
            "summary",
            "readiness",
            Submit("save", _("Create the briefing")),
        )

    def clean(self):
        cleaned = super().clean()
        template = cleaned.get("template")
        if not cleaned.get("topic") and "topic" not in self.errors:
            if template is not None and template.topic:
                cleaned["topic"] = template.topic
            else:
                self.add_error(
                    "topic",
                    ValidationError(self.fields["topic"].error_messages["required"], "required"),
                )
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned fields as briefing_create() takes them."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class BriefingForm(VersionFieldMixin, forms.ModelForm):
    """The briefing's own fields on the edit screen (the institution stays as created)."""

    class Meta:
        model = Briefing
        fields = list(BRIEFING_FIELDS)
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        briefing = self.instance
        self.fields["agenda_item"].queryset = selectors.briefing_agenda_item_choices(
            meeting=briefing.meeting
        )
        self.fields["presenter"].queryset = briefing.agency.officials.order_by("name")
        self.fields["presenter"].label_from_instance = lambda o: f"{o.full_name} – {o.position}"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's <form> has the token
        self.helper.layout = Layout(
            "version",
            "topic",
            Row(Column("agenda_item"), Column("presenter")),
            "summary",
            Row(Column("readiness"), Column("status")),
        )


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = ReadinessIndicator
        fields = list(INDICATOR_FIELDS)
        widgets = {
            "value": forms.NumberInput(attrs={"min": 0}),
            "target": forms.NumberInput(attrs={"min": 0}),
            "note": forms.Textarea(attrs={"rows": 1}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A status left open is "Belum dinilai" (not assessed): no status has to be invented
        # for a figure, and an empty added row stays empty (and is ignored).
        status = self.fields["status"]
        status.required = False
        status.initial = None
        status.choices = [("", _("Not assessed")), *ReadinessIndicator.Status.choices[:-1]]
        if self.instance.pk is None:
            self.initial.pop("status", None)
        elif self.instance.status == ReadinessIndicator.Status.UNASSESSED:
            self.initial["status"] = ""

    def clean_status(self):
        return self.cleaned_data.get("status") or ReadinessIndicator.Status.UNASSESSED


class RiskForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = list(RISK_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "mitigation": forms.Textarea(attrs={"rows": 2}),
        }


class RowFormSet(forms.BaseInlineFormSet):
    """Rows of a briefing; `prefill` adds unsaved rows filled in from a template."""

    def __init__(self, *args, prefill: Iterable[dict] = (), **kwargs):
        prefill = list(prefill)
        super().__init__(*args, initial=prefill or None, **kwargs)
        self.extra = len(prefill)
        # Errors of a rejected submission whose rows could not be read (see BriefingEditForms).
        self.rejected_errors = self.error_class(error_class="nonform")

    @property
    def management_form_broken(self) -> bool:
        """Whether the submitted row counts were missing, not numbers, or beyond any limit."""
        if not self.is_bound:
            return False
        management = self.management_form
        return (
            not management.is_valid()
            or management.cleaned_data["TOTAL_FORMS"] > self.absolute_max
            or management.cleaned_data["INITIAL_FORMS"] > self.absolute_max
        )

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The id must name one of this briefing's rows, not any row in the table.
        form.fields["id"].queryset = self.get_queryset()
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")
            form.fields["DELETE"].widget.attrs["data-formset-delete"] = ""

    def rows(self, fields: frozenset[str]) -> tuple[list[dict[str, Any]], list[forms.Form]]:
        """The changed rows as plain data for the service, and the form of each row."""
        rows, row_forms = [], []
        for form in self.forms:
            if not form.has_changed():
                continue
            existing = form.cleaned_data.get("id")
            if form.cleaned_data.get("DELETE"):
                if existing is not None:
                    rows.append({"id": existing.pk, "delete": True})
                    row_forms.append(form)
                continue
            row = {name: form.cleaned_data[name] for name in fields}
            rows.append({"id": existing.pk if existing else None, "delete": False, **row})
            row_forms.append(form)
        return rows, row_forms


IndicatorFormSet = forms.inlineformset_factory(
    Briefing,
    ReadinessIndicator,
    form=IndicatorForm,
    formset=RowFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)
RiskFormSet = forms.inlineformset_factory(
    Briefing,
    Risk,
    form=RiskForm,
    formset=RowFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)


def template_prefill(items: Iterable[BriefingTemplateItem]) -> list[dict[str, Any]]:
    """Initial indicator rows from a template's items: only what the template states."""
    return [
        {"aspect": item.aspect, "label": item.label, "unit": item.unit, "target": item.target}
        for item in items
    ]


class BriefingTemplateQueryForm(forms.Form):
    """The ?template= of the edit screen; an unknown template simply pre-fills nothing."""

    template = forms.ModelChoiceField(queryset=BriefingTemplate.objects.all(), required=False)


class BriefingEditForms:
    """The edit screen: the briefing's fields and its indicator and risk rows, checked together.

    The service receives plain data from `service_arguments()`; its errors come back through
    `add_service_errors()`, which puts each next to the field of the row that caused it.
    """

    def __init__(self, *, briefing: Briefing, data=None, prefill: Iterable[dict] = ()):
        self.briefing = briefing
        self.form = BriefingForm(data, instance=briefing)
        self.indicators = IndicatorFormSet(
            data, instance=briefing, prefix="indicators", prefill=prefill
        )
        self.risks = RiskFormSet(data, instance=briefing, prefix="risks")
        self._row_forms: dict[str, list[forms.Form]] = {}

    def is_valid(self) -> bool:
        # Every part is validated, so that all errors show at once.
        results = [self.form.is_valid(), self.indicators.is_valid(), self.risks.is_valid()]
        broken = self.indicators.management_form_broken or self.risks.management_form_broken
        self.indicators = self._recover(self.indicators)
        self.risks = self._recover(self.risks)
        return all(results) and not broken

    def _recover(self, formset: RowFormSet) -> RowFormSet:
        # With forged row counts Django reads no rows (or a hundred empty ones), and the page
        # would show the briefing's rows as gone; show the saved rows again with the error.
        if not formset.management_form_broken:
            return formset
        fresh = type(formset)(instance=self.briefing, prefix=formset.prefix)
        fresh.rejected_errors.extend(
            formset.non_form_errors() or [_("The rows could not be read; nothing was saved.")]
        )
        return fresh

    @property
    def has_errors(self) -> bool:
        return any(
            [
                self.form.errors,
                *(
                    formset.total_error_count() if formset.is_bound else formset.rejected_errors
                    for formset in (self.indicators, self.risks)
                ),
            ]
        )

    def service_arguments(self) -> dict[str, Any]:
        """briefing_update()'s arguments: the briefing's fields and the changed rows."""
        indicators, self._row_forms["indicators"] = self.indicators.rows(INDICATOR_FIELDS)
        risks, self._row_forms["risks"] = self.risks.rows(RISK_FIELDS)
        fields = {name: self.form.cleaned_data[name] for name in BRIEFING_FIELDS}
        return {
            **fields,
            "indicators": indicators,
            "risks": risks,
            "expected_version": self.form.expected_version,
        }

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's errors: "indicators.2.status" goes to that row's status field."""
        for key, messages in error.update_error_dict({}).items():
            form, field = self.form, key
            rows_key, _dot, rest = key.partition(".")
            if rest and rows_key in self._row_forms:
                index, _dot, field = rest.partition(".")
                form = self._row_forms[rows_key][int(index)]
            if field == NON_FIELD_ERRORS or field not in form.fields:
                field = None
            form.add_error(field, messages)
