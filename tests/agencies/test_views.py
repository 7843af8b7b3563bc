import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from accounts.roles import Role
from agencies.models import Agency, Official, Region
from tests.agencies.factories import (
    AgencyFactory,
    OfficialFactory,
    RegionFactory,
    agencies_but_home,
    home_organizer,
)
from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

NIP = "197001012000031001"


def png_upload(name: str = "logo.png", size: tuple[int, int] = (40, 40)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def agency_data(**overrides) -> dict:
    data = {
        "name": "Komisi Pemilihan Umum Kabupaten Konawe Utara",
        "short_name": "KPU Konut",
        "kind": Agency.Kind.ELECTION_BODY,
        "parent": "",
        "region": "",
        "head_title": "Ketua KPU Konut",
        "address": "Jl. Poros Wanggudu",
        "phone": "0401 123456",
        "email": "kpu@example.org",
        "website": "",
        "letterhead_government_line": "",
        "letter_place": "Wanggudu",
        "paper_size": "A4",
        # The version the edit form was opened with (a create form ignores it).
        "version": 1,
    }
    return {**data, **overrides}


def official_data(**overrides) -> dict:
    data = {
        "title_prefix": "Drs.",
        "name": "La Ode Saifuddin",
        "title_suffix": "M.Si",
        "position": "Pjs Bupati Konawe Utara",
        "rank": "Pembina Utama Muda (IV/c)",
        "nip": NIP,
        "phone": "",
        "email": "",
        "version": 1,
    }
    return {**data, **overrides}


def message_count(response) -> int:
    return len(list(get_messages(response.wsgi_request)))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded logos go to a temporary folder, never to the project's media."""
    settings.MEDIA_ROOT = tmp_path


# --- List -------------------------------------------------------------------------------


def test_list_is_one_table_sorted_by_kind_then_name(reader_client):
    AgencyFactory(name="Kecamatan Asera", kind=Agency.Kind.DISTRICT)
    AgencyFactory(name="KPU Kabupaten", kind=Agency.Kind.ELECTION_BODY)
    AgencyFactory(name="Bawaslu Kabupaten", kind=Agency.Kind.ELECTION_BODY)
    AgencyFactory(name="Badan Kesbangpol", kind=Agency.Kind.OPD)
    response = reader_client.get(reverse("agencies:list"))
    assertTemplateUsed(response, "agencies/agency_list.html")
    names = [agency.name for agency in response.context["page"].object_list]
    # The reader's own organizer (tests' home organizer, kind "lainnya") comes last.
    assert names == [
        "Bawaslu Kabupaten",
        "KPU Kabupaten",
        "Badan Kesbangpol",
        "Kecamatan Asera",
        home_organizer().name,
    ]
    assertContains(response, 'id="agency-table"')


def test_list_search_matches_name_short_name_and_head_title(reader_client):
    AgencyFactory(name="Kepolisian Resor Konawe Utara", short_name="Polres Konut")
    AgencyFactory(name="Komando Distrik Militer", short_name="Kodim", head_title="Dandim 1430")
    AgencyFactory(name="Kejaksaan Negeri Konawe", short_name="Kejari")
    for query, expected in [
        ("polres", "Kepolisian Resor Konawe Utara"),
        ("dandim", "Komando Distrik Militer"),
        ("kejari", "Kejaksaan Negeri Konawe"),
    ]:
        response = reader_client.get(reverse("agencies:list"), {"q": query})
        assert [a.name for a in response.context["page"].object_list] == [expected]


def test_list_filters_by_kind_and_region(reader_client):
    region = RegionFactory(code="74")
    AgencyFactory(name="Kecamatan Asera", kind=Agency.Kind.DISTRICT, region=region)
    AgencyFactory(name="Kecamatan Lain", kind=Agency.Kind.DISTRICT)
    AgencyFactory(name="KPU Kabupaten", kind=Agency.Kind.ELECTION_BODY, region=region)
    response = reader_client.get(
        reverse("agencies:list"), {"kind": Agency.Kind.DISTRICT, "region": "74"}
    )
    assert [a.name for a in response.context["page"].object_list] == ["Kecamatan Asera"]


def test_region_is_found_by_code_prefix_or_name_with_suggestions(reader_client, operator_client):
    from tests.agencies.factories import RegionFactory as Regions

    # Shipped regions (migration agencies.0010) with their Kemendagri codes.
    konut, other = Regions(code="74.09"), Regions(code="74.72")
    AgencyFactory(name="Dinas Konut", region=konut)
    AgencyFactory(name="Dinas Baubau", region=other)
    AgencyFactory(name="Dinas Lain", region=Regions(code="73"))

    def names(region):
        response = reader_client.get(reverse("agencies:list"), {"region": region})
        return sorted(a.name for a in response.context["page"].object_list)

    assert names("74") == ["Dinas Baubau", "Dinas Konut"]
    assert names("74.09") == ["Dinas Konut"]
    assert names("konawe utara") == ["Dinas Konut"]
    assert names("74.72") == ["Dinas Baubau"]
    page = reader_client.get(reverse("agencies:list")).content.decode()
    assert page.count("<option") < 15  # the kinds only: no list of every region
    options = operator_client.get(reverse("agencies:region_options"), {"region": "74.0"})
    assert options.content.decode() == (
        '<datalist id="region-options">'
        + "".join(
            f'<option value="{r.code} – {r}">{r}</option>'
            for r in Region.objects.filter(code__startswith="74.0").order_by("code")
        )
        + "</datalist>\n"
    )
    assert (
        '<option value="74.09 – Kabupaten Konawe Utara">Kabupaten Konawe Utara</option>'
        in options.content.decode()
    )
    # A suggestion typed back filters as its code does.
    assert names("74.09 – Kabupaten Konawe Utara") == ["Dinas Konut"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "xyz"}, "kind"),
        ({"region": "999999"}, "region"),
        ({"region": "99999999999999999999999"}, "region"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_invalid_filter_values_are_shown_next_to_the_field(reader_client, params, field):
    AgencyFactory()
    response = reader_client.get(reverse("agencies:list"), params)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assertContains(response, f'id="id_{field}_error"')


def test_list_is_paginated_and_page_links_keep_the_filters(reader_client):
    AgencyFactory.create_batch(51, kind=Agency.Kind.OPD)
    AgencyFactory(kind=Agency.Kind.OTHER)
    response = reader_client.get(reverse("agencies:list"), {"kind": Agency.Kind.OPD})
    page = response.context["page"]
    assert (len(page.object_list), page.paginator.count) == (50, 51)
    assertContains(response, "?kind=opd&amp;page=2")
    response = reader_client.get(reverse("agencies:list"), {"kind": "opd", "page": "2"})
    assert len(response.context["page"].object_list) == 1
    assertContains(response, "?kind=opd&amp;page=1")


def test_out_of_range_page_shows_the_last_page(reader_client):
    AgencyFactory.create_batch(3)
    for page in ("99", "abc"):
        response = reader_client.get(reverse("agencies:list"), {"page": page})
        assert response.status_code == 200
        assert len(response.context["page"].object_list) == 4  # and the reader's organizer


def test_add_button_only_for_users_who_may_add(operator_client, client, make_user):
    assertContains(operator_client.get(reverse("agencies:list")), 'id="agency-create"')
    client.force_login(make_user("reader2", Role.PIMPINAN))  # may read, not add
    assertNotContains(client.get(reverse("agencies:list")), 'id="agency-create"')


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow(operator_client, django_assert_max_num_queries, rows):
    region = RegionFactory()
    meeting = MeetingFactory(organizer=AgencyFactory(kind=Agency.Kind.OTHER))
    for agency in AgencyFactory.create_batch(rows, region=region):
        OfficialFactory.create_batch(2, agency=agency)
        ParticipationFactory(agency=agency, meeting=meeting)
    RegionFactory.create_batch(rows)
    # Session, user, the count and page of institutions, the region choices, permissions (2).
    with django_assert_max_num_queries(7):
        response = operator_client.get(reverse("agencies:list"), {"q": "uji", "kind": "opd"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == rows


# --- Detail -----------------------------------------------------------------------------


def test_detail_shows_officials_and_meetings(reader_client):
    official = OfficialFactory(name="La Ode Saifuddin", title_prefix="Drs.", title_suffix="M.Si")
    participation = ParticipationFactory(agency=official.agency)
    response = reader_client.get(reverse("agencies:detail", args=[official.agency_id]))
    assertContains(response, "Drs. La Ode Saifuddin, M.Si")
    assertContains(response, participation.meeting.title)


def test_detail_shows_edit_buttons_only_to_users_with_the_permission(
    operator_client, client, make_user
):
    official = OfficialFactory()
    url = reverse("agencies:detail", args=[official.agency_id])
    edit_official = reverse("agencies:official_update", args=[official.agency_id, official.pk])
    delete_official = reverse("agencies:official_delete", args=[official.agency_id, official.pk])
    response = operator_client.get(url)
    for element_id in ("agency-update", "agency-delete", "official-create"):
        assertContains(response, f'id="{element_id}"')
    assertContains(response, edit_official)
    assertContains(response, delete_official)

    client.force_login(make_user("reader2", Role.PIMPINAN))  # may read, not edit
    response = client.get(url)
    for element_id in ("agency-update", "agency-delete", "official-create"):
        assertNotContains(response, f'id="{element_id}"')
    assertNotContains(response, edit_official)
    assertNotContains(response, delete_official)


def test_unknown_agency_is_404(reader_client):
    assert reader_client.get(reverse("agencies:detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_does_not_grow(operator_client, django_assert_max_num_queries, rows):
    agency = AgencyFactory()
    OfficialFactory.create_batch(rows, agency=agency)
    AgencyFactory.create_batch(rows, parent=agency)
    ParticipationFactory.create_batch(rows, agency=agency)
    # Session, user, institution, officials, units, meetings, permissions (2), and for the
    # tenancy rule the profile with its institution, the institutions under it and the
    # meetings it is invited to.
    with django_assert_max_num_queries(11):
        response = operator_client.get(reverse("agencies:detail", args=[agency.pk]))
    assert response.status_code == 200


# --- Permissions and unknown rows -------------------------------------------------------


def _edit_urls(official: Official) -> list[str]:
    agency = official.agency
    return [
        reverse("agencies:create"),
        reverse("agencies:update", args=[agency.pk]),
        reverse("agencies:delete", args=[agency.pk]),
        reverse("agencies:official_create", args=[agency.pk]),
        reverse("agencies:official_update", args=[agency.pk, official.pk]),
        reverse("agencies:official_delete", args=[agency.pk, official.pk]),
    ]


def test_every_edit_page_opens_for_the_operator(operator_client):
    official = OfficialFactory()
    for url in _edit_urls(official):
        response = operator_client.get(url)
        assert response.status_code == 200, url


def test_every_edit_page_is_forbidden_without_the_permission(reader_client):
    official = OfficialFactory()
    for url in _edit_urls(official):
        assert reader_client.get(url).status_code == 403, url
        assert reader_client.post(url, agency_data()).status_code == 403, url
    assert agencies_but_home().count() == 1
    assert Official.objects.filter(pk=official.pk).exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("agencies:create"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("agencies:update", [999999]),
        ("agencies:delete", [999999]),
        ("agencies:official_create", [999999]),
        ("agencies:official_update", [999999, 999999]),
        ("agencies:official_delete", [999999, 999999]),
    ],
)
def test_unknown_rows_are_404(operator_client, name, args):
    assert operator_client.get(reverse(name, args=args)).status_code == 404
    assert operator_client.post(reverse(name, args=args)).status_code == 404


def test_an_official_is_only_reached_through_its_own_institution(operator_client):
    official = OfficialFactory()
    other = AgencyFactory()
    for name in ("agencies:official_update", "agencies:official_delete"):
        response = operator_client.get(reverse(name, args=[other.pk, official.pk]))
        assert response.status_code == 404


# --- Create and edit an institution -----------------------------------------------------


def test_create_form_is_multipart_with_the_fields(operator_client):
    response = operator_client.get(reverse("agencies:create"))
    assertTemplateUsed(response, "agencies/agency_form.html")
    assertContains(response, 'enctype="multipart/form-data"')
    for field in ("name", "short_name", "kind", "parent", "region", "head_title", "logo"):
        assertContains(response, f'name="{field}"')


def test_create_saves_and_redirects_to_the_new_institution(operator_client):
    region = Region.objects.get(code="74.09")  # typed as its Kemendagri code
    parent = AgencyFactory()
    response = operator_client.post(
        reverse("agencies:create"),
        agency_data(parent=parent.pk, region="74.09", logo=png_upload()),
    )
    agency = Agency.objects.get(short_name="KPU Konut")
    assert response.status_code == 302
    assert response.url == reverse("agencies:detail", args=[agency.pk])
    assert message_count(response) == 1
    assert (agency.parent, agency.region, agency.kind) == (parent, region, "penyelenggara")
    # Registered by the operator's organizer, whose staff may change it.
    assert agency.owner == home_organizer()
    page = operator_client.get(reverse("agencies:update", args=[agency.pk]))
    assert 'value="74.09 – Kabupaten Konawe Utara"' in page.content.decode()
    assert agency.logo.name.startswith("logos/")


@pytest.mark.parametrize(
    ("typed", "error"),
    [("99.99", "No region"), ("Utara", "Several regions"), ("tidak ada", "No region")],
)
def test_a_region_is_typed_as_code_or_name_and_explained_when_unclear(
    operator_client, typed, error
):
    response = operator_client.post(reverse("agencies:create"), agency_data(region=typed))
    assert response.status_code == 200
    errors = response.context["form"].errors["region"]
    assert any(error in str(e) for e in errors) or any(
        {"No region": "Tidak ada wilayah", "Several regions": "Beberapa wilayah"}[error] in str(e)
        for e in errors
    )
    assert not agencies_but_home().filter(short_name="KPU Konut").exists()


def test_a_region_is_found_by_the_words_of_its_name(operator_client):
    operator_client.post(reverse("agencies:create"), agency_data(region="konawe utara"))
    agency = Agency.objects.get(short_name="KPU Konut")
    assert agency.region.code == "74.09"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"short_name": "x" * 61}, "short_name"),
        ({"head_title": "x" * 121}, "head_title"),
        ({"kind": "xyz"}, "kind"),
        ({"parent": "999999"}, "parent"),
        ({"parent": "abc"}, "parent"),
        ({"region": "999999"}, "region"),
        ({"email": "not-an-address"}, "email"),
    ],
)
def test_create_with_invalid_input_keeps_the_typed_values(operator_client, overrides, field):
    data = agency_data(**overrides)
    response = operator_client.post(reverse("agencies:create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assertContains(response, f'id="id_{field}_error"')
    assert form["head_title"].value() == data["head_title"]
    assert form[field].value() == data[field]
    assert not agencies_but_home().exists()


def test_duplicate_name_and_short_name_are_refused_next_to_the_fields(operator_client):
    AgencyFactory(name="Komisi Pemilihan Umum Kabupaten Konawe Utara", short_name="KPU Konut")
    response = operator_client.post(reverse("agencies:create"), agency_data())
    assert response.status_code == 200
    assert {"name", "short_name"} <= set(response.context["form"].errors)
    assert not response.context["form"].non_field_errors()
    assert agencies_but_home().count() == 1


def test_a_file_that_is_not_an_image_is_refused_as_logo(operator_client):
    fake = SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png")
    response = operator_client.post(reverse("agencies:create"), agency_data(logo=fake))
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert not agencies_but_home().exists()


def test_a_logo_over_the_size_limit_is_refused(operator_client, settings):
    upload = png_upload(size=(200, 200))
    settings.LOGO_MAX_BYTES = 100
    response = operator_client.post(reverse("agencies:create"), agency_data(logo=upload))
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert response.context["form"]["name"].value() == agency_data()["name"]
    assert not agencies_but_home().exists()


def test_a_logo_of_another_image_type_is_refused(operator_client):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    upload = SimpleUploadedFile("logo.gif", buffer.getvalue(), content_type="image/gif")
    response = operator_client.post(reverse("agencies:create"), agency_data(logo=upload))
    assert "logo" in response.context["form"].errors
    assert not agencies_but_home().exists()


def test_update_saves_and_keeps_the_logo(operator_client):
    agency = AgencyFactory(name="Dinas Lama")
    operator_client.post(
        reverse("agencies:update", args=[agency.pk]), agency_data(logo=png_upload())
    )
    agency.refresh_from_db()
    logo = agency.logo.name
    response = operator_client.post(
        reverse("agencies:update", args=[agency.pk]),
        agency_data(name="Dinas Baru", version=agency.version),
    )
    assert response.status_code == 302
    assert response.url == reverse("agencies:detail", args=[agency.pk])
    agency.refresh_from_db()
    assert (agency.name, agency.logo.name) == ("Dinas Baru", logo)


def test_update_can_clear_the_logo(operator_client):
    agency = AgencyFactory()
    operator_client.post(
        reverse("agencies:update", args=[agency.pk]), agency_data(logo=png_upload())
    )
    response = operator_client.post(
        reverse("agencies:update", args=[agency.pk]),
        agency_data(**{"logo-clear": "on"}, version=2),
    )
    assert response.status_code == 302
    agency.refresh_from_db()
    assert not agency.logo


def test_an_institution_cannot_be_its_own_parent(operator_client):
    agency = AgencyFactory(name="Dinas Lama")
    response = operator_client.post(
        reverse("agencies:update", args=[agency.pk]), agency_data(parent=agency.pk)
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    agency.refresh_from_db()
    assert (agency.name, agency.parent) == ("Dinas Lama", None)


def test_an_institution_cannot_be_placed_under_its_own_unit(operator_client):
    agency = AgencyFactory()
    unit = AgencyFactory(parent=agency)
    response = operator_client.post(
        reverse("agencies:update", args=[agency.pk]), agency_data(parent=unit.pk)
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    agency.refresh_from_db()
    assert agency.parent is None


def test_edit_page_heading_keeps_the_stored_name_while_showing_errors(operator_client):
    agency = AgencyFactory(name="Dinas Lama")
    response = operator_client.post(
        reverse("agencies:update", args=[agency.pk]), agency_data(name="", kind="xyz")
    )
    assert response.context["agency"].name == "Dinas Lama"
    assert {"name", "kind"} <= set(response.context["form"].errors)


# --- Delete an institution --------------------------------------------------------------


def test_delete_page_lists_the_officials_that_go_with_it(operator_client):
    official = OfficialFactory(name="Budi Santoso")
    response = operator_client.get(reverse("agencies:delete", args=[official.agency_id]))
    assertTemplateUsed(response, "agencies/agency_confirm_delete.html")
    assertContains(response, 'id="deleted-officials"')
    assertContains(response, "Budi Santoso")
    assertContains(response, 'name="delete"')


def test_delete_removes_the_institution_and_its_officials(operator_client):
    official = OfficialFactory()
    response = operator_client.post(reverse("agencies:delete", args=[official.agency_id]))
    assert response.status_code == 302
    assert response.url == reverse("agencies:list")
    assert message_count(response) == 1
    assert not agencies_but_home().exists()
    assert not Official.objects.exists()


def test_delete_is_refused_with_the_reason_while_the_institution_is_used(operator_client):
    official = OfficialFactory()
    participation = ParticipationFactory(agency=official.agency)
    response = operator_client.post(reverse("agencies:delete", args=[official.agency_id]))
    assert response.status_code == 200
    assertTemplateUsed(response, "agencies/agency_confirm_delete.html")
    assertContains(response, 'id="delete-refused"')
    assertContains(response, str(participation))
    assertNotContains(response, 'name="delete"')
    assert Agency.objects.filter(pk=official.agency_id).exists()
    assert Official.objects.filter(pk=official.pk).exists()


def test_delete_is_refused_while_an_official_chaired_a_meeting(operator_client):
    official = OfficialFactory()
    meeting = MeetingFactory(chair=official)
    response = operator_client.post(reverse("agencies:delete", args=[official.agency_id]))
    assert response.status_code == 200
    assertContains(response, meeting.title)
    assert Official.objects.filter(pk=official.pk).exists()


# --- Officials --------------------------------------------------------------------------


def test_official_create_saves_under_the_institution(operator_client):
    agency = AgencyFactory()
    response = operator_client.post(
        reverse("agencies:official_create", args=[agency.pk]), official_data()
    )
    assert response.status_code == 302
    assert response.url == reverse("agencies:detail", args=[agency.pk])
    assert message_count(response) == 1
    official = agency.officials.get()
    assert (official.full_name, official.nip) == ("Drs. La Ode Saifuddin, M.Si", NIP)


@pytest.mark.parametrize("typed", ["19700101 200003 1 001", "19700101.200003.1.001", f" {NIP} "])
def test_nip_typed_in_groups_is_stored_as_18_digits(operator_client, typed):
    agency = AgencyFactory()
    response = operator_client.post(
        reverse("agencies:official_create", args=[agency.pk]), official_data(nip=typed)
    )
    assert response.status_code == 302
    assert agency.officials.get().nip == NIP


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"position": ""}, "position"),
        ({"name": "x" * 121}, "name"),
        ({"title_prefix": "x" * 41}, "title_prefix"),
        ({"rank": "x" * 81}, "rank"),
        ({"nip": "1970 0101"}, "nip"),
        ({"nip": "197013012000031001"}, "nip"),
        ({"nip": "19700101200003100x"}, "nip"),
        ({"nip": "1" * 41}, "nip"),
        ({"email": "nope"}, "email"),
    ],
)
def test_official_with_invalid_input_keeps_the_typed_values(operator_client, overrides, field):
    agency = AgencyFactory()
    data = official_data(**overrides)
    response = operator_client.post(reverse("agencies:official_create", args=[agency.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assertContains(response, f'id="id_{field}_error"')
    assert form["position"].value() == data["position"]
    assert form[field].value() == data[field]
    assert not agency.officials.exists()


def test_invalid_nip_shows_the_validator_message(operator_client):
    agency = AgencyFactory()
    response = operator_client.post(
        reverse("agencies:official_create", args=[agency.pk]),
        official_data(nip="197013012000031001"),
    )
    assert [error.code for error in response.context["form"].errors.as_data()["nip"]] == [
        "nip_birth_date"
    ]


def test_duplicate_nip_is_refused_next_to_the_field(operator_client):
    OfficialFactory(nip=NIP)
    agency = AgencyFactory()
    response = operator_client.post(
        reverse("agencies:official_create", args=[agency.pk]),
        official_data(nip="19700101 200003 1 001"),
    )
    assert response.status_code == 200
    assert "nip" in response.context["form"].errors
    assert not agency.officials.exists()


def test_official_update_saves(operator_client):
    official = OfficialFactory(nip=NIP)
    response = operator_client.post(
        reverse("agencies:official_update", args=[official.agency_id, official.pk]),
        official_data(position="Sekretaris Daerah", nip="19700101 200003 1 001"),
    )
    assert response.status_code == 302
    assert response.url == reverse("agencies:detail", args=[official.agency_id])
    assert message_count(response) == 1
    official.refresh_from_db()
    assert (official.position, official.nip) == ("Sekretaris Daerah", NIP)


def test_official_update_shows_the_stored_values(operator_client):
    official = OfficialFactory(nip=NIP, position="Camat Asera")
    response = operator_client.get(
        reverse("agencies:official_update", args=[official.agency_id, official.pk])
    )
    assertTemplateUsed(response, "agencies/official_form.html")
    assert response.context["form"]["nip"].value() == NIP
    assertContains(response, 'value="Camat Asera"')


def test_official_delete(operator_client):
    official = OfficialFactory()
    url = reverse("agencies:official_delete", args=[official.agency_id, official.pk])
    assertTemplateUsed(operator_client.get(url), "agencies/official_confirm_delete.html")
    response = operator_client.post(url)
    assert response.status_code == 302
    assert response.url == reverse("agencies:detail", args=[official.agency_id])
    assert message_count(response) == 1
    assert not Official.objects.exists()


def test_official_delete_is_refused_while_the_official_chaired_a_meeting(operator_client):
    official = OfficialFactory()
    meeting = MeetingFactory(chair=official)
    response = operator_client.post(
        reverse("agencies:official_delete", args=[official.agency_id, official.pk])
    )
    assert response.status_code == 200
    assertContains(response, 'id="delete-refused"')
    assertContains(response, meeting.title)
    assert Official.objects.filter(pk=official.pk).exists()


@pytest.mark.parametrize("few_matches", [1000, 1])
def test_the_search_finds_the_same_page_either_way(operator_client, monkeypatch, few_matches):
    """Up to FEW_MATCHES matches, the page is taken among their ids; beyond, by a subquery:
    the same institutions in the list's order."""
    from agencies import selectors

    monkeypatch.setattr(selectors, "FEW_MATCHES", few_matches)
    for name in ("Kecamatan Uji B", "Dinas Lain", "Kecamatan Uji A", "KPU Uji"):
        AgencyFactory(name=name)
    response = operator_client.get(reverse("agencies:list"), {"q": "uji"})
    names = [agency.name for agency in response.context["page"]]
    in_order = [agency.name for agency in selectors.agency_list().filter(name__icontains="uji")]
    assert names == in_order
    assert set(names) == {"Kecamatan Uji A", "Kecamatan Uji B", "KPU Uji"}
