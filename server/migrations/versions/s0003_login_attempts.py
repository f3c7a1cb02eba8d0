"""wrong-PIN lock-out for any login typed at the server, unknown ones included

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-01 22:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_attempt",
        sa.Column("login", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_login_attempt_last_failure_at", "login_attempt", ["last_failure_at"])
    # a lock-out is minutes long: the counts on the reviewer rows are not carried over
    with op.batch_alter_table("reviewer") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")


def downgrade() -> None:
    with op.batch_alter_table("reviewer") as batch:
        batch.add_column(sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.drop_index("ix_login_attempt_last_failure_at", table_name="login_attempt")
    op.drop_table("login_attempt")
