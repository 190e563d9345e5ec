"""Shared fixtures: isolated data folders, the small pack, the shipped pack."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cairn.locations import curriculum_dir
from cairn.tracker import Tracker
from clocks import Clock

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_PACK = FIXTURES / "packs" / "small"
EXTRA_PACK = FIXTURES / "packs" / "extra"


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every platform folder and CAIRN_DATA_DIR at a temporary place."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("CAIRN_DATA_DIR", str(home / "cairn-data"))
    monkeypatch.delenv("CAIRN_LOG_DIR", raising=False)  # logs stay beside the test data


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def small_pack(tmp_path: Path) -> Path:
    """A writable copy of the small fixture pack."""
    target = tmp_path / "small"
    shutil.copytree(SMALL_PACK, target)
    return target


@pytest.fixture
def shipped_pack() -> Path:
    return curriculum_dir()


@pytest.fixture
def tracker(data_dir: Path, small_pack: Path) -> Iterator[Tracker]:
    t = Tracker.open(data_dir, small_pack)
    yield t
    t.close()


@pytest.fixture
def shipped_tracker(data_dir: Path, shipped_pack: Path) -> Iterator[Tracker]:
    t = Tracker.open(data_dir, shipped_pack)
    yield t
    t.close()


@pytest.fixture
def clock() -> Clock:
    """A clock at 19:00 on 12 March 2026 that the test moves by hand."""
    return Clock()
