"""QR code as a QImage (python-qrcode for the matrix, Qt for the pixels)."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(payload: str, size_px: int) -> QImage:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    n = len(matrix)
    module = max(1, size_px // n)
    image = QImage(n * module, n * module, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#000000"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * module, y * module, module, module)
    painter.end()
    return image
