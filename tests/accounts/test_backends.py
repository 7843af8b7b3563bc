"""accounts.backends.PortalBackend reads the same permissions as Django's ModelBackend."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from accounts.backends import PortalBackend
from accounts.roles import Role

pytestmark = pytest.mark.django_db


def _fresh(user):
    """The user as a new request reads it (no permissions remembered on the object)."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.parametrize("role", [None, *Role])
def test_the_same_permissions_as_model_backend(make_user, role):
    user = make_user("someone", role)
    # Besides the role's group: a permission of the user's own, one also given by the group,
    # and a second group.
    user.user_permissions.add(Permission.objects.get(codename="view_agency"))
    extra = Group.objects.create(name="extra")
    extra.permissions.add(Permission.objects.get(codename="delete_meeting"))
    user.groups.add(extra)
    expected = ModelBackend().get_all_permissions(_fresh(user))
    assert PortalBackend().get_all_permissions(_fresh(user)) == expected
    assert "meetings.delete_meeting" in expected
    assert "agencies.view_agency" in expected


def test_inactive_users_and_superusers_as_model_backend(make_user):
    user = make_user("gone", Role.OPERATOR, is_active=False)
    assert PortalBackend().get_all_permissions(_fresh(user)) == set()
    admin = make_user("admin", None, is_superuser=True)
    assert PortalBackend().get_all_permissions(_fresh(admin)) == ModelBackend().get_all_permissions(
        _fresh(admin)
    )


def test_one_query_then_none(make_user, django_assert_num_queries):
    user = _fresh(make_user("operator", Role.OPERATOR))
    backend = PortalBackend()
    with django_assert_num_queries(1):
        permissions = backend.get_all_permissions(user)
    with django_assert_num_queries(0):
        assert user.has_perm("meetings.change_meeting")
        assert backend.get_all_permissions(user) is permissions
