"""Central publishing (同源发布): the service catalogue and the working-day calendar, in immutable numbered
versions in the global feed that every hall pulls. Publishing the same content twice is one version."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import parse_catalogue
from app.domain.errors import UserError
from app.domain.hlc import HybridLogicalClock
from app.domain.sync_rules import GLOBAL_SCOPE
from app.domain.workdays import WorkdayCalendar
from server.feed import write_records
from server.models import Record

KINDS = {"catalogue": "catalogue_release", "calendar": "calendar_release"}


class ReleaseError(UserError):
    code = "release"


def validate(kind: str, content: dict[str, Any]) -> str:
    """What `content` is (its label or the years it covers), or ReleaseError: checked before any write."""
    try:
        if kind == "catalogue":
            return str(parse_catalogue(content).label)
        calendar = WorkdayCalendar.from_dict(content)
    except (ValueError, KeyError, TypeError) as exc:
        raise ReleaseError(f"发布内容无效：{exc}", f"Not a valid {kind}: {exc}") from None
    if not calendar.covers:
        raise ReleaseError("日历必须写明覆盖的年份（covers）", "A calendar must say which years it covers ('covers')")
    return "、".join(str(y) for y in sorted(calendar.covers))


def content_sha(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def latest(session: Session, kind: str) -> Record | None:
    return session.scalars(
        select(Record).where(Record.hall_id == GLOBAL_SCOPE, Record.entity == KINDS[kind]).order_by(Record.seq.desc())
    ).first()


def publish(
    session: Session, kind: str, content: dict[str, Any], label: str, clock: HybridLogicalClock
) -> dict[str, Any]:
    if kind not in KINDS:
        raise ReleaseError(f"未知的发布类型：{kind}", f"Unknown kind: {kind}")
    described = validate(kind, content)
    sha = content_sha(content)
    existing = session.get(Record, (GLOBAL_SCOPE, KINDS[kind], sha))
    if existing is not None:
        return {"kind": kind, "number": existing.payload["number"], "sha256": sha, "created": False}
    number = len(list(session.scalars(select(Record.entity_id).where(Record.entity == KINDS[kind])))) + 1
    payload = {
        "number": number,
        "label": label or described,
        "content_sha256": sha,
        "content": content,
        "published_at": datetime.now(UTC).isoformat(),
    }
    row = {
        "hall_id": GLOBAL_SCOPE,
        "entity": KINDS[kind],
        "entity_id": sha,
        "version": 1,
        "hlc": clock.now(),
        "origin_device": "central",
        "deleted": False,
        "payload": payload,
        "flags": "",
    }
    write_records(session, GLOBAL_SCOPE, [row], [])
    return {"kind": kind, "number": number, "sha256": sha, "created": True}
