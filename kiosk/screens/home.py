"""Home screen: the five services, the elderly-mode switch and the language switch."""

from __future__ import annotations

from collections.abc import Collection
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout

from app.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.context import Navigator, SessionContext
from kiosk.widgets import Screen, TileGrid, button, label

# The self-services, in the order the home screen shows them: (object name, words, screen).
SERVICE_TILES = (
    ("tile_ticket", QT_TRANSLATE_NOOP("HomeScreen", "取号排队"), "category"),
    ("tile_appointment", QT_TRANSLATE_NOOP("HomeScreen", "预约签到"), "appointment"),
    ("tile_progress", QT_TRANSLATE_NOOP("HomeScreen", "办件进度查询"), "progress"),
    ("tile_guide", QT_TRANSLATE_NOOP("HomeScreen", "办事指南"), "guide"),
    ("tile_rating", QT_TRANSLATE_NOOP("HomeScreen", "服务评价"), "rating"),
)


def service_tiles(ctx: SessionContext, nav: Navigator, screens: Collection[str] | None = None) -> TileGrid:
    """Big buttons for the self-services that open ``screens`` (None: all of them, as on the home screen)."""
    tiles = []
    for name, text, target in SERVICE_TILES:
        if screens is None or target in screens:
            b = button(QCoreApplication.translate("HomeScreen", text), role="tile", on_click=partial(nav.go, target))
            b.setObjectName(name)
            tiles.append(b)
    return TileGrid(tiles, min_tile_width=420 if ctx.theme.elderly else 320, max_columns=3,
                    expected_width=ctx.width - 64)


class HomeScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(ctx.pick(ctx.hall_name_zh, ctx.hall_name_en) or self.tr("政务服务中心"),
                         back=False, home=False)
        self.ctx = ctx
        self.nav = nav
        self.body.addWidget(label(self.tr("24小时自助服务区 · 请选择您要办理的业务"), role="subtitle"))
        self.status = label("", role="hint")
        self.body.addWidget(self.status)

        self.body.addWidget(service_tiles(ctx, nav))
        self.body.addWidget(label(self.tr("也可以直接扫描号票、回执或预约二维码"), role="hint"))
        self.body.addStretch(1)

        row = QHBoxLayout()
        elderly_text = self.tr("切换到标准版") if ctx.theme.elderly else self.tr("长辈版(大字·语音)")
        self.elderly_button = button(elderly_text, role="toggle",
                                     on_click=lambda: nav.set_elderly(not ctx.theme.elderly))
        self.elderly_button.setObjectName("elderly")
        row.addWidget(self.elderly_button)
        lang_text = "中文" if ctx.english else "English"
        self.language_button = button(lang_text, role="toggle",
                                      on_click=lambda: nav.set_language("zh_CN" if ctx.english else "en_US"))
        self.language_button.setObjectName("language")
        row.addWidget(self.language_button)
        self.body.addLayout(row)
        self.body.addWidget(label(self.tr("如需帮助,请咨询大厅工作人员"), role="hint"))

        ctx.call(ctx.backend.hall_open, self._show_open, lambda exc: self.status.setText(ctx.error_text(exc)),
                 owner=self)

    def _show_open(self, is_open: bool) -> None:
        self.status.setText(self.tr("● 窗口服务中,可以取号") if is_open
                            else self.tr("○ 窗口已下班:可查询进度、查看指南、评价"))

    def voice_text(self) -> str:
        return self.tr("欢迎使用自助服务。请点击屏幕上的按钮:取号、预约签到、进度查询、办事指南或服务评价。")
