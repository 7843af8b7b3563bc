"""deploy/nginx/rakor.conf agrees with the portal: nginx accepts it, it lets through every
body the portal takes (so that an oversized upload gets the portal's own message, in the
user's language, not nginx's English 413 page), and its static location is the default
STATIC_ROOT of the systemd units' checkout."""

import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from bench.slow_upload import NGINX_MAIN, nginx_site
from tests.needs import require_command

CONF = Path(settings.BASE_DIR) / "deploy" / "nginx" / "rakor.conf"
UNITS = Path(settings.BASE_DIR) / "deploy" / "systemd"
_SIZE = re.compile(r"client_max_body_size (\d+)m;")


def body_limits() -> tuple[int, dict[str, int]]:
    """nginx's limit for the server, and those of its locations (bytes)."""
    text = CONF.read_text(encoding="utf-8")
    locations = {}
    for match in re.finditer(r"location (\S+) \{(.*?)\}", text, re.S):
        size = _SIZE.search(match.group(2))
        if size:
            locations[match.group(1)] = int(size.group(1)) * 1024 * 1024
    server = _SIZE.search(re.sub(r"location \S+ \{.*?\}", "", text, flags=re.S))
    return int(server.group(1)) * 1024 * 1024, locations


def nginx_limit_for(path: str) -> int:
    server, locations = body_limits()
    matching = [prefix for prefix in locations if path.startswith(prefix)]
    return locations[max(matching, key=len)] if matching else server


def test_nginx_lets_through_every_body_the_portal_takes():
    assert nginx_limit_for("/meetings/1/") >= settings.REQUEST_BODY_MAX_BYTES
    for prefix, limit in settings.REQUEST_BODY_LIMITS.items():
        assert nginx_limit_for(prefix) >= limit, prefix
    # ...and no more than the largest, which would buffer bodies the portal refuses anyway.
    largest = max(settings.REQUEST_BODY_LIMITS.values())
    assert max(body_limits()[1].values()) < largest + 2 * 1024 * 1024


def test_the_static_location_is_the_units_default_static_root():
    (directory,) = {
        line.split("=", 1)[1].strip()
        for unit in UNITS.glob("*.service")
        for line in unit.read_text(encoding="utf-8").splitlines()
        if line.startswith("WorkingDirectory=")
    }
    default_root = Path(directory) / Path(settings.STATIC_ROOT).name
    assert f"alias {default_root}/;" in CONF.read_text(encoding="utf-8")


def test_nginx_accepts_the_file(tmp_path):
    # Debian puts it in /usr/sbin, which a user's PATH may lack.
    nginx = shutil.which("nginx", path="/usr/sbin") or require_command("nginx", "nginx-light")
    (tmp_path / "rakor.conf").write_text(nginx_site(tmp_path, 18090, 18091, str(tmp_path)))
    (tmp_path / "nginx.conf").write_text(NGINX_MAIN.format(work=tmp_path))
    result = subprocess.run(
        [nginx, "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
