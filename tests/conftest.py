import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import Role
from accounts.services import role_groups_sync


@pytest.fixture
def make_user(db):
    """Create a user with the given role (a Role, or None for a plain account)."""

    def make(username: str = "user", role: Role | None = None, **fields):
        role_groups_sync()
        user = get_user_model().objects.create_user(username=username, password="x", **fields)
        if role is not None:
            user.groups.add(Group.objects.get(name=role.value))
        return user

    return make


@pytest.fixture
def operator_client(client, make_user):
    client.force_login(make_user("operator", Role.OPERATOR, is_staff=True))
    return client


@pytest.fixture
def peserta_client(client, make_user):
    client.force_login(make_user("peserta", Role.PESERTA))
    return client


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return (
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip()
    )
