"""Browser tests: Playwright drives the system's Chromium against pytest-django's live_server."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import Role
from accounts.services import role_groups_sync

# live_server runs in a thread while Playwright's sync API keeps an event loop in this one;
# Django would otherwise refuse ORM calls made from the test body.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PASSWORD = "rakor-browser-test"


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)."
        # CI sets REQUIRE_BROWSER=1: there a missing browser is a failure, never a skip.
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Users who ask for less motion get no CSS transitions (portal.css), and neither do the
    # tests: what they check is the settled page, never a colour half-way through a change.
    return {**browser_context_args, "reduced_motion": "reduce"}


@pytest.fixture
def operator(transactional_db):
    role_groups_sync()
    from accounts.models import Profile
    from tests.agencies.factories import home_organizer

    user = get_user_model().objects.create_user(
        username="operator", password=PASSWORD, first_name="Operator", is_staff=True
    )
    user.groups.set(Group.objects.filter(name=Role.OPERATOR.value))
    # Acts for the tests' organizer (the demo regency's government, the demo Kesbangpol's
    # parent): the meetings of both are its to serve.
    Profile.objects.create(user=user, agency=home_organizer())
    return user


@pytest.fixture
def page(page):
    # A failing locator should fail in seconds, not after Playwright's default 30 s.
    page.set_default_timeout(10_000)
    # The portal runs under a strict Content-Security-Policy: anything the browser refuses
    # (an inline script or style, a foreign resource) fails the test that caused it.
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    assert violations == [], violations


@pytest.fixture
def logged_in_page(page, live_server, operator):
    """A page signed in as the operator through the login form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Nama pengguna").fill(operator.username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    return page
