"""Writes for accounts: role groups and the demo users."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q

from .roles import ROLE_PERMISSIONS, Role

DEMO_PASSWORD = "rakor-demo"


@transaction.atomic
def role_groups_sync(*, using: str = "default") -> list[Group]:
    """Create every role's group and give it exactly the permissions of ROLE_PERMISSIONS."""
    groups = []
    for role in Role:
        group, _created = Group.objects.using(using).get_or_create(name=role.value)
        query = Q(pk__in=[])
        for model_label, actions in ROLE_PERMISSIONS[role].items():
            app_label, model = model_label.split(".")
            query |= Q(
                content_type__app_label=app_label,
                codename__in=[
                    action if "_" in action else f"{action}_{model}" for action in actions
                ],
            )
        group.permissions.set(Permission.objects.using(using).filter(query))
        groups.append(group)
    return groups


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    password: str


DEMO_USERS = (
    ("operator", Role.OPERATOR, "Operator", "Kesbangpol"),
    ("notulis", Role.NOTULIS, "Notulis", "Sekretariat"),
    ("pimpinan", Role.PIMPINAN, "Pimpinan", "Rapat"),
    ("peserta", Role.PESERTA, "Peserta", "Rakor"),
    ("admin", None, "Admin", "Portal"),
)


@transaction.atomic
def demo_users_create() -> list[DemoUser]:
    """Create (or reset) one demo user per role, all with the demo password.

    Refused when DEBUG is off: a production database must never gain accounts whose
    password is printed in the README.
    """
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demo users are created only when DEBUG is on.")
    role_groups_sync()
    user_model = get_user_model()
    created = []
    for username, role, first_name, last_name in DEMO_USERS:
        user = user_model.objects.filter(username=username).first() or user_model(username=username)
        user.first_name, user.last_name = first_name, last_name
        user.is_superuser = role is None
        user.is_staff = role is None  # only the administrator uses the admin site
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.full_clean()
        user.save()
        if role is not None:
            user.groups.set([Group.objects.get(name=role.value)])
        created.append(
            DemoUser(username, str(role.label) if role else "Administrator", DEMO_PASSWORD)
        )
    return created
