"""``onewindow check FILE... [--material KIND] [--json]``: run the material checks from a shell.

Exit code 0 when nothing blocks, 1 when any file has a blocking finding (a missing or broken file
is such a finding, not a traceback), 2 for usage errors. ``--json`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.checks.config import MATERIAL_KINDS, CheckConfig
from app.checks.findings import CheckReport, Severity
from app.checks.pipeline import check_file
from app.domain.errors import BadInputFile, UserError
from app.userfiles import read_json_object

_VERDICT = {
    Severity.BLOCK: ("不可受理", "cannot be accepted"),
    Severity.WARN: ("需窗口人员确认", "clerk to decide"),
    Severity.INFO: ("可受理", "can be accepted"),
    None: ("可受理", "can be accepted"),
}
_MARK = {Severity.BLOCK: "✗", Severity.WARN: "!", Severity.INFO: "i"}


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would sys.exit(2); we return 2 instead
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="onewindow check", description="检查扫描材料 / check scanned materials")
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF, JPEG, PNG or TIFF files")
    p.add_argument("--material", default="other", choices=MATERIAL_KINDS, help="material kind (default: other)")
    p.add_argument("--expected-id", default=None,
                   help="ID number or credit code entered by the clerk, compared with the document's QR code")
    p.add_argument("--expected-name", default=None,
                   help="name (or company name) entered by the clerk, compared with the name read by OCR")
    p.add_argument("--config", type=Path, default=None, help="JSON file overriding check thresholds")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--show-personal", action="store_true",
                   help="print the fields read by OCR unmasked (names, numbers, addresses)")
    return p


def _printable(text: str) -> str:
    """File names may hold newlines or control characters; show them escaped on one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a console that cannot show Chinese still gets the English
        encoding = sys.stdout.encoding or "ascii"
        sys.stdout.write(text.encode(encoding, errors="backslashreplace").decode(encoding))


def _human(report: CheckReport) -> str:
    worst = report.worst_severity
    zh, en = _VERDICT[worst]
    kind = (report.detected_type or "?").upper()
    pages = f", {report.page_count} 页 pages" if report.page_count is not None else ""
    lines = [f"{_printable(report.path)}  [{kind}{pages}]  {zh} / {en}"]
    for f in report.findings:
        where = f"第{f.page}页 p.{f.page} " if f.page is not None else ""
        lines.append(f"  {_MARK[f.severity]} [{f.severity}] {where}{f.check_id}: {f.message_zh}")
        lines.append(f"      {f.message_en}")
    for payload in report.qr_payloads:
        lines.append(f"  二维码 QR: {_printable(payload)}")
    if not report.findings:
        lines.append("  ✓ 未发现问题 / no problems found")
    return "\n".join(lines) + "\n"


def summary(reports: Sequence[CheckReport]) -> dict[str, Any]:
    worst = [r.worst_severity for r in reports]
    overall = max((w for w in worst if w is not None), key=lambda s: s.rank, default=None)
    return {
        "total": len(reports),
        "blocked": sum(w is Severity.BLOCK for w in worst),
        "warned": sum(w is Severity.WARN for w in worst),
        "passed": sum(w not in (Severity.BLOCK, Severity.WARN) for w in worst),
        "worst_severity": str(overall) if overall is not None else None,
        "exit_code": 1 if overall is Severity.BLOCK else 0,
    }


def _load_config(path: Path | None) -> CheckConfig:
    if path is None:
        return CheckConfig()
    data = read_json_object(path, "检查阈值", "check thresholds")  # BadInputFile for a file that is not one
    try:
        return CheckConfig.from_dict(data)
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise BadInputFile(
            f"检查阈值文件 {path} 的内容不对：{exc}", f"The check thresholds {path} are wrong: {exc}"
        ) from None


def run(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
        cfg = _load_config(args.config)
    except _UsageError as exc:
        sys.stderr.write(f"onewindow check: {exc}\n")
        return 2
    except UserError as exc:  # a bad --config file: one bilingual line, like every other command
        sys.stderr.write(f"错误 / error: onewindow check --config: {exc.bilingual()}\n")
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0) if isinstance(exc.code, int | None) else 2
    reports = [check_file(f, args.material, cfg, args.expected_id, args.expected_name) for f in args.files]
    result = summary(reports)
    if args.json:
        files = [r.to_dict(args.show_personal) for r in reports]
        _write(json.dumps({"files": files, "summary": result}, ensure_ascii=False) + "\n")
    else:
        for report in reports:
            _write(_human(report))
            if report.extracted:
                shown = report.to_dict(args.show_personal)["extracted"]
                _write("  识别 OCR: " + _printable(json.dumps(shown, ensure_ascii=False)) + "\n")
        _write(f"共 {result['total']} 个文件：{result['blocked']} 个不可受理，{result['warned']} 个需确认，"
               f"{result['passed']} 个可受理 / {result['total']} files: {result['blocked']} blocked, "
               f"{result['warned']} to decide, {result['passed']} passed\n")
    return int(result["exit_code"])


if __name__ == "__main__":  # pragma: no cover - `python -m app.checks.cli FILE...`
    raise SystemExit(run(sys.argv[1:]))
