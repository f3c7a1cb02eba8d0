"""A4 documents (one-time notices) to the system's printers through Qt's print support.

The printer is chosen once per window (QPrintDialog the first time) and remembered in the data directory
(`printers.json`, per PC); the PDF copy is written before printing and always kept. With no printer on the
machine the clerk gets a clear warning naming the PDF. A printer name `file:/path.pdf` prints through the
same QPrinter path into a PDF file (for a hall without a printer yet, and for tests).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from app import settings

log = logging.getLogger("onewindow.ui.printing")


def _choices_file() -> Path:
    return settings.paths().data_dir / "printers.json"


def _load() -> dict[str, str]:
    try:
        data = json.loads(_choices_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def chosen_printer(window_number: int | None) -> str | None:
    return _load().get(f"window-{window_number or 0}")


def remember_printer(window_number: int | None, name: str) -> None:
    data = _load()
    data[f"window-{window_number or 0}"] = name
    path = _choices_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def slip_printer_for(window_number: int | None) -> Callable[[bytes], None] | None:
    """The window's ESC/POS slip printer (`"slip-window-N": "/dev/usb/lp0"` in printers.json), or None."""
    device = _load().get(f"slip-window-{window_number or 0}")
    if not device:
        return None

    def write(data: bytes) -> None:
        with open(device.removeprefix("file:"), "ab") as out:  # a printer device node, or a file
            out.write(data)

    return write


def system_printers() -> list[str]:
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def make_printer(name: str) -> QPrinter | None:
    if name.startswith("file:"):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(name.removeprefix("file:"))
        return printer
    info = QPrinterInfo.printerInfo(name)
    return None if info.isNull() else QPrinter(info, QPrinter.PrinterMode.HighResolution)


DocumentFor = Callable[[QPrinter], QTextDocument]


class PaperPrinter(QObject):
    """Prints A4 documents for one window; says what happened through `sig_message` (zh text via tr)."""

    sig_message = Signal(str)

    def __init__(self, window_number: int | None, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.window_number, self.parent_widget = window_number, parent_widget
        self.dialog: QPrintDialog | None = None

    def print_document(self, document_for: DocumentFor, pdf_copy: Path) -> bool:
        """Print now on the window's printer, or ask for one once; False when nothing could be printed."""
        name = chosen_printer(self.window_number)
        printer = make_printer(name) if name else None
        if printer is not None:
            return self._print(printer, document_for, pdf_copy)
        if not system_printers():
            self.sig_message.emit(
                self.tr("未配置打印机：没有打印，已保存 PDF %1（安装打印机后，首次打印时选择即可）").replace(
                    "%1", str(pdf_copy)
                )
            )
            return False
        chooser = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(chooser, self.parent_widget)
        dialog.setWindowTitle(self.tr("选择本窗口的 A4 打印机（只需选择一次）"))
        dialog.accepted.connect(lambda: self._chosen(chooser, document_for, pdf_copy))
        self.dialog = dialog
        QDialog.open(dialog)  # QDialog's window-modal open(): PySide6's stub only lists QPrintDialog's open(slot)
        return True

    def _chosen(self, printer: QPrinter, document_for: DocumentFor, pdf_copy: Path) -> None:
        remember_printer(self.window_number, printer.printerName())
        self._print(printer, document_for, pdf_copy)

    def _print(self, printer: QPrinter, document_for: DocumentFor, pdf_copy: Path) -> bool:
        try:
            document_for(printer).print_(printer)
        except Exception as exc:  # noqa: BLE001 - a printer fault must not lose the case: the PDF is kept
            log.error("printing to %s failed: %s", printer.printerName(), exc)
            self.sig_message.emit(
                self.tr("打印失败（%1）：已保存 PDF %2")
                .replace("%1", str(exc) or type(exc).__name__)
                .replace("%2", str(pdf_copy))
            )
            return False
        where = printer.printerName() or printer.outputFileName()
        self.sig_message.emit(self.tr("已送打印机 %1；PDF 副本 %2").replace("%1", where).replace("%2", str(pdf_copy)))
        return True
