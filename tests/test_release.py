"""Each release caches under a prefix of its own (pilkada_portal.release): an upgrade that
changes a template never serves fragments the old one rendered from a shared cache."""

from django.conf import settings
from django.core.cache import cache

from pilkada_portal.release import release_fingerprint


def _project(root, row: str):
    (root / "templates" / "meetings").mkdir(parents=True)
    (root / "templates" / "meetings" / "_row.html").write_text(row)
    (root / "meetings").mkdir()
    (root / "meetings" / "__init__.py").write_text("")
    (root / ".venv" / "lib").mkdir(parents=True)
    (root / ".venv" / "lib" / "site.py").write_text("x = 1")
    (root / "tests").mkdir()
    (root / "tests" / "__init__.py").write_text("")
    return root


ROW = "<tr><td>{{ meeting.title }}</td></tr>"


def test_the_fingerprint_follows_the_templates_and_nothing_else(tmp_path):
    one = _project(tmp_path / "one", ROW)
    two = _project(tmp_path / "two", ROW)
    assert release_fingerprint(one) == release_fingerprint(two)  # same code on two hosts
    (two / ".venv" / "lib" / "site.py").write_text("x = 2")
    (two / "tests" / "test_x.py").write_text("")
    assert release_fingerprint(one) == release_fingerprint(two)
    (two / "templates" / "meetings" / "_row.html").write_text("<tr><th>{{ meeting.title }}</th>")
    assert release_fingerprint(one) != release_fingerprint(two)
    (two / "templates" / "meetings" / "_row.html").write_text(
        "<tr><td>{{ meeting.title }}</td></tr>"
    )
    (two / "meetings" / "selectors.py").write_text("")
    assert release_fingerprint(one) != release_fingerprint(two)


def test_the_cache_keys_carry_this_releases_fingerprint():
    fingerprint = release_fingerprint(settings.BASE_DIR)
    assert settings.CACHES["default"]["KEY_PREFIX"].endswith(fingerprint)
    assert cache.make_key("row:x").startswith(settings.CACHES["default"]["KEY_PREFIX"])
