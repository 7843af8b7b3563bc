"""Settings are typed: a wrong value stops the start naming its variable; an empty one is unset."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from pilkada_portal.release import release_fingerprint

ROOT = Path(settings.BASE_DIR)
SHOW = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.CACHES['default'], s.DATABASES['default']['CONN_MAX_AGE'], "
    "s.DEBUG, s.SITE_URL, s.TASKS['default']['BACKEND']]))"
)


def _settings_of(tmp_path, **variables):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
        "SECRET_KEY": "typed-settings-test-key",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'typed.sqlite3'}",
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DEBUG", "maybe"),
        ("CONN_MAX_AGE", "sixty"),
        ("CHECKIN_QR_SECONDS", "-5"),
        ("LANGUAGE_CODE", "fr"),
        ("SITE_URL", "rakor dot example"),
        ("TASKS_BACKEND", "celery-please"),
    ],
)
def test_a_wrong_value_stops_the_start_naming_the_variable(tmp_path, name, value):
    result = _settings_of(tmp_path, **{name: value})
    assert result.returncode != 0
    assert name in result.stderr.strip().splitlines()[-1]


def test_urls_and_empty_values_are_parsed(tmp_path):
    result = _settings_of(
        tmp_path,
        CACHE_URL="redis://127.0.0.1:6379/4",
        CONN_MAX_AGE="",  # as in a copied .env.example: the default
        DEBUG="yes",
        SITE_URL="https://rakor.example.go.id",
        TASKS_BACKEND="rq",
    )
    assert result.returncode == 0, result.stderr
    release = release_fingerprint(settings.BASE_DIR)  # the cache's key prefix
    assert result.stdout.strip() == (
        '[{"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": '
        f'"redis://127.0.0.1:6379/4", "KEY_PREFIX": "{release}"}}, 60, true, '
        '"https://rakor.example.go.id", "django_tasks_rq.RQBackend"]'
    )


def test_a_key_prefix_in_the_cache_url_stays_in_front_of_the_release(tmp_path):
    result = _settings_of(tmp_path, CACHE_URL="redis://127.0.0.1:6379/4?key_prefix=rakor")
    assert result.returncode == 0, result.stderr
    release = release_fingerprint(settings.BASE_DIR)
    assert f'"KEY_PREFIX": "rakor:{release}"' in result.stdout
