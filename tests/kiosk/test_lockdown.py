"""Lock-down: closing and quitting refused, clipboard and context menus blocked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QCloseEvent, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.window import KioskWindow


def test_close_is_refused(kiosk: KioskWindow) -> None:
    assert kiosk.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)  # what a window-manager close request becomes
    assert not event.isAccepted()
    assert kiosk.isVisible()


def test_quit_shortcuts_and_actions_never_fire(qtbot, kiosk: KioskWindow) -> None:  # noqa: ANN001
    fired: list[str] = []
    quit_action = QAction("quit", kiosk)
    quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
    quit_action.triggered.connect(lambda: fired.append("action"))
    kiosk.addAction(quit_action)
    for seq in ("Ctrl+Q", "Ctrl+W", "Alt+F4", "Ctrl+F4"):
        sc = QShortcut(QKeySequence(seq), kiosk)
        sc.activated.connect(lambda s=seq: fired.append(s))
    kiosk.activateWindow()
    target = kiosk.focusWidget() or kiosk
    for key, mods in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(target, key, mods)
    assert fired == []
    assert kiosk.isVisible()
    assert kiosk.lockdown.blocked >= 5


def test_copy_paste_select_all_blocked(qtbot, kiosk: KioskWindow) -> None:  # noqa: ANN001
    kiosk.session.go("appointment")
    field: QLineEdit = kiosk.session.screen.field
    field.setText("20260001")
    field.setFocus()
    clipboard = QApplication.clipboard()
    clipboard.setText("sentinel")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert not field.hasSelectedText()
    field.selectAll()  # even with a selection made some other way, copy and cut do nothing
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "sentinel"
    assert field.text() == "20260001"
    field.deselect()
    clipboard.setText("pasted")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    assert field.text() == "20260001"


def test_context_menu_blocked(qtbot, kiosk: KioskWindow) -> None:  # noqa: ANN001
    # A line edit that would show its default menu if the event got through.
    probe = QLineEdit(kiosk.session)
    probe.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
    probe.show()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), probe.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(probe, event)
    assert QApplication.activePopupWidget() is None
    qtbot.mouseClick(probe, Qt.MouseButton.RightButton)
    assert QApplication.activePopupWidget() is None


def test_middle_click_does_not_paste(qtbot, kiosk: KioskWindow) -> None:  # noqa: ANN001
    kiosk.session.go("appointment")
    field = kiosk.session.screen.field
    QApplication.clipboard().setText("x-selection")
    qtbot.mouseClick(field, Qt.MouseButton.MiddleButton)
    assert field.text() == ""


def test_demo_window_can_close(make_kiosk) -> None:  # noqa: ANN001
    window = make_kiosk(locked=False)
    assert window.close() is True


def test_quit_test_is_not_vacuous(qtbot, kiosk: KioskWindow) -> None:  # noqa: ANN001
    """Control: without the lock-down filter the same key press does reach the shortcut."""
    fired: list[str] = []
    sc = QShortcut(QKeySequence("Ctrl+Q"), kiosk)
    sc.activated.connect(lambda: fired.append("quit"))
    kiosk.activateWindow()
    app = QApplication.instance()
    app.removeEventFilter(kiosk.lockdown)
    try:
        qtbot.keyClick(kiosk.focusWidget() or kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    finally:
        app.installEventFilter(kiosk.lockdown)
    assert fired == ["quit"]
