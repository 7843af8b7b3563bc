"""Institution and official pickers: typed, suggested as one types, resolved or explained."""

import datetime

import pytest
from django import forms
from django.urls import reverse

from agencies.pickers import PickerField
from tests.agencies.factories import AgencyFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def _clean(field, value):
    try:
        return field.clean(value)
    except forms.ValidationError as error:
        return error.code


def test_an_institution_is_typed_as_its_name_short_name_words_or_id():
    polda = AgencyFactory(name="Kepolisian Daerah Papua", short_name="Polda Papua")
    AgencyFactory(name="Kepolisian Resor Jayapura", short_name="Polres Jayapura")
    field = PickerField(kind="agency")
    assert _clean(field, "Kepolisian Daerah Papua") == polda
    assert _clean(field, "polda papua") == polda
    assert _clean(field, "daerah papua") == polda
    assert _clean(field, str(polda.pk)) == polda
    assert _clean(field, "Kepolisian") == "several"
    assert _clean(field, "tidak ada") == "none"
    assert _clean(field, "9" * 400) == "none"


def test_an_official_is_typed_as_the_suggestion_and_current_holders_come_first(client, make_user):
    from accounts.roles import Role

    agency = AgencyFactory(short_name="Pemkab")
    past = OfficialFactory(
        agency=agency,
        name="La Ode Lama",
        title_prefix="Drs.",
        title_suffix="M.Si",
        position="Bupati",
        in_office_until=datetime.date(2020, 1, 1),
    )
    current = OfficialFactory(agency=agency, name="La Ode Baru", position="Bupati")
    field = PickerField(kind="official")
    from django.utils import translation

    with translation.override("id"):
        assert _clean(field, "Drs. La Ode Lama, M.Si – Bupati (Pemkab) – sampai 01-01-2020") == past
    assert _clean(field, "La Ode Lama, M.Si") == past
    assert _clean(field, "bupati") == "several"
    client.force_login(make_user("op", Role.OPERATOR))
    response = client.get(
        reverse("agencies:pick", args=["official"]), {"list": "id_chair-options", "chair": "ode"}
    )
    html = response.content.decode()
    assert html.startswith('<datalist id="id_chair-options">')
    assert html.index(current.name) < html.index(past.name)  # current holders first
    bad = client.get(reverse("agencies:pick", args=["official"]), {"list": "<x>"})
    assert bad.status_code == 404
