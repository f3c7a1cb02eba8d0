"""app/checks stays Qt-free and small: it runs in worker processes and from the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import app.checks

PACKAGE = Path(app.checks.__file__).resolve().parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_and_no_upper_layers() -> None:
    for path in PACKAGE.rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("PySide6", "PyQt", "app.ui", "app.services", "app.store", "kiosk")), (
                f"{path.name} imports {name}")


def test_modules_stay_small() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name
