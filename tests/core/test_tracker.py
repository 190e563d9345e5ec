"""The tracker facade: changes, what they return, aliases, retired ids and progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXTRA_PACK

from cairn.tracker import Tracker, TrackerError


def test_set_status_returns_the_change_and_persists(data_dir: Path, small_pack: Path) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        change = t.set_status("write-hello", "done")
        assert (change.kind, change.ids, change.old, change.new) == (
            "status",
            ("write-hello",),
            "todo",
            "done",
        )
        assert t.set_status("write-hello", "done").changed is False
    with Tracker.open(data_dir, small_pack) as t:
        assert t.status("write-hello") == "done"
        assert [h.new_status for h in t.history("write-hello")] == ["done"]


def test_unknown_id_and_bad_status_change_nothing(tracker: Tracker) -> None:
    with pytest.raises(TrackerError, match="no-such-id"):
        tracker.set_status("no-such-id", "done")
    with pytest.raises(TrackerError, match="finished"):
        tracker.set_status("write-hello", "finished")
    assert tracker.statuses() == {}
    assert tracker.stored_statuses() == {}


def test_progress_counts_done_and_never_counts_skipped(tracker: Tracker) -> None:
    tracker.set_status("write-hello", "done")
    tracker.set_status("read-guide", "skipped")
    week = tracker.week_progress("w01")
    assert (week.done, week.skipped, week.total, week.percent) == (1, 1, 3, 33.3)
    overall = tracker.overall_progress()
    assert (overall.done, overall.total) == (1, 6)
    assert tracker.month_progress("m1").done == 1
    tracker.set_status("demo-start", "done")
    assert tracker.project_progress("demo").percent == 50.0


def test_notes_keep_privacy_unless_told(tracker: Tracker) -> None:
    tracker.set_note("write-hello", "first", private=True)
    tracker.set_note("write-hello", "second")
    note = tracker.note("write-hello")
    assert note is not None and note.body == "second" and note.private


def test_evidence_only_on_milestones_and_only_web_links(tracker: Tracker) -> None:
    with pytest.raises(TrackerError, match="not a project milestone"):
        tracker.add_evidence("write-hello", "https://example.org")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "example.org", ""):
        with pytest.raises(TrackerError):
            tracker.add_evidence("demo-start", bad)
    assert tracker.evidence("demo-start") == []
    change = tracker.add_evidence("demo-start", " https://github.com/me/demo ")
    assert change.ids == ("demo-start",)
    assert [e.url for e in tracker.evidence("demo-start")] == ["https://github.com/me/demo"]


def test_alias_carries_progress_to_the_new_id(data_dir: Path, small_pack: Path) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        t._database.set_status("old-eval", "done", t._clock())  # recorded under the old id
        t.reload()
        assert t.status("write-eval") == "done"
        assert t.retired_ids() == []


def test_removed_item_is_retired_but_keeps_its_rows(data_dir: Path, small_pack: Path) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        t.set_status("explain-eval", "done")
        t.set_note("explain-eval", "my answer")
    month = small_pack / "months" / "01-basics.toml"
    text = month.read_text()
    month.write_text(text[: text.index('[[week.item]]\nid = "explain-eval"')])
    with Tracker.open(data_dir, small_pack) as t:
        assert "explain-eval" not in t.curriculum.items
        assert t.retired_ids() == ["explain-eval"]
        assert t.stored_statuses()["explain-eval"].status == "done"


def test_own_packs_in_the_data_folder_extend_the_curriculum(
    data_dir: Path, small_pack: Path
) -> None:
    import shutil

    shutil.copytree(EXTRA_PACK, data_dir / "packs" / "extra")
    with Tracker.open(data_dir, small_pack) as t:
        assert "pair-session" in t.curriculum.items


def test_data_folder_that_is_a_file_is_refused(tmp_path: Path, small_pack: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(TrackerError, match="is a file"):
        Tracker.open(target, small_pack)


def test_add_and_remove_an_own_pack_keeps_progress(data_dir: Path, small_pack: Path) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        info = t.check_pack(EXTRA_PACK)
        assert info.id == "mentor-extra"
        change = t.add_pack(EXTRA_PACK)
        assert change.kind == "content" and "pair-session" in t.curriculum.items
        assert (data_dir / "packs" / "mentor-extra" / "pack.toml").is_file()
        t.set_status("pair-session", "done")
        assert [p.id for p in t.own_packs()] == ["mentor-extra"]
        t.remove_pack("mentor-extra")
        assert "pair-session" not in t.curriculum.items
        assert t.retired_ids() == ["pair-session"]
        t.add_pack(EXTRA_PACK)
        assert t.status("pair-session") == "done"


def test_a_bad_pack_is_refused_and_nothing_is_copied(
    data_dir: Path, small_pack: Path, tmp_path: Path
) -> None:
    from cairn.content import ContentError

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "pack.toml").write_text(
        (EXTRA_PACK / "pack.toml")
        .read_text()
        .replace('skills = ["talking"]', 'skills = ["juggling"]')
    )
    with Tracker.open(data_dir, small_pack) as t:
        with pytest.raises(ContentError) as raised:
            t.add_pack(bad)
        assert any(p.id == "pair-session" and p.field == "skills" for p in raised.value.problems)
        assert not (data_dir / "packs").exists()
        assert "pair-session" not in t.curriculum.items
        with pytest.raises(TrackerError, match="no added pack"):
            t.remove_pack("mentor-extra")


def test_a_new_version_of_the_pack_never_costs_progress(data_dir: Path, small_pack: Path) -> None:
    """v1 → v2: one item renamed (with an alias), one split, one removed, one added."""
    with Tracker.open(data_dir, small_pack) as t:
        t.set_status("write-hello", "done")
        t.set_status("read-guide", "doing")
        t.set_status("explain-eval", "done")
        t.set_note("explain-eval", "my explanation")
    month = small_pack / "months" / "01-basics.toml"
    text = month.read_text()
    text = text.replace('id = "write-hello"', 'id = "write-greeting"\naliases = ["write-hello"]')
    text = text.replace(
        'id = "read-guide"\n', 'id = "read-guide-part-1"\naliases = ["read-guide"]\n'
    )
    text = text[: text.index('[[week.item]]\nid = "explain-eval"')]  # removed in v2
    text += (
        '[[week.item]]\nid = "read-guide-part-2"\nkind = "topic"\ntitle = "Read the rest"\n'
        'description = "The second half."\nestimate_hours = 1\nskills = ["coding"]\n'
        'readings = ["guide"]\n'
    )
    month.write_text(text)
    with Tracker.open(data_dir, small_pack) as t:
        assert t.status("write-greeting") == "done"
        assert t.status("read-guide-part-1") == "doing"
        assert t.status("read-guide-part-2") == "todo"
        assert t.retired_ids() == ["explain-eval"]
        assert [h.new_status for h in t.history("explain-eval")] == ["done"]
        assert t.note("explain-eval").body == "my explanation"  # type: ignore[union-attr]
        t.set_status("write-greeting", "skipped")  # new changes go to the new id
        assert t.stored_statuses()["write-hello"].status == "done"


def test_a_removed_evidence_link_comes_back_with_its_own_time(tracker: Tracker) -> None:
    added = tracker.add_evidence("demo-start", "https://example.org/demo")
    removed = tracker.remove_evidence(added.new.id)
    assert removed.old == added.new and removed.ids == ("demo-start",)
    assert not tracker.has_evidence("demo-start")
    back = tracker.add_evidence(
        removed.old.content_id, removed.old.url, added_at=removed.old.added_at
    )
    [link] = tracker.evidence("demo-start")
    assert (link.url, link.added_at) == ("https://example.org/demo", added.new.added_at)
    assert back.new == link and tracker.has_evidence("demo-start")
    with pytest.raises(TrackerError, match="no evidence link 999"):
        tracker.remove_evidence(999)
    assert tracker.evidence("demo-start") == [link]


def test_target_roles_change_in_one_write_and_come_back_exactly(tracker: Tracker) -> None:
    first = tracker.set_target_roles("explainer", ["builder"])
    assert first.old == {"primary_role": None, "target_roles": None}  # nothing was stored
    second = tracker.set_target_roles("builder")
    assert second.old == {"primary_role": "explainer", "target_roles": ["builder"]}
    tracker.restore_target_roles(second.old)
    assert tracker.target_roles() == ["explainer", "builder"]
    tracker.restore_target_roles(first.old)
    assert tracker.target_roles() == []
    assert tracker.setting("primary_role", "unset") == "unset"  # the setting is gone again


def test_target_roles_are_saved_in_one_transaction(
    tracker: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cairn.store import sql_writes

    opened: list[object] = []
    real = sql_writes.write_settings

    def counted(connection: object, texts: dict[str, str | None]) -> object:
        opened.append(sorted(texts))
        return real(connection, texts)  # type: ignore[arg-type]

    monkeypatch.setattr(sql_writes, "write_settings", counted)
    tracker.set_target_roles("explainer", ["builder"])
    assert opened == [["primary_role", "target_roles"]]  # one transaction, or neither
    assert tracker.target_roles() == ["explainer", "builder"]


def test_a_setting_change_carries_what_was_stored_and_none_removes_it(tracker: Tracker) -> None:
    first = tracker.set_setting("theme", "dark")
    assert (first.old, first.new) == (None, "dark")
    assert tracker.set_setting("theme", "light").old == "dark"
    tracker.set_setting("theme", None)
    assert tracker.setting("theme", "system") == "system"


def test_a_removed_offline_copy_comes_back_even_after_its_file_moved(
    tracker: Tracker, tmp_path: Path
) -> None:
    saved = tmp_path / "guide.pdf"
    saved.write_bytes(b"%PDF-1.4")
    attached = tracker.set_reading_copy("guide", saved)
    assert (attached.old, attached.new) == (None, str(saved.resolve()))
    removed = tracker.set_reading_copy("guide", None)
    assert removed.old == str(saved.resolve()) and saved.is_file()  # the learner's file stays
    saved.unlink()
    with pytest.raises(TrackerError, match="not a file"):
        tracker.set_reading_copy("guide", removed.old)
    tracker.set_reading_copy("guide", removed.old, must_exist=False)
    assert tracker.missing_copies() == {"guide": str(saved.resolve())}


def test_a_reading_status_change_carries_the_stored_status(tracker: Tracker) -> None:
    assert tracker.set_reading_status("guide", "reading").old == "unread"
    change = tracker.set_reading_status("guide", "read")
    assert (change.old, change.new) == ("reading", "read")
    tracker.set_reading_status("guide", str(change.old))
    assert tracker.reading_status("guide") == "reading"
