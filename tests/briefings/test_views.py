"""Views of the briefing screens.

Pages render in Indonesian and the translations of new strings come later, so these tests
check status codes, the database, form error keys and element ids, never the UI text.
"""

from decimal import Decimal

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertTemplateUsed

from briefings.forms import MAX_ROWS
from briefings.models import Briefing, ReadinessIndicator, Risk
from tests.agencies.factories import AgencyFactory, OfficialFactory
from tests.briefings.factories import (
    BriefingFactory,
    BriefingTemplateFactory,
    BriefingTemplateItemFactory,
    ReadinessIndicatorFactory,
    RiskFactory,
)
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def create_url(meeting):
    return reverse("briefings:create", args=[meeting.pk])


def url(name, briefing):
    return reverse(f"briefings:{name}", args=[briefing.meeting_id, briefing.pk])


def meeting_url(meeting_id):
    return reverse("meetings:detail", args=[meeting_id]) + "#briefings-heading"


def success_messages(response):
    return [m for m in get_messages(response.wsgi_request) if m.level == messages.SUCCESS]


def edit_data(briefing, *, indicators=(), risks=(), initial=(0, 0), **fields):
    """The edit form's POST data: briefing fields, then each formset's management form."""
    data = {
        "topic": briefing.topic,
        "summary": briefing.summary,
        "agenda_item": briefing.agenda_item_id or "",
        "presenter": briefing.presenter_id or "",
        "readiness": briefing.readiness,
        "status": briefing.status,
        "version": briefing.version,
        **fields,
    }
    for prefix, rows, initial_count in (
        ("indicators", indicators, initial[0]),
        ("risks", risks, initial[1]),
    ):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(initial_count)
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = str(MAX_ROWS)
        for index, row in enumerate(rows):
            for name, value in row.items():
                data[f"{prefix}-{index}-{name}"] = value
    return data


def indicator_data(indicator=None, **fields):
    row = {
        "aspect": "logistics",
        "label": "Kotak suara",
        "status": "on_track",
        "value": "10",
        "target": "20",
        "unit": "buah",
        "note": "",
    }
    if indicator is not None:
        row.update(
            id=indicator.pk,
            aspect=indicator.aspect,
            label=indicator.label,
            status=indicator.status,
            value=str(indicator.value),
            target=str(indicator.target),
            unit=indicator.unit,
            note=indicator.note,
        )
    return {**row, **fields}


def risk_data(risk=None, **fields):
    row = {
        "category": "disaster",
        "level": "high",
        "location": "Kecamatan Asera",
        "description": "Banjir",
        "mitigation": "Koordinasi BPBD",
    }
    if risk is not None:
        row.update(
            id=risk.pk,
            category=risk.category,
            level=risk.level,
            location=risk.location,
            description=risk.description,
            mitigation=risk.mitigation,
        )
    return {**row, **fields}


@pytest.fixture
def invited():
    """A meeting with an invited institution (no briefing yet) and its official."""
    participation = ParticipationFactory()
    official = OfficialFactory(agency=participation.agency)
    return participation.meeting, participation.agency, official


@pytest.fixture
def briefing():
    briefing = BriefingFactory(topic="Kesiapan logistik")
    ParticipationFactory(meeting=briefing.meeting, agency=briefing.agency)
    return briefing


class TestPermissions:
    def test_anonymous_visitors_are_sent_to_the_login_page(self, client, briefing):
        for address in (
            create_url(briefing.meeting),
            url("detail", briefing),
            url("update", briefing),
            url("delete", briefing),
        ):
            response = client.get(address)
            assert response.status_code == 302
            assert response.url.startswith(reverse("login"))

    def test_attendee_may_read_but_not_write(self, reader_client, briefing):
        assert reader_client.get(url("detail", briefing)).status_code == 200
        for address in (
            create_url(briefing.meeting),
            url("update", briefing),
            url("delete", briefing),
        ):
            assert reader_client.get(address).status_code == 403
            assert reader_client.post(address, {}).status_code == 403
        assert Briefing.objects.filter(pk=briefing.pk).exists()

    def test_operator_opens_every_screen(self, operator_client, briefing):
        for address, template in (
            (create_url(briefing.meeting), "briefings/briefing_form.html"),
            (url("update", briefing), "briefings/briefing_form.html"),
            (url("delete", briefing), "briefings/briefing_confirm_delete.html"),
            (url("detail", briefing), "briefings/briefing_detail.html"),
        ):
            response = operator_client.get(address)
            assert response.status_code == 200
            assertTemplateUsed(response, template)

    def test_unknown_ids_are_not_found(self, operator_client, briefing):
        missing = briefing.pk + 1000
        for address in (
            reverse("briefings:create", args=[briefing.meeting_id + 1000]),
            reverse("briefings:detail", args=[briefing.meeting_id, missing]),
            reverse("briefings:update", args=[briefing.meeting_id, missing]),
            reverse("briefings:delete", args=[briefing.meeting_id, missing]),
        ):
            assert operator_client.get(address).status_code == 404

    def test_a_briefing_under_another_meeting_is_not_found(self, operator_client, briefing):
        other_meeting = MeetingFactory()
        for name in ("detail", "update", "delete"):
            address = reverse(f"briefings:{name}", args=[other_meeting.pk, briefing.pk])
            assert operator_client.get(address).status_code == 404
            if name != "detail":
                assert operator_client.post(address, {}).status_code == 404
        assert Briefing.objects.filter(pk=briefing.pk).exists()


class TestCreate:
    def test_offers_only_invited_institutions_without_a_briefing(self, operator_client, invited):
        meeting, agency, _official = invited
        done = BriefingFactory(meeting=meeting)
        ParticipationFactory(meeting=meeting, agency=done.agency)
        AgencyFactory()  # not invited
        response = operator_client.get(create_url(meeting))
        assert list(response.context["form"].fields["agency"].queryset) == [agency]

    def test_valid_post_creates_and_opens_the_edit_screen(self, operator_client, invited):
        meeting, agency, official = invited
        item = AgendaItemFactory(meeting=meeting, presenter_agency=agency)
        response = operator_client.post(
            create_url(meeting),
            {
                "agency": agency.pk,
                "agenda_item": item.pk,
                "presenter": official.pk,
                "topic": "Kesiapan logistik",
                "summary": "Ringkasan",
                "readiness": "",
            },
        )
        briefing = Briefing.objects.get()
        assert response.status_code == 302
        assert response.url == url("update", briefing)
        assert len(success_messages(response)) == 1
        assert (briefing.meeting, briefing.agency, briefing.presenter) == (
            meeting,
            agency,
            official,
        )
        assert briefing.agenda_item == item
        assert briefing.readiness == ""
        assert not briefing.indicators.exists()

    def test_choosing_a_template_saves_no_rows_and_prefills_the_edit_screen(
        self, operator_client, invited
    ):
        meeting, agency, _official = invited
        template = BriefingTemplateFactory(topic="Kesiapan dari templat")
        response = operator_client.post(
            create_url(meeting), {"agency": agency.pk, "template": template.pk, "topic": ""}
        )
        briefing = Briefing.objects.get()
        assert response.url == url("update", briefing) + f"?template={template.pk}"
        assert briefing.topic == "Kesiapan dari templat"  # the template's suggestion
        assert not briefing.indicators.exists()

    def test_topic_is_required_without_a_template(self, operator_client, invited):
        meeting, agency, _official = invited
        response = operator_client.post(create_url(meeting), {"agency": agency.pk, "topic": ""})
        assert response.status_code == 200
        assert "topic" in response.context["form"].errors
        assert not Briefing.objects.exists()

    @pytest.mark.parametrize(
        ("field", "make_data"),
        [
            ("agency", lambda meeting, agency, official: {"agency": AgencyFactory().pk}),
            (
                "agenda_item",
                lambda meeting, agency, official: {"agenda_item": AgendaItemFactory().pk},
            ),
            (
                "presenter",
                # An official of another invited institution: offered, but not of this one.
                lambda meeting, agency, official: {
                    "presenter": OfficialFactory(
                        agency=ParticipationFactory(meeting=meeting).agency
                    ).pk
                },
            ),
            ("topic", lambda meeting, agency, official: {"topic": "x" * 251}),
            ("readiness", lambda meeting, agency, official: {"readiness": "maybe"}),
        ],
    )
    def test_invalid_post_shows_the_error_next_to_the_field(
        self, operator_client, invited, field, make_data
    ):
        meeting, agency, official = invited
        data = {"agency": agency.pk, "topic": "Kesiapan logistik", "summary": "Tetap di sini"}
        data.update(make_data(meeting, agency, official))
        response = operator_client.post(create_url(meeting), data)
        assert response.status_code == 200
        form = response.context["form"]
        assert set(form.errors) == {field}
        assert form["summary"].value() == "Tetap di sini"
        assert not Briefing.objects.exists()

    def test_a_second_briefing_of_the_same_institution_is_refused(self, operator_client, briefing):
        response = operator_client.post(
            create_url(briefing.meeting), {"agency": briefing.agency_id, "topic": "Lagi"}
        )
        assert response.status_code == 200
        assert "agency" in response.context["form"].errors
        assert Briefing.objects.count() == 1


class TestUpdate:
    def test_shows_the_rows(self, operator_client, briefing):
        indicators = ReadinessIndicatorFactory.create_batch(2, briefing=briefing)
        RiskFactory(briefing=briefing)
        response = operator_client.get(url("update", briefing))
        editor = response.context["editor"]
        assert [form.instance for form in editor.indicators.forms] == indicators
        assert len(editor.risks.forms) == 1
        for element_id in ("indicators-rows", "indicators-empty", "risks-rows", "risks-empty"):
            assertContains(response, f'id="{element_id}"')
        assertContains(response, 'data-formset-add="indicators"')
        assertContains(response, 'data-formset-add="risks"')
        assertContains(response, "data-formset-row", count=2 + 1 + 2)  # rows and empty forms
        assertContains(response, 'name="indicators-0-DELETE" data-formset-delete')

    def test_template_prefills_unsaved_rows(self, operator_client, briefing):
        existing = ReadinessIndicatorFactory(briefing=briefing)
        template = BriefingTemplateFactory()
        BriefingTemplateItemFactory(template=template, label="Kotak suara", unit="buah")
        BriefingTemplateItemFactory(
            template=template, label="Jumlah TPS", aspect="voter_data", target=Decimal("300")
        )
        response = operator_client.get(url("update", briefing), {"template": template.pk})
        forms = response.context["editor"].indicators.forms
        assert forms[0].instance == existing
        assert [form.initial.get("label") for form in forms[1:]] == ["Kotak suara", "Jumlah TPS"]
        assert forms[2].initial["aspect"] == "voter_data"
        assert forms[2].initial["target"] == Decimal("300")
        assert "status" not in forms[1].initial
        assertContains(response, 'name="indicators-1-label" value="Kotak suara"')
        assertContains(response, 'name="indicators-2-label" value="Jumlah TPS"')
        assertContains(response, 'name="indicators-TOTAL_FORMS" value="3"')
        assert briefing.indicators.count() == 1

    @pytest.mark.parametrize("template", ["999999", "abc"])
    def test_unknown_template_prefills_nothing(self, operator_client, briefing, template):
        response = operator_client.get(url("update", briefing), {"template": template})
        assert response.status_code == 200
        assert response.context["editor"].indicators.forms == []

    def test_valid_post_saves_fields_and_rows_and_returns_to_the_meeting(
        self, operator_client, briefing
    ):
        changed = ReadinessIndicatorFactory(briefing=briefing, label="Lama")
        removed = ReadinessIndicatorFactory(briefing=briefing)
        risk = RiskFactory(briefing=briefing)
        data = edit_data(
            briefing,
            topic="Topik baru",
            readiness="ready_with_notes",
            indicators=[
                indicator_data(changed, label="Baru", value="15"),
                indicator_data(removed, DELETE="on"),
                indicator_data(label="Tinta", value="", target=""),
                {},  # an added row left empty is ignored
            ],
            risks=[risk_data(risk), risk_data(location="Kecamatan Lasolo")],
            initial=(2, 1),
        )
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 302, response.context["editor"].indicators.errors
        assert response.url == meeting_url(briefing.meeting_id)
        assert len(success_messages(response)) == 1
        briefing.refresh_from_db()
        assert briefing.topic == "Topik baru"
        assert briefing.readiness == "ready_with_notes"
        assert list(briefing.indicators.values_list("label", "value")) == [
            ("Baru", Decimal("15")),
            ("Tinta", None),
        ]
        assert list(briefing.risks.values_list("location", flat=True)) == [
            risk.location,
            "Kecamatan Lasolo",
        ]

    def test_template_rows_post_as_new_rows(self, operator_client, briefing):
        data = edit_data(
            briefing,
            indicators=[indicator_data(label="Jumlah TPS", status="achieved", value="300")],
        )
        operator_client.post(url("update", briefing) + "?template=1", data)
        indicator = briefing.indicators.get()
        assert (indicator.label, indicator.status) == ("Jumlah TPS", "achieved")

    @pytest.mark.parametrize(
        ("row", "field"),
        [
            ({"status": "maybe"}, "status"),
            ({"value": "-1"}, "value"),
            ({"target": "0"}, "target"),
            ({"label": "x" * 201}, "label"),
            ({"unit": "x" * 41}, "unit"),
            ({"aspect": "weather"}, "aspect"),
            ({"value": "abc"}, "value"),
            ({"value": "1" * 20}, "value"),
        ],
    )
    def test_invalid_row_shows_the_error_on_its_field_and_saves_nothing(
        self, operator_client, briefing, row, field
    ):
        existing = ReadinessIndicatorFactory(briefing=briefing, label="Lama")
        data = edit_data(
            briefing,
            topic="Topik diketik",
            indicators=[
                indicator_data(existing, label="Diubah"),
                indicator_data(**{"label": "Baris baru", **row}),
            ],
            risks=[risk_data()],
            initial=(1, 0),
        )
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        editor = response.context["editor"]
        forms = editor.indicators.forms
        assert forms[0].errors == {}
        assert set(forms[1].errors) == {field}
        # What the operator typed is still there.
        assert editor.form["topic"].value() == "Topik diketik"
        assert forms[0]["label"].value() == "Diubah"
        assert forms[1]["note"].value() == ""
        assert editor.risks.forms[0]["location"].value() == "Kecamatan Asera"
        assertContains(response, f'id="id_indicators-1-{field}"')
        assertContains(response, "is-invalid")
        # Nothing was saved.
        briefing.refresh_from_db()
        existing.refresh_from_db()
        assert briefing.topic == "Kesiapan logistik"
        assert existing.label == "Lama"
        assert briefing.indicators.count() == 1
        assert not briefing.risks.exists()

    def test_invalid_risk_row_shows_the_error_on_its_field(self, operator_client, briefing):
        data = edit_data(briefing, risks=[risk_data(), risk_data(level="", description="y")])
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        assert set(response.context["editor"].risks.forms[1].errors) == {"level"}
        assert not briefing.risks.exists()

    def test_invalid_briefing_field_saves_no_row(self, operator_client, briefing):
        data = edit_data(briefing, topic="", indicators=[indicator_data()])
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        assert set(response.context["editor"].form.errors) == {"topic"}
        assert not briefing.indicators.exists()

    def test_presenter_of_another_institution_is_refused(self, operator_client, briefing):
        data = edit_data(briefing, presenter=OfficialFactory().pk)
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        assert set(response.context["editor"].form.errors) == {"presenter"}

    def test_agenda_item_of_another_meeting_is_refused(self, operator_client, briefing):
        data = edit_data(briefing, agenda_item=AgendaItemFactory().pk)
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        assert set(response.context["editor"].form.errors) == {"agenda_item"}

    @pytest.mark.parametrize("row_id", ["999999", "abc", "other"])
    def test_unknown_row_id_is_refused(self, operator_client, briefing, row_id):
        other = ReadinessIndicatorFactory(label="Milik briefing lain")
        if row_id == "other":
            row_id = other.pk
        existing = ReadinessIndicatorFactory(briefing=briefing)
        data = edit_data(
            briefing,
            indicators=[indicator_data(existing), indicator_data(id=row_id, label="Diubah")],
            initial=(2, 0),
        )
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        assert "id" in response.context["editor"].indicators.forms[1].errors
        other.refresh_from_db()
        assert other.label == "Milik briefing lain"
        assert briefing.indicators.count() == 1

    @pytest.mark.parametrize(
        "management",
        [
            {"indicators-TOTAL_FORMS": "abc"},
            {"indicators-TOTAL_FORMS": "100000000"},
            {"indicators-INITIAL_FORMS": "100000000"},
            {"indicators-TOTAL_FORMS": None},
        ],
    )
    def test_tampered_management_form_is_a_form_error(self, operator_client, briefing, management):
        existing = ReadinessIndicatorFactory(briefing=briefing, label="Tersimpan")
        data = edit_data(
            briefing,
            topic="Topik diketik",
            indicators=[indicator_data(existing, label="Diubah"), indicator_data()],
            initial=(1, 0),
        )
        for key, value in management.items():
            if value is None:
                del data[key]
            else:
                data[key] = value
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        editor = response.context["editor"]
        assert editor.indicators.rejected_errors
        assert editor.has_errors
        # The saved rows are shown again, with a sound management form to post next time.
        assert [form.instance for form in editor.indicators.forms] == [existing]
        assertContains(response, 'name="indicators-TOTAL_FORMS" value="1"')
        assert editor.form["topic"].value() == "Topik diketik"
        existing.refresh_from_db()
        assert existing.label == "Tersimpan"
        assert briefing.indicators.count() == 1

    def test_service_errors_land_on_the_row_they_name(self, operator_client, briefing, monkeypatch):
        # Validation the forms cannot see (e.g. a row changed meanwhile) comes from the service.
        def refuse(**kwargs):
            raise ValidationError(
                {
                    "indicators.1.status": ["Ditolak."],
                    "risks.0.__all__": ["Ditolak."],
                    "topic": ["Ditolak."],
                    "agency": ["Ditolak."],
                }
            )

        monkeypatch.setattr("briefings.views.services.briefing_update", refuse)
        data = edit_data(
            briefing,
            indicators=[indicator_data(label="Satu"), indicator_data(label="Dua")],
            risks=[risk_data()],
        )
        response = operator_client.post(url("update", briefing), data)
        assert response.status_code == 200
        editor = response.context["editor"]
        assert set(editor.indicators.forms[1].errors) == {"status"}
        assert editor.indicators.forms[0].errors == {}
        assert set(editor.risks.forms[0].errors) == {"__all__"}
        assert set(editor.form.errors) == {"topic", "__all__"}

    @pytest.mark.parametrize("rows", [3, 30])
    def test_query_count_does_not_grow_with_rows(
        self, operator_client, briefing, django_assert_max_num_queries, rows
    ):
        ReadinessIndicatorFactory.create_batch(rows, briefing=briefing)
        RiskFactory.create_batch(rows, briefing=briefing)
        template = BriefingTemplateFactory()
        BriefingTemplateItemFactory.create_batch(rows, template=template)
        # session, user, briefing, permissions (user and group), indicators, risks,
        # agenda item and presenter choices, template and its items, the profile with its
        # institution and the institutions under it (tenancy)
        with django_assert_max_num_queries(13):
            response = operator_client.get(url("update", briefing), {"template": template.pk})
        assert len(response.context["editor"].indicators.forms) == 2 * rows


class TestDelete:
    def test_confirmation_states_what_is_deleted(self, operator_client, briefing):
        ReadinessIndicatorFactory.create_batch(2, briefing=briefing)
        RiskFactory(briefing=briefing)
        response = operator_client.get(url("delete", briefing))
        assert response.context["summary"] == {"indicators": 2, "risks": 1}
        assertContains(response, 'id="deletion-summary"')
        assertContains(response, 'method="post"')

    def test_post_deletes_the_briefing_and_its_rows(self, operator_client, briefing):
        ReadinessIndicatorFactory.create_batch(2, briefing=briefing)
        RiskFactory(briefing=briefing)
        response = operator_client.post(url("delete", briefing))
        assert response.status_code == 302
        assert response.url == meeting_url(briefing.meeting_id)
        assert len(success_messages(response)) == 1
        assert not Briefing.objects.exists()
        assert not ReadinessIndicator.objects.exists()
        assert not Risk.objects.exists()


class TestDetail:
    def test_shows_the_whole_briefing(self, reader_client, briefing):
        official = OfficialFactory(agency=briefing.agency, name="Ahmad")
        briefing.presenter = official
        briefing.summary = "Ringkasan paparan"
        briefing.save()
        ReadinessIndicatorFactory(briefing=briefing, label="Kotak suara", value=Decimal("97.5"))
        RiskFactory(briefing=briefing, location="Kecamatan Wiwirano", mitigation="Patroli")
        response = reader_client.get(url("detail", briefing))
        for text in ("Kesiapan logistik", "Ringkasan paparan", "Ahmad", "Kotak suara", "97,5"):
            assertContains(response, text)
        assertContains(response, "Kecamatan Wiwirano")
        assertContains(response, "Patroli")
        # An attendee sees no links to the operator's screens.
        assert url("update", briefing) not in response.content.decode()
        assert url("delete", briefing) not in response.content.decode()

    def test_operator_sees_the_edit_and_delete_links(self, operator_client, briefing):
        response = operator_client.get(url("detail", briefing))
        assertContains(response, url("update", briefing))
        assertContains(response, url("delete", briefing))

    @pytest.mark.parametrize("rows", [3, 30])
    def test_query_count_does_not_grow_with_rows(
        self, reader_client, briefing, django_assert_max_num_queries, rows
    ):
        ReadinessIndicatorFactory.create_batch(rows, briefing=briefing)
        RiskFactory.create_batch(rows, briefing=briefing)
        # session, user, briefing, indicators, risks, attachments, permissions (user and
        # group), the profile with its institution and the institutions under it (tenancy)
        with django_assert_max_num_queries(10):
            response = reader_client.get(url("detail", briefing))
        assert len(response.context["briefing"].indicators.all()) == rows
