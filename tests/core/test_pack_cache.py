"""The compiled curriculum cache (issue 15): start-up reads a stored copy of the validated
curriculum instead of parsing TOML, yet what the learner sees never differs from the files.

A hit is proven by making TOML parsing impossible (`tomllib.loads` raises), never by time."""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
import shutil
import tomllib
from pathlib import Path

import pytest
from tests.conftest import EXTRA_PACK

from cairn import packs
from cairn.cli import run
from cairn.content import ContentError, Curriculum, cache, load_curriculum
from cairn.locations import curriculum_dir
from cairn.tracker import Tracker


def _entries() -> list[Path]:
    folder = cache.cache_folder()
    return sorted(folder.glob("*" + cache.ENTRY_SUFFIX)) if folder.is_dir() else []


def _refuse(*_args: object, **_kwargs: object) -> object:
    """Stands in for `tomllib.loads`: whatever loads while it does came from the cache."""
    raise AssertionError("TOML was parsed")


def _install(data_dir: Path, name: str, source: Path = EXTRA_PACK) -> Path:
    target = data_dir / "packs" / name
    shutil.copytree(source, target)
    return target


def _public(obj: object) -> object:
    """Every public field of a model object (recursively), with its type: what behaviour reads."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (
            type(obj),
            {f.name: _public(getattr(obj, f.name)) for f in dataclasses.fields(obj)},
        )
    if isinstance(obj, dict):
        return {key: _public(value) for key, value in obj.items()}
    if isinstance(obj, tuple | list):
        return [_public(value) for value in obj]
    return (type(obj), obj)


def assert_same_curriculum(got: Curriculum, want: Curriculum) -> None:
    for name in (
        "packs",
        "months",
        "weeks",
        "items",
        "skills",
        "roles",
        "readings",
        "choices",
        "projects",
        "aliases",
        "content_hash",
    ):
        assert _public(getattr(got, name)) == _public(getattr(want, name)), name
    assert list(got.items) == list(want.items)  # the same order too
    assert list(got.weeks) == list(want.weeks)
    assert got.version == want.version
    assert got.option_of == want.option_of
    assert [p.id for p in got.projects_in_order()] == [p.id for p in want.projects_in_order()]
    assert got.counted({}) == want.counted({})
    for week in want.weeks:
        assert got.week_items(week) == want.week_items(week)


# --- hits and misses --------------------------------------------------------------------------


def test_a_second_load_comes_from_the_cache_and_equals_the_files(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, disabled = packs.load_packs(small_pack, data_dir)
    assert disabled == [] and len(_entries()) == 1
    monkeypatch.setattr(tomllib, "loads", _refuse)
    second, disabled = packs.load_packs(small_pack, data_dir)
    assert disabled == []
    assert_same_curriculum(second, first)
    assert second is not first


def test_the_shipped_pack_round_trips_every_public_field(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_curriculum([curriculum_dir()])
    assert fresh.choices and fresh.aliases  # the shipped pack has every kind of field
    packs.load_packs(curriculum_dir(), data_dir)
    monkeypatch.setattr(tomllib, "loads", _refuse)
    cached, disabled = packs.load_packs(curriculum_dir(), data_dir)
    assert disabled == []
    assert_same_curriculum(cached, fresh)
    assert cached == fresh


def test_an_added_pack_round_trips_with_the_pack_it_extends(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = _install(data_dir, "extra")
    fresh = load_curriculum([small_pack, extra])
    packs.load_packs(small_pack, data_dir)
    monkeypatch.setattr(tomllib, "loads", _refuse)
    cached, disabled = packs.load_packs(small_pack, data_dir)
    assert disabled == [] and "pair-session" in cached.items
    assert_same_curriculum(cached, fresh)


def test_a_changed_byte_in_any_toml_file_is_a_miss_even_with_the_same_size_and_time(
    small_pack: Path, data_dir: Path
) -> None:
    packs.load_packs(small_pack, data_dir)
    month = small_pack / "months" / "01-basics.toml"
    before = month.stat()
    month.write_bytes(month.read_bytes().replace(b"Write hello world", b"Write hello World"))
    os.utime(month, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert month.stat().st_size == before.st_size
    curriculum, _ = packs.load_packs(small_pack, data_dir)
    assert curriculum.items["write-hello"].title == "Write hello World"
    assert len(_entries()) == 2


def test_a_new_file_in_a_pack_is_a_miss(small_pack: Path, data_dir: Path) -> None:
    first, _ = packs.load_packs(small_pack, data_dir)
    (small_pack / "notes.txt").write_text("not TOML, still part of the pack", encoding="utf-8")
    again, _ = packs.load_packs(small_pack, data_dir)
    assert again == first and len(_entries()) == 2


def test_the_same_files_in_another_folder_name_their_own_folder(
    small_pack: Path, data_dir: Path, tmp_path: Path
) -> None:
    packs.load_packs(small_pack, data_dir)
    moved = shutil.copytree(small_pack, tmp_path / "elsewhere")
    curriculum, _ = packs.load_packs(moved, data_dir)
    assert Path(curriculum.packs[0].path).parent == moved


# --- bad entries ------------------------------------------------------------------------------


_EMPTY = pickle.dumps(Curriculum((), (), {}, {}, {}, {}, {}, {}))


class _Stranger:
    """Stands for a class that no longer exists where the entry says."""


def _valid_entry(body: bytes, key: str) -> bytes:
    import hashlib

    return cache._MAGIC + f"{key}\n{hashlib.sha256(body).hexdigest()}\n".encode() + body


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda blob, key: b"", id="empty"),
        pytest.param(lambda blob, key: blob[: len(blob) // 2], id="truncated"),
        pytest.param(lambda blob, key: os.urandom(len(blob)), id="garbage"),
        pytest.param(lambda blob, key: blob[:-10] + b"0123456789", id="flipped-bytes"),
        pytest.param(
            lambda blob, key: _valid_entry(pickle.dumps({"not": "a curriculum"}), key),
            id="another-type",
        ),
        pytest.param(
            lambda blob, key: _valid_entry(
                pickle.dumps(_Stranger()).replace(b"_Stranger", b"_Gone____"), key
            ),
            id="a-class-that-moved",
        ),
        pytest.param(
            lambda blob, key: _valid_entry(
                pickle.dumps(Curriculum((), (), {}, {}, {}, {}, {}, {})), "0" * 64
            ),
            id="another-key",
        ),
    ],
)
def test_a_spoilt_entry_is_ignored_deleted_and_replaced(
    small_pack: Path, data_dir: Path, spoil: object
) -> None:
    fresh, _ = packs.load_packs(small_pack, data_dir)
    (entry,) = _entries()
    key = entry.name.removesuffix(cache.ENTRY_SUFFIX)
    entry.write_bytes(spoil(entry.read_bytes(), key))  # type: ignore[operator]
    again, disabled = packs.load_packs(small_pack, data_dir)
    assert disabled == []
    assert_same_curriculum(again, fresh)
    assert cache.read_entry(entry.parent, key) is not None  # rewritten, and good


def test_an_entry_under_the_wrong_name_is_not_served(small_pack: Path, data_dir: Path) -> None:
    """An entry copied onto another key's name holds the wrong key: it is refused."""
    packs.load_packs(small_pack, data_dir)
    (entry,) = _entries()
    month = small_pack / "months" / "01-basics.toml"
    month.write_bytes(month.read_bytes().replace(b"Write hello world", b"Write hello again"))
    new_key = cache.curriculum_key([small_pack])
    assert new_key is not None
    shutil.copyfile(entry, entry.parent / f"{new_key}{cache.ENTRY_SUFFIX}")
    curriculum, _ = packs.load_packs(small_pack, data_dir)
    assert curriculum.items["write-hello"].title == "Write hello again"


# --- problems are never cached ----------------------------------------------------------------


def test_a_pack_with_problems_reports_the_same_problems_every_time_and_is_not_stored(
    small_pack: Path, data_dir: Path
) -> None:
    month = small_pack / "months" / "01-basics.toml"
    month.write_text(
        month.read_text(encoding="utf-8").replace('skills = ["coding"]', 'skills = ["cooking"]'),
        encoding="utf-8",
    )
    found = []
    for _ in range(3):
        with pytest.raises(ContentError) as error:
            packs.load_packs(small_pack, data_dir)
        found.append(str(error.value))
    assert "cooking" in found[0] and found[0] == found[1] == found[2]
    assert _entries() == []


def test_a_disabled_pack_is_named_on_every_load_and_nothing_is_stored(
    small_pack: Path, data_dir: Path
) -> None:
    broken = _install(data_dir, "extra")
    (broken / "pack.toml").write_text('[pack]\nid = "x"\nname = "Broken\n', encoding="utf-8")
    notices = []
    for _ in range(3):
        curriculum, disabled = packs.load_packs(small_pack, data_dir)
        assert [d.name for d in disabled] == ["extra"]
        notices.append(disabled[0].notice)
    assert notices[0] == notices[1] == notices[2] and "TOML syntax error" in notices[0]
    assert "pair-session" not in curriculum.items
    assert _entries() == []


def test_a_change_to_the_added_packs_is_a_miss_both_ways(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone, _ = packs.load_packs(small_pack, data_dir)
    extra = _install(data_dir, "extra")
    with_extra, disabled = packs.load_packs(small_pack, data_dir)
    assert disabled == [] and "pair-session" in with_extra.items
    good = (extra / "pack.toml").read_bytes()
    (extra / "pack.toml").write_bytes(good.replace(b"[pack]", b"[pack", 1))  # now disabled
    broken, disabled = packs.load_packs(small_pack, data_dir)
    assert [d.name for d in disabled] == ["extra"] and "pair-session" not in broken.items
    (extra / "pack.toml").write_bytes(good)  # fixed: enabled again, from the cache
    with monkeypatch.context() as patch:
        patch.setattr(tomllib, "loads", _refuse)
        fixed, disabled = packs.load_packs(small_pack, data_dir)
        assert disabled == [] and fixed == with_extra
        shutil.rmtree(extra)  # removed: the entry without it is still kept
        back, disabled = packs.load_packs(small_pack, data_dir)
        assert disabled == [] and back == alone


def test_a_file_changed_while_loading_is_not_stored(small_pack: Path, tmp_path: Path) -> None:
    month = small_pack / "months" / "01-basics.toml"

    def load_then_change(dirs: object) -> Curriculum:
        curriculum = load_curriculum(dirs)  # type: ignore[arg-type]
        month.write_bytes(month.read_bytes().replace(b"Basics", b"Basic!"))
        return curriculum

    cache.load_through_cache([small_pack], load_then_change, folder=tmp_path / "c")
    assert not any((tmp_path / "c").glob("*" + cache.ENTRY_SUFFIX))


def test_a_pack_that_cannot_be_keyed_loads_from_its_files(small_pack: Path, data_dir: Path) -> None:
    (small_pack / "link.toml").symlink_to(small_pack / "pack.toml")
    with pytest.raises(ContentError, match="symbolic link"):
        packs.load_packs(small_pack, data_dir)
    assert cache.curriculum_key([small_pack]) is None
    assert _entries() == []


# --- a cache folder that cannot be used -------------------------------------------------------


def test_a_cache_folder_that_cannot_be_made_is_passed_over(
    small_pack: Path, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = cache.cache_folder()
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the folder should be", encoding="utf-8")
    caplog.set_level("DEBUG", logger="cairn.content.cache")
    for _ in range(2):
        curriculum, disabled = packs.load_packs(small_pack, data_dir)
        assert disabled == [] and "write-hello" in curriculum.items
    assert folder.read_text(encoding="utf-8") == "a file where the folder should be"
    assert "not written" in caplog.text


def test_a_full_disk_leaves_no_entry_and_no_temporary_file(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full)
    curriculum, _ = packs.load_packs(small_pack, data_dir)
    assert "write-hello" in curriculum.items
    assert list(cache.cache_folder().iterdir()) == []


def test_an_unreadable_entry_is_a_miss(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh, _ = packs.load_packs(small_pack, data_dir)
    real_open = open

    def no_read(path: object, *args: object, **kwargs: object) -> io.IOBase:
        if str(path).endswith(cache.ENTRY_SUFFIX):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr("builtins.open", no_read)
    again, _ = packs.load_packs(small_pack, data_dir)
    assert again == fresh


# --- housekeeping -----------------------------------------------------------------------------


def test_only_the_newest_entries_are_kept_and_stale_temporary_files_go(
    small_pack: Path, data_dir: Path
) -> None:
    folder = cache.cache_folder()
    folder.mkdir(parents=True)
    stale = folder / (cache.TEMPORARY_PREFIX + "left-by-a-crash")
    stale.write_bytes(b"half")
    os.utime(stale, (1, 1))
    fresh_temporary = folder / (cache.TEMPORARY_PREFIX + "another-cairn-writing")
    fresh_temporary.write_bytes(b"half")
    month = small_pack / "months" / "01-basics.toml"
    text = month.read_text(encoding="utf-8")
    for number in range(cache.KEEP_ENTRIES + 3):
        month.write_text(text.replace("Basics", f"Basics {number}"), encoding="utf-8")
        packs.load_packs(small_pack, data_dir)
    assert len(_entries()) == cache.KEEP_ENTRIES
    assert not stale.exists() and fresh_temporary.exists()
    assert cache.read_entry(folder, cache.curriculum_key([small_pack]) or "") is not None


# --- the callers ------------------------------------------------------------------------------


def test_tracker_open_uses_the_cache(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Tracker.open(data_dir, small_pack) as tracker:
        first = tracker.curriculum
    assert len(_entries()) == 1
    monkeypatch.setattr(tomllib, "loads", _refuse)
    with Tracker.open(data_dir, small_pack) as tracker:
        assert tracker.curriculum == first
        assert "write-hello" in tracker.curriculum.items


def test_cairn_status_uses_the_cache(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = io.StringIO()
    assert run(["--data-dir", str(data_dir), "status"], stdout=first, stderr=io.StringIO()) == 0
    assert len(_entries()) == 1
    monkeypatch.setattr(tomllib, "loads", _refuse)
    second = io.StringIO()
    assert run(["--data-dir", str(data_dir), "status"], stdout=second, stderr=io.StringIO()) == 0
    assert second.getvalue() == first.getvalue() and second.getvalue().startswith("Overall")


def test_cairn_validate_always_reads_the_files(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs.load_packs(curriculum_dir(), data_dir)
    parsed: list[str] = []
    real = tomllib.loads

    def counting(text: str) -> dict[str, object]:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(tomllib, "loads", counting)
    assert run(["validate", str(curriculum_dir())], stdout=io.StringIO()) == 0
    assert parsed


def test_settled_files_are_known_by_their_stat_without_reading_them(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a pack's files have settled, the next load knows the key from their stat: no
    file's bytes are read or hashed, and the curriculum comes from the cache."""
    from cairn.content import known_files

    monkeypatch.setattr(known_files, "SETTLED_NS", 0)  # as if written long ago
    first, _ = packs.load_packs(small_pack, data_dir)
    assert list(cache.cache_folder().glob("*" + known_files.SUFFIX))
    with monkeypatch.context() as patch:
        patch.setattr(cache, "read_limited", _refuse)  # the content key reads every file
        patch.setattr(tomllib, "loads", _refuse)
        again, disabled = packs.load_packs(small_pack, data_dir)
    assert disabled == [] and again == first


def test_a_write_keeping_size_and_time_still_changes_what_stat_says(
    small_pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write changes the file's change time, which no program can set back: the stat key
    changes and the new bytes are read."""
    from cairn.content import known_files

    monkeypatch.setattr(known_files, "SETTLED_NS", 0)
    packs.load_packs(small_pack, data_dir)
    month = small_pack / "months" / "01-basics.toml"
    before = month.stat()
    month.write_bytes(month.read_bytes().replace(b"Write hello world", b"Write hello World"))
    os.utime(month, ns=(before.st_atime_ns, before.st_mtime_ns))
    curriculum, _ = packs.load_packs(small_pack, data_dir)
    assert curriculum.items["write-hello"].title == "Write hello World"


def test_freshly_written_files_are_read_not_trusted_by_their_stat(small_pack: Path) -> None:
    from cairn.content import known_files

    (small_pack / "pack.toml").touch()  # changed just now: the same clock tick may follow
    assert known_files.stat_key([small_pack], [b"frames"]) is None
    assert cache.curriculum_key([small_pack]) is not None
