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
_ROLE_NEEDS_AGENCY = _lazy(
    "Every account acts for an institution (staff for the organizer they work for): choose it."
)


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
    ("pengawas", Role.SUPERVISOR, "Pengawas", "Kesbangpol Sultra"),
    ("perwakilan", Role.LIAISON, "Perwakilan", "KPU Konut"),
    ("peserta", Role.PESERTA, "Peserta", "KPU Konut"),
    ("admin", None, "Admin", "Portal"),
)
# The institution each demo account acts for: the staff for the demo organizer, the supervisor
# for the province's Kesbangpol, the liaison and the attendee for an institution invited to
# both demo meetings.
DEMO_AGENCIES = {
    Role.OPERATOR: "Kesbangpol Konut",
    Role.NOTULIS: "Kesbangpol Konut",
    Role.PIMPINAN: "Kesbangpol Konut",
    Role.SUPERVISOR: "Kesbangpol Sultra",
    Role.LIAISON: "KPU Konut",
    Role.PESERTA: "KPU Konut",
}


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
    from agencies.models import Official

    agencies = {
        a.short_name: a for a in Agency.objects.filter(short_name__in=DEMO_AGENCIES.values())
    }
    # The demo pimpinan is the demo meetings' chair, so approves them as their chair.
    chair = Official.objects.filter(position__startswith="Pjs. Bupati").first()
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
                agency=agencies.get(DEMO_AGENCIES[role]),
                official=chair if role == Role.PIMPINAN else None,
                password=DEMO_PASSWORD,
            )
            user.is_staff = user.is_superuser = False
            user.save(update_fields=["is_staff", "is_superuser"])
        created.append(
            DemoUser(username, str(role.label) if role else "Administrator", DEMO_PASSWORD)
        )
    return created


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
    approves_minutes: bool = False,
):
    """Create or update an account with exactly one role and the institution it acts for
    (accounts.rules: staff work on its meetings, others see its invitations). A blank password
    leaves an existing one unchanged."""
    from django.core.exceptions import ValidationError

    from .models import Profile

    if agency is None:
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
    profile.agency = agency
    profile.official = official
    profile.approves_minutes = approves_minutes and role == Role.PIMPINAN
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
