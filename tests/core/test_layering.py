"""The core never needs Qt: importing it leaves PySide6 out of sys.modules; only the tracker
(its facade `tracker.py` and its parts in `tracking/`) talks to the store's database, the parts
are reached through the facade alone, and reports read through the tracker alone."""

import ast
import subprocess
import sys
from pathlib import Path

import cairn

CORE = [
    "cairn.content",
    "cairn.store",
    "cairn.tracker",
    "cairn.progress",
    "cairn.cli",
    "cairn.readiness",
    "cairn.reports",
    "cairn.reports.export",
    "cairn.reports.importer",
    "cairn.locations",
]


def test_core_modules_do_not_import_pyside6() -> None:
    code = (
        f"import sys; import {', '.join(CORE)}; "
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_cli_command_does_not_import_pyside6_or_alembic_for_existing_data(tmp_path) -> None:
    code = (
        "import sys; from cairn.cli import run; "
        f"run(['--data-dir', {str(tmp_path)!r}, 'status']); "
        f"run(['--data-dir', {str(tmp_path)!r}, 'status']); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("[]")


PACKAGE = Path(cairn.__file__).parent


def _modules(folder: Path) -> list[tuple[Path, ast.Module]]:
    """Every module under `folder`, parsed."""
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for path in sorted(folder.rglob("*.py"))
    ]


def _imported(path: Path, tree: ast.Module) -> set[str]:
    """The absolute names of every module `path` imports from (relative imports resolved)."""
    package = ["cairn", *path.relative_to(PACKAGE).parent.parts]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _in_the_tracker(path: Path) -> bool:
    """True for the tracker's facade (tracker.py) and its parts (tracking/)."""
    relative = path.relative_to(PACKAGE)
    return relative == Path("tracker.py") or relative.parts[0] == "tracking"


def _lines(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def test_the_tracker_is_its_facade_and_parts_of_one_job_each() -> None:
    parts = [path for path, _tree in _modules(PACKAGE) if _in_the_tracker(path)]
    assert len(parts) >= 8 and not (PACKAGE / "tracker").exists()
    long = [f"{p.relative_to(PACKAGE)}: {n}" for p in parts if (n := _lines(p)) > 400]
    assert not long, "tracker files over 400 lines:\n" + "\n".join(long)


def test_only_the_tracker_and_the_store_touch_the_database_object() -> None:
    outside = [(path, tree) for path, tree in _modules(PACKAGE) if _outside_the_store(path)]
    found = [
        f"{path.relative_to(PACKAGE)}:{node.lineno} .{node.attr}"
        for path, tree in outside
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("database", "_database")
    ]
    assert len(outside) > 20, "the check found too few modules to mean anything"
    assert not found, "the store's Database is reached outside the tracker:\n" + "\n".join(found)


def test_reports_import_nothing_from_the_store() -> None:
    found = sorted(
        f"{path.relative_to(PACKAGE)}: {name}"
        for path, tree in _modules(PACKAGE / "reports")
        for name in _imported(path, tree)
        if name == "cairn.store" or name.startswith("cairn.store.")
    )
    assert not found, "reports reach the store directly:\n" + "\n".join(found)


def _outside_the_store(path: Path) -> bool:
    """True for every module except the tracker's (tracker.py, tracking/) and the store's."""
    return not _in_the_tracker(path) and path.relative_to(PACKAGE).parts[0] != "store"


def _reaching(modules: list[tuple[Path, ast.Module]], banned: tuple[str, ...]) -> list[str]:
    """'file: module' for every import (any kind, anywhere in the file) of a banned module."""
    return sorted(
        f"{path.relative_to(PACKAGE)}: {name}"
        for path, tree in modules
        for name in _imported(path, tree)
        if any(name == b or name.startswith(b + ".") for b in banned)
    )


def test_no_module_outside_the_tracker_imports_the_store() -> None:
    outside = [(path, tree) for path, tree in _modules(PACKAGE) if _outside_the_store(path)]
    assert len(outside) > 40, "the check found too few modules to mean anything"
    found = _reaching(outside, ("cairn.store",))
    assert not found, "only the tracker may import the store:\n" + "\n".join(found)


def test_only_the_facade_imports_the_tracker_parts() -> None:
    """Everything else names Tracker, Change, TrackerError … through cairn.tracker; the parts
    never import the facade (it is built from them)."""
    outside = [
        (path, tree)
        for path, tree in _modules(PACKAGE)
        if path.relative_to(PACKAGE) != Path("tracker.py") and not _in_the_tracker(path)
    ]
    assert len(outside) > 40, "the check found too few modules to mean anything"
    found = _reaching(outside, ("cairn.tracking",))
    assert not found, "the tracker's parts are reached around the facade:\n" + "\n".join(found)
    parts = [(path, tree) for path, tree in _modules(PACKAGE / "tracking")]
    upward = _reaching(parts, ("cairn.tracker", "cairn.gui", "cairn.cli"))
    assert len(parts) >= 8 and not upward, "a tracker part reaches up:\n" + "\n".join(upward)


def test_the_store_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The check is not fooled by relative, TYPE_CHECKING or function-level imports."""
    sneaky = PACKAGE / "gui" / "safety" / "sneaky.py"  # never written: parsed from text
    text = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ...store.backup import BackupInfo\n"
        "def f():\n    from ... import store\n    import cairn.store.errors\n"
    )
    found = _reaching([(sneaky, ast.parse(text))], ("cairn.store",))
    assert found == [
        "gui/safety/sneaky.py: cairn.store",
        "gui/safety/sneaky.py: cairn.store.backup",
        "gui/safety/sneaky.py: cairn.store.backup.BackupInfo",
        "gui/safety/sneaky.py: cairn.store.errors",
    ]


def test_reports_sit_below_the_tracker() -> None:
    reports = _modules(PACKAGE / "reports")
    above = ("cairn.tracker", "cairn.tracking", "cairn.store", "cairn.cli", "cairn.gui")
    above += ("cairn.mentor_view",)
    found = _reaching(reports, above)
    assert len(reports) >= 7 and not found, "reports reach above the tracker:\n" + "\n".join(found)


def _module_name(path: Path) -> str:
    parts = ["cairn", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(path: Path, tree: ast.Module, modules: set[str]) -> set[str]:
    """The package modules `path` imports: `import X` imports X; `from X import y` imports
    X.y when that is a module, else X (relative imports resolved, every statement counted)."""
    package = ["cairn", *path.relative_to(PACKAGE).parent.parts]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                inner = f"{module}.{alias.name}"
                found.add(inner if inner in modules else module)
    return found & modules


def import_graph(skip: tuple[str, ...] = ()) -> dict[str, set[str]]:
    """Which package modules each module imports (every import statement in the file)."""
    modules = {
        name: found
        for name, found in ((_module_name(path), (path, tree)) for path, tree in _modules(PACKAGE))
        if not any(name == s or name.startswith(s + ".") for s in skip)
    }
    return {
        name: _targets(path, tree, set(modules)) - {name} for name, (path, tree) in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a path that ends where it starts, or [] when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for root in sorted(graph):
        if root in state:
            continue
        path, stack = [root], [iter(sorted(graph[root]))]
        state[root] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(step) == 1:
                return [*path[path.index(step) :], step]
            elif step not in state:
                state[step] = 1
                path.append(step)
                stack.append(iter(sorted(graph[step])))
    return []


def test_the_cycle_finder_names_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_graph_counts_every_kind_of_import() -> None:
    """Relative, TYPE_CHECKING and function-level imports are edges; `from . import x`
    is an edge to the module x."""
    here = PACKAGE / "gui" / "safety" / "menu.py"  # parsed from text, never written
    text = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..window.main_window import MainWindow\n"
        "def f():\n    from ... import tracker\n    import cairn.reports.export\n"
        "from .. import widgets\n"
    )
    modules = {"cairn", "cairn.tracker", "cairn.reports.export", "cairn.gui.widgets"}
    modules |= {"cairn.gui.window.main_window"}
    assert _targets(here, ast.parse(text), modules) == modules - {"cairn"}


def test_the_package_has_no_import_cycles() -> None:
    graph = import_graph()
    assert len(graph) > 60 and "cairn.gui.app" in graph
    assert "cairn.reports.summary" in graph["cairn.reports.export"]  # edges are found
    cycle = find_cycle(graph)
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_the_core_has_no_import_cycles_and_the_tracker_is_above_the_reports() -> None:
    graph = import_graph(skip=("cairn.gui",))
    cycle = find_cycle(graph)
    assert not cycle, "import cycle: " + " -> ".join(cycle)
    parts = {"study", "safety", "content", "importing", "values"}  # study builds on changes
    assert {f"cairn.tracking.{part}" for part in parts} <= graph["cairn.tracker"]
    assert "cairn.tracking.changes" in graph["cairn.tracking.study"]
    assert "cairn.tracking.state" in graph["cairn.tracking.reads"]
    assert "cairn.reports.importer" in graph["cairn.tracking.importing"]
    assert "cairn.snapshot" in graph["cairn.reports.summary"]
    assert "cairn.tracker" in graph["cairn.mentor_view"]
