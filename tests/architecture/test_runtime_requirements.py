"""What the running portal imports is pinned in requirements.txt, the file that `make run` and
a production install read (requirements-dev.txt adds only test and tooling packages).

A package pinned only in requirements-dev.txt passes the whole test suite and breaks `make run`
on a fresh machine: documents.split imported pypdf that way. The imports are read with ast from
the apps, the project package, migrations, manage.py and gunicorn.conf.py, and the dotted paths
the settings name (apps, middleware, backends); each must come from a distribution pinned in
requirements.txt, and so must everything those distributions require."""

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

from django.conf import settings
from packaging.requirements import Requirement

from .test_import_graph import PACKAGES, ROOT

RUNTIME_FILES = ["manage.py", "gunicorn.conf.py"]


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(path: Path) -> dict[str, str]:
    """distribution name (normalized) -> pinned version, of one requirements file alone."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        requirement = Requirement(line)
        (specifier,) = requirement.specifier  # exactly one "==" pin per line
        assert specifier.operator == "==", line
        pins[_normalized(requirement.name)] = specifier.version
    return pins


def _runtime_sources() -> list[Path]:
    paths = [ROOT / name for name in RUNTIME_FILES]
    for package in PACKAGES:
        paths.extend((ROOT / package).rglob("*.py"))
    return paths


def imported_top_levels() -> dict[str, Path]:
    """Top-level module -> a file importing it, for absolute imports of runtime code."""
    found: dict[str, Path] = {}
    for path in _runtime_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path)
    return found


def _settings_dotted_paths() -> set[str]:
    paths = set(settings.INSTALLED_APPS) | set(settings.MIDDLEWARE)
    paths |= set(settings.AUTHENTICATION_BACKENDS)
    for group in ("CACHES", "TASKS", "STORAGES", "DATABASES"):
        for options in getattr(settings, group, {}).values():
            paths.add(options.get("BACKEND") or options.get("ENGINE", ""))
    return {path.split(".")[0] for path in paths if path}


def third_party(names) -> set[str]:
    own = {package.split(".")[0] for package in PACKAGES}
    return {
        name
        for name in names
        if name not in sys.stdlib_module_names and name not in own and name != "__future__"
    }


def test_every_runtime_import_is_pinned_in_requirements_txt():
    runtime = pinned(ROOT / "requirements.txt")
    providers = metadata.packages_distributions()
    modules = third_party(set(imported_top_levels()) | _settings_dotted_paths())
    where = imported_top_levels()
    missing = []
    for module in sorted(modules):
        source = where.get(module, "the settings")
        distributions = {_normalized(name) for name in providers.get(module, [])}
        assert distributions, f"{module} (imported by {source}) is not installed"
        if not distributions & runtime.keys():
            missing.append(f"{module} ({', '.join(sorted(distributions))}) from {source}")
    assert not missing, "imported at run time but not pinned in requirements.txt: " + "; ".join(
        missing
    )


def test_what_the_runtime_pins_require_is_pinned_too():
    """A requirements.txt-only install gets nothing unpinned: the pins are closed under the
    distributions' own requirements (extras not asked for are left out)."""
    runtime = pinned(ROOT / "requirements.txt")
    environment = {"extra": ""}
    unpinned = []
    for name in sorted(runtime):
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate(environment):
                continue
            if _normalized(requirement.name) not in runtime:
                unpinned.append(f"{requirement.name} (required by {name})")
    assert not unpinned, "not pinned in requirements.txt: " + ", ".join(unpinned)


def test_installed_versions_are_the_pinned_ones():
    runtime = pinned(ROOT / "requirements.txt")
    differing = [
        f"{name} {metadata.version(name)} != {version}"
        for name, version in runtime.items()
        if metadata.version(name) != version
    ]
    assert not differing, differing
