"""Who may do what: the four staff roles and the permission each changing operation needs.

One table, read by the services (never only by a screen): a service loads the acting staff member's role
from the database and asks `check_permission` before it changes anything. Case moves have their own
finer table (app.domain.cases.TRANSITIONS) keyed by the same roles.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import PermissionDenied


class Role(StrEnum):
    CLERK = "clerk"  # 窗口工作人员
    REVIEWER = "reviewer"  # 后台审批
    SUPERVISOR = "supervisor"  # 大厅管理
    ADMIN = "admin"  # 系统管理: hall configuration and settings


ROLE_NAMES: dict[Role, tuple[str, str]] = {
    Role.CLERK: ("窗口人员", "clerk"),
    Role.REVIEWER: ("审批人员", "reviewer"),
    Role.SUPERVISOR: ("大厅管理", "supervisor"),
    Role.ADMIN: ("系统管理员", "administrator"),
}


class Permission(StrEnum):
    WINDOW_ACT = "window.act"  # call, transfer, park ... at one's own window
    WINDOW_REMOTE = "window.remote"  # open/close/pause someone else's window, move waiting tickets
    CASE_INTAKE = "case.intake"  # intake at the window, deliver (出件), take owed materials
    FINDING_OVERRIDE = "finding.override"  # let a check warning pass, with a reason
    FOLLOW_UP = "rating.follow_up"  # 差评回访 / 整改 steps on any follow-up, assigning, closing, appealing
    FOLLOW_UP_ASSIGNED = "rating.follow_up_assigned"  # 回访 / 整改 on a follow-up one was assigned (service checks)
    APPEAL_DECIDE = "rating.appeal_decide"  # 申诉复核 (by a second supervisor)
    ALARM_ACK = "alarm.ack"
    HELP_CALL = "alarm.help_call"  # a clerk asks the supervisor for help
    SETTINGS = "hall.settings"
    AUDIT_READ = "audit.read"
    REPORT_READ = "report.read"
    BROADCAST = "display.broadcast"
    STAFF_MANAGE = "staff.manage"  # staff accounts: add, new PIN, unlock, disable (see may_manage_account)


_WINDOW = frozenset({Role.CLERK, Role.SUPERVISOR})
_SUPERVISION = frozenset({Role.SUPERVISOR})

PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.WINDOW_ACT: _WINDOW,
    Permission.WINDOW_REMOTE: _SUPERVISION,
    Permission.CASE_INTAKE: _WINDOW,
    Permission.FINDING_OVERRIDE: _WINDOW,
    Permission.FOLLOW_UP: _SUPERVISION,
    # Any staff member a supervisor can assign (assignees() lists them all); the service checks the assignment.
    Permission.FOLLOW_UP_ASSIGNED: frozenset({Role.CLERK, Role.REVIEWER, Role.SUPERVISOR}),
    Permission.APPEAL_DECIDE: _SUPERVISION,
    Permission.ALARM_ACK: _SUPERVISION,
    Permission.HELP_CALL: _WINDOW,
    Permission.SETTINGS: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.AUDIT_READ: _SUPERVISION,
    Permission.REPORT_READ: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.BROADCAST: _SUPERVISION,
    Permission.STAFF_MANAGE: frozenset({Role.SUPERVISOR, Role.ADMIN}),
}

PERMISSION_NAMES: dict[Permission, tuple[str, str]] = {
    Permission.WINDOW_ACT: ("窗口叫号操作", "use the window keys"),
    Permission.WINDOW_REMOTE: ("远程控制窗口", "control windows remotely"),
    Permission.CASE_INTAKE: ("受理和出件", "take in or hand out cases"),
    Permission.FINDING_OVERRIDE: ("放行材料检查结果", "let a check finding pass"),
    Permission.FOLLOW_UP: ("差评回访整改", "take follow-up steps on bad ratings"),
    Permission.FOLLOW_UP_ASSIGNED: ("处理指派给自己的差评回访", "record the follow-up one was assigned"),
    Permission.APPEAL_DECIDE: ("差评申诉复核", "decide a rating appeal"),
    Permission.ALARM_ACK: ("确认告警", "acknowledge alarms"),
    Permission.HELP_CALL: ("窗口呼叫求助", "call for help"),
    Permission.SETTINGS: ("修改大厅设置", "change hall settings"),
    Permission.AUDIT_READ: ("查看操作日志", "read the audit trail"),
    Permission.REPORT_READ: ("查看统计报表", "read reports"),
    Permission.BROADCAST: ("发布滚动字幕", "broadcast to the display"),
    Permission.STAFF_MANAGE: ("管理工作人员账号", "manage staff accounts"),
}


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise PermissionDenied(f"未知角色“{value}”", f"Unknown role '{value}'") from None


def may(role: Role | str, permission: Permission) -> bool:
    return parse_role(str(role)) in PERMISSIONS[permission]


def check_permission(role: Role | str, permission: Permission) -> None:
    """Nothing when `role` may; a bilingual PermissionDenied naming the action and the roles that may."""
    who = parse_role(str(role))
    if who in PERMISSIONS[permission]:
        return
    zh, en = PERMISSION_NAMES[permission]
    allowed = sorted(PERMISSIONS[permission])
    raise PermissionDenied(
        f"{ROLE_NAMES[who][0]}无权{zh}（需要{'或'.join(ROLE_NAMES[r][0] for r in allowed)}）",
        f"A {ROLE_NAMES[who][1]} may not {en} (needs {' or '.join(ROLE_NAMES[r][1] for r in allowed)})",
    )


def check_may_manage_account(actor_role: Role | str, target_role: Role | str) -> None:
    """A supervisor manages the accounts of clerks and reviewers; supervisors' and administrators' accounts are
    the administrator's (a supervisor who could reset another supervisor's PIN could act as them)."""
    check_permission(actor_role, Permission.STAFF_MANAGE)
    who, whom = parse_role(str(actor_role)), parse_role(str(target_role))
    if who is Role.ADMIN or whom in (Role.CLERK, Role.REVIEWER):
        return
    theirs = ROLE_NAMES[whom][1]
    raise PermissionDenied(
        f"{ROLE_NAMES[who][0]}不能管理{ROLE_NAMES[whom][0]}的账号（需要系统管理员）",
        f"A {ROLE_NAMES[who][1]} may not manage the account of {'an' if theirs[0] in 'aeiou' else 'a'} {theirs} "
        "(an administrator may)",
    )
