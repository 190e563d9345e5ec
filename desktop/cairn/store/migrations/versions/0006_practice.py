"""Practice: the learner's own cards, their edits of any card's text, each card's FSRS state
(with whether it is suspended) and the review log. Rows refer to cards by id only, so a card
that leaves the curriculum keeps its rows.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "own_card",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "card_text",
        sa.Column("card_id", sa.String(64), primary_key=True),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("edited_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "card_state",
        sa.Column("card_id", sa.String(64), primary_key=True),
        sa.Column("due", sa.DateTime(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("state", sa.Integer(), nullable=True),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.Column("suspended", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_card_state_due", "card_state", ["due"])
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("card_id", sa.String(64), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("mode", sa.String(16), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_review_log_card", "review_log", ["card_id", "reviewed_at"])
    op.create_index("ix_review_log_time", "review_log", ["reviewed_at"])


def downgrade() -> None:
    op.drop_index("ix_review_log_time", "review_log")
    op.drop_index("ix_review_log_card", "review_log")
    op.drop_table("review_log")
    op.drop_index("ix_card_state_due", "card_state")
    op.drop_table("card_state")
    op.drop_table("card_text")
    op.drop_table("own_card")
