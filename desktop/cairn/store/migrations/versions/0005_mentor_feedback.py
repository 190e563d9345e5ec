"""Mentor feedback: comments a mentor sent back on items and milestones (and an overall note,
stored under the content id ""), and milestones whose evidence a mentor verified.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mentor_comment",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("content_id", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("mentor", sa.String(200), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_mentor_comment_content", "mentor_comment", ["content_id", "written_at"])
    op.create_table(
        "verification",
        sa.Column("content_id", sa.String(64), primary_key=True),
        sa.Column("verified_at", sa.DateTime(), nullable=False),
        sa.Column("mentor", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("verification")
    op.drop_index("ix_mentor_comment_content", "mentor_comment")
    op.drop_table("mentor_comment")
