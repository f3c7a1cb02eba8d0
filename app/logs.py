"""One logger per subsystem, a rotating log file, and masking of personal data."""

import logging
import logging.handlers
import re
from pathlib import Path

from app.domain.masking import mask_id

_ID_NUMBER = re.compile(r"\b\d{17}[\dXx]\b")


class MaskPersonalData(logging.Filter):
    """Never log resident ID numbers in full, whatever a caller passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        masked = _ID_NUMBER.sub(lambda m: mask_id(m.group(0)), msg)
        if masked != msg:
            record.msg, record.args = masked, None
        return True


def configure(
    log_dir: Path, level: int = logging.INFO, *, file_name: str = "onewindow.log", logger: str = "onewindow"
) -> None:
    """The rotating, masked log file, once per process. The kiosk logs its whole process (``logger=""``, the
    root) to kiosk.log, so that the libraries' warnings (printer, camera) are in the file a technician reads."""
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger(logger)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        log_dir / file_name, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskPersonalData())
    root.addHandler(handler)
    root.setLevel(level)


def log_crash(exc: BaseException) -> Path:
    """Log an unexpected exception in full to the rotating log file; returns that file, to tell the user."""
    from app import settings

    log_dir = settings.paths().log_dir
    try:
        configure(log_dir)
    except OSError:  # a log folder we cannot write: fall back to the temporary folder
        import tempfile

        log_dir = Path(tempfile.gettempdir()) / "onewindow-logs"
        configure(log_dir)
    files = [h for h in logging.getLogger("onewindow").handlers if isinstance(h, logging.FileHandler)]
    crash = logging.getLogger("onewindow.crash")
    # The file only: a library's logging.basicConfig() (python-escpos) would also print the traceback on the
    # terminal, where the user is to see one line saying where the log is.
    crash.propagate = False
    for handler in files:
        if handler not in crash.handlers:
            crash.addHandler(handler)
    crash.critical("unexpected error", exc_info=exc)
    for handler in files:
        handler.flush()
    return Path(files[0].baseFilename) if files else log_dir / "onewindow.log"
