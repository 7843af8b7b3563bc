"""Writes for accounts: role groups and the demo users."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _lazy

from .roles import ROLE_PERMISSIONS, Role

DEMO_PASSWORD = "rakor-demo"
_ROLE_NEEDS_AGENCY = _lazy("Liaisons and attendees act for an institution: choose it.")


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
    ("perwakilan", Role.LIAISON, "Perwakilan", "KPU Konut"),
    ("peserta", Role.PESERTA, "Peserta", "KPU Konut"),
    ("admin", None, "Admin", "Portal"),
)
# The liaison and the attendee act for this demo institution (invited to both demo meetings).
DEMO_AGENCY = "KPU Konut"


@transaction.atomic
def demo_users_create() -> list[DemoUser]:
    """Create (or reset) one demo user per role, all with the demo password.

    Refused when DEBUG is off: a production database must never gain accounts whose
    password is printed in the README.
    """
    from agencies.models import Agency

    if not settings.DEBUG:
        raise ImproperlyConfigured("Demo users are created only when DEBUG is on.")
    role_groups_sync()
    agency = Agency.objects.filter(short_name=DEMO_AGENCY).first()
    created = []
    for username, role, first_name, last_name in DEMO_USERS:
        user_model = get_user_model()
        existing = user_model.objects.filter(username=username).first()
        if role is None:
            user = existing or user_model(username=username)
            user.first_name, user.last_name = first_name, last_name
            user.is_superuser = user.is_staff = user.is_active = True
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
        else:
            user = user_save(
                user=existing,
                username=username,
                first_name=first_name,
                last_name=last_name,
                role=role.value,
                agency=agency,
                password=DEMO_PASSWORD,
            )
            user.is_staff = user.is_superuser = False
            user.save(update_fields=["is_staff", "is_superuser"])
        created.append(
            DemoUser(username, str(role.label) if role else "Administrator", DEMO_PASSWORD)
        )
    return created


INSTITUTION_ROLES = {Role.LIAISON, Role.PESERTA}


@transaction.atomic
def user_save(
    *,
    user=None,
    username: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    role: str,
    agency=None,
    official=None,
    is_active: bool = True,
    password: str = "",
):
    """Create or update an account with exactly one role (and its institution, when the role
    acts for one). A blank password leaves an existing one unchanged."""
    from django.core.exceptions import ValidationError

    from .models import Profile

    if role in INSTITUTION_ROLES and agency is None:
        raise ValidationError({"agency": ValidationError(_ROLE_NEEDS_AGENCY, code="required")})
    user = user or get_user_model()(username=username)
    user.username, user.first_name, user.last_name, user.email = (
        username,
        first_name,
        last_name,
        email,
    )
    user.is_active = is_active
    if password:
        user.set_password(password)
    elif user.pk is None:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    role_groups_sync()
    user.groups.set([Group.objects.get(name=role)])
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.agency = agency if role in INSTITUTION_ROLES else None
    profile.official = official
    profile.full_clean()
    profile.save()
    return user


def password_reset_send(*, user, request) -> bool:
    """E-mail the user a one-time link to set a password; False when no mail can be sent
    (no EMAIL_HOST, or the account has no address): then set a temporary password."""
    from django.conf import settings
    from django.contrib.auth.forms import PasswordResetForm

    if not settings.EMAIL_HOST or not user.email or not user.is_active:
        return False
    form = PasswordResetForm({"email": user.email})
    form.is_valid()
    form.save(
        request=request,
        use_https=request.is_secure(),
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.txt",
    )
    return True
