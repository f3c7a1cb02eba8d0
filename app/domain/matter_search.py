"""Finding a matter the way clerks type: by code, by Chinese name, or by pinyin initials.

Clerks at a busy window type "jzz" for 居住证 or "qykb" for 企业开办 rather than switching input
methods, so every name is indexed by its pinyin initials and its full pinyin as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

from app.domain.catalogue import Catalogue


@dataclass(frozen=True)
class SearchEntry:
    kind: str  # "matter" or "bundle"
    code: str
    name_zh: str
    name_en: str
    category: str
    initials: str
    pinyin: str


def _initials(text: str) -> str:
    return "".join(p[0] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore") if p).lower()


def _pinyin(text: str) -> str:
    return "".join(lazy_pinyin(text, errors="ignore")).lower()


class MatterIndex:
    """Built once per catalogue version (catalogues are immutable, so the index never goes stale)."""

    def __init__(self, catalogue: Catalogue) -> None:
        entries = [SearchEntry("bundle", b.code, b.name_zh, b.name_en, b.category, "", "") for b in catalogue.bundles]
        entries += [SearchEntry("matter", m.code, m.name_zh, m.name_en, m.category, "", "") for m in catalogue.matters]
        self.entries = tuple(
            SearchEntry(e.kind, e.code, e.name_zh, e.name_en, e.category, _initials(e.name_zh), _pinyin(e.name_zh))
            for e in entries
        )

    def search(self, query: str, limit: int = 50) -> list[SearchEntry]:
        """Best matches first; an empty query lists everything (bundles first, then by code)."""
        q = query.strip()
        if not q:
            return list(self.entries[:limit])
        low = q.lower().replace(" ", "")
        scored: list[tuple[int, int, SearchEntry]] = []
        for order, e in enumerate(self.entries):
            score = self._score(e, q, low)
            if score:
                scored.append((-score, order, e))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [e for _, _, e in scored[:limit]]

    @staticmethod
    def _score(e: SearchEntry, q: str, low: str) -> int:
        code = e.code.lower()
        if low == code:
            return 100
        if code.startswith(low):
            return 90
        if e.name_zh.startswith(q):
            return 80
        if q in e.name_zh:
            return 70
        if low.isascii():
            if e.initials.startswith(low):
                return 60
            if low in e.initials:
                return 50
            if len(low) >= 2 and low in e.pinyin:
                return 40
            if len(low) >= 3 and low in e.name_en.lower():
                return 30
        return 0
