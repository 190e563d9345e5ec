"""Schema versions known to this code, oldest first. Kept in step with migrations/versions/
(a test checks it), so deciding whether a migration is due needs no Alembic import."""

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = KNOWN_REVISIONS[-1]
