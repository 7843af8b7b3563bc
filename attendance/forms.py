import base64
import binascii
import hashlib
import io

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from agencies.models import Official
from meetings.models import Participation
from pilkada_portal.forms import OnceFormMixin, VersionFieldMixin

from .models import Attendee
from .services import ATTENDEE_FIELDS, INVITATION_STATUSES

SIGNATURE_MAX_BYTES = 200 * 1024


def _not_png() -> forms.ValidationError:
    return forms.ValidationError(_("The signature must be a PNG image."), code="format")


PNG_PREFIX = "data:image/png;base64,"


def _invitee_label(position: str, prefix: str | None, name: str | None, suffix: str | None):
    """Participation.invitee_label from values: the named official, or the position."""
    return position if name is None else Official.join_name(prefix, name, suffix)


def invitation_label(participation: Participation) -> str:
    return f"{participation.agency.display_name} – {participation.invitee_label}"


class InvitationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return invitation_label(obj)


class AttendeeForm(VersionFieldMixin, forms.ModelForm):
    """A person present, as the operator enters or corrects them."""

    class Meta:
        model = Attendee
        fields = list(ATTENDEE_FIELDS)
        field_classes = {"participation": InvitationChoiceField}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participation"].queryset = meeting.participations.select_related(
            "agency", "invitee"
        ).order_by("agency__name", "invitee_position")
        self.fields["participation"].empty_label = _("– Not invited (type the institution) –")
        self.helper = FormHelper()
        self.fields["phone"].widget.attrs.update(inputmode="tel", autocomplete="tel")
        self.helper.layout = Layout(
            "version",
            Row(Column("name"), Column("position")),
            Row(Column("participation"), Column("institution_name")),
            Row(Column("on_behalf"), Column("phone")),
            Submit("save", _("Save the person")),
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("participation") and not (cleaned.get("institution_name") or "").strip():
            self.add_error(
                "institution_name", _("Choose the invitation or type the institution's name.")
            )
        return cleaned


class AttendeeCreateForm(OnceFormMixin, AttendeeForm):
    """A person added on the attendance screen; sent twice, it adds one."""


class InvitationStatusForm(forms.Form):
    """One tap on an invitation nobody was recorded for (excused with its reason, absent...)."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in INVITATION_STATUSES],
    )
    note = forms.CharField(label=_("Reason or note"), max_length=250, required=False)


def decode_signature(value: str) -> bytes:
    """The PNG drawn on the phone, from its data: URL; ValidationError for anything else."""
    if not value:
        raise forms.ValidationError(_("Sign in the box with your finger."), code="required")
    if not value.startswith(PNG_PREFIX):
        raise _not_png()
    encoded = value[len(PNG_PREFIX) :]
    if len(encoded) > SIGNATURE_MAX_BYTES * 4 // 3 + 4:
        raise forms.ValidationError(_("The signature image is too large."), code="size")
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise forms.ValidationError(
            _("The signature must be a PNG image."), code="format"
        ) from None
    if len(content) > SIGNATURE_MAX_BYTES:
        raise forms.ValidationError(_("The signature image is too large."), code="size")
    try:
        image = Image.open(io.BytesIO(content))
        if image.format != "PNG" or image.width > 3000 or image.height > 2000:
            raise ValueError
        image.load()
    except (UnidentifiedImageError, ValueError, OSError, Image.DecompressionBombError):
        raise forms.ValidationError(
            _("The signature must be a PNG image."), code="format"
        ) from None
    # A canvas sends RGBA: its alpha is read as it is, without converting the image.
    alpha = (image if image.mode == "RGBA" else image.convert("RGBA")).getchannel("A")
    if alpha.getbbox() is None:
        raise forms.ValidationError(_("Sign in the box with your finger."), code="empty")
    return content


class SelfCheckInForm(forms.Form):
    """What an attendee enters on their phone at the door."""

    OTHER = "lainnya"

    desk = forms.CharField(widget=forms.HiddenInput, max_length=300)
    invitation = forms.ChoiceField(
        label=_("Your institution"),
        error_messages={"invalid_choice": _("Choose your institution from the list.")},
    )
    institution_name = forms.CharField(
        label=_("Name of your institution"),
        max_length=200,
        required=False,
        help_text=_("Only when your institution is not in the list."),
    )
    name = forms.CharField(label=_("Name with titles"), max_length=160)
    position = forms.CharField(label=_("Position"), max_length=200)
    on_behalf = forms.BooleanField(
        label=_("I attend in place of the invited official"), required=False
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=30,
        required=False,
        help_text=_("Seen only by the organizer's staff."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    signature = forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        max_length=400_000,
        error_messages={"max_length": _("The signature image is too large.")},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        # A sent form needs only the invitation it names (shown again, it loads them all).
        self.load_invitations(only=self.data.get("invitation", "") if self.is_bound else None)

    def load_invitations(self, only: str | None = None) -> None:
        """The invitations to choose from: all of them as labels (one light query, no
        objects), or, for a sent form, only the one it names, as the invitation to fill."""
        participations = self.meeting.participations.order_by("agency__name", "invitee_position")
        if only is None:
            self.invitations = {}
            labels = [
                (str(pk), f"{short_name or name} – {_invitee_label(position, *invitee)}")
                for pk, name, short_name, position, *invitee in participations.values_list(
                    "pk",
                    "agency__name",
                    "agency__short_name",
                    "invitee_position",
                    "invitee__title_prefix",
                    "invitee__name",
                    "invitee__title_suffix",
                )
            ]
        else:
            valid = only.isascii() and only.isdigit() and len(only) < 19  # a bigint
            chosen = participations.filter(pk=only) if valid else participations.none()
            # What the check-in writes and its answer show (its status is read again under
            # the lock); a form shown again loads the labels of all.
            chosen = (
                chosen.order_by()
                .select_related("agency")
                .only("meeting_id", "agency__name", "agency__short_name")
            )
            self.invitations = {str(p.pk): p for p in chosen}
            labels = [(pk, pk) for pk in self.invitations]
        self.fields["invitation"].choices = [
            ("", _("– Choose –")),
            *labels,
            (self.OTHER, _("Other institution (type its name)")),
        ]

    @property
    def choices_key(self) -> str:
        """A digest of the invitation list, naming the cached rendering of the empty form."""
        text = "\n".join(f"{value}\t{label}" for value, label in self.fields["invitation"].choices)
        return hashlib.sha256(text.encode()).hexdigest()

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_signature(self):
        return decode_signature(self.cleaned_data.get("signature") or "")

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("invitation")
        cleaned["participation"] = self.invitations.get(choice)
        if choice == self.OTHER and not (cleaned.get("institution_name") or "").strip():
            self.add_error("institution_name", _("Type the name of your institution."))
        return cleaned
