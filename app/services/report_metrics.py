"""Counting for reports: one accumulator per breakdown key, turned into plain frozen rows at the end.

Pure Python over rows the report service read from queue events, case history and ratings; no I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

GOOD_LEVELS = (5, 4, 3)  # 好评: 非常满意, 满意, 基本满意 (好差评 counts 基本满意 as good)


@dataclass(frozen=True)
class Metrics:
    key: str
    name: str
    arrived: int
    served: int
    served_pct: float | None
    no_show: int
    no_show_pct: float | None
    walk_outs: int  # never called by the end of their service day (left without being served)
    transfers: int
    called: int
    within_target: int
    service_level: float | None  # % of called tickets called within the category's target wait
    avg_wait_min: float | None
    max_wait_min: float | None
    avg_service_min: float | None
    max_service_min: float | None
    tickets_per_hour: float | None
    ratings: dict[str, int]  # "5".."1" -> count
    rated: int
    good_rate: float | None  # 好评率 %
    cases_accepted: int  # 受理 (including 容缺)
    cases_rongque: int  # 容缺受理
    cases_refused: int  # 不予受理
    cases_returned: int  # 退回件 (sent back for supplement)
    cases_overdue: int  # 超期件
    cases_concluded: int
    cases_early: int  # concluded before the promised date
    early_rate: float | None  # 提前办结率 %


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _avg(total: float, n: int) -> float | None:
    return round(total / n, 1) if n else None


ADDITIVE = (
    "arrived", "served", "no_show", "walk_outs", "transfers", "called", "within_target", "wait_sum", "service_n",
    "service_sum", "accepted", "rongque", "refused", "returned", "overdue", "concluded", "early",
)  # fmt: skip


@dataclass
class Acc:
    name: str = ""
    arrived: int = 0
    served: int = 0
    no_show: int = 0
    walk_outs: int = 0
    transfers: int = 0
    called: int = 0
    within_target: int = 0
    wait_sum: float = 0.0
    wait_max: float | None = None
    service_n: int = 0
    service_sum: float = 0.0
    service_max: float | None = None
    busy_hours: set[tuple[date, int]] = field(default_factory=set)
    ratings: dict[int, int] = field(default_factory=lambda: {5: 0, 4: 0, 3: 0, 2: 0, 1: 0})
    accepted: int = 0
    rongque: int = 0
    refused: int = 0
    returned: int = 0
    overdue: int = 0
    concluded: int = 0
    early: int = 0

    def wait(self, minutes: float, within: bool) -> None:
        self.called += 1
        self.within_target += int(within)
        self.wait_sum += minutes
        self.wait_max = minutes if self.wait_max is None else max(self.wait_max, minutes)

    def service(self, minutes: float, finished_local: datetime) -> None:
        self.served += 1
        self.service_n += 1
        self.service_sum += minutes
        self.service_max = minutes if self.service_max is None else max(self.service_max, minutes)
        self.busy_hours.add((finished_local.date(), finished_local.hour))

    def merge(self, other: Acc) -> None:
        """Add `other` in (a breakdown row is the merge of the fine cells that belong to it)."""
        for name in ADDITIVE:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("wait_max", "service_max"):
            mine, theirs = getattr(self, name), getattr(other, name)
            setattr(self, name, theirs if mine is None else mine if theirs is None else max(mine, theirs))
        self.busy_hours |= other.busy_hours
        for level, n in other.ratings.items():
            self.ratings[level] += n

    def metrics(self, key: str) -> Metrics:
        rated = sum(self.ratings.values())
        good = sum(self.ratings[x] for x in GOOD_LEVELS)
        return Metrics(
            key=key,
            name=self.name or key,
            arrived=self.arrived,
            served=self.served,
            served_pct=_pct(self.served, self.arrived),
            no_show=self.no_show,
            no_show_pct=_pct(self.no_show, self.arrived),
            walk_outs=self.walk_outs,
            transfers=self.transfers,
            called=self.called,
            within_target=self.within_target,
            service_level=_pct(self.within_target, self.called),
            avg_wait_min=_avg(self.wait_sum, self.called),
            max_wait_min=None if self.wait_max is None else round(self.wait_max, 1),
            avg_service_min=_avg(self.service_sum, self.service_n),
            max_service_min=None if self.service_max is None else round(self.service_max, 1),
            tickets_per_hour=_avg(self.served, len(self.busy_hours)),
            ratings={str(k): v for k, v in sorted(self.ratings.items(), reverse=True)},
            rated=rated,
            good_rate=_pct(good, rated),
            cases_accepted=self.accepted,
            cases_rongque=self.rongque,
            cases_refused=self.refused,
            cases_returned=self.returned,
            cases_overdue=self.overdue,
            cases_concluded=self.concluded,
            cases_early=self.early,
            early_rate=_pct(self.early, self.concluded),
        )


@dataclass(frozen=True)
class AssessmentRow:
    """One line of the monthly 窗口考核 sheet: the components (0..100) and the weighted score."""

    kind: str  # "window" | "clerk"
    key: str
    name: str
    served: int
    service_level: float | None
    good_rate: float | None
    cases_overdue: int
    cases_returned: int
    components: dict[str, float]
    score: float
    rank: int


def assess(kind: str, rows: list[Metrics], weights: dict[str, int]) -> list[AssessmentRow]:
    """Weighted score per window or clerk: served (relative to the busiest), service level, satisfaction,
    no overdue and no returned cases (as shares of the cases taken in). Missing data counts as full marks, so a
    window or clerk that served nobody in the period is not assessed at all (it would rank first on no work)."""
    rows = [m for m in rows if m.served > 0]
    busiest = max((m.served for m in rows), default=0)
    total_weight = sum(weights.values()) or 1
    scored = []
    for m in rows:
        cases = max(1, m.cases_accepted)
        comp = {
            "served": 100.0 * m.served / busiest if busiest else 100.0,
            "service_level": m.service_level if m.service_level is not None else 100.0,
            "satisfaction": m.good_rate if m.good_rate is not None else 100.0,
            "no_overdue": 100.0 * max(0.0, 1 - m.cases_overdue / cases),
            "no_returned": 100.0 * max(0.0, 1 - m.cases_returned / cases),
        }
        score = sum(weights.get(k, 0) * v for k, v in comp.items()) / total_weight
        scored.append((m, {k: round(v, 1) for k, v in comp.items()}, round(score, 1)))
    scored.sort(key=lambda x: (-x[2], x[0].key))
    return [
        AssessmentRow(kind, m.key, m.name, m.served, m.service_level, m.good_rate, m.cases_overdue,
                      m.cases_returned, comp, score, i + 1)
        for i, (m, comp, score) in enumerate(scored)
    ]  # fmt: skip
