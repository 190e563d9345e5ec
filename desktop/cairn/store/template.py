"""A new data folder's database, built from the empty schema at the head revision (written by
tools/make_schema_template.py from the migrations, and checked against them by a test), so the
first start needs neither SQLAlchemy nor Alembic before the window paints."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import tempfile
import uuid
from pathlib import Path

from .schema import HEAD_REVISION

TEMPLATE = Path(__file__).resolve().parent / "empty_schema.sql"
_REVISION = re.compile(r"-- Cairn's empty database at schema revision (\w+)")
log = logging.getLogger("cairn.store")


def schema_statements(connection: sqlite3.Connection) -> list[str]:
    """The statements that build a database's schema, in the order SQLite made them (tables,
    then indexes; SQLite's own tables left out)."""
    rows = connection.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY rowid"
    ).fetchall()
    return [row[0] for row in rows]


def create_from_template(path: Path) -> bool:
    """Create the database at `path` (which must not exist) from the template, atomically: it
    is built beside it under another name and linked into place only if `path` is still free
    (another process that won the race keeps its file). The new database is born with its
    learner id (setting `learner_id`, a random UUID), so the first start writes nothing more.
    False when the template is missing or of another revision, or the file could not be made:
    the caller migrates instead."""
    try:
        script = TEMPLATE.read_text(encoding="utf-8")
    except OSError:
        return False
    found = _REVISION.match(script)
    if found is None or found.group(1) != HEAD_REVISION:
        return False
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(handle)
    partial = Path(name)
    try:
        connection = sqlite3.connect(partial, isolation_level=None)
        try:
            learner = json.dumps(str(uuid.uuid4()))
            connection.executescript(
                "BEGIN;\n"
                + script
                + f"\nINSERT INTO setting (key, value) VALUES ('learner_id', '{learner}');"
                + "\nCOMMIT;"
            )
        finally:
            connection.close()
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
        os.link(partial, path)  # fails if another process created the file meanwhile
    except FileExistsError:
        return True  # someone else made it: theirs stands, and it is at the head too
    except (sqlite3.Error, OSError) as error:
        log.info("building %s from the template failed (%s); migrating instead", path, error)
        return False
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return True
