"""Known, user-facing errors: each carries a stable code and a message in Chinese and English."""


class UserError(Exception):
    code = "error"

    def __init__(self, message_zh: str, message_en: str, *, code: str | None = None) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en
        if code is not None:
            self.code = code

    def bilingual(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


class NotFoundError(UserError):
    code = "not_found"


class RuleViolation(UserError):
    """An action that the queue or case rules do not allow in the current state."""

    code = "rule"


class HallClosedError(UserError):
    code = "hall_closed"


class DailyLimitError(UserError):
    code = "daily_limit"


class CategoryFullError(UserError):
    code = "category_full"


class AuthError(UserError):
    code = "auth"


class PermissionDenied(AuthError):
    """The acting staff member's role may not do this (checked in the services, never only in a screen)."""

    code = "forbidden"
