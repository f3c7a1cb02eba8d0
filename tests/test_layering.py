"""The dependency rules from ARCHITECTURE.md, checked mechanically by parsing imports."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6")
BELOW_UI = ("app/domain", "app/store", "app/services", "app/checks", "app/sync")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(*folders: str) -> list[Path]:
    return [p for f in folders for p in (ROOT / f).rglob("*.py")]


def test_no_qt_below_the_ui():
    offenders = [str(p.relative_to(ROOT)) for p in _files(*BELOW_UI) if any(n.startswith(QT) for n in _imports(p))]
    assert offenders == []


def test_domain_imports_nothing_of_ours():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files("app/domain")
        if any(n.startswith(("app.", "kiosk", "server")) and not n.startswith("app.domain") for n in _imports(p))
    ]
    assert offenders == []


def test_widgets_never_open_database_sessions():
    forbidden = ("sqlalchemy", "app.store")
    composition_roots = {"launch.py", "main.py"}  # they open the database and hand it to services
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files("app/ui", "kiosk")
        if p.name not in composition_roots and any(n.startswith(forbidden) for n in _imports(p))
    ]
    assert offenders == []
