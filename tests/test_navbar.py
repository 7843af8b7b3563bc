"""The navbar is cached per user, institution, roles, section and language."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from agencies.services import agency_update
from tests.agencies.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def _nav(response) -> str:
    return response.content.decode().split("<header>", 1)[1].split("</header>", 1)[0]


def test_the_navbar_follows_roles_institution_and_section_at_once(client, make_user):
    user = make_user("someone", Role.PESERTA, agency=AgencyFactory(short_name="Kesbangpol Lama"))
    client.force_login(user)
    institutions = reverse("agencies:list")
    nav = _nav(client.get(reverse("meetings:list")))
    assert institutions not in nav
    assert 'active" aria-current="page" href="/meetings/"' in nav
    # A role given: its links show on the next page.
    user.groups.add(Group.objects.get(name=Role.OPERATOR.value))
    nav = _nav(client.get(reverse("meetings:list")))
    assert institutions in nav
    # Another section: its link is the current one.
    nav = _nav(client.get(institutions))
    assert 'active" aria-current="page" href="/agencies/"' in nav
    assert 'aria-current="page" href="/meetings/"' not in nav
    # The institution renamed: the navbar names it so.
    assert "Kesbangpol Lama" in nav
    agency_update(agency=user.profile.agency, short_name="Kesbangpol Baru")
    assert "Kesbangpol Baru" in _nav(client.get(institutions))
    # Each page carries the reader's own CSRF token for signing out.
    assert 'name="csrfmiddlewaretoken"' in _nav(client.get(institutions))


@pytest.mark.django_db
def test_without_an_account_the_portal_name_is_not_a_link_to_the_sign_in(client):
    page = client.get(reverse("login")).content.decode()
    assert '<span class="navbar-brand fw-semibold">' in page
    assert 'class="navbar-brand fw-semibold" href=' not in page
