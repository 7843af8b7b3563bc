"""Production settings, login throttling, CSP, error pages and the absence of inline code."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertTemplateUsed

from tests.meetings.factories import MeetingFactory

ROOT = Path(settings.BASE_DIR)


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DEBUG": "0",
        "HTTPS": "1",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "rakor.konaweutarakab.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_every_page_carries_a_strict_content_security_policy(reader_client):
    meeting = MeetingFactory()
    response = reader_client.get(reverse("meetings:detail", args=[meeting.pk]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_account_with_a_clear_message(make_user):
    make_user("operator")
    client = Client()
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "operator", "password": "salah"})
        assert response.status_code == 200
        assert response.context["form"].errors
    response = client.post(url, {"username": "operator", "password": "salah"})
    assert response.status_code == 429
    assertTemplateUsed(response, "registration/locked_out.html")
    assertContains(response, "15 menit", status_code=429)
    # Even the right password is refused while the lock lasts.
    response = client.post(url, {"username": "operator", "password": "x"})
    assert response.status_code == 429


@pytest.mark.django_db
def test_error_pages_are_in_indonesian_without_details(reader_client, settings):
    settings.DEBUG = False
    response = reader_client.get("/tidak-ada/")
    assert response.status_code == 404
    assertContains(response, "Halaman tidak ditemukan", status_code=404)
    assert b"Traceback" not in response.content


@pytest.mark.django_db
def test_an_expired_form_gets_a_page_in_indonesian(make_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("operator"))
    response = client.post(reverse("meetings:create"), {})
    assert response.status_code == 403
    assertContains(response, "Formulir", status_code=403)


def test_500_page_is_plain_and_in_indonesian():
    text = (ROOT / "templates" / "500.html").read_text()
    assert "Terjadi kesalahan pada server" in text
    assert "{% extends" not in text  # rendered without any context


def test_templates_contain_no_inline_script_style_or_handlers():
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{path}: inline <script>")
        if re.search(r"<style\b", text) or re.search(r'\sstyle="', text):
            offenders.append(f"{path}: inline style")
        if re.search(r"\son[a-z]+=\"", text) or "hx-on" in text:
            offenders.append(f"{path}: inline event handler")
    assert offenders == []


@pytest.mark.django_db
def test_a_load_balancer_probes_a_process_by_address_over_plain_http(settings):
    """With HTTPS on and ALLOWED_HOSTS naming the portal, /healthz and /readyz still answer
    a probe sent to http://<address>:<port>/ (no 400 and DisallowedHost traceback, no
    redirect to HTTPS); every other page keeps both checks."""
    settings.ALLOWED_HOSTS = ["rakor.konaweutarakab.go.id"]
    settings.SECURE_SSL_REDIRECT = True
    probe = Client(HTTP_HOST="10.0.0.5:8000")
    for path, body in (("/healthz", b"ok"), ("/readyz", b"ready")):
        response = probe.get(path)
        assert response.status_code == 200, path
        assert response.content == body
        assert "no-cache" in response["Cache-Control"]
    assert probe.head("/healthz").status_code == 200
    assert probe.get("/accounts/login/").status_code == 400
    portal = Client(HTTP_HOST="rakor.konaweutarakab.go.id")
    assert portal.get("/accounts/login/").status_code == 301
    # Through nginx (the portal's host, HTTPS) the check goes through the whole stack.
    through_proxy = portal.get("/healthz", secure=True)
    assert through_proxy.status_code == 200
    assert through_proxy["X-Frame-Options"] == "DENY"
    assert "X-Frame-Options" not in probe.get("/healthz")
