import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from accounts.roles import Role
from accounts.services import role_groups_sync

STAFF_ROLES = {Role.OPERATOR, Role.NOTULIS, Role.PIMPINAN}


@pytest.fixture
def make_user(db):
    """Create a user with the given role (a Role, or None for a plain account).

    Staff act for `agency` (by default tests.agencies.factories.home_organizer, which
    organizes MeetingFactory's meetings); a pimpinan approves all of its meetings unless
    `approves_minutes=False`.
    """
    from accounts.models import Profile
    from tests.agencies.factories import home_organizer

    def make(
        username: str = "user",
        role: Role | None = None,
        agency=None,
        approves_minutes: bool = True,
        **fields,
    ):
        role_groups_sync()
        user = get_user_model().objects.create_user(username=username, password="x", **fields)
        if role is not None:
            user.groups.add(Group.objects.get(name=role.value))
        if agency is None and role in STAFF_ROLES:
            agency = home_organizer()
        if agency is not None:
            Profile.objects.create(
                user=user,
                agency=agency,
                approves_minutes=approves_minutes and role == Role.PIMPINAN,
            )
        return user

    return make


@pytest.fixture
def users_by_role(make_user):
    """users_by_role(agency): one user per role, the liaison and attendee acting for agency."""
    from accounts.models import Profile

    def make(agency) -> dict:
        users = {
            "operator": make_user("operator", Role.OPERATOR),
            "notulis": make_user("notulis", Role.NOTULIS),
            "pimpinan": make_user("pimpinan", Role.PIMPINAN),
            "liaison": make_user("liaison", Role.LIAISON),
            "peserta": make_user("peserta", Role.PESERTA),
            "admin": make_user("admin", is_superuser=True, is_staff=True),
        }
        for name in ("liaison", "peserta"):
            Profile.objects.create(user=users[name], agency=agency)
        return users

    return make


def _client_for(user) -> Client:
    # A Client of its own per role: a test may use several roles side by side.
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def operator_client(make_user):
    return _client_for(make_user("operator", Role.OPERATOR, is_staff=True))


@pytest.fixture
def notulis_client(make_user):
    return _client_for(make_user("notulis", Role.NOTULIS, is_staff=True))


@pytest.fixture
def peserta_client(make_user):
    """An attendee tied to no institution: sees no meeting (see attendee_client)."""
    return _client_for(make_user("peserta", Role.PESERTA))


@pytest.fixture
def reader_client(make_user):
    """A chair (pimpinan): reads every meeting and institution, changes nothing but approvals."""
    return _client_for(make_user("reader", Role.PIMPINAN))


@pytest.fixture
def attendee_for(make_user):
    """attendee_for(agency): a signed-in attendee acting for that institution."""

    def make(agency, role: Role = Role.PESERTA, username: str = "attendee"):
        return _client_for(make_user(username, role, agency=agency))

    return make


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return (
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip()
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (rendered meeting parts are cached)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
