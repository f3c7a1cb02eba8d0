"""`onewindow doctor [--json]`: what is missing on this machine, and what to do about it (zh and en).

Nothing here starts Qt or changes the hall database: every check only looks, so the doctor also runs on a
machine where the GUI cannot start (that is when it is needed most).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

OK, WARN, FAIL = "ok", "warn", "fail"
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | fail
    found_zh: str
    found_en: str
    fix_zh: str = ""
    fix_en: str = ""


def _run(cmd: list[str], timeout: float = 10) -> str | None:
    if shutil.which(cmd[0]) is None:
        return None
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def check_database(url: str) -> Check:
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    from app.store.database import engine_for_looking, normalise_url

    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return Check(
            "database",
            WARN,
            f"大厅数据库还不存在：{url}",
            f"The hall database does not exist yet: {url}",
            "运行 onewindow hall init --sample（或 --config 大厅配置文件）",
            "Run onewindow hall init --sample (or --config FILE)",
        )
    engine = engine_for_looking(normalise_url(url))
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if "hall" not in tables:
                return Check(
                    "database",
                    FAIL,
                    "数据库里没有大厅数据表",
                    "The database has no hall tables",
                    "运行 onewindow hall init --sample",
                    "Run onewindow hall init --sample",
                )
            from alembic.runtime.migration import MigrationContext
            from alembic.script import ScriptDirectory

            from app.store.migrate import alembic_config

            current = MigrationContext.configure(conn).get_current_revision()
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            halls = conn.execute(text("SELECT code FROM hall")).scalars().all()
    except SQLAlchemyError as exc:
        reason = str(exc).splitlines()[0][:200]
        return Check(
            "database",
            FAIL,
            f"无法打开大厅数据库：{reason}",
            f"Cannot open the hall database: {reason}",
            "检查 --db 地址、数据库服务是否运行、用户权限",
            "Check the --db URL, that the server runs, and the user's rights",
        )
    finally:
        engine.dispose()
    if not halls:
        return Check(
            "database",
            FAIL,
            "数据库里还没有大厅",
            "No hall is configured in the database",
            "运行 onewindow hall init --sample",
            "Run onewindow hall init --sample",
        )
    if current != head:
        return Check(
            "database",
            WARN,
            f"数据库版本 {current}，程序需要 {head}",
            f"Database schema {current}, the program needs {head}",
            "启动任一 onewindow 命令会自动升级；升级前请先 onewindow hall backup",
            "Any onewindow command upgrades it; take onewindow hall backup first",
        )
    names = "、".join(halls)
    return Check("database", OK, f"大厅 {names}，数据库版本 {current}", f"Hall {', '.join(halls)}, schema {current}")


def check_fonts() -> Check:
    fonts = [ROOT / "resources" / "fonts" / n for n in ("NotoSansSC-Subset-Regular.otf", "NotoSansSC-Subset-Bold.otf")]
    missing = [f.name for f in fonts if not f.exists() or f.stat().st_size == 0]
    if missing:
        return Check(
            "fonts",
            FAIL,
            f"缺少内置中文字体：{', '.join(missing)}",
            f"Bundled Chinese font missing: {', '.join(missing)}",
            "重新安装 onewindow（字体在 resources/fonts）",
            "Reinstall onewindow (the fonts live in resources/fonts)",
        )
    return Check("fonts", OK, "内置中文字体齐全", "Bundled Chinese font present")


def check_voice() -> Check:
    if sys.platform == "win32":
        return Check(
            "voice",
            WARN,
            "Windows 语音：请确认已安装中文（普通话）语音",
            "Windows speech: check a Chinese (Mandarin) voice is installed",
            "设置 → 时间和语言 → 语音 → 添加语音 → 中文(简体，中国)",
            "Settings → Time & language → Speech → Add voices → Chinese (Simplified, China)",
        )
    dispatcher = shutil.which("speech-dispatcher") or shutil.which("spd-say")
    voices = _run(["espeak-ng", "--voices=cmn"]) or ""
    mandarin = "cmn" in voices
    if dispatcher and mandarin:
        return Check(
            "voice",
            OK,
            "语音播报可用（speech-dispatcher + espeak-ng 普通话）",
            "Speech ready (speech-dispatcher + espeak-ng Mandarin)",
        )
    return Check(
        "voice",
        WARN,
        "没有普通话语音：叫号屏只显示并提示音，不播报",
        "No Mandarin voice: the display shows calls and chimes, but does not speak",
        "sudo apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng espeak-ng",
        "sudo apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng espeak-ng",
    )


def check_printers() -> Check:
    cups = _run(["lpstat", "-e"])
    queues = [line.strip() for line in (cups or "").splitlines() if line.strip()]
    escpos = sorted(str(p) for p in Path("/dev/usb").glob("lp*")) if Path("/dev/usb").exists() else []
    if queues or escpos:
        found = ", ".join(queues + escpos)
        return Check("printers", OK, f"打印机：{found}", f"Printers: {found}")
    return Check(
        "printers",
        WARN,
        "没有找到打印机：回执、告知书和号票只保存为 PDF",
        "No printer found: receipts, notices and tickets are only saved as PDF",
        "安装 CUPS 并添加打印机（sudo apt-get install -y cups），热敏票据打印机接 USB（/dev/usb/lp0）",
        "Install CUPS and add the printer (sudo apt-get install -y cups); "
        "plug the thermal slip printer in by USB (/dev/usb/lp0)",
    )


def check_scanner() -> Check:
    listing = _run(["scanimage", "-L"], timeout=20)
    if listing is None:
        return Check(
            "scanner",
            WARN,
            "没有 SANE 扫描工具：只能从文件或监视文件夹导入扫描件",
            "No SANE tools: scans come from files or a watched folder only",
            "sudo apt-get install -y sane-utils",
            "sudo apt-get install -y sane-utils",
        )
    devices = [line for line in listing.splitlines() if line.startswith("device")]
    if not devices:
        return Check(
            "scanner",
            WARN,
            "没有连接扫描仪",
            "No scanner is connected",
            "接好扫描仪后运行 scanimage -L 确认",
            "Connect the scanner, then check with scanimage -L",
        )
    return Check("scanner", OK, f"扫描仪：{len(devices)} 台", f"Scanners: {len(devices)}")


def check_x_libraries() -> Check:
    from app.devices.system_libs import missing_for_qt_platform, qt_platform_plugin

    if not sys.platform.startswith("linux"):
        return Check("x11", OK, "不是 Linux：无需 X11 库", "Not Linux: no X11 libraries needed")
    if qt_platform_plugin("xcb") is None:
        return Check(
            "x11",
            FAIL,
            "没有找到 PySide6 的 X11 插件",
            "PySide6's X11 plugin was not found",
            "pip install PySide6",
            "pip install PySide6",
        )
    missing = missing_for_qt_platform("xcb")
    if missing:
        packages = " ".join(sorted(set(missing.values())))
        libs = ", ".join(missing)
        return Check(
            "x11",
            FAIL,
            f"窗口无法打开，缺少：{libs}",
            f"Windows cannot open, missing: {libs}",
            f"sudo apt-get install -y {packages}",
            f"sudo apt-get install -y {packages}",
        )
    return Check("x11", OK, "X11 所需系统库齐全", "All X11 libraries Qt needs are present")


def check_central_server(url: str) -> Check:
    server = _configured_server(url)
    if not server:
        return Check(
            "central_server",
            OK,
            "未配置中心服务器（本厅独立运行）",
            "No central server configured (the hall runs on its own)",
        )
    try:
        with urllib.request.urlopen(server, timeout=5):
            pass
    except urllib.error.HTTPError:
        pass  # it answered: reachable
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return Check(
            "central_server",
            WARN,
            f"连不上中心服务器 {server}：{reason}",
            f"Central server {server} unreachable: {reason}",
            "检查网络；断网期间大厅照常办理，恢复后自动同步",
            "Check the network; the hall keeps working and syncs when the link is back",
        )
    return Check("central_server", OK, f"中心服务器可达：{server}", f"Central server reachable: {server}")


def _configured_server(url: str) -> str:
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    from app.store.database import engine_for_looking, normalise_url

    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return ""
    engine = engine_for_looking(normalise_url(url))
    try:
        with engine.connect() as conn:
            if "sync_state" not in inspect(conn).get_table_names():
                return ""
            return str(conn.execute(text("SELECT server_url FROM sync_state LIMIT 1")).scalar() or "")
    except SQLAlchemyError:
        return ""
    finally:
        engine.dispose()


def run_checks(db_url: str) -> list[Check]:
    checks: list[Callable[[], Check]] = [
        lambda: check_database(db_url),
        check_fonts,
        check_voice,
        check_printers,
        check_scanner,
        check_x_libraries,
        lambda: check_central_server(db_url),
    ]
    return [c() for c in checks]


def cmd_doctor(args: argparse.Namespace) -> int:
    from app import settings

    results = run_checks(settings.db_url(args.db))
    failed = any(c.status == FAIL for c in results)
    if args.json:
        print(json.dumps({"ok": not failed, "checks": [asdict(c) for c in results]}, ensure_ascii=False))
    else:
        marks = {OK: "✓", WARN: "!", FAIL: "✗"}
        for c in results:
            print(f"{marks[c.status]} {c.name}: {c.found_zh} / {c.found_en}")
            if c.fix_zh:
                print(f"    → {c.fix_zh}" + (f"\n    → {c.fix_en}" if c.fix_en != c.fix_zh else ""))
    return 1 if failed else 0


def register(
    sub: argparse._SubParsersAction, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]
) -> None:
    doctor = with_db(sub.add_parser("doctor", help="what is missing on this machine and how to fix it"))
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=cmd_doctor)
