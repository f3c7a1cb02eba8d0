"""电子监察 alarms for the supervisor: rules over the live hall with thresholds from hall settings, help
calls from the windows, acknowledgement with a note, and the history (alarm rows are never deleted).

`evaluate()` is a system operation (the console runs it on its timer, `onewindow alarms` on demand): it
opens an alarm when a rule starts to hold, raises its severity when it gets worse, and marks it cleared
when the condition ends. It writes only when something changes, so it does not wake every screen.
A help call stays until a supervisor answers it (acknowledges it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.calendar import hall_time_text
from app.domain.errors import AlreadyDone, NotFoundError, PermissionDenied, RuleViolation
from app.domain.roles import Permission, may
from app.domain.settings_schema import HallSettings
from app.services.auth import authorise
from app.services.clock import Clock, system_clock
from app.services.device_status import DeviceStatusService, PrinterReport
from app.services.follow_ups import FollowUpService
from app.services.hall import load_hall
from app.services.id_prefix import resolve_id_prefix
from app.services.live_hall import HallLive, LiveHall
from app.services.views import StaffView
from app.store.database import Database
from app.store.models import Hall, Outbox, Staff, Window
from app.store.models_audit import Alarm
from app.store.models_sync import SyncState

SEVERITIES = ("warning", "critical")


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    subject: str
    message_zh: str
    message_en: str


@dataclass(frozen=True)
class AlarmView:
    id: str
    kind: str
    severity: str
    subject: str
    message_zh: str
    message_en: str
    raised_at: datetime
    cleared_at: datetime | None
    acked_at: datetime | None
    acked_by: str | None
    ack_note: str

    @property
    def active(self) -> bool:
        return self.cleared_at is None and self.acked_at is None


def rule_findings(
    live: HallLive,
    settings: HallSettings,
    sync_backlog_min: int | None,
    printers: Sequence[PrinterReport] = (),
) -> list[Finding]:
    """What the thresholds say about this moment of the hall (pure: no database)."""
    out: list[Finding] = []
    for c in live.categories:
        wait = c.longest_wait_min or 0
        for sev, factor in (("critical", settings.alarm_wait_critical_factor),
                            ("warning", settings.alarm_wait_warning_factor)):  # fmt: skip
            if c.waiting and wait > c.target_wait_min * factor:
                out.append(Finding("wait", sev, f"category:{c.prefix}",
                                   f"{c.prefix} {c.name_zh} 最长已等候 {wait} 分钟（目标 {c.target_wait_min} 分钟）",
                                   f"{c.prefix}: longest wait {wait} min (target {c.target_wait_min})"))  # fmt: skip
                break
        warn, crit = settings.queue_limits(c.prefix)
        for sev, limit in (("critical", crit), ("warning", warn)):
            if c.waiting > limit:
                out.append(Finding("queue", sev, f"category:{c.prefix}",
                                   f"{c.prefix} {c.name_zh} 等候 {c.waiting} 人，超过 {limit} 人",
                                   f"{c.prefix}: {c.waiting} waiting, over {limit}"))  # fmt: skip
                break
    for w in live.windows:
        minutes = w.status_minutes or 0
        if w.status == "paused":
            limits = (("critical", settings.alarm_paused_critical_minutes),
                      ("warning", settings.alarm_paused_warning_minutes))  # fmt: skip
            for sev, limit in limits:
                if minutes > limit:
                    zh, en = f"{w.number} 号窗口已暂停 {minutes} 分钟", f"Window {w.number} paused {minutes} min"
                    out.append(Finding("paused", sev, f"window:{w.number}", zh, en))
                    break
        usual, served = w.usual_service_min, w.served_for_min
        if usual and served is not None and served > max(5.0, usual * settings.alarm_service_factor):
            zh = f"{w.number} 号窗口 {w.current} 已办理 {served} 分钟（平时约 {usual:.0f} 分钟）"
            en = f"Window {w.number}: {w.current} in service for {served} min (usually {usual:.0f})"
            out.append(Finding("long_service", "warning", f"window:{w.number}", zh, en))
        if w.status == "open" and w.clerk is None:
            zh, en = f"{w.number} 号窗口开放但无人值守", f"Window {w.number} is open but unattended"
            out.append(Finding("unattended", "warning", f"window:{w.number}", zh, en))
        if w.clerk is not None and w.silent_s is not None:
            # The clerk's staff client stopped beating (crashed, killed, network gone) and nobody closed the window.
            limits = (("critical", settings.alarm_unattended_critical_minutes),
                      ("warning", settings.alarm_unattended_warning_minutes))  # fmt: skip
            for sev, limit in limits:
                if w.silent_s > limit * 60:
                    minutes = w.silent_s // 60
                    zh = f"{w.number} 号窗口（{w.clerk}）的工作端已 {minutes} 分钟无响应，可能无人值守"
                    en = f"Window {w.number} ({w.clerk}): no heartbeat from the staff client for {minutes} min"
                    out.append(Finding("no_heartbeat", sev, f"window:{w.number}", zh, en))
                    break
    out.extend(printer_findings(printers, live.at, settings))
    if sync_backlog_min is not None and sync_backlog_min > 60:
        out.append(Finding("sync", "critical" if sync_backlog_min > 240 else "warning", "sync",
                           f"同步积压：最早一条已等待 {sync_backlog_min} 分钟",
                           f"Sync backlog: oldest item waiting {sync_backlog_min} min"))  # fmt: skip
    return out


_PRINTER_TROUBLE = {
    "paper_out": ("打印机缺纸", "printer out of paper"),
    "offline": ("打印机脱机", "printer offline"),
    "unknown": ("打印机无响应", "printer not answering"),
}


def printer_findings(printers: Sequence[PrinterReport], now: datetime, settings: HallSettings) -> list[Finding]:
    """Paper near its end warns; out of paper, offline or silent warns at once and is critical once it has lasted
    `alarm_printer_critical_seconds` (a printer briefly offline while someone changes the roll is no emergency)."""
    out: list[Finding] = []
    for p in printers:
        subject = f"printer:{p.device_id}"[:48]
        if p.state == "paper_near_end":
            zh = f"自助机 {p.device_id} 打印纸即将用完，请及时换纸"
            en = f"Kiosk {p.device_id}: printer paper near its end"
            out.append(Finding("printer_paper_low", "warning", subject, zh, en))  # own kind: "out" is a new alarm
        elif p.state in _PRINTER_TROUBLE:
            lasted = int((now - p.since).total_seconds())
            severity = "critical" if lasted > settings.alarm_printer_critical_seconds else "warning"
            what_zh, what_en = _PRINTER_TROUBLE[p.state]
            for_zh, for_en = (f"（已 {lasted // 60} 分钟）", f" for {lasted // 60} min") if lasted >= 60 else ("", "")
            zh = f"自助机 {p.device_id} {what_zh}{for_zh}，号票无法打印"
            en = f"Kiosk {p.device_id}: {what_en}{for_en}; tickets cannot be printed"
            out.append(Finding("printer", severity, subject, zh, en))
    return out


class AlarmService:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    # ---- rules -----------------------------------------------------------------------------------------

    def evaluate(self) -> list[AlarmView]:
        """Open, worsen or clear rule alarms for this moment; returns the active ones."""
        live = LiveHall(self.db, clock=self.clock, hall_code=self.hall_code).snapshot()
        overdue = FollowUpService(self.db, clock=self.clock, hall_code=self.hall_code).list(overdue_only=True)
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            settings = HallSettings.of(hall.settings)
            # Only a hall enrolled with a central server whose link is up (the agent's last round reached the
            # server) has a backlog to worry about: a hall on its own, or offline, keeps its outbox by design.
            sync = s.get(SyncState, hall.id)
            link_up = sync is not None and bool(sync.device_id) and sync.last_error in (None, "not caught up")
            oldest = (
                s.scalar(
                    select(func.min(Outbox.created_at)).where(Outbox.pushed_at.is_(None), Outbox.hall_id == hall.id)
                )
                if link_up
                else None
            )
        now = self.clock()
        backlog = int((now - oldest).total_seconds() // 60) if oldest is not None else None
        printers = DeviceStatusService(self.db, clock=self.clock, hall_code=self.hall_code).printers()
        findings = rule_findings(live, settings, backlog, printers)
        step_zh = {"callback": "回访", "rectify": "整改", "close": "办结"}
        for f in overdue:
            zh = f"差评 {f.reference} 的{step_zh.get(f.overdue_step or '', '处理')}已超期（期限 {f.step_due}）"
            en = f"Follow-up of {f.reference}: {f.overdue_step} overdue since {f.step_due}"
            severity = "warning" if f.overdue_step == "callback" else "critical"
            findings.append(Finding("follow_up", severity, f"follow_up:{f.id}"[:48], zh, en))
        self._apply(findings, now)
        return self.active()

    def _apply(self, findings: list[Finding], now: datetime) -> None:
        wanted = {(f.kind, f.subject): f for f in findings}
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            current = {(a.kind, a.subject): (a.id, a.severity) for a in self._open_rule_alarms(s, hall)}
        rank = SEVERITIES.index
        worse = any(k not in current or rank(f.severity) > rank(current[k][1]) for k, f in wanted.items())
        if not worse and set(current) <= set(wanted):
            return  # nothing changed: no write, no wake-up of every screen
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            rows = {(a.kind, a.subject): a for a in self._open_rule_alarms(s, hall)}
            for key, a in rows.items():
                if key not in wanted:
                    a.cleared_at = now
            for key, f in wanted.items():
                found = rows.get(key)
                if found is not None and rank(f.severity) > rank(found.severity):
                    found.cleared_at = now  # worse than before: a new, louder episode; the old one stays as it was
                    found = None
                if found is None:
                    s.add(Alarm(hall_id=hall.id, kind=f.kind, severity=f.severity, subject=f.subject,
                                message_zh=f.message_zh, message_en=f.message_en, raised_at=now, last_seen_at=now,
                                ack_note="", detail={}))  # fmt: skip

    @staticmethod
    def _open_rule_alarms(s: Session, hall: Hall) -> list[Alarm]:
        return list(
            s.scalars(select(Alarm).where(Alarm.hall_id == hall.id, Alarm.cleared_at.is_(None), Alarm.kind != "help"))
        )

    # ---- help calls and acknowledgement -------------------------------------------------------------------

    def help_call(self, window_number: int, *, actor: StaffView | None, note: str = "") -> AlarmView:
        """The clerk at a window asks for help (ZMS's emergency button); shown until a supervisor answers."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff = authorise(s, hall, actor, Permission.HELP_CALL)
            w = s.scalars(select(Window).where(Window.hall_id == hall.id, Window.number == window_number)).first()
            if w is None:
                raise NotFoundError(f"没有 {window_number} 号窗口", f"No window {window_number}")
            if w.staff_id != staff.id and not may(staff.role, Permission.WINDOW_REMOTE):
                # Help is called from the window that needs it: by the clerk signed in there (or a supervisor),
                # or the supervisor walks to a window where nobody asked.
                raise PermissionDenied(
                    f"只有在 {window_number} 号窗口登录的工作人员或大厅管理可以为该窗口呼叫协助",
                    f"Only the clerk signed in at window {window_number} or a supervisor may call help for it",
                )
            subject = f"window:{window_number}"
            existing = s.scalars(
                select(Alarm).where(
                    Alarm.hall_id == hall.id, Alarm.kind == "help", Alarm.subject == subject, Alarm.acked_at.is_(None)
                )  # fmt: skip
            ).first()
            if existing is not None:
                return _view(existing)
            now = self.clock()
            text = f"（{note.strip()[:200]}）" if note.strip() else ""
            a = Alarm(hall_id=hall.id, kind="help", severity="critical", subject=subject, raised_at=now,
                      last_seen_at=now, raised_by=staff.id, ack_note="", detail={"note": note.strip()[:200]},
                      message_zh=f"{window_number} 号窗口 {staff.name} 请求协助{text}",
                      message_en=f"Window {window_number} ({staff.login}) needs help")  # fmt: skip
            s.add(a)
            s.flush()
            return _view(a)

    def acknowledge(self, alarm_id: str, note: str, *, actor: StaffView | None) -> AlarmView:
        """确认: a supervisor answers an alarm or a help call, with a note; the alarm stays in the history.
        `alarm_id` may be the first characters of the id. An alarm answered already is refused (and left as it
        was): the first answer and its note stand, and the second supervisor learns who answered and when."""
        if len((note or "").strip()) < 2:
            raise RuleViolation("请写明处理情况", "Write down what was done")
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff = authorise(s, hall, actor, Permission.ALARM_ACK)
            found = resolve_id_prefix(s, Alarm.id, alarm_id, [Alarm.hall_id == hall.id], what=("告警", "alarm"))
            a = s.get_one(Alarm, found)
            if a.acked_at is not None:
                by = s.get(Staff, a.acked_by) if a.acked_by else None
                when = hall_time_text(a.acked_at, hall.timezone)
                raise AlreadyDone(
                    f"该告警已由{by.name if by else '他人'}于 {when} 确认，未作改动",
                    f"This alarm was already acknowledged by {by.login if by else 'someone'} at {when}; "
                    "nothing changed",
                )
            a.acked_at, a.acked_by, a.ack_note = self.clock(), staff.id, note.strip()[:500]
            if a.kind == "help":
                a.cleared_at = a.acked_at
            s.flush()
            return _view(a, staff.name)

    # ---- lists -----------------------------------------------------------------------------------------

    def active(self) -> list[AlarmView]:
        """Not yet acknowledged and still holding: the ones that sound. Help calls first, then critical."""
        rows = [a for a in self.history(since=self.clock() - timedelta(days=7)) if a.active]
        return sorted(rows, key=lambda a: (a.kind != "help", a.severity != "critical", a.raised_at))

    def help_calls(self) -> list[AlarmView]:
        return [a for a in self.active() if a.kind == "help"]

    def history(self, *, since: datetime | None = None, limit: int = 500) -> list[AlarmView]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            query = select(Alarm, Staff.name).outerjoin(Staff, Staff.id == Alarm.acked_by)
            query = query.where(Alarm.hall_id == hall.id)
            if since is not None:
                query = query.where(Alarm.raised_at >= since)
            rows = s.execute(query.order_by(Alarm.raised_at.desc()).limit(limit)).all()
            return [_view(a, name) for a, name in rows]


def _view(a: Alarm, acked_by: str | None = None) -> AlarmView:
    return AlarmView(a.id, a.kind, a.severity, a.subject, a.message_zh, a.message_en, a.raised_at, a.cleared_at,
                     a.acked_at, acked_by, a.ack_note)  # fmt: skip
