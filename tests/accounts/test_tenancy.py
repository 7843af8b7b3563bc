"""One deployment, two organizers: the staff of one neither read nor change anything of the
other's meetings (meetings, briefings, documents, revisions, history, htmx endpoints), a
supervisor reads only the organizers of its region, and a pimpinan approves only as the chair
or the designated approver (accounts.rules, the tenancy rule)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from agencies.models import Region
from meetings.models import Meeting, Participation
from minutes import services as workflow
from tests.accounts.test_role_matrix import _cases
from tests.accounts.test_role_matrix import world as world
from tests.agencies.factories import AgencyFactory, OfficialFactory, home_organizer
from tests.meetings.factories import MeetingFactory, ParticipationFactory, complete_record

pytestmark = pytest.mark.django_db

# URLs of the shared parts: the registry of institutions is read by every organizer's staff,
# the lists and create pages are each user's own, the public pages are public.
OBJECT_URL = re.compile(
    r"^/(meetings|agencies)/"
    r"(?!$|elections/$|elections/new/|new/|regions/$|regions/new/|region-options/|filter-options/)"
)


@pytest.fixture
def other(make_user):
    """A second organizer (a province's Kesbangpol in WIT) with its own staff, and a
    supervisor of another province."""
    papua = Region.objects.get(code="91")
    organizer = AgencyFactory(
        name="Badan Kesbangpol Provinsi Papua", short_name="Kesbangpol Papua", region=papua
    )
    supervisor_office = AgencyFactory(
        short_name="Kesbangpol Maluku", region=Region.objects.get(code="81"), level="provinsi"
    )
    users = {
        "operator": make_user("op-papua", Role.OPERATOR, agency=organizer),
        "notulis": make_user("notulis-papua", Role.NOTULIS, agency=organizer),
        "pimpinan": make_user("pimpinan-papua", Role.PIMPINAN, agency=organizer),
        "pengawas": make_user("pengawas-maluku", Role.SUPERVISOR, agency=supervisor_office),
    }
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    meeting = MeetingFactory(organizer=organizer, title="Rakor Papua")
    return {"organizer": organizer, "clients": clients, "meeting": meeting}


def _object_cases(world):
    ours = {world["meeting"].pk, world["elsewhere"].pk, world["final"].pk}
    for label, url, _expected in _cases(world):
        match = re.match(r"^/meetings/(\d+)/", url)
        ours_by_id = match is not None and int(match.group(1)) in ours
        if ours_by_id or (OBJECT_URL.match(url) and not url.startswith("/meetings/?")):
            yield label, url


def _state():
    return [
        (m.pk, m.updated_at, m.minutes_status, m.participations.count())
        for m in Meeting.objects.order_by("pk")
    ]


def test_another_organizers_staff_read_and_change_nothing_of_ours(world, other):
    cases = list(_object_cases(world))
    assert len(cases) >= 45
    before = _state()
    failures = []
    for label, url in cases:
        if label.split(" ")[0] in (
            "agencies:detail",
            "agencies:logo",
            "agencies:region_options",
            "agencies:pick",
        ):
            continue  # the registry is shared for reading
        for role, client in other["clients"].items():
            for method in ("get", "post"):
                status = getattr(client, method)(url).status_code
                if status not in (403, 404, 405):
                    failures.append(f"{method.upper()} {label} as {role} of another: {status}")
    assert failures == [], "\n".join(failures)
    assert _state() == before


def test_another_organizers_lists_hold_none_of_our_meetings(world, other):
    ours = [world["meeting"].title, world["elsewhere"].title, world["final"].title]
    for role, client in other["clients"].items():
        listing = client.get(reverse("meetings:list")).content.decode()
        for title in ours:
            assert title not in listing, role
        if role != "pengawas":
            assert "Rakor Papua" in listing, role
        options = client.get(
            reverse("meetings:filter_options", args=["organizer"]), {"organizer": "uji"}
        ).content.decode()
        assert home_organizer().name not in options, role
        # The institution's page lists only meetings this reader may open.
        page = client.get(reverse("agencies:detail", args=[world["own"].pk]))
        if page.status_code == 200:
            for title in ours:
                assert title not in page.content.decode(), role


def test_the_supervisor_reads_its_regions_meetings_and_changes_nothing(world, other):
    supervisor = world["clients"]["pengawas"]
    meeting = world["meeting"]
    assert supervisor.get(meeting.get_absolute_url()).status_code == 200
    assert supervisor.get(other["meeting"].get_absolute_url()).status_code == 404
    assert "Rakor Papua" not in supervisor.get(reverse("meetings:list")).content.decode()
    for name in ("meetings:update", "meetings:invitations", "meetings:minutes"):
        assert supervisor.get(reverse(name, args=[meeting.pk])).status_code == 403
    assert supervisor.post(reverse("meetings:delete", args=[meeting.pk])).status_code == 403
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_national_supervisor_reads_every_organizers_meetings(world, other, make_user):
    ministry = AgencyFactory(short_name="Kemendagri", kind="kementerian", level="nasional")
    client = Client()
    client.force_login(make_user("ditjen", Role.SUPERVISOR, agency=ministry))
    listing = client.get(reverse("meetings:list")).content.decode()
    assert "Rakor Papua" in listing
    assert world["meeting"].title in listing


def test_staff_of_an_institution_under_the_organizer_do_not_reach_up(world, make_user):
    unit = AgencyFactory(short_name="Bidang Poldagri", parent=home_organizer())
    client = Client()
    client.force_login(make_user("bidang", Role.OPERATOR, agency=unit))
    assert client.get(world["meeting"].get_absolute_url()).status_code == 404
    # ...while the organizer's staff serve the unit's meetings.
    unit_meeting = MeetingFactory(organizer=unit)
    operator = world["clients"]["operator"]
    assert operator.get(reverse("meetings:update", args=[unit_meeting.pk])).status_code == 200


@pytest.mark.parametrize("approves", ["chair", "designated", "neither"])
def test_a_pimpinan_approves_as_chair_or_designated_approver(make_user, approves):
    chair = OfficialFactory(agency=home_organizer(), position="Kepala Badan")
    meeting = MeetingFactory(chair=chair)
    ParticipationFactory(meeting=meeting, status=Participation.Status.PRESENT)
    complete_record(meeting)
    notulis = make_user("notulis", Role.NOTULIS)
    workflow.minutes_submit(meeting=meeting, user=notulis)
    pimpinan = make_user("ketua", Role.PIMPINAN, approves_minutes=approves == "designated")
    if approves == "chair":
        pimpinan.profile.official = chair
        pimpinan.profile.save()
    client = Client()
    client.force_login(pimpinan)
    page = client.get(meeting.get_absolute_url()).content.decode()
    response = client.post(reverse("minutes:action", args=[meeting.pk, "approve"]))
    meeting.refresh_from_db()
    if approves == "neither":
        assert 'id="minutes-approve"' not in page
        assert response.status_code == 302  # back to the meeting, with the reason
        message = str(next(iter(get_messages(response.wsgi_request))))
        assert "Hanya pimpinan rapat ini" in message
        assert meeting.minutes_status == "in_review"
    else:
        assert 'id="minutes-approve"' in page
        assert meeting.minutes_status == "final"


def test_an_institution_is_changed_only_by_the_organizer_that_registered_it(world, other):
    own = world["own"]  # registered by the home organizer
    theirs = other["clients"]["operator"]
    assert theirs.get(reverse("agencies:detail", args=[own.pk])).status_code == 200
    assert (
        'id="agency-update"'
        not in theirs.get(reverse("agencies:detail", args=[own.pk])).content.decode()
    )
    assert theirs.get(reverse("agencies:update", args=[own.pk])).status_code == 403
    ours = world["clients"]["operator"]
    assert ours.get(reverse("agencies:update", args=[own.pk])).status_code == 200
    # What they register is theirs.
    theirs.post(
        reverse("agencies:create"),
        {
            "name": "Kepolisian Daerah Papua",
            "short_name": "Polda Papua",
            "kind": "polri",
            "level": "provinsi",
            "paper_size": "A4",
        },
    )
    from agencies.models import Agency

    polda = Agency.objects.get(short_name="Polda Papua")
    assert polda.owner == other["organizer"]
    assert ours.get(reverse("agencies:update", args=[polda.pk])).status_code == 403
