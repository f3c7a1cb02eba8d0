"""One place that makes the QApplication: font, language, style, and the last-resort error handler."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.errors import UserError
from app.logs import log_crash
from app.ui.fonts import install_app_font
from app.ui.gc_guard import collect_on_gui_thread
from app.ui.i18n import DEFAULT_LANGUAGE, set_language
from app.ui.pyside_workaround import immortalize_singletons

log = logging.getLogger("onewindow.ui")


def make_app(argv: list[str] | None = None, language: str = DEFAULT_LANGUAGE) -> QApplication:
    immortalize_singletons()  # PySide6 6.12 on Python 3.11 drains None/True/False: see pyside_workaround
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    collect_on_gui_thread(app)  # cyclic garbage is collected on this thread, never by a service worker
    app.setApplicationName("OneWindow")
    app.setApplicationDisplayName("一窗通 OneWindow")
    install_app_font(app)
    set_language(language)
    return app


def show_error(parent: QWidget | None, exc: Exception) -> None:
    """Known errors as a plain bilingual message; anything else as a report with details."""
    box = QMessageBox(parent)
    if isinstance(exc, UserError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("提示 / Notice")
        box.setText(f"{exc.message_zh}\n{exc.message_en}")
    else:
        where = log_crash(exc)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("出错了 / Something went wrong")
        box.setText(
            f"操作没有完成，详情已记录在 {where}。请重试或联系管理员。\n"
            f"The action did not complete; the details are logged in {where}."
        )
        box.setDetailedText("".join(traceback.format_exception(exc)))
    if parent is None:  # nothing else holds a parentless box: keep it until it is closed, or it never shows
        _open_boxes.append(box)
        box.finished.connect(lambda _result: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()


_open_boxes: list[QMessageBox] = []


def show_startup_error(error: UserError, timeout_ms: int | None = None, *, echo: bool = True) -> None:
    """A role that cannot start says why in a dialog (and on stderr unless it has already: `echo`); `timeout_ms`
    closes it by itself, for a locked kiosk that nobody can click and that the service manager should restart."""
    if echo:
        print(f"错误 / error: {error.bilingual()}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "无法启动 / Cannot start", f"{error.message_zh}\n\n{error.message_en}")
    box.setObjectName("startup_error")
    if timeout_ms is not None:
        QTimer.singleShot(timeout_ms, box.accept)
    box.exec()


def install_excepthook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, Exception) and QApplication.instance() is not None:
            show_error(None, value)  # logs it and says where
        else:
            log_crash(value)

    sys.excepthook = hook
