"""Catalogue use cases: import published versions, look matters up, search, preview checklists.

Versions are immutable and numbered per hall. Importing the same content again is a no-op, so the
sync agent (or an operator) can re-apply a published catalogue any number of times.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.domain.catalogue import (
    Bundle,
    Catalogue,
    CatalogueError,
    MaterialSpec,
    Matter,
    combine,
    departments,
    merge_materials,
    parse_catalogue,
)
from app.domain.errors import UserError
from app.domain.matter_search import MatterIndex
from app.domain.settings_schema import HallSettings
from app.domain.workdays import WorkdayCalendar
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.intake_views import BundleView, CatalogueVersionView, MaterialView, MatterView, SearchHit
from app.store.database import Database
from app.store.models_intake import CatalogueVersion

log = logging.getLogger("onewindow.catalogue")

CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "resources" / "catalogue"
SAMPLE_CATALOGUE = CATALOGUE_DIR / "catalogue.json"
DEFAULT_CALENDAR = CATALOGUE_DIR / "calendar.json"


def load_calendar(path: Path | None = None, extra: dict[str, Any] | None = None) -> WorkdayCalendar:
    """The working-day calendar file, plus a hall's own extra closing days and make-up days."""
    spec = json.loads(Path(path or DEFAULT_CALENDAR).read_text(encoding="utf-8"))
    if extra:
        spec = {
            **spec,
            "holidays": [*spec.get("holidays", []), *extra.get("holidays", [])],
            "makeup_workdays": [*spec.get("makeup_workdays", []), *extra.get("makeup_workdays", [])],
        }
    return WorkdayCalendar.from_dict(spec)


def hall_calendar(db: Database, hall_code: str | None = None) -> WorkdayCalendar:
    """The calendar a hall counts deadlines with: the version published centrally when the hall has pulled one
    (同源发布), else the file shipped with the application; plus the hall's own extra days either way."""
    try:
        with db.read() as s:
            settings = dict(load_hall(s, hall_code).settings or {})
    except UserError:
        return load_calendar()  # no hall yet: nothing of its own to add
    typed = HallSettings.of(settings)
    central = typed.central_calendar
    extra = typed.calendar_extra.model_dump() if typed.calendar_extra else None
    if isinstance(central, dict) and isinstance(central.get("spec"), dict):
        spec = central["spec"]
        if extra:
            spec = {
                **spec,
                "holidays": [*spec.get("holidays", []), *extra["holidays"]],
                "makeup_workdays": [*spec.get("makeup_workdays", []), *extra["makeup_workdays"]],
            }
        return WorkdayCalendar.from_dict(spec)
    return load_calendar(extra=extra)


def content_hash(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def material_view(m: MaterialSpec) -> MaterialView:
    return MaterialView(
        m.key,
        m.name_zh,
        m.name_en,
        m.kind,
        str(m.form),
        m.count,
        m.sides,
        m.colour_required,
        m.min_dpi,
        str(m.requirement),
        m.condition_zh,
        m.condition_en,
        m.e_licence,
        m.rongque,
        m.commitment,
        m.for_matters,
    )


def spec_to_json(m: MaterialSpec) -> dict[str, Any]:
    data = asdict(m)
    data["form"], data["requirement"], data["for_matters"] = str(m.form), str(m.requirement), list(m.for_matters)
    return data


def spec_from_json(data: dict[str, Any]) -> MaterialSpec:
    from app.domain.catalogue import MaterialForm, Requirement

    return MaterialSpec(
        **{
            **data,
            "form": MaterialForm(data["form"]),
            "requirement": Requirement(data["requirement"]),
            "for_matters": tuple(data.get("for_matters", ())),
        }
    )


def matter_view(m: Matter) -> MatterView:
    return MatterView(
        m.code,
        m.name_zh,
        m.name_en,
        m.department_zh,
        m.department_en,
        m.category,
        str(m.kind),
        m.legal_days,
        m.promised_days,
        m.fee_fen,
        m.fee_note_zh,
        m.fee_note_en,
        m.online,
        m.offline,
        tuple(material_view(x) for x in m.materials),
    )


def bundle_view(c: Catalogue, b: Bundle) -> BundleView:
    members = c.bundle_matters(b)
    facts = combine(members, b)
    department_zh, department_en = departments(members)
    return BundleView(
        b.code,
        b.name_zh,
        b.name_en,
        b.category,
        tuple(matter_view(m) for m in members),
        facts.promised_days,
        facts.fee_fen,
        b.note_zh,
        b.note_en,
        tuple(material_view(x) for x in merge_materials(members, b.unified_form)),
        department_zh,
        department_en,
        str(facts.matter_kind),
        facts.legal_days,
    )


def matter_hit(m: Matter) -> SearchHit:
    return SearchHit("matter", m.code, m.name_zh, m.name_en, m.category, m.department_zh, m.department_en,
                     m.promised_days, str(m.kind))


def bundle_hit(c: Catalogue, b: Bundle) -> SearchHit:
    members = c.bundle_matters(b)
    facts = combine(members, b)
    department_zh, department_en = departments(members)
    return SearchHit("bundle", b.code, b.name_zh, b.name_en, b.category, department_zh, department_en,
                     facts.promised_days, str(facts.matter_kind))


def read_catalogue_file(path: Path) -> dict[str, Any]:
    """A catalogue JSON file, read and checked before anything is written (BadInputFile otherwise)."""
    from app.userfiles import read_json_file

    data = read_json_file(path, "事项清单", "catalogue")
    parse_catalogue(data)  # type: ignore[arg-type]  # parse_catalogue checks the shape itself
    assert isinstance(data, dict)
    return data


class CatalogueService:
    def __init__(self, db: Database, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code
        self._cache: dict[tuple[str, int], tuple[Catalogue, MatterIndex]] = {}
        self._lock = threading.Lock()

    # ---- versions ----------------------------------------------------------------------------------------

    def import_catalogue(self, data: dict[str, Any]) -> CatalogueVersionView:
        """Store `data` as the next version (validated first); the same content twice is one version."""
        parsed = parse_catalogue(data)
        sha = content_hash(data)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            existing = s.scalars(
                select(CatalogueVersion).where(
                    CatalogueVersion.hall_id == hall.id, CatalogueVersion.content_sha256 == sha
                )
            ).first()
            if existing is not None:
                return self._version_view(existing, parsed, created=False)
            last = s.scalar(select(func.max(CatalogueVersion.number)).where(CatalogueVersion.hall_id == hall.id))
            row = CatalogueVersion(
                hall_id=hall.id,
                number=(last or 0) + 1,
                label=parsed.label,
                content_sha256=sha,
                content=data,
                imported_at=self.clock(),
            )
            s.add(row)
            s.flush()
            log.info("catalogue version %s imported (%d matters)", row.number, len(parsed.matters))
            return self._version_view(row, parsed, created=True)

    def import_file(self, path: Path) -> CatalogueVersionView:
        return self.import_catalogue(read_catalogue_file(path))

    def ensure_sample(self) -> CatalogueVersionView:
        """The sample catalogue, imported once (for the demo and a fresh hall)."""
        return self.import_file(SAMPLE_CATALOGUE)

    @staticmethod
    def _version_view(row: CatalogueVersion, parsed: Catalogue, created: bool) -> CatalogueVersionView:
        return CatalogueVersionView(
            row.number,
            row.label,
            row.content_sha256,
            row.imported_at,
            len(parsed.matters),
            len(parsed.bundles),
            created,
        )

    def current_number(self) -> int:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            number = s.scalar(select(func.max(CatalogueVersion.number)).where(CatalogueVersion.hall_id == hall.id))
        if number is None:
            raise CatalogueError(
                "本大厅还没有导入事项清单", "No service catalogue has been imported for this hall", code="no_catalogue"
            )
        return int(number)

    def catalogue(self, number: int | None = None) -> Catalogue:
        return self._load(number)[0]

    def _load(self, number: int | None) -> tuple[Catalogue, MatterIndex]:
        number = number if number is not None else self.current_number()
        with self.db.read() as s:
            hall_id = load_hall(s, self.hall_code).id
            with self._lock:
                cached = self._cache.get((hall_id, number))
            if cached is not None:
                return cached
            row = s.scalars(
                select(CatalogueVersion).where(CatalogueVersion.hall_id == hall_id, CatalogueVersion.number == number)
            ).first()
            if row is None:
                raise CatalogueError(f"没有第 {number} 版事项清单", f"No catalogue version {number}", code="not_found")
            content = row.content
        parsed = parse_catalogue(content)
        entry = (parsed, MatterIndex(parsed))
        with self._lock:
            self._cache[(hall_id, number)] = entry  # versions never change, so this never goes stale
        return entry

    # ---- queries -----------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        catalogue, index = self._load(None)
        hits = []
        for e in index.search(query, limit):
            if e.kind == "bundle":
                hits.append(bundle_hit(catalogue, catalogue.bundle(e.code)))
            else:
                hits.append(matter_hit(catalogue.matter(e.code)))
        return hits

    def matter(self, code: str, version: int | None = None) -> MatterView:
        return matter_view(self.catalogue(version).matter(code))

    def bundle(self, code: str, version: int | None = None) -> BundleView:
        c = self.catalogue(version)
        return bundle_view(c, c.bundle(code))

    def preview_checklist(self, matter_codes: Sequence[str], bundle_code: str | None = None) -> list[MaterialView]:
        c = self.catalogue()
        matters, form = resolve(c, matter_codes, bundle_code)
        return [material_view(m) for m in merge_materials(matters, form)]


def resolve(
    c: Catalogue, matter_codes: Sequence[str], bundle_code: str | None
) -> tuple[tuple[Matter, ...], MaterialSpec | None]:
    """The matters of a selection (a bundle's members first, then extra matters) and the unified form."""
    matters: list[Matter] = []
    form = None
    if bundle_code:
        b = c.bundle(bundle_code)
        matters.extend(c.bundle_matters(b))
        form = b.unified_form
    for code in matter_codes:
        if all(m.code != code for m in matters):
            matters.append(c.matter(code))
    if not matters:
        raise CatalogueError("请至少选择一个事项", "Choose at least one matter", code="rule")
    return tuple(matters), form
