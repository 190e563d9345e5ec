"""The built wheel is a working Cairn on its own: installed into a fresh virtual environment,
away from this checkout and with a clean environment, `cairn` reports its version, validates
the curriculum it carries, creates and migrates a data folder, keeps a status and opens its
window (offscreen). That proves the curriculum, the resources, the empty schema and the
migrations are inside the wheel (a database of the first version is migrated), not found in
the source tree.

Slow (it builds the wheel and installs Qt into a new environment): `pytest -m slow`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

import cairn
from cairn.store.schema import HEAD_REVISION

REPOSITORY = Path(__file__).resolve().parents[2]


def _run(
    command: list[str], env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_environment_is_a_working_cairn(tmp_path: Path) -> None:
    tools = dict(os.environ)  # building and installing may use pip's own settings
    _run(
        [sys.executable, "-m", "pip", "wheel", str(REPOSITORY), "--no-deps", "-w", "dist", "-q"],
        tools,
        tmp_path,
    )
    wheels = list((tmp_path / "dist").glob("cairn-*.whl"))
    assert len(wheels) == 1, wheels
    _run([sys.executable, "-m", "venv", "fresh"], tools, tmp_path)
    bin_dir = tmp_path / "fresh" / ("Scripts" if os.name == "nt" else "bin")
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheels[0])], tools, tmp_path)

    _check_installed(bin_dir, bin_dir / "python", tmp_path, tmp_path / "fresh")


@pytest.mark.slow
def test_pipx_install_of_the_checkout_gives_a_working_cairn(tmp_path: Path) -> None:
    """`pipx install .` as the README says: pipx builds the wheel itself into its own
    environment and puts `cairn` on its bin folder (both kept inside tmp_path here)."""
    pipx_home, bin_dir = tmp_path / "pipx", tmp_path / "pipx-bin"
    tools = dict(
        os.environ,
        PIPX_HOME=str(pipx_home),
        PIPX_BIN_DIR=str(bin_dir),
        PIPX_MAN_DIR=str(tmp_path / "pipx-man"),
    )
    tools.pop("PIP_REQUIRE_VIRTUALENV", None)
    _run(
        [sys.executable, "-m", "pipx", "install", "--python", sys.executable, str(REPOSITORY)],
        tools,
        tmp_path,
        timeout=600,
    )
    environment = pipx_home / "venvs" / "cairn"
    _check_installed(bin_dir, environment / "bin" / "python", tmp_path, environment)


def _check_installed(bin_dir: Path, python: Path, tmp_path: Path, environment: Path) -> None:
    """The installed `cairn` in `bin_dir` works from a clean environment and uses the
    curriculum, schema and migrations inside `environment`, not this checkout."""
    home = tmp_path / "home"
    home.mkdir()
    clean = {  # nothing of this checkout or of the user's folders
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    cli = str(bin_dir / "cairn")
    assert _run([cli, "--version"], clean, home).stdout.strip() == f"cairn {cairn.__version__}"
    shipped = _run(
        [
            str(python),
            "-c",
            "from cairn.locations import curriculum_dir as c; print(c())",
        ],
        clean,
        home,
    ).stdout.strip()
    assert Path(shipped).is_relative_to(environment), shipped  # the wheel's own copy
    assert ": ok — " in _run([cli, "validate", shipped], clean, home).stdout

    data = str(tmp_path / "learner")
    _run([cli, "--data-dir", data, "mark", "python-project-skeleton", "done"], clean, home)
    status = json.loads(_run([cli, "--data-dir", data, "status", "--json"], clean, home).stdout)
    assert status["overall"]["done"] == 1
    assert status["curriculum"].startswith("cairn-core ")
    window = _run([cli, "--data-dir", data, "--quit-after-start"], clean, home)
    assert "painted-at" in window.stdout

    old = tmp_path / "from-the-first-version"  # the migrations are inside too
    old.mkdir()
    shutil.copyfile(
        REPOSITORY / "tests" / "fixtures" / "databases" / "0001.sqlite3", old / "cairn.sqlite3"
    )
    _run([cli, "--data-dir", str(old), "mark", "python-project-skeleton", "doing"], clean, home)
    with closing(sqlite3.connect(old / "cairn.sqlite3")) as db:
        revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert revision == HEAD_REVISION
