"""The shape of the code, checked from the source: layers import one way, files import
no cycle, and the core packages never load Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "kneetimer"
BASE = {"kneetimer", "kneetimer.paths", "kneetimer.text", "kneetimer.dates", "kneetimer.files"}
CORE = ("figures", "routines", "workout", "care", "history", "sound", "reminders")
PURE_TUI = ("kneetimer.tui.design",)  # the workout's design as pure functions: no Textual

# What each layer may import from kneetimer: figures <- routines <- workout <- care <- history <- (cli, tui).
ALLOWED = {
    "base": {"base"},
    "figures": {"base", "figures"},
    "routines": {"base", "figures", "routines"},
    "workout": {"base", "figures", "routines", "workout"},
    "care": {"base", "figures", "routines", "workout", "care"},
    "history": {"base", "figures", "routines", "workout", "care", "history"},
    "reminders": {"base", "figures", "routines", "workout", "care", "history", "settings", "reminders"},
    "sound": {"base", "figures", "routines", "workout", "sound"},
    "settings": {"base", "figures", "routines", "workout", "sound", "settings"},
    "cli": {"base", "figures", "routines", "workout", "care", "history", "sound", "settings", "reminders", "cli",
            "tui", "remote"},
    "tui": {"base", "figures", "routines", "workout", "care", "history", "sound", "settings", "tui", "remote"},
    "remote": {"base", "workout", "remote"},
}
TOP_LEVEL_LIMIT = 6  # loose modules beside the packages (besides __init__ and __main__)


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def layer(module: str) -> str:
    if module in BASE:
        return "base"
    if module == "kneetimer.settings":
        return "settings"
    if module == "kneetimer.__main__":
        return "cli"
    return module.split(".")[1]


def imports(path: Path, known: dict[str, Path], at_import_time: bool = False) -> set[str]:
    """Every kneetimer module a file imports, at the top or inside a function; with
    `at_import_time`, only those run when the file is imported (not inside a function or
    an `if TYPE_CHECKING:`)."""
    found = set()
    tree = ast.parse(path.read_text(), str(path))
    nodes = tree.body if at_import_time else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [name if name in known else node.module for name in names]
        else:
            continue
        found.update(name for name in names if name.split(".")[0] == "kneetimer")
    return found


def third_party(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_layers_import_one_way():
    known = modules()
    wrong = []
    for module, path in known.items():
        for target in imports(path, known):
            if target in known and layer(target) not in ALLOWED[layer(module)]:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_core_packages_never_import_textual_tui_or_cli():
    for module, path in modules().items():
        if layer(module) in (*CORE, "base", "settings"):
            assert not third_party(path) & {"textual"}, f"{module} imports textual"


def test_the_design_helpers_never_import_textual():
    for module, path in modules().items():
        if module.startswith(PURE_TUI):
            assert not third_party(path) & {"textual", "rich"}, f"{module} imports textual or rich"


def test_no_import_cycle_between_files():
    """No file needs itself to be imported first. A screen imports the app for its typed
    getter, and the app imports screens inside its functions, once every file is loaded:
    that is no cycle at import time, so only imports run at import time count here (the
    layers above count every import)."""
    known = modules()
    graph = {m: {t for t in imports(p, known, at_import_time=True) if t in known and known[t].name != "__init__.py"}
             for m, p in known.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            assert cycle is None, " -> ".join(cycle)


def test_few_loose_modules_at_the_top():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(loose) <= TOP_LEVEL_LIMIT, loose


@pytest.mark.parametrize("package", CORE)
def test_importing_a_core_package_in_a_fresh_interpreter_loads_no_textual(package):
    names = sorted(m for m in modules() if m.startswith(f"kneetimer.{package}"))
    code = "import sys\n" + "".join(f"import {name}\n" for name in names) + (
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr


def test_every_public_class_of_the_core_says_what_it_is():
    missing = []
    for module, path in modules().items():
        if layer(module) in (*CORE, "base", "settings") or module.startswith(PURE_TUI):
            for node in ast.parse(path.read_text()).body:
                if isinstance(node, ast.ClassDef) and not node.name.startswith("_") and not ast.get_docstring(node):
                    missing.append(f"{module}.{node.name}")
    assert not missing, missing
