"""The project's import graph, read with ast: no cycles, selectors never import services, and
no app imports an app above it (docs/ARCHITECTURE.md shows the layers)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# From the bottom up. `pilkada_portal` holds shared helpers (below every app) and the project
# shell (settings, urls, wsgi: above every app).
LAYERS = [
    "agencies",
    "letters",
    "accounts",
    "meetings",
    "briefings",
    "followups",
    "readiness",
    "search",
    "attendance",
    "documents",
    "minutes",
    "demo",
]
SHELL = ("pilkada_portal.urls", "pilkada_portal.settings", "pilkada_portal.wsgi")
PACKAGES = [*LAYERS, "pilkada_portal"]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # migrations import through the app registry, frozen in time
            modules[_module_name(path)] = path
    return modules


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph() -> dict[str, set[str]]:
    """module -> the project modules it imports (anywhere in the file, functions included)."""
    modules = project_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, path, node)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.append(submodule if submodule in modules else base)
            for target in targets:
                # `import a.b.c` names the deepest project module it reaches.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def _layer(module: str) -> int | None:
    app = module.split(".")[0]
    if app == "pilkada_portal":
        return len(LAYERS) if module.startswith(SHELL) else -1
    return LAYERS.index(app) if app in LAYERS else None


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def test_the_graph_is_read(graph):
    # A walker that found nothing would pass every rule below.
    assert "meetings.services" in graph["meetings.views.agenda"]
    assert "agencies.models" in graph["meetings.models"]


def test_no_import_cycles(graph):
    assert find_cycles(graph) == []


def test_selectors_never_import_services(graph):
    offenders = [
        (module, target)
        for module, targets in graph.items()
        if "selectors" in module.split(".")
        for target in targets
        if "services" in target.split(".")
    ]
    assert offenders == []


def test_no_app_imports_a_higher_one(graph):
    offenders = [
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if _layer(module) is not None
        and _layer(target) is not None
        and _layer(target) > _layer(module)
    ]
    assert offenders == []


def test_the_rules_catch_a_cycle_and_an_upward_import():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]
    assert _layer("agencies.selectors") < _layer("meetings.models") < _layer("documents.pdf")
    assert _layer("pilkada_portal.writes") < _layer("agencies.models")
    assert _layer("pilkada_portal.urls") > _layer("minutes.views")
