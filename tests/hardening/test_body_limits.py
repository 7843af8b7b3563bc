"""Request bodies are refused by their declared length before a byte is read."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def _post(path: str, length: int, **extra):
    client = Client()
    return client.generic(
        "POST",
        path,
        data=b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
        **extra,
    )


def test_an_anonymous_300_mb_upload_is_refused_unread():
    response = _post(reverse("minutes:verify_detail", args=["ABCD1234"]), 300 * MB)
    assert response.status_code == 413
    assert "Terlalu besar" in response.content.decode()
    assert "10,0" in response.content.decode()


def test_limits_follow_the_address():
    # The check-in (a drawn signature) and other forms: 1 MB; institution forms (a logo): 5 MB.
    assert _post("/hadir/", 2 * MB).status_code == 413
    assert _post("/accounts/login/", 2 * MB).status_code == 413
    assert _post(reverse("agencies:create"), 6 * MB).status_code == 413


def test_a_body_within_the_limit_reaches_the_view():
    client = Client()
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 200  # the form's own answer, not a refusal


def test_a_body_of_unknown_length_is_refused():
    response = _post("/hadir/", 0, HTTP_TRANSFER_ENCODING="chunked")
    assert response.status_code == 411
