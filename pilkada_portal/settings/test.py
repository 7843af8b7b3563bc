"""Settings for the test suite: the base settings with the slow parts swapped out."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from .base import *  # noqa: F403
from .base import STORAGES, TASK_QUEUES

# Hashing with MD5 turns each login in a test from ~300 ms into well under 1 ms.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests must not need `collectstatic` (the manifest storage would demand it).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Makassar"
# Rendered documents go to a throw-away folder; tests that look at it set their own.
DOCUMENT_CACHE_DIR = Path(tempfile.gettempdir()) / "pilkada-test-documents"
# SQLite tests use a database file, not memory: an in-memory database is one connection that
# the browser tests' live server shares across its request threads, and Django then warns on
# every request thread that closes it. A file gives each thread its own connection.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"pilkada-test-{os.getpid()}.sqlite3")
    }
# Drawn signatures of test check-ins go to a throw-away folder too.
PRIVATE_MEDIA_ROOT = Path(tempfile.gettempdir()) / "pilkada-test-private"
# Tasks run inside the request that enqueues them, so a download is served at once; tests of
# the background path choose another backend. Nothing is rendered ahead of a download.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,
    }
}
DOCUMENT_PRERENDER_SECONDS = 0
# Documents render in one process whatever the machine's load, so that tests behave the same
# everywhere; tests/documents/test_split.py turns the split render on itself.
DOCUMENT_SPLIT_RENDER = False
