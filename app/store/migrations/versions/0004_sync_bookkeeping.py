"""sync: tombstones on every synced table, local sync state, blob uploads, outbox scan index

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 13:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SYNCED_TABLES = (
    "hall",
    "category",
    "staff",
    "window",
    "window_category",
    "ticket",
    "queue_event",
    "catalogue_version",
    "intake_case",
    "case_material",
    "case_file",
    "case_finding",
    "case_event",
    "case_notice",
    "appointment",
    "rating",
    "rating_follow_up",
)


def upgrade() -> None:
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index("ix_outbox_pending", "outbox", ["pushed_at", "seq"])
    op.create_table(
        "sync_state",
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("server_url", sa.String(length=500), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("device_secret", sa.String(length=200), nullable=False),
        sa.Column("cursor", sa.String(length=200), nullable=False),
        sa.Column("feed_epoch", sa.String(length=64), nullable=False),
        sa.Column("snapshot_needed", sa.Boolean(), nullable=False),
        sa.Column("snapshot_progress", sa.String(length=120), nullable=False),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("pulled_rows", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("hall_id"),
    )
    op.create_table(
        "blob_upload",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("sha256"),
    )


def downgrade() -> None:
    op.drop_table("blob_upload")
    op.drop_table("sync_state")
    op.drop_index("ix_outbox_pending", table_name="outbox")
    for table in reversed(SYNCED_TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("deleted")
