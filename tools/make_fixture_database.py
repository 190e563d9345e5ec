"""Write a database at one schema revision with sample data, for the migration tests.

    python tools/make_fixture_database.py 0001 tests/fixtures/databases/0001.sqlite3

Run once per new revision, with the code of that revision, and commit the file: the tests then
prove that every old database upgrades to the current schema with its data intact.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlalchemy import create_engine

from cairn.store.database import configure_connection
from cairn.store.migrate import upgrade_to_head

SAMPLE = [
    "INSERT INTO item_state VALUES ('python-project-skeleton', 'done', '2026-01-05 19:30:00')",
    "INSERT INTO item_state VALUES ('rag-eval-domain-and-corpus', 'doing', '2026-01-20 20:00:00')",
    "INSERT INTO item_state VALUES ('an-item-that-was-retired', 'done', '2026-01-06 08:00:00')",
    "INSERT INTO status_change (content_id, old_status, new_status, changed_at) VALUES "
    "('python-project-skeleton', NULL, 'doing', '2026-01-05 18:00:00'), "
    "('python-project-skeleton', 'doing', 'done', '2026-01-05 19:30:00'), "
    "('rag-eval-domain-and-corpus', NULL, 'doing', '2026-01-20 20:00:00'), "
    "('an-item-that-was-retired', NULL, 'done', '2026-01-06 08:00:00')",
    "INSERT INTO note VALUES ('python-project-skeleton', '# uv\nFast.', 0, '2026-01-05 19:31:00')",
    "INSERT INTO note VALUES ('rag-eval-domain-and-corpus', 'Private worry.', 1, "
    "'2026-01-20 20:05:00')",
    "INSERT INTO evidence (content_id, url, added_at) VALUES "
    "('rag-eval-domain-and-corpus', 'https://github.com/learner/rag', '2026-01-21 09:00:00')",
    "INSERT INTO setting VALUES ('theme', '\"dark\"')",
]
SAMPLE_BY_REVISION = {
    "0002": ["INSERT INTO reading_state VALUES ('rag-paper', 'read', '2026-01-22 21:00:00')"],
    "0003": [
        "INSERT INTO study_session (content_id, started_at, minutes, source) VALUES "
        "('python-project-skeleton', '2026-01-05 18:00:00', 90, 'timer')",
        "INSERT INTO reading_copy VALUES ('rag-paper', '/home/learner/papers/rag.pdf', "
        "'2026-01-22 21:00:00')",
    ],
    "0004": [
        "INSERT INTO choice VALUES ('specialisation', '[\"spec-option-evals\"]', "
        "'2026-05-20 19:00:00')"
    ],
    "0005": [
        "INSERT INTO mentor_comment (content_id, body, mentor, written_at, received_at) VALUES "
        "('python-project-skeleton', 'Nice **skeleton**.', 'Ada', '2026-02-01 10:00:00', "
        "'2026-02-02 08:00:00'), ('', 'Keep going.', 'Ada', '2026-02-01 10:00:00', "
        "'2026-02-02 08:00:00')",
        "INSERT INTO verification VALUES ('rag-eval-domain-and-corpus', '2026-02-01 10:00:00', "
        "'Ada')",
    ],
    "0006": [
        "INSERT INTO own_card (item_id, prompt, answer, tags, created_at) VALUES "
        "('python-project-skeleton', 'Why *uv*?', 'Fast, locked installs.', '[\"tooling\"]', "
        "'2026-01-05 19:40:00.000000')",
        "INSERT INTO card_text VALUES ('a-shipped-card', 'My prompt', 'My answer', "
        "'2026-01-06 08:00:00.000000')",
        "INSERT INTO card_state VALUES ('own-1', '2026-01-08 19:40:00.000000', 2.3065, 2.1, 2, "
        "NULL, '2026-01-05 19:50:00.000000', 2, 0, 0), ('a-suspended-card', NULL, NULL, NULL, "
        "NULL, NULL, NULL, 0, 0, 1)",
        "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, mode) VALUES "
        "('own-1', 3, '2026-01-05 19:40:00.000000', 4000, 'review'), "
        "('own-1', 3, '2026-01-05 19:50:00.000000', NULL, 'review')",
    ],
}


def main(revision: str, target: Path) -> int:
    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite+pysqlite:///{target}")
    from sqlalchemy import event

    event.listen(engine, "connect", configure_connection)
    with engine.begin() as connection:
        upgrade_to_head(connection, revision)
    engine.dispose()
    conn = sqlite3.connect(target)
    extra = [
        s for rev, statements in SAMPLE_BY_REVISION.items() if rev <= revision for s in statements
    ]
    for statement in SAMPLE + extra:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    print(f"wrote {target} at revision {revision}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
