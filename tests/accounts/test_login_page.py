"""The sign-in page's form sends its CSRF token once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_sign_in_form_carries_one_csrf_token():
    page = Client().get(reverse("login")).content.decode()
    (form,) = re.findall(r'<form method="post" novalidate>(.*?)</form>', page, re.S)
    assert form.count('name="csrfmiddlewaretoken"') == 1
