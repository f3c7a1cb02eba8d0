"""Application-wide lock-down filter, and wiping what a citizen may have left behind.

Installed on the QApplication, so it sees every key and mouse event before any widget: copy, paste,
cut, select-all, undo/redo, print, save, open, find, quit and close shortcuts are swallowed both as
ShortcutOverride (so no QShortcut/QAction fires) and as KeyPress (so no widget acts on them); context
menus, middle-click paste (X11 selection) and drag-and-drop never start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent

log = logging.getLogger("onewindow.kiosk.lockdown")

BLOCKED_STANDARD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Print,
    QKeySequence.StandardKey.Save,
    QKeySequence.StandardKey.SaveAs,
    QKeySequence.StandardKey.Open,
    QKeySequence.StandardKey.New,
    QKeySequence.StandardKey.Find,
    QKeySequence.StandardKey.Quit,
    QKeySequence.StandardKey.Close,
    QKeySequence.StandardKey.HelpContents,
    QKeySequence.StandardKey.Preferences,
)

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
META = Qt.KeyboardModifier.MetaModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# Keys refused whatever the platform's standard bindings say: quit/close, and the clipboard keys in both their
# Ctrl+C/V/X and their Ctrl/Shift+Insert, Shift+Delete spellings.
BLOCKED_COMBOS = {
    *((CTRL, k) for k in (Qt.Key.Key_Q, Qt.Key.Key_W, Qt.Key.Key_F4, Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_X,
                          Qt.Key.Key_A, Qt.Key.Key_P, Qt.Key.Key_Insert)),
    *((CTRL | SHIFT, k) for k in (Qt.Key.Key_Q, Qt.Key.Key_W)),
    (ALT, Qt.Key.Key_F4),
    (SHIFT, Qt.Key.Key_Insert),
    (SHIFT, Qt.Key.Key_Delete),
}
# Keys no citizen needs at all.
BLOCKED_BARE_KEYS = {Qt.Key.Key_Menu, Qt.Key.Key_Escape, Qt.Key.Key_Copy, Qt.Key.Key_Paste, Qt.Key.Key_Cut,
                     Qt.Key.Key_Print, Qt.Key.Key_Close, Qt.Key.Key_Exit, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
                     Qt.Key.Key_F1}

_MODIFIER_MASK = CTRL | ALT | META | SHIFT


def is_blocked_key(event: QKeyEvent) -> bool:
    key = Qt.Key(event.key())
    mods = event.modifiers() & _MODIFIER_MASK
    if key in BLOCKED_BARE_KEYS:
        return True
    if (mods, key) in BLOCKED_COMBOS:
        return True
    if mods & (ALT | META) and key not in (Qt.Key.Key_Alt, Qt.Key.Key_Meta):
        return True  # Alt/Super chords are window-manager and menu accelerators: none are ours
    return any(event.matches(k) for k in BLOCKED_STANDARD_KEYS)


class LockdownFilter(QObject):
    """Install with ``app.installEventFilter(LockdownFilter(app))``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked = 0  # for tests and the soak benchmark

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        t = event.type()
        if t in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            if is_blocked_key(event):  # type: ignore[arg-type]
                # Accepting a ShortcutOverride stops Qt from treating the key as a shortcut;
                # returning True stops the widget from seeing it either way.
                event.accept()
                self.blocked += 1
                if t == QEvent.Type.KeyPress:
                    log.info("blocked key %s", QKeySequence(event.keyCombination()).toString())  # type: ignore[attr-defined]
                return True
            return False
        if t == QEvent.Type.ContextMenu:
            event.accept()
            self.blocked += 1
            return True
        if t in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            if isinstance(event, QMouseEvent) and event.button() in (Qt.MouseButton.MiddleButton,
                                                                       Qt.MouseButton.RightButton):
                self.blocked += 1
                return True  # middle = X11 selection paste, right = context menus of any kind
            return False
        if t in (QEvent.Type.DragEnter, QEvent.Type.Drop, QEvent.Type.FileOpen):
            event.ignore()
            return True
        return False


def wipe_transient_state() -> None:
    """Clear what outlives widgets: clipboard, X11 selection, input-method pre-edit and history."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    im = QGuiApplication.inputMethod()
    im.reset()
    im.hide()
