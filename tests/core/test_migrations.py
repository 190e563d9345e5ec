"""Every schema revision upgrades to the current one with its data intact, after a backup."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from cairn.locations import curriculum_dir
from cairn.store import Database
from cairn.store.schema import HEAD_REVISION, KNOWN_REVISIONS
from cairn.tracker import Tracker
from choice_packs import EVALS, OPTION_ITEMS, write_choice_pack

DATABASES = FIXTURES / "databases"


def test_there_is_a_fixture_database_for_every_revision() -> None:
    assert sorted(p.stem for p in DATABASES.glob("*.sqlite3")) == list(KNOWN_REVISIONS)


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_each_revision_upgrades_with_its_data(tmp_path: Path, revision: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(DATABASES / f"{revision}.sqlite3", data_dir / "cairn.sqlite3")
    tracker = Tracker.open(data_dir, curriculum_dir())
    try:
        assert tracker.status("python-project-skeleton") == "done"
        assert tracker.status("rag-eval-domain-and-corpus") == "doing"
        assert tracker.retired_ids() == ["an-item-that-was-retired"]
        assert [h.new_status for h in tracker.history("python-project-skeleton")] == [
            "doing",
            "done",
        ]
        note = tracker.note("rag-eval-domain-and-corpus")
        assert note is not None and note.private and note.body == "Private worry."
        assert [e.url for e in tracker.evidence("rag-eval-domain-and-corpus")] == [
            "https://github.com/learner/rag"
        ]
        assert tracker.setting("theme") == "dark"
        if revision >= "0003":
            assert [(x.content_id, x.minutes) for x in tracker.sessions()] == [
                ("python-project-skeleton", 90)
            ]
            assert tracker.reading_copies() == {"rag-paper": "/home/learner/papers/rag.pdf"}
        if revision >= "0004":
            assert tracker.choices() == {"specialisation": ("spec-option-evals",)}
        else:
            assert tracker.choices() == {}
        if revision >= "0005":
            assert [(c.content_id, c.body) for c in tracker.mentor_comments()] == [
                ("python-project-skeleton", "Nice **skeleton**."),
                ("", "Keep going."),
            ]
            assert tracker.verified_ids() == {"rag-eval-domain-and-corpus"}
        else:
            assert tracker.mentor_comments() == [] and tracker.verified_ids() == set()
        tracker.log_study("python-project-skeleton", 30)
        # the upgraded schema works for every kind of write
        tracker.set_reading_status("rag-paper", "read")
        tracker.set_status("python-project-skeleton", "skipped")
    finally:
        tracker.close()
    with closing(sqlite3.connect(data_dir / "cairn.sqlite3")) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    backups = list((data_dir / "backups").glob("*.sqlite3"))
    if revision == HEAD_REVISION:
        assert backups == []
    else:
        assert len(backups) == 1 and f"before-migration-{revision}" in backups[0].name
        with closing(sqlite3.connect(backups[0])) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)


def test_a_failed_migration_leaves_the_old_database_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if len(KNOWN_REVISIONS) < 2:
        pytest.fail("needs at least two revisions")
    path = tmp_path / "cairn.sqlite3"
    shutil.copy(DATABASES / f"{KNOWN_REVISIONS[0]}.sqlite3", path)
    with closing(sqlite3.connect(path)) as conn:
        before = conn.execute("SELECT count(*) FROM item_state").fetchone()

    def broken_upgrade(connection: object, revision: str = "head") -> None:
        from cairn.store import migrate

        migrate.command.upgrade(migrate.alembic_config(connection), revision)  # type: ignore[arg-type]
        raise RuntimeError("disk trouble halfway")

    monkeypatch.setattr("cairn.store.migrate.upgrade_to_head", broken_upgrade)
    with pytest.raises(RuntimeError):
        Database.open(path, tmp_path / "backups")
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            KNOWN_REVISIONS[0],
        )
        assert conn.execute("SELECT count(*) FROM item_state").fetchone() == before


def test_a_stored_choice_is_kept_whatever_the_curriculum_offers(tmp_path: Path) -> None:
    """Revision 0004's choice names an option this pack does not have: the choice is kept as
    stored, and the group counts as its cheapest option until the learner chooses again."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(DATABASES / "0004.sqlite3", data_dir / "cairn.sqlite3")
    pack = write_choice_pack(tmp_path / "electives")
    with Tracker.open(data_dir, pack) as tracker:
        assert tracker.choices() == {"specialisation": ("spec-option-evals",)}
        assert tracker.stored_choice("specialisation") == ("spec-option-evals",)
        assert set(OPTION_ITEMS[EVALS]) <= set(tracker.counted.items)
        assert tracker.overall_progress().total == 5


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_a_removed_session_or_link_never_lends_its_id_to_a_new_one(
    tmp_path: Path, revision: str
) -> None:
    """An undo step remembers a removed row by its id; a newer row given that id would make
    the undo refuse (or worse), so ids are never reused — also in upgraded files."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(DATABASES / f"{revision}.sqlite3", data_dir / "cairn.sqlite3")
    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        session = tracker.log_study("python-project-skeleton", 30).new
        link = tracker.add_evidence("rag-eval-golden-set", "https://example.org/a").new
        tracker.remove_study(session.id)
        tracker.remove_evidence(link.id)
        again = tracker.log_study("python-project-skeleton", 30).new
        other = tracker.add_evidence("rag-eval-golden-set", "https://example.org/b").new
        assert again.id > session.id and other.id > link.id
