"""initial hall schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_counter",
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("hall_id"),
    )

    op.create_table(
        "category",
        sa.Column("prefix", sa.String(length=4), nullable=False),
        sa.Column("name_zh", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("number_start", sa.Integer(), nullable=False),
        sa.Column("number_end", sa.Integer(), nullable=False),
        sa.Column("default_service_minutes", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hall_id", "prefix"),
    )
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_category_hall_id"), ["hall_id"], unique=False)

    op.create_table(
        "hall",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("opening_hours", sa.JSON(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("hall", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hall_hall_id"), ["hall_id"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(), nullable=True),
        sa.Column("result", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("mutation_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_hall_id"), ["hall_id"], unique=False)

    op.create_table(
        "staff",
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hall_id", "login"),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_hall_id"), ["hall_id"], unique=False)

    op.create_table(
        "ticket_counter",
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("prefix", sa.String(length=4), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hall_id", "service_day", "prefix"),
    )
    op.create_table(
        "window",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("status_since", sa.DateTime(), nullable=True),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hall_id", "number"),
    )
    with op.batch_alter_table("window", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_window_hall_id"), ["hall_id"], unique=False)

    op.create_table(
        "ticket",
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=False),
        sa.Column("prefix", sa.String(length=4), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("person_key", sa.String(length=64), nullable=True),
        sa.Column("matters", sa.JSON(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("sort_at", sa.DateTime(), nullable=False),
        sa.Column("target_window_id", sa.String(length=36), nullable=True),
        sa.Column("window_id", sa.String(length=36), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("called_at", sa.DateTime(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("recall_count", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["category.id"],
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
        ),
        sa.ForeignKeyConstraint(
            ["target_window_id"],
            ["window.id"],
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["window.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hall_id", "service_day", "prefix", "number"),
    )
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_hall_id"), ["hall_id"], unique=False)
        batch_op.create_index(
            "ix_ticket_line",
            ["hall_id", "service_day", "status", "category_id", "target_window_id", "sort_at", "number"],
            unique=False,
        )
        batch_op.create_index("ix_ticket_direct", ["target_window_id", "status", "sort_at"], unique=False)
        batch_op.create_index("ix_ticket_person", ["hall_id", "service_day", "person_key"], unique=False)
        batch_op.create_index("ix_ticket_window", ["hall_id", "service_day", "window_id", "status"], unique=False)

    op.create_table(
        "window_category",
        sa.Column("window_id", sa.String(length=36), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["category.id"],
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["window.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("window_id", "category_id"),
    )
    with op.batch_alter_table("window_category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_window_category_hall_id"), ["hall_id"], unique=False)

    op.create_table(
        "queue_event",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.Column("window_id", sa.String(length=36), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("hall_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["ticket.id"],
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["window.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("queue_event", schema=None) as batch_op:
        batch_op.create_index("ix_queue_event_at", ["hall_id", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_queue_event_hall_id"), ["hall_id"], unique=False)
        batch_op.create_index("ix_queue_event_ticket", ["ticket_id"], unique=False)


def downgrade() -> None:
    op.drop_table("change_counter")

    with op.batch_alter_table("queue_event", schema=None) as batch_op:
        batch_op.drop_index("ix_queue_event_ticket")
        batch_op.drop_index(batch_op.f("ix_queue_event_hall_id"))
        batch_op.drop_index("ix_queue_event_at")

    op.drop_table("queue_event")
    with op.batch_alter_table("window_category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_window_category_hall_id"))

    op.drop_table("window_category")
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_window")
        batch_op.drop_index("ix_ticket_person")
        batch_op.drop_index("ix_ticket_direct")
        batch_op.drop_index("ix_ticket_line")
        batch_op.drop_index(batch_op.f("ix_ticket_hall_id"))

    op.drop_table("ticket")
    with op.batch_alter_table("window", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_window_hall_id"))

    op.drop_table("window")
    op.drop_table("ticket_counter")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_hall_id"))

    op.drop_table("staff")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_hall_id"))

    op.drop_table("outbox")
    with op.batch_alter_table("hall", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hall_hall_id"))

    op.drop_table("hall")
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_hall_id"))

    op.drop_table("category")
