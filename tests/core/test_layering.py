"""The core never needs Qt: importing it leaves PySide6 out of sys.modules; only the tracker
talks to the store's database, and reports read through the tracker alone."""

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


def test_only_the_tracker_and_the_store_touch_the_database_object() -> None:
    outside = [
        (path, tree)
        for path, tree in _modules(PACKAGE)
        if path.name != "tracker.py" or path.parent != PACKAGE
    ]
    outside = [
        (path, tree) for path, tree in outside if "store" not in path.relative_to(PACKAGE).parts[:1]
    ]
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
