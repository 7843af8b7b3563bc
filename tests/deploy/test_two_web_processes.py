"""The scaled-out shape of docs/DEPLOY.md, smoke-tested: two gunicorn web processes on one
PostgreSQL and one Redis (cache and RQ queue), and a task worker. A change made through one
process is seen through the other, and a document rendered by the worker is served by both."""

import http.client
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from accounts.roles import Role
from bench.server import gunicorn, session_cookie
from tests.meetings.factories import MeetingFactory, ParticipationFactory
from tests.needs import require_postgresql, require_redis

ROOT = settings.BASE_DIR


def _request(port, method, path, cookie, body=None):
    headers = {"Host": "127.0.0.1", "Cookie": cookie}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://127.0.0.1:{port}/"
    connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection_.request(method, path, body=body, headers=headers)
    response = connection_.getresponse()
    content = response.read()
    connection_.close()
    return response.status, response.getheader("Content-Type", ""), content, response


@pytest.mark.django_db(transaction=True)
def test_two_web_processes_share_the_database_cache_and_queue(tmp_path, make_user):
    require_postgresql()
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0]
    require_redis(redis_url)
    import redis

    redis.Redis.from_url(f"{redis_url}/13").flushdb()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pilkada_portal.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the session below is signed with it
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "CACHE_URL": f"{redis_url}/13",
        "TASKS_BACKEND": "rq",
        "REDIS_URL": f"{redis_url}/13",
        "DOCUMENT_CACHE_DIR": str(tmp_path / "documents"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DOCUMENT_PRERENDER_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    operator = make_user("operator-smoke", Role.OPERATOR)
    cookie = session_cookie(operator)
    meeting = MeetingFactory(title="Rakor Dua Proses")
    invitation = ParticipationFactory(meeting=meeting, status="invited")
    people = reverse("attendance:people", args=[meeting.pk])
    pdf = reverse("documents:pdf", args=[meeting.pk, "notula"])

    with gunicorn(env, workers=1) as first, gunicorn(env, workers=1) as second:
        status, _type, page, response = _request(first, "GET", people, cookie)
        assert status == 200
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        csrf = response.getheader("Set-Cookie", "").split(";", 1)[0]
        both = f"{cookie}; {csrf}" if csrf else cookie
        body = f"csrfmiddlewaretoken={token.decode()}&status=excused&note=Tugas+luar+daerah"
        path = reverse("attendance:invitation_status", args=[meeting.pk, invitation.pk])
        assert _request(first, "POST", path, both, body)[0] == 302

        # Seen through the other process (its own page cache is keyed by the record).
        status, _type, page, _response = _request(second, "GET", people, cookie)
        assert status == 200
        assert b"Tugas luar daerah" in page

        # A document queued through one process, rendered by the worker, served by both.
        assert _request(first, "GET", pdf, cookie)[0] == 202
        assert _request(second, "GET", pdf, cookie)[0] == 202  # the same render, still queued
        worker = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "rqworker",
                "documents",
                "prerender",
                "--burst",
                "--job-class",
                "django_tasks_rq.Job",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert worker.returncode == 0, worker.stderr
        for port in (first, second):
            status, content_type, content, _response = _request(port, "GET", pdf, cookie)
            assert (status, content_type) == (200, "application/pdf")
            assert content.startswith(b"%PDF")
    redis.Redis.from_url(f"{redis_url}/13").flushdb()
