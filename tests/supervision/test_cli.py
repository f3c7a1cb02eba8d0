"""`onewindow case move --as`, `rating follow-ups`, `rating follow-up ...`, `audit`, `report`: one bilingual
line when refused, one JSON object with --json."""

from __future__ import annotations

import json

from app.services.cases import CaseService
from app.services.ratings import RatingService
from app.store.database import Database
from tests.intake.test_cases_service import accepted_case
from tests.test_cli import run


def test_case_move_checks_the_pin_and_the_role(capsys, hall_db, intake, person, tmp_path, monkeypatch):
    case_id = accepted_case(intake, person, tmp_path)
    receipt = CaseService(hall_db).row(case_id).receipt_number
    url = hall_db.url
    code, out, err = run(capsys, "case", "move", receipt, "--to", "in_review", "--as", "wang", "--pin", "1234",
                         "--db", url)  # fmt: skip
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "窗口人员无权" in err and "may not move a case" in err
    code, _out, err = run(capsys, "case", "move", receipt, "--to", "in_review", "--as", "shen", "--pin", "0000",
                          "--db", url)  # fmt: skip
    assert code == 1 and "工号或密码错误" in err
    monkeypatch.setenv("ONEWINDOW_PIN", "1234")
    code, out, err = run(capsys, "case", "move", receipt, "--to", "in_review", "--as", "shen", "--db", url, "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "in_review"
    code, _out, err = run(capsys, "case", "move", "H023-20000101-0001", "--to", "approved", "--as", "shen",
                          "--db", url)  # fmt: skip
    assert code == 1 and "没有受理编号" in err


def test_follow_up_loop_from_the_command_line(capsys, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    _c, out, _e = run(capsys, "ticket", "issue", "--category", "B", "--db", url, "--json")
    ticket = json.loads(out)
    _c, out, _e = run(capsys, "ticket", "call-next", "--window", "2", "--db", url, "--json")
    assert json.loads(out)["ticket"]["id"] == ticket["id"]
    for step in ("start", "finish"):  # only a finished ticket can be rated, and only by its QR
        code, _o, err = run(capsys, "window", step, "--window", "2", "--db", url)
        assert code == 0, err
    db = Database(url)
    RatingService(db).rate(ticket["qr_payload"], 1, ["attitude"], channel="window_pad")
    db.dispose()
    code, out, _e = run(capsys, "rating", "follow-ups", "--open", "--json", "--db", url)
    [f] = json.loads(out)["follow_ups"]
    assert code == 0 and f["status"] == "open" and f["next_steps"] == ["assign", "callback", "appeal"]
    fid = f["id"]
    code, _o, err = run(capsys, "rating", "follow-up", "callback", fid, "--note", "已电话回访市民",
                        "--satisfaction", "3", "--as", "wang", "--pin", "1234", "--db", url)  # fmt: skip
    assert code == 1 and "无权" in err and "follow-up" in err
    monkeypatch.setenv("ONEWINDOW_PIN", "8888")
    steps = [
        ("assign", "--to", "li", "--note", "请李强负责回访"),
        ("callback", "--satisfaction", "3", "--note", "已电话回访，市民接受道歉"),
        ("rectify", "--note", "窗口服务用语培训一次"),
        ("close", "--note", "整改完成，闭环"),
    ]
    for step, *rest in steps:
        code, out, err = run(capsys, "rating", "follow-up", step, fid, *rest, "--as", "admin", "--db", url, "--json")
        assert code == 0, err
    assert json.loads(out)["status"] == "closed"
    code, out, _e = run(capsys, "rating", "follow-ups", "--open", "--json", "--db", url)
    assert json.loads(out)["follow_ups"] == []
    code, out, _e = run(capsys, "audit", "--as", "admin", "--action", "follow_up.", "--db", url, "--json")
    actions = [e["action"] for e in json.loads(out)["entries"]]
    assert actions == ["follow_up.close", "follow_up.rectify", "follow_up.callback", "follow_up.assign",
                       "follow_up.opened"]  # fmt: skip
    code, _o, err = run(capsys, "audit", "--as", "wang", "--pin", "1234", "--db", url)
    assert code == 1 and "无权查看操作日志" in err


def test_report_json_and_xlsx(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    run(capsys, "ticket", "issue", "--category", "B", "--db", url)
    from datetime import date

    xlsx = tmp_path / "m.xlsx"
    code, out, err = run(capsys, "report", "monthly", "--date", date.today().isoformat(), "--xlsx", str(xlsx),
                         "--json", "--db", url)  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["total"]["arrived"] == 1 and {"by_category", "by_window", "by_clerk"} <= set(data)
    assert xlsx.stat().st_size > 3000 and data["written"] == [str(xlsx)]
    pdf = tmp_path / "d.pdf"
    code, out, err = run(capsys, "report", "daily", "--date", date.today().isoformat(), "--pdf", str(pdf), "--db", url)
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and "已输出" in out


def test_help_call_alarm_ack_remote_control_and_cards(capsys, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    monkeypatch.setenv("ONEWINDOW_PIN", "1234")
    code, out, err = run(capsys, "help", "--window", "3", "--as", "wang", "--db", url)
    assert code == 1 and "Only the clerk signed in at window 3" in err  # wang is at no window yet
    code, _o, err = run(capsys, "ticket", "call-next", "--window", "3", "--as", "wang", "--db", url)
    assert code == 0, err  # signs wang in at window 3 (nobody waiting: nothing called)
    code, out, err = run(capsys, "help", "--window", "3", "--as", "wang", "--db", url, "--json")
    assert code == 0, err
    alarm_id = json.loads(out)["id"]
    code, out, _e = run(capsys, "alarms", "--json", "--db", url)
    assert [a["kind"] for a in json.loads(out)["alarms"]] == ["help"]
    code, _o, err = run(capsys, "window", "pause", "2", "--as", "wang", "--db", url)
    assert code == 1 and "无权远程控制窗口" in err
    code, _o, err = run(capsys, "alarm", "ack", alarm_id[:10], "--note", "已到窗口处理", "--as", "admin",
                        "--pin", "8888", "--db", url)  # fmt: skip
    assert code == 0, err
    code, out, _e = run(capsys, "alarms", "--db", url)
    assert "没有告警" in out
    monkeypatch.setenv("ONEWINDOW_PIN", "8888")
    code, out, err = run(capsys, "window", "pause", "2", "--reason", "系统维护", "--as", "admin", "--db", url)
    assert code == 0 and "paused" in out, err
    code, out, err = run(capsys, "broadcast", "系统维护中，请稍候", "--as", "admin", "--db", url, "--json")
    assert code == 0 and json.loads(out)["marquee"] == "系统维护中，请稍候", err
    code, out, _e = run(capsys, "case", "cards", "--json", "--db", url)
    assert code == 0 and json.loads(out)["cards"] == []
