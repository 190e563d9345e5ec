"""Write the empty database's schema at the head revision, which a new data folder is built from
(no Alembic at first start): `python tools/make_schema_template.py`.

Run it after adding a migration and commit the file; `tests/core/test_schema_template.py` fails
until the template matches what the migrations build."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, event

from cairn.store.database import configure_connection
from cairn.store.migrate import upgrade_to_head
from cairn.store.schema import HEAD_REVISION
from cairn.store.template import TEMPLATE, schema_statements


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "head.sqlite3"
        engine = create_engine(f"sqlite+pysqlite:///{path}")
        event.listen(engine, "connect", configure_connection)
        with engine.begin() as connection:
            upgrade_to_head(connection)
        engine.dispose()
        connection2 = sqlite3.connect(path)
        try:
            statements = schema_statements(connection2)
        finally:
            connection2.close()
    lines = [
        f"-- Cairn's empty database at schema revision {HEAD_REVISION}, made by",
        "-- tools/make_schema_template.py from the migrations. Do not edit by hand.",
        *[statement + ";" for statement in statements],
        f"INSERT INTO alembic_version (version_num) VALUES ('{HEAD_REVISION}');",
    ]
    TEMPLATE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TEMPLATE} at revision {HEAD_REVISION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
