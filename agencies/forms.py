"""Forms for institutions and officials: input shape and crispy layout."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from pilkada_portal.forms import VersionFieldMixin

from .fields import RegionField
from .filters import REGION_DATALIST
from .models import Agency, Official, Region, typed_region_name
from .pickers import PickerField
from .services import AGENCY_FIELDS, OFFICIAL_FIELDS, REGION_FIELDS

# What people type between the groups of a NIP ("19700101 200003 1 001", "19700101.200003...").
NIP_SEPARATORS = re.compile(r"[\s.\-]")


# Rendered with the page's context: each form view puts `cancel_url` there.
CANCEL_LINK = HTML(
    '{% load i18n %}<a class="btn btn-outline-secondary" href="{{ cancel_url }}">'
    '{% translate "Cancel" %}</a>'
)


class NipField(forms.CharField):
    """A NIP as typed, with spaces, dots or dashes between the groups; cleaned to the digits.

    The model's validate_nip then checks the 18 digits (through the form's full_clean).
    """

    def __init__(self, **kwargs):
        # Room for the separators of a NIP typed in groups; the digits are checked later.
        super().__init__(max_length=40, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        return NIP_SEPARATORS.sub("", super().to_python(value))


class LogoField(forms.ImageField):
    """An image field whose refusal of an image of hundreds of megapixels says so: Pillow
    will not even open one (a decompression bomb), so Django would call it "not an image"
    before agencies.validators.validate_logo_image could read its size."""

    def to_python(self, data):
        from PIL import Image

        try:
            return super().to_python(data)
        except forms.ValidationError as error:
            if isinstance(error.__cause__, Image.DecompressionBombError):
                raise forms.ValidationError(
                    _(
                        "The logo has far too many pixels for a letterhead. Make it smaller "
                        "(at most 25 megapixels, e.g. 5000 × 5000) and upload it again."
                    ),
                    code="logo_too_many_pixels",
                ) from None
            raise


class AgencyForm(VersionFieldMixin, forms.ModelForm):
    """An institution's name, kind, place in the hierarchy, contacts and letterhead logo."""

    # A website typed without a scheme is taken as https:// (Django 6's default).
    website = forms.URLField(
        label=Agency._meta.get_field("website").verbose_name.capitalize(),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Agency
        fields = list(AGENCY_FIELDS)
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
        }
        field_classes = {"logo": LogoField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Agency.objects.all()
        if self.instance.pk is not None:
            # Placing an institution under itself is never meant; deeper cycles are refused
            # by Agency.clean().
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"] = PickerField(
            kind="agency",
            queryset=parents,
            label=_("Parent institution"),
            required=False,
            help_text=_("The government or office it is part of; type its name."),
        )
        self.fields["region"] = RegionField(
            label=Agency._meta.get_field("region").verbose_name.capitalize(),
            required=False,
            help_text=_("Its Kemendagri code (for example 74.09) or words of its name."),
        )
        self.fields["name"].widget.attrs["autofocus"] = True
        self.helper = FormHelper()
        # The template writes the <form> tag and its CSRF token.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "version",
            "name",
            Row(Column("short_name"), Column("kind"), Column("level")),
            Row(Column("parent"), Column("region", HTML(REGION_DATALIST))),
            "head_title",
            "address",
            Row(Column("phone"), Column("email"), Column("website")),
            Fieldset(
                _("Letterhead (kop) of the documents this institution issues"),
                "letterhead_government_line",
                Row(Column("letter_place"), Column("paper_size")),
                Row(Column("letter_unit_code"), Column("letter_number_format")),
                "logo",
            ),
            Submit("save", _("Save"), css_class="me-2"),
            CANCEL_LINK,
        )

    def _taken(self, field: str, value: str) -> bool:
        """Whether another institution has this value, in whatever capitals: said next to
        the field instead of naming the database's constraint (which compares exact text)."""
        others = Agency.objects.exclude(pk=self.instance.pk)
        return bool(value) and others.filter(**{f"{field}__iexact": value.strip()}).exists()

    def clean_name(self):
        name = self.cleaned_data["name"]
        if self._taken("name", name):
            raise forms.ValidationError(
                _("Another institution already has this name."), code="unique"
            )
        return name

    def clean_short_name(self):
        # The database allows many blank short names but each given one once.
        short_name = self.cleaned_data["short_name"]
        if self._taken("short_name", short_name):
            raise forms.ValidationError(
                _("Another institution already uses this short name."), code="unique"
            )
        return short_name

    def service_fields(self) -> dict:
        """The cleaned data as the agency services take it (a cleared logo becomes "")."""
        fields = dict(self.cleaned_data)
        if not fields.get("logo"):
            fields["logo"] = ""
        return fields


class OfficialForm(VersionFieldMixin, forms.ModelForm):
    """An official's name with titles, position, rank, NIP and contacts."""

    nip = NipField(
        label=_("NIP"),
        required=False,
        help_text=_("18 digits, for civil servants. Spaces and dots between the groups are fine."),
    )

    class Meta:
        model = Official
        fields = list(OFFICIAL_FIELDS)
        widgets = {
            "in_office_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "in_office_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autofocus"] = True
        self.helper = FormHelper()
        # The template writes the <form> tag and its CSRF token.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "version",
            Row(
                Column("title_prefix", css_class="col-md-3"),
                Column("name", css_class="col-md-6"),
                Column("title_suffix", css_class="col-md-3"),
            ),
            "position",
            Row(Column("rank"), Column("nip"), Column("nrp")),
            Row(Column("in_office_from"), Column("in_office_until")),
            Row(Column("phone"), Column("email")),
            Submit("save", _("Save"), css_class="me-2"),
            CANCEL_LINK,
        )

    def clean_nip(self):
        nip = self.cleaned_data["nip"]
        others = Official.objects.exclude(pk=self.instance.pk)
        if nip and others.filter(nip=nip).exists():
            raise forms.ValidationError(_("Another official already has this NIP."), code="unique")
        return nip


class ConfirmDeleteForm(forms.Form):
    """The confirmation button of a delete page (and its CSRF token)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        # The template writes the <form> tag and its CSRF token.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Submit("delete", _("Delete"), css_class="btn-danger me-2"),
            CANCEL_LINK,
        )


class RegionForm(forms.ModelForm):
    """A kecamatan or desa/kelurahan typed by hand (provinces and kabupaten/kota ship with
    the portal), with the region it is part of and its Kemendagri code when known."""

    def clean(self):
        cleaned = super().clean()
        # Said here, next to the name: Django's own Indonesian message for this constraint
        # reads "does not exist".
        name, parent, kind = cleaned.get("name"), cleaned.get("parent"), cleaned.get("kind")
        others = Region.objects.exclude(pk=self.instance.pk)
        if name and kind:
            # "Kecamatan Asera" typed as the name of a kecamatan: the portal adds the kind
            # word itself (it would show "Kecamatan Kecamatan Asera").
            typed_kind, words = typed_region_name(name)
            if typed_kind == kind:
                name = cleaned["name"] = " ".join(words)
        if (
            name
            and parent
            and kind
            and others.filter(parent=parent, kind=kind, name__iexact=name.strip()).exists()
        ):
            self.add_error(
                "name",
                _("%(parent)s already has a region of this kind with this name.")
                % {"parent": parent},
            )
        code = cleaned.get("code")
        if code:
            holder = others.filter(code=code).first()
            if holder is not None:
                self.add_error("code", _("%(region)s already has this code.") % {"region": holder})
        return cleaned

    class Meta:
        model = Region
        fields = list(REGION_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"] = RegionField(
            label=_("Part of"),
            queryset=Region.objects.exclude(kind__in=["kelurahan", "desa"]),
            help_text=_("The kabupaten/kota of a kecamatan, the kecamatan of a desa/kelurahan."),
        )
        self.fields["name"].widget.attrs["autofocus"] = True
        self.fields["code"].help_text = _(
            "For example 74.09.01 for a kecamatan of Kabupaten Konawe Utara; leave it empty "
            "when you do not know it."
        )
        self.fields["kind"].choices = [
            (value, label)
            for value, label in Region.Kind.choices
            if value not in (Region.Kind.PROVINCE, Region.Kind.REGENCY, Region.Kind.CITY)
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Row(Column("kind"), Column("name")),
            Row(Column("parent", HTML(REGION_DATALIST)), Column("code")),
            Submit("save", _("Save"), css_class="me-2"),
            CANCEL_LINK,
        )
