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


# ---- database sessions are opened in the services and below, nowhere else --------------------------------------
# Importing nothing from app.store is not enough: a service object exposes `.db`, and `with svc.db.read() as s`
# in a screen compiles fine. So the calls themselves are looked for.
SESSION_OWNERS = (
    "app/services",  # one transaction per use case
    "app/store",  # the engine, the session factory, migrations
    "app/sync",  # the agent applies and ships rows in its own transactions
    "server",  # the central server's routes and services over its own database
    "bench",  # benchmarks seed bulk data below the services on purpose, to measure them
    "app/cli_doctor.py",  # probes a raw connection to say why a database cannot be used, before any service can
)
SCANNED = ("app", "kiosk", "server", "bench")
_FACTORIES = {"Session", "sessionmaker", "scoped_session", "create_engine", "create_async_engine"}
_DB_NAMES = ("db", "database", "_db")


def _name(node: ast.expr) -> str:
    """The last name of `a.b.c` or `c`, '' for anything else (a call, a subscript)."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def session_openings(source: str) -> list[tuple[int, str]]:
    """(line, what) for every place `source` opens a database session, connection or engine:
    `Session(...)`, `sessionmaker(...)`, `create_engine(...)`, `engine.connect()` / `.begin()`, and the
    Database's `.read()` / `.write()` (argument-less, on something named like a database or as a `with` item,
    so `fh.read()` and `out.write(text)` do not count)."""
    tree = ast.parse(source)
    with_items = {id(item.context_expr) for node in ast.walk(tree) if isinstance(node, ast.With | ast.AsyncWith)
                  for item in node.items}
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in _FACTORIES:
            found.append((node.lineno, f"{name}()"))
        elif isinstance(node.func, ast.Attribute) and not node.args and not node.keywords:
            owner = _name(node.func.value).lower()
            if name in ("connect", "begin") and "engine" in owner:
                found.append((node.lineno, f"{owner}.{name}()"))
            elif name in ("read", "write") and (id(node) in with_items or owner.endswith(_DB_NAMES)):
                found.append((node.lineno, f"{owner or '…'}.{name}()"))
    return sorted(found)


def test_only_services_and_below_open_database_sessions():
    offenders = []
    for path in _files(*SCANNED):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(SESSION_OWNERS):
            continue
        offenders += [f"{rel}:{line} {what}" for line, what in session_openings(path.read_text(encoding="utf-8"))]
    assert offenders == [], "open sessions in a service (app/services) and call that instead"


def test_the_session_check_catches_a_planted_violation():
    planted = '''
class HallName(QLabel):
    def refresh(self):
        with self.queue.db.read() as s:  # a widget reading the database itself
            self.setText(s.get(Hall, 1).name_zh)
        with db.write() as s:
            s.add(row)
        s2 = Session(engine)
        factory = sessionmaker(bind=engine)
        with self.engine.connect() as conn:
            pass
        cm = self._db.read()
'''
    assert [what for _, what in session_openings(planted)] == [
        "db.read()", "db.write()", "Session()", "sessionmaker()", "engine.connect()", "_db.read()"
    ]


def test_the_session_check_leaves_files_and_qt_sessions_alone():
    innocent = '''
with open(path) as fh:
    data = fh.read()
out.write(text)
sys.stdout.write("x")
session = QMediaCaptureSession(self)
citizen = CitizenSession(ctx)
conn = socket.connect(addr)
'''
    assert session_openings(innocent) == []


# ---- the database owner's recovery is a command-line path, not a service a screen could call ---------------------
RECOVERY = "app.services.staff_recovery"
RECOVERY_CALLERS = {"app/cli_staff.py"}


def recovery_imports(source: str) -> list[int]:
    """Lines of `source` importing the recovery module (`import app.services.staff_recovery`,
    `from app.services.staff_recovery import ...`, `from app.services import staff_recovery`)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(a.name == RECOVERY for a in node.names):
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (
            node.module == RECOVERY
            or (node.module == "app.services" and any(a.name == "staff_recovery" for a in node.names))
        ):
            lines.append(node.lineno)
    return sorted(lines)


def test_only_the_command_line_reaches_the_database_owners_recovery():
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in _files(*SCANNED)
        if path.relative_to(ROOT).as_posix() not in RECOVERY_CALLERS
        for line in recovery_imports(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "recovery bypasses every permission check: keep it behind `onewindow hall staff recover`"
    assert recovery_imports((ROOT / "app/cli_staff.py").read_text(encoding="utf-8")) != []


def test_the_recovery_check_catches_each_way_of_importing_it():
    planted = """
import app.services.staff_recovery
from app.services.staff_recovery import recover_manager
from app.services import queue, staff_recovery
from app.services import staff_accounts
"""
    assert recovery_imports(planted) == [2, 3, 4]
