"""supervision: audit trail, alarms, follow-up assignee and step deadlines

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("staff_login", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=48), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=48), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_entry") as batch:
        batch.create_index("ix_audit_entry_hall_id", ["hall_id"], unique=False)
        batch.create_index("ix_audit_entry_at", ["hall_id", "at"], unique=False)
        batch.create_index("ix_audit_entry_entity", ["hall_id", "entity", "entity_id"], unique=False)
    op.create_table(
        "alarm",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("subject", sa.String(length=48), nullable=False),
        sa.Column("message_zh", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("raised_by", sa.String(length=36), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("cleared_at", sa.DateTime(), nullable=True),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.Column("acked_by", sa.String(length=36), nullable=True),
        sa.Column("ack_note", sa.Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("alarm") as batch:
        batch.create_index("ix_alarm_hall_id", ["hall_id"], unique=False)
        batch.create_index("ix_alarm_open", ["hall_id", "cleared_at", "kind", "subject"], unique=False)
    with op.batch_alter_table("rating_follow_up") as batch:
        batch.add_column(sa.Column("assigned_to", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("contact_due", sa.Date(), nullable=True))
        batch.add_column(sa.Column("rectify_due", sa.Date(), nullable=True))
        batch.create_foreign_key("fk_rating_follow_up_assigned_to", "staff", ["assigned_to"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("rating_follow_up") as batch:
        batch.drop_constraint("fk_rating_follow_up_assigned_to", type_="foreignkey")
        batch.drop_column("rectify_due")
        batch.drop_column("contact_due")
        batch.drop_column("assigned_to")
    op.drop_table("alarm")
    op.drop_table("audit_entry")
