"""The core never needs Qt: importing it leaves PySide6 out of sys.modules."""

import subprocess
import sys

CORE = ["cairn.content", "cairn.store", "cairn.tracker", "cairn.progress", "cairn.cli",
        "cairn.readiness", "cairn.reports", "cairn.reports.export", "cairn.reports.importer",
        "cairn.locations"]


def test_core_modules_do_not_import_pyside6() -> None:
    code = (f"import sys; import {', '.join(CORE)}; "
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_cli_command_does_not_import_pyside6_or_alembic_for_existing_data(tmp_path) -> None:
    code = ("import sys; from cairn.cli import run; "
            f"run(['--data-dir', {str(tmp_path)!r}, 'status']); "
            f"run(['--data-dir', {str(tmp_path)!r}, 'status']); "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("[]")
