"""Tests that need a service the machine may lack: a skip on a developer's machine, a failure
in CI (`.ci/run` sets CI=1 after making sure PostgreSQL and Redis run)."""

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.db import connection


def _missing(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_postgresql() -> None:
    """Row locks and several connections: SQLite has neither. CI runs on PostgreSQL."""
    if connection.vendor != "postgresql":
        _missing("needs PostgreSQL (set DATABASE_URL); CI runs it")


def require_redis(url: str) -> None:
    """A Redis server at url (RQ's queues); CI starts one."""
    parsed = urlparse(url)
    try:
        socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=2).close()
    except OSError:
        _missing(f"needs Redis at {parsed.hostname}:{parsed.port or 6379}; CI runs it")


def require_command(name: str, package: str) -> str:
    """A program on PATH (e.g. poppler-utils' pdftoppm); CI installs it. Returns its path."""
    path = shutil.which(name)
    if path is None:
        _missing(f"needs {name} (Debian package {package}); CI installs it")
    return path
