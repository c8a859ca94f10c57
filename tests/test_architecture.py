"""The layers of docs/architecture.md, checked on every import of the code base.

Each package of the code belongs to one unit; a unit may import only the units below it
(``ALLOWED``). The walk reads every ``import`` statement, including those inside functions,
so a lazy import cannot hide an upward dependency.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("monitor", "scrapers", "reports")
CORE = {"monitor.core"}
# unit -> the units it may import (besides itself). Order: core, then the stages of the flow.
ALLOWED: dict[str, set[str]] = {
    "monitor.core": set(),
    "monitor.mirror": set(),
    "monitor.extract": CORE,
    "scrapers": CORE | {"monitor.extract"},
    "reports": CORE,
    "monitor.storage": CORE,
    "monitor.crawl": CORE | {"monitor.storage"},
    "monitor.assessment": CORE | {"monitor.storage"},
    "monitor.reporting": CORE | {"monitor.storage", "monitor.assessment", "reports"},
    "monitor.service": CORE
    | {
        "monitor.extract",
        "monitor.mirror",
        "monitor.storage",
        "monitor.crawl",
        "monitor.assessment",
        "monitor.reporting",
        "scrapers",
    },
    "monitor.interfaces": CORE
    | {
        "monitor.extract",
        "monitor.mirror",
        "monitor.storage",
        "monitor.crawl",
        "monitor.assessment",
        "monitor.reporting",
        "monitor.service",
        "scrapers",
        "reports",
    },
    "monitor": {"monitor.interfaces"},  # __main__ runs the CLI
}


def unit_of(module: str) -> str | None:
    """The unit a module belongs to: the longest key of ALLOWED it sits in."""
    best = None
    for unit in ALLOWED:
        if (module == unit or module.startswith(unit + ".")) and len(unit) > len(best or ""):
            best = unit
    return best


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(module: str, source: str) -> set[str]:
    """Every project module ``source`` imports, at any depth of the file.

    Relative imports are banned by ruff (TID252), so every import names its module in full.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, module)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in PACKAGES}


def sources() -> dict[str, str]:
    files = (
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "sites" not in path.relative_to(ROOT).parts
    )
    return {module_name(path): path.read_text(encoding="utf-8") for path in files}


def unit_edges(modules: Mapping[str, str]) -> dict[tuple[str, str], list[str]]:
    """(importing unit, imported unit) -> the modules where that happens."""
    edges: dict[tuple[str, str], list[str]] = {}
    for module, source in modules.items():
        here = unit_of(module)
        assert here is not None, f"{module} belongs to no unit of ALLOWED"
        for target in imports_of(module, source):
            there = unit_of(target)
            if there is not None and there != here:
                edges.setdefault((here, there), []).append(f"{module} -> {target}")
    return edges


def violations(modules: Mapping[str, str]) -> list[str]:
    """Imports of a unit not allowed to its importer, with where they are."""
    return [
        f"{here} may not import {there}: {', '.join(sorted(where))}"
        for (here, there), where in sorted(unit_edges(modules).items())
        if there not in ALLOWED[here]
    ]


def cycles(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Cycles among units (depth-first search for back edges)."""
    graph: dict[str, set[str]] = {}
    for here, there in edges:
        graph.setdefault(here, set()).add(there)
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


MODULES = sources()


def test_every_module_belongs_to_a_unit() -> None:
    """Each module of monitor/, scrapers/ and reports/ sits in one of the documented units."""
    assert [m for m in MODULES if unit_of(m) is None] == []


def test_no_layer_imports_upwards() -> None:
    """Every import between units goes down the layers of docs/architecture.md."""
    assert violations(MODULES) == []


def test_no_cycle_between_units() -> None:
    """No two units depend on each other, however indirectly."""
    assert cycles(unit_edges(MODULES)) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        (
            "scrapers.sneaky",
            "def f():\n    from monitor.storage.models import Fetch\n",
            "scrapers may not import monitor.storage",
        ),
        ("reports.peek", "import monitor.reporting.gather\n", "reports may not import"),
        ("monitor.core.up", "from monitor.crawl import fetch\n", "monitor.core may not import"),
        ("monitor.crawl.direct", "from scrapers import registry\n", "monitor.crawl may not import"),
    ],
    ids=["lazy-import-in-scraper", "reports-reach-back", "core-imports-crawl", "crawl-scrapers"],
)
def test_an_upward_import_is_caught(module: str, source: str, expected: str) -> None:
    """The check fails when a module imports a layer above it, even inside a function."""
    found = violations({**MODULES, module: source})
    assert any(expected in v and module in v for v in found), found


def test_a_cycle_is_caught() -> None:
    """Two units importing each other are reported as a cycle."""
    assert cycles([("a", "b"), ("b", "c"), ("c", "a")]) == [["a", "b", "c", "a"]]
