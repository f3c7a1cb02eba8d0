"""The kiosk's typing screens (ID number, appointment code, receipt lookup, rating lookup) share one shape and
one way of saying what went wrong: the line under the fields, read aloud for elderly mode."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from kiosk.context import SessionContext
from kiosk.layout import Responsive
from kiosk.widgets import Keypad, Screen, label


class EntryScreen(Screen):
    def __init__(self, title: str, ctx: SessionContext) -> None:
        super().__init__(title)
        self.ctx = ctx
        self.error = label("", role="error")
        self.error.hide()

    def entry_row(self, fields: Sequence[QWidget], confirm: QWidget, keypad: Keypad) -> Responsive:
        """Fields, the error line and the confirm button on one side, the keypad on the other (side by side in
        landscape, stacked in portrait); added to the body."""
        row = Responsive(self.ctx.landscape)
        left = row.column()
        for field in fields:
            left.addWidget(field)
        left.addWidget(self.error)
        left.addWidget(confirm)
        left.addStretch(1)
        row.column().addWidget(keypad)
        self.body.addWidget(row, 1)
        return row

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ctx.speak(text)

    def show_failure(self, exc: BaseException) -> None:
        self.show_error(self.ctx.error_text(exc))
