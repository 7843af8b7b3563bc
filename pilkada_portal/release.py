"""A fingerprint of the code that renders pages, for the cache's key prefix.

Rendered fragments (list rows, the navbar, the meeting page's parts, the readiness
dashboard) are cached under keys of what they show, not of the templates, translations and
code that render them. With a shared cache (Redis) an upgrade would go on serving HTML of the
templates it replaced until the entries expire. Every release therefore gets a key space of
its own: the prefix is a hash of those files' contents, the same on every host that runs the
same code (web processes and task workers share their entries), new after any change.
Reading the few hundred files takes milliseconds, once per process.
"""

import hashlib
from pathlib import Path

SKIPPED = {"tests", "bench"}


def _sources(root: Path) -> set[Path]:
    """The templates, the translations and the Python packages (with their own templates) at
    the top of `root`; not the virtualenv, tests or benchmarks."""
    paths = set((root / "templates").rglob("*.html")) | set((root / "locale").rglob("*.po"))
    for package in root.iterdir():
        if package.name in SKIPPED or not (package / "__init__.py").is_file():
            continue
        paths |= {path for suffix in ("py", "html") for path in package.rglob(f"*.{suffix}")}
    return paths


def release_fingerprint(root: Path, length: int = 12) -> str:
    """A hex digest of the templates, translations and Python code under `root`."""
    digest = hashlib.sha256()
    paths = _sources(root)
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:length]
