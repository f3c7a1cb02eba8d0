"""A GUI role started with no display says so in one line, before Qt's xcb plug-in aborts the process."""

from __future__ import annotations

import pytest

from app.cli import main
from app.ui.qt_check import display_problem


@pytest.mark.parametrize("argv", [["staff"], ["display", "--demo"], ["demo"], ["kiosk", "--demo"]])
def test_gui_roles_without_a_display(monkeypatch, capsys, tmp_path, argv):  # type: ignore[no-untyped-def]
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "hall.db"
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--db", str(db)])
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert "no display: run it on a desktop or set QT_QPA_PLATFORM" in err and "没有显示器" in err
    assert len(err.strip().splitlines()) == 1, err
    assert "xcb" not in err and not db.exists()


def test_which_environments_have_a_display() -> None:
    assert display_problem({}) is not None
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}) is not None
    assert display_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "eglfs"}) is None  # a kiosk drawing straight on the screen
