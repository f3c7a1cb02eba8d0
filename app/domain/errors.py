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
        """Both messages on one line, whatever they quote (a driver's multi-line detail, a name with a newline)."""
        return one_line(f"{self.message_zh} / {self.message_en}")


# Characters that would break "one line" (U+2028/2029 are line breaks too) or reorder it on the terminal (bidi
# overrides from a pasted name).
_BIDI = {0x200E, 0x200F, 0x061C, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def one_line(text: str) -> str:
    """`text` as one printable line: line breaks become spaces, other control and bidi characters are escaped."""
    out = []
    for ch in text:
        if ch in "\r\n\t\v\f":
            out.append(" ")
        elif ord(ch) in _BIDI or (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


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


class BadInputFile(UserError):
    """A file the user handed us (catalogue, hall config) that cannot be read or has the wrong shape."""

    code = "bad_input"


class InvalidSettings(UserError):
    """A hall, window or kiosk setting with a wrong value or an unknown name (the message names the key)."""

    code = "settings"
    key: str | None = None  # the setting concerned, when there is one


class FileProblem(UserError):
    """A file or device named on the command line that cannot be read or written (printer device, output file)."""

    code = "file"


class DatabaseError(UserError):
    """The hall database cannot be used as it is: each subclass says why and what to do."""

    code = "database"


class BadDatabaseUrl(DatabaseError):
    code = "db_url"


class DatabaseUnreachable(DatabaseError):
    code = "db_unreachable"


class NotADatabase(DatabaseError):
    code = "db_not_a_database"


class DatabaseCorrupt(DatabaseError):
    code = "db_corrupt"


class DatabaseReadOnly(DatabaseError):
    code = "db_read_only"


class DatabaseBusy(DatabaseError):
    code = "db_busy"


class NoHallDatabase(DatabaseError):
    """The named SQLite file does not exist and the command would only create an empty one."""

    code = "db_missing"


class PermissionDenied(AuthError):
    """The acting staff member's role may not do this (checked in the services, never only in a screen)."""

    code = "forbidden"


class AmbiguousId(UserError):
    """An id prefix typed on the command line that fits more than one row: the message lists some of them."""

    code = "ambiguous"


class AlreadyDone(RuleViolation):
    """A one-time step (acknowledging an alarm) asked for again: refused, the first one stands."""

    code = "already_done"
