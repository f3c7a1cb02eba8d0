"""Argument types for the command line: a number within bounds, a calendar day. A bad value becomes
argparse's one-line "bad arguments" message (bilingual), never a traceback and never a silent clamp."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date


def int_between(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"应为整数 / not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"应在 {low} 到 {high} 之间 / must be from {low} to {high}: {value}")
        return value

    parse.__name__ = "int"
    return parse


def iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD / a date is YYYY-MM-DD: {text!r}") from None
