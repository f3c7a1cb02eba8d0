"""`onewindow doctor`: what is missing, said in Chinese and English; X libraries found before Qt loads."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.devices.system_libs import debian_package, missing_libraries
from tests.test_cli import run


def test_doctor_json_on_a_fresh_machine_and_after_hall_init(capsys, tmp_path):
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    code, out, _ = run(capsys, "doctor", "--db", db, "--json")
    report = json.loads(out)
    checks = {c["name"]: c for c in report["checks"]}
    assert set(checks) == {"database", "fonts", "voice", "printers", "scanner", "x11", "central_server"}
    assert checks["database"]["status"] == "warn" and "hall init" in checks["database"]["fix_en"]
    assert "大厅" in checks["database"]["found_zh"]
    assert checks["fonts"]["status"] == "ok"
    assert all(c["fix_zh"] and c["fix_en"] for c in checks.values() if c["status"] != "ok")
    assert (code == 0) == report["ok"]
    run(capsys, "hall", "init", "--sample", "--db", db)
    code, out, _ = run(capsys, "doctor", "--db", db, "--json")
    checks = {c["name"]: c for c in json.loads(out)["checks"]}
    assert checks["database"]["status"] == "ok" and "H023" in checks["database"]["found_zh"]
    assert checks["central_server"]["status"] == "ok"  # none configured: the hall runs on its own
    code, out, _ = run(capsys, "doctor", "--db", db)
    assert "database" in out and " / " in out  # one line per check, zh / en


def test_doctor_names_an_unreachable_central_server(capsys, tmp_path):
    from app.services.hall import load_hall
    from app.store.database import Database
    from app.sync.state import state_row

    db = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", db)
    database = Database(db)
    with database.write() as s:  # the sync agent's own row (every column it has), pointing at a dead server
        state_row(s, load_hall(s).id).server_url = "http://127.0.0.1:9"
    database.dispose()
    _, out, _ = run(capsys, "doctor", "--db", db, "--json")
    server = next(c for c in json.loads(out)["checks"] if c["name"] == "central_server")
    assert server["status"] == "warn" and "127.0.0.1:9" in server["found_zh"] and "sync" in server["fix_en"]


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_names(soname, package):
    assert debian_package(soname) == package


@pytest.mark.skipif(not shutil.which("gcc") or not sys.platform.startswith("linux"), reason="needs gcc on Linux")
def test_a_missing_library_is_found_by_ldd_before_anything_loads_it(tmp_path: Path):
    """A real plugin-like library linked against libxcb-fakeicccm.so.4, which is then removed."""
    (tmp_path / "dep.c").write_text("int dep(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int dep(void);\nint plugin(void) { return dep(); }\n")
    dep = tmp_path / "libxcb-fakeicccm.so.4"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-Wl,-soname,libxcb-fakeicccm.so.4", "-o", str(dep), str(tmp_path / "dep.c")],
        check=True,
    )
    (tmp_path / "libxcb-fakeicccm.so").symlink_to(dep.name)
    plugin = tmp_path / "libqfake.so"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c"), f"-L{tmp_path}", "-lxcb-fakeicccm"],
        check=True,
    )
    dep.unlink()
    assert missing_libraries(plugin) == ["libxcb-fakeicccm.so.4"]
    assert debian_package("libxcb-fakeicccm.so.4") == "libxcb-fakeicccm4"


def test_require_qt_names_the_packages_for_missing_x_libraries(monkeypatch, capsys):
    from app.ui import qt_check

    monkeypatch.setattr(
        "app.devices.system_libs.missing_for_qt_platform",
        lambda name="xcb": {"libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1"},
    )
    with pytest.raises(SystemExit) as exit_:
        qt_check.require_qt("xcb")
    assert exit_.value.code == 3
    err = capsys.readouterr().err
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1" in err and "缺少系统库" in err
    qt_check.require_qt("offscreen")  # the offscreen platform needs no X libraries
