"""wrong-PIN lock-out for staff logins (local, not synced)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_attempt",
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("hall_id", "login"),
    )


def downgrade() -> None:
    op.drop_table("login_attempt")
