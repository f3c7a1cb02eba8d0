"""wrong-PIN lock-out for reviewers

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-01 20:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviewer") as batch:
        batch.add_column(sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reviewer") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
