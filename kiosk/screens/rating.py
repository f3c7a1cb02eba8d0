"""Rating (好差评): find the ticket or case, five levels, reasons required for the two bad ones."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton

from app.domain.ratings import REASONS, RatingError, validate_rating
from kiosk.backend import RatingLevel, RatingTargetView
from kiosk.context import Navigator, SessionContext
from kiosk.entry import EntryScreen
from kiosk.layout import Responsive
from kiosk.widgets import Keypad, button, label, line_edit, mark_checked

REASON_KEYS = tuple(REASONS)  # the keys RatingService accepts, in display order


def rating_ready(level: RatingLevel | None, reasons: tuple[str, ...]) -> bool:
    """Submittable as chosen, by the rating rule itself (a bad level needs a reason, a good one has none)."""
    if level is None:
        return False
    try:
        validate_rating(level, reasons)
    except RatingError:
        return False
    return True


class RatingScreen(EntryScreen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(self.tr("服务评价"), ctx)
        self.nav = nav
        self.target: RatingTargetView | None = None
        self.level: RatingLevel | None = None

        # Step 1: which ticket or case.
        self.find_step = Responsive(ctx.landscape)  # not `find`: that is QWidget.find()
        left = self.find_step.column()
        left.addWidget(
            label(self.tr("请扫描号票或回执上的二维码;也可输入受理编号和申请人身份证后4位"), role="subtitle")
        )
        self.field = line_edit(self.tr("受理编号,如 H023-20261122-0042"))
        self.field.setObjectName("rating_ref")
        left.addWidget(self.field)
        self.last4 = line_edit(self.tr("身份证后4位"), sensitive=True)
        self.last4.setObjectName("rating_last4")
        self.last4.setMaxLength(4)
        left.addWidget(self.last4)
        find_button = button(self.tr("下一步"), role="primary", on_click=self.lookup)
        find_button.setObjectName("lookup")
        left.addWidget(find_button)
        left.addStretch(1)
        self.find_step.column().addWidget(Keypad([self.field, self.last4], "1234567890-HX", columns=5, max_length=24))
        self.body.addWidget(self.find_step, 1)
        self.body.addWidget(self.error)

        # Step 2: level and reasons (hidden until a target is found); side by side in landscape.
        self.rate = Responsive(ctx.landscape)
        levels = self.rate.column()
        self.target_label = label("", role="subtitle")
        levels.addWidget(self.target_label)
        self.level_group = QButtonGroup(self)
        self.level_texts: dict[RatingLevel, str] = {}
        for level in RatingLevel:
            text = "★" * int(level) + "  " + self.level_name(level)
            self.level_texts[level] = text
            b = button(text, checkable=True, on_click=partial(self.choose, level))
            b.setObjectName(f"level_{int(level)}")
            self.level_group.addButton(b, int(level))
            levels.addWidget(b)
        levels.addStretch(1)
        right = self.rate.column()
        self.reason_title = label(self.tr("请选择不满意的原因(至少一项)"), role="subtitle")
        right.addWidget(self.reason_title)
        reasons = QGridLayout()
        self.reason_buttons = {}
        for i, key in enumerate(REASON_KEYS):
            text = self.reason_name(key)
            b = button(text, checkable=True)
            b.setObjectName(f"reason_{key}")
            b.toggled.connect(partial(self._reason_toggled, b, text))
            self.reason_buttons[key] = b
            reasons.addWidget(b, i // 2, i % 2)
        right.addLayout(reasons)
        right.addStretch(1)
        self.submit_button = button(self.tr("提交评价"), role="primary", on_click=self.submit)
        self.submit_button.setObjectName("submit")
        right.addWidget(self.submit_button)
        self.body.addWidget(self.rate, 1)
        self.rate.hide()
        self._update()

    def level_name(self, level: RatingLevel) -> str:
        return self.ctx.pick(level.name_zh, level.name_en)  # the scale's words live with the scale (app.domain)

    def reason_name(self, key: str) -> str:
        return self.ctx.pick(*REASONS[key])

    def handle_scan(self, code: str) -> bool:
        self.field.setText(code)
        self.lookup()
        return True

    def lookup(self) -> None:
        ref = self.field.text().strip()
        if not ref:
            self.show_error(self.tr("! 请输入号码或扫描二维码"))
            return
        last4 = self.last4.text().strip().upper()
        self.last4.clear()
        backend = self.ctx.backend
        self.ctx.call(lambda: backend.rating_target(ref, last4), self._found, self.show_failure, owner=self)

    def _found(self, target: RatingTargetView) -> None:
        self.target = target
        self.error.hide()
        self.find_step.hide()
        self.target_label.setText(
            self.tr("评价:{what}").format(what=self.ctx.pick(target.description_zh, target.description_en))
        )
        self.rate.show()
        self.ctx.speak(self.tr("请为本次服务评价,从非常满意到非常不满意选择一项。"))

    def choose(self, level: RatingLevel) -> None:
        self.level = level
        for lv, text in self.level_texts.items():
            b = self.level_group.button(int(lv))
            b.setChecked(lv is level)
            mark_checked(b, text)
        self._update()

    def chosen_reasons(self) -> tuple[str, ...]:
        """The reasons pressed, for a bad level (they stay pressed, hidden, if the citizen picks a good one)."""
        if self.level is None or not self.level.is_bad:
            return ()
        return tuple(k for k, b in self.reason_buttons.items() if b.isChecked())

    def _reason_toggled(self, button: QPushButton, text: str, _on: bool) -> None:
        mark_checked(button, text)
        self._update()

    def _update(self) -> None:
        bad = self.level is not None and self.level.is_bad
        self.reason_title.setVisible(bad)
        for b in self.reason_buttons.values():
            b.setVisible(bad)
        # Always pressable: a press that cannot submit says what is missing instead of doing nothing.
        self.submit_button.setProperty("ready", rating_ready(self.level, self.chosen_reasons()))

    def submit(self) -> None:
        if self.level is None:
            self.show_error(self.tr("! 请先选择一个评价等级"))
            return
        if not rating_ready(self.level, self.chosen_reasons()):
            self.show_error(self.tr("! 请至少选择一项不满意的原因,以便我们改进"))
            return
        if self.target is None:
            return
        target, level, reasons, backend = self.target, self.level, self.chosen_reasons(), self.ctx.backend
        self.ctx.call(
            lambda: backend.submit_rating(target, level, reasons),
            lambda _r: self.nav.go("thanks"),
            self.show_failure,
            owner=self,
        )

    def voice_text(self) -> str:
        return self.tr("请扫描号票或回执上的二维码。")
