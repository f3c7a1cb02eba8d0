"""`onewindow backoffice --server URL`: the back-office window on the central server's cases.

The reviewer logs in on the server (their account, their role); the window is the same one the hall uses,
over RemoteCaseService, so every move is authorised by the server and flows back to the hall by the feed.
"""

from __future__ import annotations

import argparse

from app.sync.remote_cases import RemoteCaseService


def launch_remote_backoffice(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.ui.app_setup import make_app
    from app.ui.backoffice.backoffice_window import BackofficeWindow
    from app.ui.runner import ServiceRunner
    from app.ui.staff.login_dialog import LoginDialog

    app = make_app(language=getattr(args, "lang", "zh_CN"))
    runner = ServiceRunner()
    cases = RemoteCaseService(args.server)
    title = QCoreApplication.translate("LoginDialog", "一窗通 · 后台审批登录（中心服务器）")
    dialog = LoginDialog(runner, cases.login, [], title=title)
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.staff is None:
        return 0
    reviewer = dialog.staff
    window = BackofficeWindow(cases, runner, role=reviewer.role, staff=reviewer)
    window.setWindowTitle(f"{window.windowTitle()} — {args.server}")
    window.show()
    try:
        return int(app.exec())
    finally:
        runner.wait_idle()
