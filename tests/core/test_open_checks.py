"""The quick check on opening (issue 15): run on its own thread while the packs load, and taken
from a remembered clean check only for the very file that passed it. Damage is still found and
recovered: a write since the check means a new check, and proof of damage met while reading
forgets the record and checks at once."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.store import early_check, recovery
from cairn.store.opening import DATABASE_NAME
from cairn.tracker import Tracker

ITEM = "python-project-skeleton"


def _learner(data_dir: Path) -> Path:
    with Tracker.open(data_dir, curriculum_dir()) as t:
        t.set_status(ITEM, "done")
        t.backup("open")
    return data_dir / DATABASE_NAME


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    checked: list[Path] = []
    real = recovery._quick_check_now

    def counting(path: Path) -> list[str]:
        checked.append(path)
        return real(path)

    monkeypatch.setattr(recovery, "_quick_check_now", counting)
    return checked


def _settle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled (no two-second wait)."""
    monkeypatch.setattr(early_check, "SETTLED_NS", 0)


def _status(data_dir: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--data-dir", str(data_dir), "status", "--json"], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_an_unchanged_file_is_checked_once_and_a_changed_one_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _learner(data_dir)
    _settle(monkeypatch)
    checked = _count_checks(monkeypatch)
    assert _status(data_dir)[0] == 0 and len(checked) == 1
    assert _status(data_dir)[0] == 0 and len(checked) == 1  # the same file: remembered
    code = run(["--data-dir", str(data_dir), "mark", ITEM, "doing"], stdout=io.StringIO())
    assert code == 0 and len(checked) == 1  # still the file that passed when it opened
    code, out, _ = _status(data_dir)
    assert code == 0 and len(checked) == 2  # written since: checked again
    assert json.loads(out)["overall"]["done"] == 0


def test_a_file_changed_just_before_its_check_is_not_remembered(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _learner(data_dir)
    monkeypatch.setattr(early_check, "SETTLED_NS", 3600 * 1_000_000_000)  # "a moment ago"
    checked = _count_checks(monkeypatch)
    assert _status(data_dir)[0] == 0 and _status(data_dir)[0] == 0
    assert len(checked) == 2


def test_an_old_record_is_not_trusted(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _learner(data_dir)
    _settle(monkeypatch)
    checked = _count_checks(monkeypatch)
    assert _status(data_dir)[0] == 0
    monkeypatch.setattr(early_check, "TRUST_SECONDS", 0)
    assert _status(data_dir)[0] == 0 and len(checked) == 2


def _rot(path: Path) -> None:
    """Damage the file, then make the record match it, as if the disk had changed the bytes
    without any write (what no time can show)."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 32] = b"\xde\xad\xbe\xef" * 8
    path.write_bytes(bytes(data))
    early_check.remember_clean(path, early_check.fingerprint(path))


def test_damage_a_remembered_check_could_not_see_is_found_by_reading(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _learner(data_dir)
    _settle(monkeypatch)
    _rot(path)
    code, _, err = _status(data_dir)  # a read-only command: says so, moves nothing
    assert code == 1 and "is damaged" in err and "cairn check" in err
    assert not list(data_dir.glob("*.damaged-*"))
    _rot(path)
    with Tracker.open(data_dir, curriculum_dir()) as t:  # the window: recovers at once
        assert t.recovery_notice is not None and t.recovery_notice.restored is not None
        assert t.status(ITEM) == "done"
    assert list(data_dir.glob("*.damaged-*"))


def test_a_cache_folder_that_cannot_be_written_only_means_checking_every_time(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _learner(data_dir)
    _settle(monkeypatch)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    checked = _count_checks(monkeypatch)
    assert _status(data_dir)[0] == 0 and _status(data_dir)[0] == 0
    assert len(checked) == 2
