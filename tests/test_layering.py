"""Imports only point down the layers of ../shared/ARCHITECTURE.md: no cycle, no upward import.

The graph is read from the source with :mod:`ast` (nothing is imported): every ``import`` and
``from … import`` of a ``columnar_etl`` module, at module level and inside functions, and those under
``if TYPE_CHECKING:``. It fails on

(a) a cycle among the imports that run (type-only imports cannot make one and are left out here),
    counting that importing ``a.b.c`` first runs ``a/b/__init__.py`` (unless the importer is inside
    ``a.b`` already, when that package is being imported anyway);
(b) an import, type-only ones included, from a module to one of a higher layer (:data:`LAYERS`);
(c) a function-level import of the package's own modules whose line has no ``# deliberate:`` comment
    (allowed only to defer a heavy dependency, or in the top-level API).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "columnar_etl"

#: Lowest first. A module belongs to the layer of the longest prefix listed; modules of one layer may
#: import each other (cycles aside). Foundations: errors, then what config needs, config, what every
#: stage uses; then the stages in the order data moves; then orchestration, rendering, the CLI, the API.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "columnar_etl.errors",
        "columnar_etl.version",
        "columnar_etl.rules",
        "columnar_etl.process",
        "columnar_etl.wording",
    ),
    ("columnar_etl.atomic", "columnar_etl.pg.conninfo", "columnar_etl.pg.identifiers"),
    ("columnar_etl.config", "columnar_etl.config_variables"),
    ("columnar_etl.observability",),
    # Temporaries named after their owner process, swept when it is gone (logged): used by source and backups.
    ("columnar_etl.leftovers",),
    ("columnar_etl.models",),
    ("columnar_etl.pg",),
    ("columnar_etl.source",),
    ("columnar_etl.backups",),
    ("columnar_etl.profiling",),
    ("columnar_etl.planning",),
    ("columnar_etl.cleaning",),
    ("columnar_etl.loading",),
    ("columnar_etl.gates",),
    # The run record is the pipeline's data: the report renders it, the runner writes it.
    ("columnar_etl.pipeline.record",),
    ("columnar_etl.report",),
    ("columnar_etl.pipeline",),
    ("columnar_etl.cli", "columnar_etl.config_docs"),
    ("columnar_etl", "columnar_etl.__main__"),
)


@dataclass(frozen=True)
class Import:
    """One import of an own module: who, whom, where."""

    importer: str
    imported: str
    line: int
    in_function: bool
    type_only: bool
    deliberate: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def own_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((SRC / PACKAGE).rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """Every own-module import in ``path``; ``from pkg import mod`` counts as importing ``pkg.mod``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    is_package = path.name == "__init__.py"
    found: list[Import] = []

    def record(node: ast.Import | ast.ImportFrom, in_function: bool, type_only: bool) -> None:
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                child = f"{module}.{alias.name}"
                targets.append(child if child in modules else module)
        deliberate = "# deliberate:" in lines[node.lineno - 1]
        for target in targets:
            if target == PACKAGE or target.startswith(f"{PACKAGE}."):
                found.append(Import(name, target, node.lineno, in_function, type_only, deliberate))

    def visit(node: ast.AST, in_function: bool, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                record(child, in_function, type_only)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for item in child.body:
                    visit(ast.Module(body=[item], type_ignores=[]), in_function, True)
                for item in child.orelse:
                    visit(ast.Module(body=[item], type_ignores=[]), in_function, type_only)
            else:
                inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                visit(child, inner, type_only)

    visit(ast.parse("\n".join(lines), str(path)), False, False)
    return found


def all_imports() -> list[Import]:
    modules = own_modules()
    return [found for name, path in modules.items() for found in imports_of(name, path, modules)]


def layer_of(module: str) -> int:
    best, best_length = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(f"{prefix}.")) and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    if best < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__file__}")
    return best


def cycles(edges: list[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), and self-imports."""
    graph: dict[str, set[str]] = {}
    for importer, imported in edges:
        graph.setdefault(importer, set()).add(imported)
        graph.setdefault(imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for neighbour in sorted(graph[node]):
            if neighbour not in index:
                connect(neighbour)
                low[node] = min(low[node], low[neighbour])
            elif neighbour in on_stack:
                low[node] = min(low[node], index[neighbour])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_the_graph_is_read() -> None:
    found = all_imports()
    # A few imports known to exist, so an empty or broken reading cannot pass the checks below.
    pairs = {(i.importer, i.imported) for i in found}
    assert ("columnar_etl.cli.app", "columnar_etl.config") in pairs
    assert ("columnar_etl.loading.strategies", "columnar_etl.pg.connect") in pairs
    assert len(found) > 200


def ancestors(module: str) -> list[str]:
    """``a.b.c`` → ``["a", "a.b"]``: the packages whose ``__init__`` runs before the module."""
    parts = module.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def runtime_edges(found: list[Import]) -> list[tuple[str, str]]:
    """The imports that run, plus the package ``__init__`` files each of them runs first."""
    edges = []
    for i in found:
        if i.type_only:
            continue
        edges.append((i.importer, i.imported))
        inside = {*ancestors(i.importer), i.importer}
        edges += [(i.importer, package) for package in ancestors(i.imported) if package not in inside]
    return edges


def test_no_import_cycle() -> None:
    assert cycles(runtime_edges(all_imports())) == []


def test_imports_only_point_down() -> None:
    upward = [
        f"{i.importer}:{i.line} imports {i.imported} (layer {layer_of(i.importer)} → {layer_of(i.imported)})"
        for i in all_imports()
        if layer_of(i.imported) > layer_of(i.importer)
    ]
    assert upward == []


def test_function_level_imports_of_own_modules_are_deliberate() -> None:
    hidden = [
        f"{i.importer}:{i.line} {i.imported}" for i in all_imports() if i.in_function and not i.deliberate
    ]
    assert hidden == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ([("a", "b"), ("b", "c")], []),
        ([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")], [["a", "b", "c"]]),
        ([("a", "a")], [["a"]]),
    ],
)
def test_the_cycle_finder(edges: list[tuple[str, str]], expected: list[list[str]]) -> None:
    assert cycles(edges) == expected


def test_a_package_init_counts_in_a_cycle() -> None:
    # report.html imports pipeline.record; pipeline/__init__ importing the runner, which imports the
    # report, would be a cycle although no module names the package.
    found = [
        Import("x.report.html", "x.pipeline.record", 1, False, False, False),
        Import("x.pipeline", "x.pipeline.runner", 1, False, False, False),
        Import("x.pipeline.runner", "x.report.html", 1, False, False, False),
        Import("x.pipeline.runner", "x.pipeline.record", 1, False, False, False),
    ]
    assert cycles(runtime_edges(found)) == [["x.pipeline", "x.pipeline.runner", "x.report.html"]]
