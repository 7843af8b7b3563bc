import pytest
from django.contrib.auth.models import Group

from accounts.roles import ROLE_PERMISSIONS, Role
from accounts.services import role_groups_sync

pytestmark = pytest.mark.django_db


def test_every_role_has_a_group_with_exactly_its_permissions():
    role_groups_sync()
    role_groups_sync()  # idempotent
    for role in Role:
        group = Group.objects.get(name=role.value)
        expected = {
            action if "_" in action else f"{action}_{label.split('.')[1]}"
            for label, actions in ROLE_PERMISSIONS[role].items()
            for action in actions
        }
        assert set(group.permissions.values_list("codename", flat=True)) == expected


def test_groups_exist_after_migrate():
    # The post_migrate hook ran when the test database was created.
    assert Group.objects.filter(name=Role.OPERATOR.value).exists()
