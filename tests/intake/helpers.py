"""Small helpers for intake service tests."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from app.services.intake import IntakeService
from app.services.intake_views import CaseView, ChecklistItemView


def ok_report(pages: int = 1) -> dict[str, Any]:
    return {"findings": [], "page_count": pages, "detected_type": "png", "worst_severity": None}


def finding(check_id: str, severity: str, message_zh: str, page: int | None = 1) -> dict[str, Any]:
    return {
        "check_id": check_id,
        "severity": severity,
        "page": page,
        "message_zh": message_zh,
        "message_en": check_id,
        "measured": 32.0,
        "threshold": 60.0,
    }


def report(*findings: dict[str, Any], pages: int = 1) -> dict[str, Any]:
    worst = "block" if any(f["severity"] == "block" for f in findings) else ("warn" if findings else None)
    return {"findings": list(findings), "page_count": pages, "detected_type": "png", "worst_severity": worst}


def item(view: CaseView, key: str) -> ChecklistItemView:
    return next(i for i in view.items if i.material.key == key)


def scan(tmp: Path, name: str, content: bytes | None = None) -> Path:
    path = tmp / name
    path.write_bytes(content if content is not None else name.encode() * 50)
    return path


def attach_ok(intake: IntakeService, view: CaseView, key: str, tmp: Path, pages: int = 1) -> CaseView:
    # unique content: the same bytes twice on one material is refused as a duplicate
    result = intake.attach_file(view.id, item(view, key).id, scan(tmp, f"{key}.png", uuid.uuid4().bytes * 64),
        actor=as_clerk(intake))
    return intake.record_check(result.file.id, ok_report(pages))


def as_clerk(intake: IntakeService) -> Any:
    """The sample hall's clerk wang, as the acting staff member (every changing intake step takes one)."""
    from app.services.auth import trusted_actor

    return trusted_actor(intake.db, "wang")
