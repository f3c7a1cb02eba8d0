import os

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.fonts import install_app_font

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def app_font_family(qapp: QApplication) -> str:
    return install_app_font(qapp)
