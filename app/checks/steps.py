"""The check-step framework: a step has a stable id, the material kinds it applies to and a
function from a page (with its shared measurements) to at most one finding.

Severities and thresholds come from the CheckConfig section of the step, so a hall can tune them
without touching code.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from app.checks.config import MATERIAL_KINDS, CheckConfig
from app.checks.findings import Finding
from app.checks.measure import PageStats
from app.checks.page import PageImage


@dataclass(frozen=True)
class PageContext:
    page: PageImage
    stats: PageStats
    cfg: CheckConfig
    kind: str


KindsOf = Callable[[CheckConfig], Collection[str]]


def all_kinds(_: CheckConfig) -> Collection[str]:
    return MATERIAL_KINDS


@dataclass(frozen=True)
class PageStep:
    check_id: str
    kinds: KindsOf
    run: Callable[[PageContext], Finding | None]
    needs_content: bool = True  # skipped on blank pages, where there is nothing to measure

    def applies_to(self, kind: str, cfg: CheckConfig) -> bool:
        return kind in self.kinds(cfg)


def page_step(check_id: str, kinds: KindsOf = all_kinds, needs_content: bool = True
              ) -> Callable[[Callable[[PageContext], Finding | None]], PageStep]:
    """Decorator turning a function into a PageStep."""

    def wrap(fn: Callable[[PageContext], Finding | None]) -> PageStep:
        return PageStep(check_id, kinds, fn, needs_content)

    return wrap


def run_page_steps(steps: Collection[PageStep], ctx: PageContext, blank: bool) -> list[Finding]:
    findings: list[Finding] = []
    for step in steps:
        if not step.applies_to(ctx.kind, ctx.cfg) or (blank and step.needs_content):
            continue
        finding = step.run(ctx)
        if finding is not None:
            findings.append(finding)
    return findings


def pct(x: float) -> str:
    """A share as a percentage for messages: 0.0003 -> '0.03%'."""
    return f"{x * 100:.2f}%"
