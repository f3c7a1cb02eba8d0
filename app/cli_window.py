"""`onewindow window start|recall|finish|no-show|park|undo --window N`: the clerk's window actions from the
command line, the same service operations as the staff window's F3, F2, F4, F5, F6 and Ctrl+Z."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from app.cli_args import window_number
from app.cli_supervision import acting_args

ACTIONS = {
    "start": ("start", "开始办理"),
    "recall": ("recall", "重呼"),
    "finish": ("finish", "办结"),
    "no-show": ("skip", "过号"),
    "park": ("park", "暂挂"),
    "undo": ("undo_last", "撤销上一步"),
}


def cmd_window(args: argparse.Namespace) -> int:
    from app.cli import _db
    from app.cli_supervision import optional_actor
    from app.services.queue import QueueService
    from app.services.views import to_jsonable

    db = _db(args)
    method, label = ACTIONS[args.action]
    t = getattr(QueueService(db), method)(args.window, actor=optional_actor(db, args))
    if args.json:
        print(json.dumps({"window": args.window, "action": args.action, "ticket": to_jsonable(t)}, ensure_ascii=False))
    else:
        print(f"{args.window} 号窗口 {label}：{t.display_number} → {t.status}")
    return 0


def register(
    actions: argparse._SubParsersAction,
    with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser],
) -> None:
    """Adds the clerk's actions to `onewindow window` (whose open/pause/close are the supervisor's)."""
    for action, (_method, label) in ACTIONS.items():
        sp = with_db(actions.add_parser(action, help=f"{label} ({action}) for the ticket at a window"))
        sp.add_argument("--window", type=window_number, required=True)
        acting_args(sp, required=False)
        sp.set_defaults(func=cmd_window, action=action)
