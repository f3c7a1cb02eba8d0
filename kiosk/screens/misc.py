"""Small screens: after hours, thanks, and the attract loop shown when nobody is around."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.context import Navigator, SessionContext
from kiosk.screens.home import service_tiles
from kiosk.widgets import Screen, button, label

CENTER = Qt.AlignmentFlag.AlignHCenter


class AfterHoursScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(self.tr("窗口已下班"))
        self.body.addWidget(label(self.tr("现在不是窗口办公时间,暂停取号。以下自助服务 24 小时可用:"),
                                  role="subtitle"))
        self.body.addWidget(service_tiles(ctx, nav, ("progress", "guide", "rating")))  # no tickets now
        self.body.addWidget(label(self.tr("也可以通过政务服务网或手机App在线预约和查询"), role="hint"))
        self.body.addStretch(1)

    def voice_text(self) -> str:
        return self.tr("现在不是办公时间,暂停取号。您可以查询进度、查看办事指南或评价。")


class ThanksScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(self.tr("感谢您的评价"), back=False)
        self.body.addWidget(label(self.tr("您的评价已提交。差评我们会回访并整改。"), role="subtitle", align=CENTER))
        self.body.addStretch(1)
        done = button(self.tr("完成"), role="primary", on_click=nav.finish)
        done.setObjectName("done")
        self.body.addWidget(done)


class AttractScreen(QWidget):
    """Shown over everything after a long idle; the touch that dismisses it is not passed on."""

    def __init__(self, ctx: SessionContext | None = None) -> None:
        super().__init__()
        self.setObjectName("Attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.headline = label(self.tr("24小时自助服务"), role="attract", align=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.headline)
        self.sub = label(self.tr("取号 · 预约签到 · 进度查询 · 办事指南 · 服务评价"), role="attract-sub",
                         align=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.sub)
        self.touch = label("", role="attract-sub", align=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.touch)
        layout.addStretch(1)
        # Alternate the call to action in both languages: the attract screen has no language yet.
        self._phrases = ("请触摸屏幕开始", "Touch the screen to start")
        self._i = 0
        self._timer = QTimer(self)
        self._timer.setInterval(4000)
        self._timer.timeout.connect(self._next)
        self._next()

    def _next(self) -> None:
        self.touch.setText(self._phrases[self._i % 2])
        self._i += 1

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._timer.stop()
        super().hideEvent(event)
