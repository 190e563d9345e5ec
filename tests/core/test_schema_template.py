"""A new data folder's database is built from the bundled empty schema, which must be exactly
what the migrations build (tools/make_schema_template.py writes it)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine, event

from cairn.locations import curriculum_dir
from cairn.store.database import configure_connection
from cairn.store.migrate import upgrade_to_head
from cairn.store.schema import HEAD_REVISION
from cairn.store.template import create_from_template, schema_statements
from cairn.tracker import Tracker


def _schema(path: Path) -> tuple[list[str], list[tuple[str]]]:
    with closing(sqlite3.connect(path)) as connection:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        return schema_statements(connection), version


def test_the_template_is_what_the_migrations_build(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite3"
    engine = create_engine(f"sqlite+pysqlite:///{migrated}")
    event.listen(engine, "connect", configure_connection)
    with engine.begin() as connection:
        upgrade_to_head(connection)
    engine.dispose()
    built = tmp_path / "built.sqlite3"
    assert create_from_template(built)
    assert _schema(built) == _schema(migrated), "run python tools/make_schema_template.py"
    assert _schema(built)[1] == [(HEAD_REVISION,)]
    with closing(sqlite3.connect(built)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_new_folder_opens_without_alembic_and_works(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cairn.locations import curriculum_dir\n"
        "from cairn.tracker import Tracker\n"
        f"t = Tracker.open(Path({str(tmp_path / 'data')!r}), curriculum_dir())\n"
        "print('alembic' in sys.modules)\n"
        "t.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
    with Tracker.open(tmp_path / "data", curriculum_dir()) as tracker:
        item = next(iter(tracker.curriculum.items))
        tracker.set_status(item, "done")
        tracker.log_study(item, 30)
        assert tracker.status(item) == "done" and tracker.study().minutes_total == 30


def test_an_existing_file_is_never_replaced_by_the_template(tmp_path: Path) -> None:
    path = tmp_path / "cairn.sqlite3"
    path.write_bytes(b"someone else's file")
    assert create_from_template(path)  # the race is lost: the file that is there stands
    assert path.read_bytes() == b"someone else's file"
    assert [p.name for p in tmp_path.iterdir()] == ["cairn.sqlite3"]  # no partial left


def test_every_new_database_is_born_with_its_own_learner_id(tmp_path: Path) -> None:
    ids = set()
    for name in ("a.sqlite3", "b.sqlite3"):
        assert create_from_template(tmp_path / name)
        with closing(sqlite3.connect(tmp_path / name)) as connection:
            (value,) = connection.execute(
                "SELECT value FROM setting WHERE key = 'learner_id'"
            ).fetchone()
        ids.add(value)
    assert len(ids) == 2 and all(len(json.loads(v)) == 36 for v in ids)
