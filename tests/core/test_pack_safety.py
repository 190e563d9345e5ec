"""Curriculum packs can never hang, fill the disk or lock the learner out (issue 10, cases 9a, 9b
and the readers). Hostile files — links, FIFOs, huge or deeply nested files — are made here, in
tmp_path, never kept in git."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import time
from pathlib import Path

import pytest
from tests.conftest import EXTRA_PACK
from tests.fixtures.packs.big_pack import write_big_pack

from cairn import packs
from cairn.cli import run
from cairn.content import ContentError, load_curriculum, pack_table, validate_pack
from cairn.content.files import MAX_FILE_BYTES, MAX_PACK_BYTES
from cairn.tracker import StoreError, Tracker, TrackerError

BROKEN_TOML = '[pack]\nid = "mentor-extra"\nname = "Broken by hand\n'


def _install(data_dir: Path, name: str, source: Path = EXTRA_PACK) -> Path:
    """Put a pack straight into <data>/packs, as a learner's file manager would."""
    target = data_dir / "packs" / name
    shutil.copytree(source, target)
    return target


def _install_broken(data_dir: Path, name: str) -> Path:
    """An added pack whose pack.toml a learner edited into invalid TOML."""
    broken = _install(data_dir, name)
    (broken / "pack.toml").write_text(BROKEN_TOML, encoding="utf-8")
    return broken


def _tree(folder: Path) -> dict[str, str]:
    """Every file under a folder with its content hash (links are listed, not followed)."""
    return {
        str(p.relative_to(folder)): "link"
        if p.is_symlink()
        else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


def _cairn(*args: str) -> tuple[int, str]:
    """Run a command line; return its exit code and what it wrote on stderr."""
    out, err = io.StringIO(), io.StringIO()
    return run(list(args), stdout=out, stderr=err), err.getvalue()


def _leftovers(data_dir: Path) -> list[str]:
    """Whatever an add left in <data>/packs (hidden staging folders included)."""
    folder = data_dir / "packs"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _extra_copy(tmp_path: Path, name: str = "incoming") -> Path:
    folder = tmp_path / name
    shutil.copytree(EXTRA_PACK, folder)
    return folder


# --- 9a: a broken added pack is disabled, never a lock-out ----------------------------------------
def test_9a_invalid_toml_in_an_added_pack_disables_it_and_cairn_opens(
    data_dir: Path, small_pack: Path
) -> None:
    broken = _install_broken(data_dir, "x")
    t = Tracker.open(data_dir, small_pack)
    try:
        assert "write-hello" in t.curriculum.items and t.own_packs() == []
        assert len(t.pack_notices) == 1
        notice = t.pack_notices[0]
        assert str(broken) in notice and "disabled" in notice
        assert f"{broken / 'pack.toml'}:3" in notice and "TOML syntax error" in notice
        assert "remove" in notice and "cairn validate" in notice
        assert [d.name for d in t.disabled_packs] == ["x"]
        assert (broken / "pack.toml").read_text(encoding="utf-8") == BROKEN_TOML  # left in place
    finally:
        t.close()


def test_9a_the_command_line_still_works_beside_a_broken_pack(data_dir: Path) -> None:
    broken = data_dir / "packs" / "x"
    broken.mkdir(parents=True)
    (broken / "pack.toml").write_text(BROKEN_TOML, encoding="utf-8")
    assert _cairn("--data-dir", str(data_dir), "status")[0] == 0
    assert _cairn("--data-dir", str(data_dir), "mark", "python-project-skeleton", "done")[0] == 0
    assert broken.is_dir()


def test_9a_a_pack_that_conflicts_with_a_shipped_update_is_disabled(
    data_dir: Path, small_pack: Path
) -> None:
    _install(data_dir, "mentor-extra")
    with Tracker.open(data_dir, small_pack) as t:
        t.set_status("pair-session", "done")
    month = small_pack / "months" / "01-basics.toml"  # the shipped pack now declares the same id
    month.write_text(
        month.read_text(encoding="utf-8").replace('id = "read-guide"', 'id = "pair-session"'),
        encoding="utf-8",
    )
    t = Tracker.open(data_dir, small_pack)
    try:
        assert t.own_packs() == [] and len(t.pack_notices) == 1
        assert "'pair-session' is already used" in t.pack_notices[0]
        assert t.curriculum.items["pair-session"].title == "Read the guide"
    finally:
        t.close()


def test_9a_progress_on_a_disabled_pack_is_kept_and_returns_when_fixed(
    data_dir: Path, small_pack: Path
) -> None:
    folder = _install(data_dir, "mentor-extra")
    good = (folder / "pack.toml").read_text(encoding="utf-8")
    with Tracker.open(data_dir, small_pack) as t:
        t.set_status("pair-session", "done")
        t.set_note("pair-session", "We paired on the parser.")
    (folder / "pack.toml").write_text(BROKEN_TOML, encoding="utf-8")
    with Tracker.open(data_dir, small_pack) as t:
        assert t.retired_ids() == ["pair-session"]
        assert t.stored_statuses()["pair-session"].status == "done"
    (folder / "pack.toml").write_text(good, encoding="utf-8")
    t = Tracker.open(data_dir, small_pack)
    try:
        assert t.pack_notices == [] and t.status("pair-session") == "done"
        note = t.note("pair-session")
        assert note is not None and note.body == "We paired on the parser."
    finally:
        t.close()


def test_9a_one_broken_pack_does_not_disable_the_others(data_dir: Path, small_pack: Path) -> None:
    _install(data_dir, "mentor-extra")
    broken = data_dir / "packs" / "a-broken"
    broken.mkdir()
    (broken / "pack.toml").write_text("[pack\n", encoding="utf-8")
    t = Tracker.open(data_dir, small_pack)
    try:
        assert [p.id for p in t.own_packs()] == ["mentor-extra"]
        assert [d.name for d in t.disabled_packs] == ["a-broken"]
        assert "pair-session" in t.curriculum.items
    finally:
        t.close()


def test_9a_a_broken_pack_is_removed_by_its_folder_name(data_dir: Path, small_pack: Path) -> None:
    broken = _install_broken(data_dir, "x")
    t = Tracker.open(data_dir, small_pack)
    try:
        change = t.remove_pack("x")
        assert change.kind == "content" and not broken.exists()
        assert t.pack_notices == [] and t.disabled_packs == []
        with pytest.raises(TrackerError, match="no added pack 'x'"):
            t.remove_pack("x")
    finally:
        t.close()


def test_9a_a_fixed_pack_can_be_added_over_its_disabled_copy(
    data_dir: Path, small_pack: Path
) -> None:
    broken = _install_broken(data_dir, "mentor-extra")
    t = Tracker.open(data_dir, small_pack)
    try:
        assert t.check_pack(EXTRA_PACK).id == "mentor-extra"
        t.add_pack(EXTRA_PACK)
        assert t.pack_notices == [] and "pair-session" in t.curriculum.items
        assert _tree(broken) == _tree(EXTRA_PACK)
    finally:
        t.close()


def test_9a_a_broken_shipped_pack_is_still_an_error(data_dir: Path, small_pack: Path) -> None:
    (small_pack / "pack.toml").write_text("[pack\n", encoding="utf-8")
    with pytest.raises(ContentError, match="TOML syntax error"):
        Tracker.open(data_dir, small_pack)


# --- 9b: adding a pack copies only regular files inside it, within limits ------------------------
def test_9b_a_link_to_dev_zero_refuses_the_pack_and_copies_nothing(
    data_dir: Path, small_pack: Path, tmp_path: Path
) -> None:
    incoming = _extra_copy(tmp_path)
    (incoming / "notes.txt").symlink_to("/dev/zero")
    t = Tracker.open(data_dir, small_pack)
    try:
        with pytest.raises(ContentError) as raised:
            t.add_pack(incoming)
        assert [p.file for p in raised.value.problems] == [str(incoming / "notes.txt")]
        assert "symbolic link" in str(raised.value)
        assert _leftovers(data_dir) == []
        assert "pair-session" not in t.curriculum.items
    finally:
        t.close()


def test_9b_a_link_to_a_file_outside_the_pack_is_never_copied_in(
    data_dir: Path, small_pack: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the learner's private key", encoding="utf-8")
    incoming = _extra_copy(tmp_path)
    (incoming / "readme.txt").symlink_to(secret)
    t = Tracker.open(data_dir, small_pack)
    try:
        with pytest.raises(ContentError, match=r"readme.txt.*symbolic link"):
            t.add_pack(incoming)
        copied = [
            p for p in data_dir.rglob("*") if p.is_file() and p.read_bytes() == secret.read_bytes()
        ]
        assert copied == []
    finally:
        t.close()


def test_9b_a_fifo_or_an_oversized_file_refuses_the_pack_without_hanging(
    data_dir: Path, small_pack: Path, tmp_path: Path
) -> None:
    incoming = _extra_copy(tmp_path)
    os.mkfifo(incoming / "pipe")
    with open(incoming / "video.bin", "wb") as big:
        big.truncate(MAX_FILE_BYTES + 1)
    t = Tracker.open(data_dir, small_pack)
    try:
        with pytest.raises(ContentError) as raised:
            t.add_pack(incoming)
        named = {Path(p.file).name: p.message for p in raised.value.problems}
        assert "not a regular file" in named["pipe"]
        assert "2 MB" in named["video.bin"]
        assert not (data_dir / "packs" / "mentor-extra").exists()
    finally:
        t.close()


def test_9b_hidden_files_and_pycache_are_skipped(
    data_dir: Path, small_pack: Path, tmp_path: Path
) -> None:
    incoming = _extra_copy(tmp_path)
    (incoming / ".git").mkdir()
    (incoming / ".git" / "config").write_text("x", encoding="utf-8")
    (incoming / "__pycache__").mkdir()
    (incoming / "__pycache__" / "x.pyc").write_bytes(b"x")
    (incoming / "notes").mkdir()
    (incoming / "notes" / "README.md").write_text("# Notes", encoding="utf-8")
    t = Tracker.open(data_dir, small_pack)
    try:
        t.add_pack(incoming)
    finally:
        t.close()
    assert set(_tree(data_dir / "packs" / "mentor-extra")) == {"pack.toml", "notes/README.md"}


def test_9b_a_failed_copy_leaves_the_old_pack_untouched_and_no_half_copy(
    data_dir: Path, small_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = Tracker.open(data_dir, small_pack)
    t.add_pack(EXTRA_PACK)
    installed = data_dir / "packs" / "mentor-extra"
    before = _tree(installed)
    incoming = _extra_copy(tmp_path)
    (incoming / "pack.toml").write_text(
        (EXTRA_PACK / "pack.toml")
        .read_text(encoding="utf-8")
        .replace('version = "1"', 'version = "2"'),
        encoding="utf-8",
    )
    (incoming / "more.txt").write_text("more", encoding="utf-8")

    def disk_full(source: Path, target: Path, limit: int) -> int:
        target.write_bytes(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(packs, "_copy_file", disk_full)
    try:
        with pytest.raises(TrackerError, match=r"No space left on device.*nothing was added"):
            t.add_pack(incoming)
        assert _tree(installed) == before
        assert [p.name for p in (data_dir / "packs").iterdir()] == ["mentor-extra"]
        assert t.own_packs()[0].version == "1"
    finally:
        t.close()


def test_9b_an_add_interrupted_by_a_crash_is_tidied_by_the_next_add(
    data_dir: Path, small_pack: Path
) -> None:
    t = Tracker.open(data_dir, small_pack)
    try:
        t.add_pack(EXTRA_PACK)
        root = data_dir / "packs"
        (root / "mentor-extra").rename(root / ".mentor-extra.replaced-abc")  # crash mid-replace
        (root / ".adding-xyz").mkdir()
        (root / ".adding-xyz" / "half.toml").write_text("[pack", encoding="utf-8")
        t.add_pack(EXTRA_PACK)
        assert _leftovers(data_dir) == ["mentor-extra"]
        assert _tree(root / "mentor-extra") == _tree(EXTRA_PACK)
    finally:
        t.close()


def test_9b_a_pack_over_the_total_size_limit_is_refused(
    data_dir: Path, small_pack: Path, tmp_path: Path
) -> None:
    incoming = _extra_copy(tmp_path)
    for n in range(MAX_PACK_BYTES // MAX_FILE_BYTES + 1):
        with open(incoming / f"part-{n}.bin", "wb") as part:
            part.truncate(MAX_FILE_BYTES)  # sparse: no disk used
    t = Tracker.open(data_dir, small_pack)
    try:
        with pytest.raises(ContentError) as raised:
            t.add_pack(incoming)
        assert [p.file for p in raised.value.problems] == [str(incoming)]
        assert "at most 20 MB" in raised.value.problems[0].message
        assert _leftovers(data_dir) == []
    finally:
        t.close()


# --- reading: validate and loading never hang, recurse or crawl ----------------------------------
def test_reading_a_toml_nested_100000_deep_is_a_problem_with_file_and_line(
    small_pack: Path,
) -> None:
    deep = small_pack / "months" / "02-deep.toml"
    deep.write_text("# deep\nx = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    problems = validate_pack(small_pack)
    assert len(problems) == 1
    assert problems[0].file == str(deep) and problems[0].line == 2
    assert "nest more than 32 deep" in problems[0].message


def test_reading_a_dotted_key_of_100000_parts_is_a_problem(small_pack: Path) -> None:
    deep = small_pack / "months" / "02-deep.toml"
    deep.write_text("a" + ".a" * 100_000 + " = 1\n", encoding="utf-8")
    started = time.perf_counter()
    problems = validate_pack(small_pack)
    assert time.perf_counter() - started < 3
    assert [(p.file, p.line) for p in problems] == [(str(deep), 1)]
    assert "more than 32 parts" in problems[0].message


def test_reading_a_toml_link_to_dev_zero_or_a_fifo_is_refused_by_name(small_pack: Path) -> None:
    (small_pack / "months" / "zero.toml").symlink_to("/dev/zero")
    os.mkfifo(small_pack / "months" / "x.toml")
    problems = {Path(p.file).name: p.message for p in validate_pack(small_pack)}
    assert set(problems) == {"zero.toml", "x.toml"}
    assert "symbolic link" in problems["zero.toml"]
    assert "not a regular file" in problems["x.toml"]


def test_reading_a_toml_file_over_the_limit_is_refused_by_name(small_pack: Path) -> None:
    huge = small_pack / "months" / "02-huge.toml"
    huge.write_text("# " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    problems = validate_pack(small_pack)
    assert [p.file for p in problems] == [str(huge)]
    assert "at most 2 MB" in problems[0].message


@pytest.mark.parametrize("hostile", ["fifo", "dev-zero", "dotted-key"])
def test_reading_a_hostile_pack_toml_header_never_hangs(tmp_path: Path, hostile: str) -> None:
    """What decides whether a pack extends the shipped one reads pack.toml safely too."""
    folder = tmp_path / "pack"
    folder.mkdir()
    target = folder / "pack.toml"
    if hostile == "fifo":
        os.mkfifo(target)
    elif hostile == "dev-zero":
        target.symlink_to("/dev/zero")
    else:
        target.write_text('[pack]\nid = "x"\n' + "a" + ".a" * 100_000 + " = 1\n", encoding="utf-8")
    started = time.perf_counter()
    assert pack_table(folder) == {} and packs.pack_id(folder) == ""
    assert time.perf_counter() - started < 3


def test_cairn_validate_lists_hostile_files_and_exits_1(small_pack: Path) -> None:
    (small_pack / "months" / "zero.toml").symlink_to("/dev/zero")
    (small_pack / "months" / "deep.toml").write_text("x = " + "{a = " * 50_000, encoding="utf-8")
    code, err = _cairn("validate", str(small_pack))
    assert code == 1
    assert f"{small_pack / 'months' / 'zero.toml'}: is a symbolic link" in err
    assert f"{small_pack / 'months' / 'deep.toml'}:1: arrays or inline tables nest" in err
    assert "Traceback" not in err


def test_a_35_mb_pack_is_refused_at_once(tmp_path: Path) -> None:
    pack = tmp_path / "big"
    pack.mkdir()
    (pack / "pack.toml").write_text(
        '[pack]\nid = "big"\nname = "Big"\nversion = "1"\n', encoding="utf-8"
    )
    for n in range(18):
        with open(pack / f"part-{n:02}.toml", "wb") as part:
            part.truncate(MAX_FILE_BYTES - 1)  # sparse, 35 MB in all
    started = time.perf_counter()
    code, err = _cairn("validate", str(pack))
    assert code == 1 and time.perf_counter() - started < 3
    assert f"{pack}: holds 36 MB of files; a pack may hold at most 20 MB" in err


def test_a_generated_pack_of_3000_items_with_6000_problems_is_reported_quickly(
    tmp_path: Path,
) -> None:
    """Each problem is located by line: once by a scan of the whole file per problem (6 s
    here), now by an index built once per file."""
    pack = tmp_path / "big"
    write_big_pack(pack, 3000, broken=True)
    for month in (pack / "months").glob("0*.toml"):
        month.write_text(
            month.read_text(encoding="utf-8")
            .replace('skills = ["coding"]', 'skills = ["cooking"]')
            .replace('readings = ["reading-', 'readings = ["missing-'),
            encoding="utf-8",
        )
    started = time.perf_counter()
    with pytest.raises(ContentError) as raised:
        load_curriculum([pack])
    assert time.perf_counter() - started < 3
    unknown = [p for p in raised.value.problems if "'cooking'" in p.message]
    assert len(unknown) == 3000
    assert len([p for p in raised.value.problems if "'missing-" in p.message]) == 3000
    last = unknown[-1]
    lines = Path(last.file).read_text(encoding="utf-8").splitlines()
    assert lines[last.line - 1] == 'skills = ["cooking"]'  # type: ignore[operator]
    planted = {
        (p.id, p.field)
        for p in raised.value.problems
        if "'cooking'" not in p.message and "'missing-" not in p.message
    }
    assert planted == {
        ("item-0", "id"),
        ("reading-2999", "url"),
        ("unknown-skill", "skills"),
        ("unknown-skill", "aliases"),
    }


@pytest.mark.slow
def test_the_duplicate_address_check_is_linear_in_the_readings(tmp_path: Path) -> None:
    pack = tmp_path / "readings"
    write_big_pack(pack, 40_000, broken=True)
    started = time.perf_counter()
    problems = validate_pack(pack)
    elapsed = time.perf_counter() - started
    assert [(p.id, p.field) for p in problems if p.field == "url"] == [("reading-39999", "url")]
    assert elapsed < 30, f"validating 40,000 readings took {elapsed:.1f} s"


# --- undo and rollback: a removed or replaced pack is held aside, a failed change is taken back --
def _busy(*_args: object, **_kwargs: object) -> None:
    raise StoreError("progress.sqlite3 is busy (another program holds it). Nothing was changed.")


def test_a_removed_pack_is_held_aside_and_put_back_by_swap_pack(
    data_dir: Path, small_pack: Path
) -> None:
    t = Tracker.open(data_dir, small_pack)
    try:
        t.add_pack(EXTRA_PACK)
        removed = t.remove_pack("mentor-extra")
        held = Path(removed.old)
        assert held.parent == data_dir / packs.REMOVED_FOLDER and _tree(held) == _tree(EXTRA_PACK)
        assert not (data_dir / "packs" / "mentor-extra").exists()
        back = t.swap_pack(Path(removed.new), held)
        assert "pair-session" in t.curriculum.items and not held.exists()
        assert back.old is None and _tree(data_dir / "packs" / "mentor-extra") == _tree(EXTRA_PACK)
    finally:
        t.close()


def test_undoing_an_add_that_replaced_a_pack_brings_the_old_version_back(
    data_dir: Path, small_pack: Path, tmp_path: Path
) -> None:
    newer = _extra_copy(tmp_path)
    toml = newer / "pack.toml"
    toml.write_text(toml.read_text().replace('version = "', 'version = "9'), encoding="utf-8")
    t = Tracker.open(data_dir, small_pack)
    try:
        t.add_pack(EXTRA_PACK)
        first = t.own_packs()[0].version
        change = t.add_pack(newer)
        assert t.own_packs()[0].version == "9" + first
        t.swap_pack(Path(change.new), Path(change.old))
        assert [p.version for p in t.own_packs()] == [first]
    finally:
        t.close()


def test_an_add_whose_progress_cannot_be_read_leaves_nothing_half_added(
    data_dir: Path, small_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = Tracker.open(data_dir, small_pack)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(t._database, "status_texts", _busy)
            with pytest.raises(StoreError, match="busy"):
                t.add_pack(EXTRA_PACK)
        assert extension_folders(data_dir) == []
        assert not any((data_dir / packs.REMOVED_FOLDER).glob("*"))
        assert "pair-session" not in t.curriculum.items
    finally:
        t.close()


def test_an_add_that_disables_another_pack_is_taken_back_and_the_old_pack_stays(
    data_dir: Path, small_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = Tracker.open(data_dir, small_pack)
    try:
        t.add_pack(EXTRA_PACK)
        before = _tree(data_dir / "packs" / "mentor-extra")
        newer = _extra_copy(tmp_path)
        real = packs.load_packs

        def one_disabled(shipped: Path, data: Path) -> tuple[object, list[packs.DisabledPack]]:
            curriculum, _ = real(shipped, data)
            return curriculum, [packs.DisabledPack(data / "packs" / "mentor-extra", ())]

        with monkeypatch.context() as patch:
            patch.setattr("cairn.tracker.load_packs", one_disabled)
            with pytest.raises(TrackerError, match=r"disabled.*nothing was added"):
                t.add_pack(newer)
        assert _tree(data_dir / "packs" / "mentor-extra") == before
        assert extension_folders(data_dir) == ["mentor-extra"]  # no half-made copy left
    finally:
        t.close()


def test_a_remove_whose_progress_cannot_be_read_puts_the_pack_back(
    data_dir: Path, small_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = Tracker.open(data_dir, small_pack)
    try:
        t.add_pack(EXTRA_PACK)
        with monkeypatch.context() as patch:
            patch.setattr(t._database, "status_texts", _busy)
            with pytest.raises(StoreError, match="busy"):
                t.remove_pack("mentor-extra")
        assert _tree(data_dir / "packs" / "mentor-extra") == _tree(EXTRA_PACK)
        assert "pair-session" in t.curriculum.items
    finally:
        t.close()


def test_only_the_newest_held_packs_are_kept(tmp_path: Path) -> None:
    hold = tmp_path / "held"
    for number in range(packs.KEEP_REMOVED + 3):
        folder = tmp_path / f"p{number}"
        folder.mkdir()
        packs.set_aside(folder, hold)
    kept = sorted(p.name.split("-")[0] for p in hold.iterdir())
    assert (
        len(kept) == packs.KEEP_REMOVED
        and "p0" not in kept
        and f"p{packs.KEEP_REMOVED + 2}" in kept
    )


def extension_folders(data_dir: Path) -> list[str]:
    """Every entry in <data>/packs, hidden ones (a half-made copy) included."""
    root = data_dir / "packs"
    return sorted(p.name for p in root.iterdir()) if root.is_dir() else []
