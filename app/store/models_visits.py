"""Visit tables: appointments (预约), ratings (好差评) and the follow-up of bad ratings (差评回访/整改).

All synced: appointments will also arrive from the central server (online booking), ratings and their
follow-ups are facts the hall reports. No raw ID number is stored: only a salted hash (see app.domain.person).
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.catalogue import MATTER_CODE_MAX
from app.store.models import Base, Synced


class Appointment(Synced, Base):
    __tablename__ = "appointment"
    __sync_entity__ = "appointment"
    __table_args__ = (
        # The check-in code identifies the appointment at its hall on its day; the kiosk looks it up by this.
        UniqueConstraint("hall_id", "service_day", "code"),
        Index("ix_appointment_code", "hall_id", "code"),
        Index("ix_appointment_day", "hall_id", "service_day", "slot_start"),
    )
    service_day: Mapped[date] = mapped_column(Date)
    code: Mapped[str] = mapped_column(String(8))
    prefix: Mapped[str] = mapped_column(String(4))
    category_id: Mapped[str] = mapped_column(ForeignKey("category.id"))
    matter_code: Mapped[str | None] = mapped_column(String(MATTER_CODE_MAX), default=None)
    slot_start: Mapped[datetime]
    slot_end: Mapped[datetime]
    person_masked: Mapped[str] = mapped_column(String(100), default="")
    person_key: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    status: Mapped[str] = mapped_column(String(12), default="booked")
    source: Mapped[str] = mapped_column(String(16), default="staff")
    booked_at: Mapped[datetime]
    booked_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("ticket.id"), default=None)
    checked_in_at: Mapped[datetime | None] = mapped_column(default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)


class Rating(Synced, Base):
    __tablename__ = "rating"
    __sync_entity__ = "rating"
    __table_args__ = (
        # One rating per ticket or case, also when the kiosk and a window pad submit at the same moment.
        UniqueConstraint("hall_id", "target_kind", "target_id"),
        Index("ix_rating_created", "hall_id", "created_at"),
        Index("ix_rating_staff", "hall_id", "staff_id", "created_at"),
    )
    target_kind: Mapped[str] = mapped_column(String(8))
    target_id: Mapped[str] = mapped_column(String(36))
    reference: Mapped[str] = mapped_column(String(32))  # B012 or a receipt number: safe to show
    service_day: Mapped[date] = mapped_column(Date)
    window_number: Mapped[int | None] = mapped_column(Integer, default=None)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    level: Mapped[int] = mapped_column(Integer)  # 5 非常满意 .. 1 非常不满意
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    comment: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime]
    # The cases this rating covers (ids): a case rated on its own, or the cases accepted or handed out while
    # the rated ticket was served (one rating per service: the pad asks once, and the case is then rated).
    case_ids: Mapped[list[Any]] = mapped_column(default=list)


class RatingFollowUp(Synced, Base):
    """The closed loop for one bad rating: open -> contacted -> rectified -> closed, every step noted."""

    __tablename__ = "rating_follow_up"
    __sync_entity__ = "rating_follow_up"
    __table_args__ = (Index("ix_rating_follow_up_status", "hall_id", "status", "due_date"),)
    rating_id: Mapped[str] = mapped_column(ForeignKey("rating.id"), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="open")
    opened_at: Mapped[datetime]
    due_date: Mapped[date] = mapped_column(Date)
    contacted_at: Mapped[datetime | None] = mapped_column(default=None)
    rectified_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    # Who handles it, and the deadlines of its two steps (回访, 整改) in working days from hall settings.
    assigned_to: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    contact_due: Mapped[date | None] = mapped_column(Date, default=None)
    rectify_due: Mapped[date | None] = mapped_column(Date, default=None)
    # [{"at": iso, "staff_id": ..., "from": status, "to": status, "note": text}, ...] in order.
    notes: Mapped[list[Any]] = mapped_column(default=list)
