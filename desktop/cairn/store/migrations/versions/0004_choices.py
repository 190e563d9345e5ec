"""Choice groups: the options a learner chose among the path's electives. Study sessions and
evidence links never reuse an id (AUTOINCREMENT), so an undo step that remembers a deleted row
cannot mistake a newer row that was given its id for it.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NEVER_REUSED = ("study_session", "evidence")


def upgrade() -> None:
    op.create_table(
        "choice",
        sa.Column("group_id", sa.String(64), primary_key=True),
        sa.Column("options", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    for table in NEVER_REUSED:  # rebuilt with their rows, ids and indexes
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade() -> None:
    for table in NEVER_REUSED:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ):
            pass
    op.drop_table("choice")
