"""Ticket life cycle: which window action is allowed in which state."""

from enum import StrEnum

from app.domain.errors import RuleViolation


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    PARKED = "parked"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class TicketSource(StrEnum):
    KIOSK = "kiosk"
    STAFF = "staff"
    APPOINTMENT = "appointment"


class Action(StrEnum):
    CALL = "call"
    RECALL = "recall"
    SKIP = "skip"
    START = "start"
    FINISH = "finish"
    PARK = "park"
    RESUME = "resume"
    TRANSFER = "transfer"
    CANCEL = "cancel"
    NO_SHOW = "no_show"


ACTIVE_AT_WINDOW = frozenset({TicketStatus.CALLED, TicketStatus.SERVING})
CLOSED = frozenset({TicketStatus.FINISHED, TicketStatus.NO_SHOW, TicketStatus.CANCELLED})

_TRANSITIONS: dict[tuple[TicketStatus, Action], TicketStatus] = {
    (TicketStatus.WAITING, Action.CALL): TicketStatus.CALLED,
    (TicketStatus.WAITING, Action.CANCEL): TicketStatus.CANCELLED,
    (TicketStatus.WAITING, Action.TRANSFER): TicketStatus.WAITING,
    (TicketStatus.CALLED, Action.RECALL): TicketStatus.CALLED,
    (TicketStatus.CALLED, Action.SKIP): TicketStatus.NO_SHOW,
    (TicketStatus.CALLED, Action.NO_SHOW): TicketStatus.NO_SHOW,
    (TicketStatus.CALLED, Action.START): TicketStatus.SERVING,
    (TicketStatus.CALLED, Action.FINISH): TicketStatus.FINISHED,
    (TicketStatus.CALLED, Action.PARK): TicketStatus.PARKED,
    (TicketStatus.CALLED, Action.TRANSFER): TicketStatus.WAITING,
    (TicketStatus.SERVING, Action.FINISH): TicketStatus.FINISHED,
    (TicketStatus.SERVING, Action.PARK): TicketStatus.PARKED,
    (TicketStatus.SERVING, Action.TRANSFER): TicketStatus.WAITING,
    (TicketStatus.PARKED, Action.RESUME): TicketStatus.SERVING,
    (TicketStatus.PARKED, Action.TRANSFER): TicketStatus.WAITING,
    (TicketStatus.PARKED, Action.CANCEL): TicketStatus.CANCELLED,
    # A citizen who missed the call may come back: the clerk puts the ticket back in line.
    (TicketStatus.NO_SHOW, Action.TRANSFER): TicketStatus.WAITING,
}

_STATUS_ZH = {
    TicketStatus.WAITING: "等待中",
    TicketStatus.CALLED: "已叫号",
    TicketStatus.SERVING: "办理中",
    TicketStatus.PARKED: "暂挂",
    TicketStatus.FINISHED: "已完成",
    TicketStatus.NO_SHOW: "已过号",
    TicketStatus.CANCELLED: "已取消",
}


def status_zh(status: TicketStatus | str) -> str:
    return _STATUS_ZH[TicketStatus(status)]


def next_status(current: TicketStatus | str, action: Action) -> TicketStatus:
    """The state after `action`, or a RuleViolation saying why the action is not possible now."""
    current = TicketStatus(current)
    try:
        return _TRANSITIONS[(current, action)]
    except KeyError:
        raise RuleViolation(
            f"当前状态“{status_zh(current)}”不能执行此操作",
            f"Action '{action.value}' is not possible while the ticket is {current.value}",
        ) from None


def recall_outcome(recalls_so_far: int, max_recalls: int) -> TicketStatus:
    """After the allowed number of recalls the citizen is treated as a no-show (过号)."""
    return TicketStatus.NO_SHOW if recalls_so_far + 1 > max_recalls else TicketStatus.CALLED


def check_can_call_next(display_number: str, status: str, seconds_since_call: float, min_interval_s: float) -> None:
    """call-next finishes the ticket at the window only when its service has started.

    A ticket called moments ago is refused outright (a second press of F1, or two clerks at one window),
    and a ticket called but never started is never turned into "finished": the clerk starts it (F3),
    recalls it (F2) or marks it a no-show (F5) first.
    """
    if seconds_since_call < min_interval_s:
        secs = max(0, int(seconds_since_call))
        raise RuleViolation(
            f"{display_number} 刚刚叫号（{secs} 秒前），未叫下一位；如叫错请按 Ctrl+Z 撤销（onewindow window undo）",
            f"{display_number} was called {secs} s ago: the next ticket was not called; "
            "press Ctrl+Z (onewindow window undo) to undo a wrong call",
            code="call_too_soon",
        )
    if TicketStatus(status) is TicketStatus.CALLED:
        raise RuleViolation(
            f"{display_number} 已叫号但还没有开始办理：请先开始办理（F3）、重呼（F2）或标记过号（F5）",
            f"{display_number} was called but service has not started: start it (F3), recall it (F2) "
            "or mark it a no-show (F5) first",
            code="called_not_started",
        )
