"""Start-up: the real entry point opens the window on existing data and exits cleanly, and the
first screen does not wait for the ORM (which loads in the background)."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from cairn.cli import run


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _quit_after_start(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), "--quit-after-start"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_quit_after_start_paints_and_exits_zero(data_dir: Path) -> None:
    assert run(["--data-dir", str(data_dir), "mark", "python-project-skeleton", "done"]) == 0
    done = _quit_after_start(data_dir)
    assert done.returncode == 0, done.stderr
    assert "painted-at" in done.stdout


def test_a_first_start_shows_the_welcome_and_still_shows_it_on_the_next_real_start(
    tmp_path: Path,
) -> None:
    first = tmp_path / "new-folder"
    done = _quit_after_start(first)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == ["welcome shown"]
    again = _quit_after_start(first)  # not recorded as shown: the learner still gets it
    assert again.returncode == 0 and "welcome shown" in again.stdout


def test_no_welcome_once_a_plan_exists(data_dir: Path) -> None:
    assert run(["--data-dir", str(data_dir), "plan", "--start", "2026-11-02", "--hours", "10"]) == 0
    done = _quit_after_start(data_dir)
    assert done.returncode == 0 and "welcome" not in done.stdout


def test_quit_after_start_reports_a_newer_database(data_dir: Path) -> None:
    import sqlite3

    assert run(["--data-dir", str(data_dir), "check"]) == 0
    with closing(sqlite3.connect(data_dir / "cairn.sqlite3")) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    done = _quit_after_start(data_dir)
    assert done.returncode == 1 and "newer version of Cairn" in done.stderr


def test_the_first_screen_loads_no_orm_charts_reports_or_readings_page(data_dir: Path) -> None:
    assert run(["--data-dir", str(data_dir), "check"]) == 0  # creates and migrates the file
    code = (
        "import sys\n"
        "from cairn.gui.app import create_application, open_window\n"
        "app = create_application()\n"
        f"window = open_window(__import__('pathlib').Path({str(data_dir)!r}))\n"
        "window.show(); app.processEvents()\n"
        "later = {'PySide6.QtCharts', 'cairn.reports.importer', 'cairn.reports.summary', "
        "'cairn.reports.export', 'cairn.mentor_view', 'cairn.gui.welcome.first_run', "
        "'cairn.gui.feedback.actions'}\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'alembic'} | (set(sys.modules) & later))\n"
        "print(heavy if window._readings is None else ['the readings page'])\n"
        "window.close(); window.tracker.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
