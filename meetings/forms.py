from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from accounts.rules import organizer_ids, user_agency
from agencies.fields import RegionField
from agencies.filters import REGION_DATALIST
from agencies.models import Agency, Official
from agencies.pickers import PickerField, official_label
from pilkada_portal.forms import OnceFormMixin, VersionFieldMixin

from .models import AgendaItem, Election, FollowUp, Meeting
from .services import (
    AGENDA_FIELDS,
    FOLLOW_UP_FIELDS,
    FOLLOW_UP_PROGRESS_FIELDS,
    MEETING_FIELDS,
    REPORT_FIELDS,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class OfficialChoiceField(forms.ModelChoiceField):
    """Officials labelled with their institution, since names alone can repeat; a past holder
    of a position says until when."""

    def label_from_instance(self, obj: Official) -> str:
        return official_label(obj)


class MeetingForm(VersionFieldMixin, forms.ModelForm):
    """Schedule, venue and people of a meeting."""

    class Meta:
        model = Meeting
        fields = list(MEETING_FIELDS)
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "venue_address": forms.Textarea(attrs={"rows": 2}),
            "letter_date": DateInput(),
            "copies_to": forms.Textarea(attrs={"rows": 3}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("chair", "minute_taker", "letter_signer"):
            model_field = Meeting._meta.get_field(name)
            self.fields[name] = PickerField(
                kind="official",
                label=model_field.verbose_name.capitalize(),
                required=False,
                help_text=model_field.help_text or _("Type the name, position or institution."),
            )
        self.fields["letter_classification"] = PickerField(
            kind="classification",
            label=_("Classification code"),
            required=False,
            help_text=_(
                "The archive code of the invitation (Permendagri 83/2022): type the code or a "
                "word of its title, for example 000.1.5 or rapat."
            ),
        )
        if self.instance.reference_number:
            # Parts of the number given: shown, not changed (meetings.services.meeting_update).
            for name in ("letter_classification", "letter_date"):
                self.fields[name].disabled = True
                # Help texts are rendered as HTML: the number is escaped.
                self.fields[name].help_text = _(
                    "Part of the letter number %(number)s, which never changes."
                ) % {"number": escape(self.instance.reference_number)}
        # Staff organize meetings for their own institution (or one under it): accounts.rules.
        organizers = Agency.objects.order_by("name")
        if user is not None and not user.is_superuser:
            ids = organizer_ids(user)
            organizers = organizers.filter(pk__in=ids)
            own = user_agency(user)
            if own is not None and own.pk in ids and not self.initial.get("organizer"):
                self.initial["organizer"] = own.pk
        self.fields["organizer"].queryset = organizers
        self.fields["title"].widget.attrs["autofocus"] = True
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "version",
            "title",
            Row(Column("kind"), Column("status")),
            Row(Column("organizer"), Column("election")),
            Row(Column("date"), Column("start_time"), Column("end_time"), Column("time_zone")),
            "venue",
            "venue_address",
            Row(Column("dress_code"), Column("contact_name"), Column("contact_phone")),
            Row(Column("chair"), Column("minute_taker")),
            Fieldset(
                _("Invitation letter"),
                Row(Column("letter_classification"), Column("letter_date")),
                Row(Column("letter_security"), Column("letter_urgency")),
                "letter_subject",
                "letter_signer",
                Row(Column("letter_signing_capacity"), Column("letter_signed_for")),
                "copies_to",
            ),
            Submit("save", _("Save")),
        )


class MeetingDuplicateForm(OnceFormMixin, forms.Form):
    """Date (and title) of the next Rakor started from an existing one."""

    title = forms.CharField(label=_("Title"), max_length=250)
    date = forms.DateField(label=_("Date"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Create the copy")))


REPORT_TEXT_MAX = 4000
# The minutes' own texts (opening remarks, conclusions, an item's discussion): about eight
# pages each. Without a bound a pasted book made the approval's render take minutes while it
# held the record's lock, and every other write to the meeting waited for it.
MINUTES_TEXT_MAX = 20000


def _bounded(field, limit: int) -> None:
    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.widget.attrs["maxlength"] = limit


class MinutesForm(VersionFieldMixin, forms.ModelForm):
    """The meeting-wide minutes text."""

    class Meta:
        model = Meeting
        fields = ["opening_remarks", "conclusions", *REPORT_FIELDS]
        widgets = {
            "opening_remarks": forms.Textarea(attrs={"rows": 6}),
            "conclusions": forms.Textarea(attrs={"rows": 6}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in REPORT_FIELDS},
        }
        help_texts = {
            "conclusions": _("One conclusion per line; numbering such as 1. 2. is kept."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A report's own parts are paragraphs, not books: a bound keeps its PDF in pages.
        for name in REPORT_FIELDS:
            _bounded(self.fields[name], REPORT_TEXT_MAX)
        for name in ("opening_remarks", "conclusions"):
            _bounded(self.fields[name], MINUTES_TEXT_MAX)
        self.helper = FormHelper()
        self.helper.form_tag = False


class AgendaItemForm(VersionFieldMixin, forms.ModelForm):
    """One agenda item; the presenter is chosen among the invited institutions."""

    class Meta:
        model = AgendaItem
        fields = list(AGENDA_FIELDS)
        field_classes = {"presenter": OfficialChoiceField}
        widgets = {
            "planned_start": TimeInput(),
            "description": forms.Textarea(attrs={"rows": 2}),
            "duration_minutes": forms.NumberInput(attrs={"min": 1, "max": 1440}),
        }
        help_texts = {"planned_start": _("Leave empty to follow on from the previous item.")}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        invited = Agency.objects.filter(participations__meeting=meeting).distinct()
        self.fields["presenter_agency"].queryset = invited.order_by("name")
        self.fields["presenter"].queryset = (
            Official.objects.filter(agency__in=invited).select_related("agency").order_by("name")
        )


class AgendaMinutesForm(forms.ModelForm):
    """Discussion notes of one agenda item and who spoke."""

    speakers = forms.TypedMultipleChoiceField(
        label=_("Who spoke"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AgendaItem
        fields = ["discussion_notes", "no_notes"]
        widgets = {"discussion_notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, speaker_choices: list[Official], **kwargs):
        super().__init__(*args, **kwargs)
        _bounded(self.fields["discussion_notes"], MINUTES_TEXT_MAX)
        # Plain choices built once for all items of the page (a model field would query the
        # officials again for every agenda item).
        self.officials = {official.pk: official for official in speaker_choices}
        if self.instance.pk:
            # Keep recorded speakers choosable even if their invitation was withdrawn since.
            for official in self.instance.speakers.all():
                self.officials.setdefault(official.pk, official)
        speaker_choices = list(self.officials.values())
        self.fields["speakers"].choices = [
            (official.pk, f"{official.full_name} ({official.agency.display_name})")
            for official in speaker_choices
        ]
        if self.instance.pk and not self.is_bound:
            self.initial["speakers"] = [official.pk for official in self.instance.speakers.all()]

    def clean_speakers(self) -> list[Official]:
        return [self.officials[pk] for pk in self.cleaned_data["speakers"]]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("no_notes") and (cleaned.get("discussion_notes") or "").strip():
            self.add_error(
                "no_notes", _("Either write the notes or tick “nothing to record”, not both.")
            )
        return cleaned


class InvitationForm(forms.Form):
    """Invite one institution, optionally naming its official or the invited position."""

    agency = PickerField(kind="agency", label=_("Institution"))
    invitee = PickerField(kind="official", label=_("Invited official"), required=False)
    invitee_position = forms.CharField(
        label=_("Invited position"),
        max_length=200,
        required=False,
        help_text=_("Empty: the head of the institution is invited."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].help_text = _("Type its name or short name.")

    def clean(self):
        cleaned = super().clean()
        agency, invitee = cleaned.get("agency"), cleaned.get("invitee")
        if agency and invitee and invitee.agency_id != agency.pk:
            self.add_error("invitee", _("The invited official must belong to the institution."))
        return cleaned


class InvitationGroupForm(forms.Form):
    """Invite every institution of a kind at once ("semua camat", "semua Forkopimda")."""

    kind = forms.ChoiceField(label=_("Group"), choices=Agency.Kind.choices)


class FollowUpForm(VersionFieldMixin, forms.ModelForm):
    """A follow-up; once the minutes are final (progress_only) only its progress is open."""

    class Meta:
        model = FollowUp
        fields = list(FOLLOW_UP_FIELDS)
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "due_date": DateInput(),
            "progress_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, progress_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        model_field = FollowUp._meta.get_field("responsible_agency")
        self.fields["responsible_agency"] = PickerField(
            kind="agency",
            label=model_field.verbose_name.capitalize(),
            required=not model_field.blank,
        )
        if progress_only:
            # Disabled fields keep the stored value whatever is posted.
            for name in set(FOLLOW_UP_FIELDS) - FOLLOW_UP_PROGRESS_FIELDS:
                self.fields[name].disabled = True


class MeetingCreateForm(OnceFormMixin, MeetingForm):
    """A new meeting; sent twice, it creates one."""


class AgendaItemCreateForm(OnceFormMixin, AgendaItemForm):
    """A new agenda item at the end; sent twice, it adds one."""


class FollowUpCreateForm(OnceFormMixin, FollowUpForm):
    """A new follow-up; sent twice, it adds one."""


class ElectionForm(forms.ModelForm):
    """An election: its kind, name, voting day and the region that votes."""

    class Meta:
        model = Election
        fields = ["kind", "name", "voting_day", "region"]
        widgets = {"voting_day": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(
            label=_("Region"),
            help_text=_(
                "Where it is held: a province for a governor, a kabupaten/kota for a regent or "
                "mayor; its Kemendagri code (for example 74.09) or words of its name."
            ),
        )
        self.fields["name"].widget.attrs["autofocus"] = True
        self.fields["name"].help_text = _("For example “Pilkada Serentak 2024”.")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("kind"), Column("voting_day")),
            "name",
            Field("region"),
            HTML(REGION_DATALIST),
            Submit("save", _("Save")),
        )

    def clean(self):
        cleaned = super().clean()
        # The same election typed in other letters ("PILKADA SERENTAK 2024") is the same
        # election: said next to the name (the constraint compares exact text only).
        name, region = cleaned.get("name"), cleaned.get("region")
        if name and region:
            others = Election.objects.exclude(pk=self.instance.pk)
            if others.filter(region=region, name__iexact=name.strip()).exists():
                self.add_error(
                    "name",
                    _("%(region)s already has an election with this name.") % {"region": region},
                )
        return cleaned


class LetterNumberForm(forms.Form):
    """A number the invitation was given elsewhere (SRIKANDI), typed as it was given."""

    number = forms.CharField(
        label=_("Number given by SRIKANDI"),
        max_length=80,
        help_text=_("As SRIKANDI numbered the letter, for example 000.1.5/0123/Bakesbangpol/2024."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
