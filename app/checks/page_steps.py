"""Per-page checks: resolution, blank page, exposure, blur, 90-degree turn, skew, cut-off edges.

Messages name the measured value and the required one in words a counter clerk uses. Where a
measure is unsure (too little text, lines at the edge of the search range) the step stays silent:
a clean page must never be held up by a guess.
"""

from __future__ import annotations

from app.checks.config import A4_MM, DOCUMENT_KINDS, ID1_MM, MATERIAL_KINDS, PHOTO_MM, CheckConfig
from app.checks.findings import Finding, Severity
from app.checks.layout import EDGE_OF_SEARCH
from app.checks.measure import PageStats
from app.checks.steps import PageContext, PageStep, page_step, pct

_MIN_LINE_SCORE = 1.4  # profile peakiness of real text lines (clean pages: 1.8-2.4)

_PAPER_NAMES = {A4_MM: ("A4纸张", "an A4 page"), ID1_MM: ("身份证卡片", "an ID card"),
                PHOTO_MM: ("二寸照片", "a 2-inch photo")}
# paper sizes and scanner edges are not exact: a 150 dpi A4 scan measures 149.9 dpi
_DPI_TOLERANCE = 0.97
_EDGE_NAMES = {"top": ("上", "top"), "bottom": ("下", "bottom"), "left": ("左", "left"), "right": ("右", "right")}


def _documents(_: CheckConfig) -> frozenset[str]:
    return DOCUMENT_KINDS


def _with_text(_: CheckConfig) -> frozenset[str]:
    # the sharpness measure reads the edges of text; a portrait's smooth skin is not blur
    return frozenset(MATERIAL_KINDS) - {"photo"}


def effective_dpi(ctx: PageContext) -> tuple[float, str, str] | None:
    """Resolution of the scan and what it was measured against (zh, en), None if unknown."""
    page = ctx.page
    if page.source_px is None:
        return None
    if page.placed_in is not None:  # a PDF says how large it prints the scanned image
        size_in = page.placed_in
        basis = ("PDF 页面中的扫描图像", "the scanned image in the PDF page")
    else:
        mm = ctx.cfg.dpi.paper_mm.get(ctx.kind, A4_MM)
        size_in = (mm[0] / 25.4, mm[1] / 25.4)
        basis = _PAPER_NAMES.get(mm, (f"{mm[0]:g}×{mm[1]:g} mm", f"{mm[0]:g}x{mm[1]:g} mm"))
    px_long, px_short = max(page.source_px), min(page.source_px)
    in_long, in_short = max(size_in), min(size_in)
    if in_short <= 0:
        return None
    # long side against long side: the page may be scanned in either orientation
    return min(px_long / in_long, px_short / in_short), basis[0], basis[1]


@page_step("image.dpi", needs_content=False)
def check_dpi(ctx: PageContext) -> Finding | None:
    measured = effective_dpi(ctx)
    if measured is None:
        return None
    dpi, basis_zh, basis_en = measured
    rule = ctx.cfg.dpi
    if dpi >= rule.warn_below * _DPI_TOLERANCE:
        return None
    severity = Severity.BLOCK if dpi < rule.block_below * _DPI_TOLERANCE else Severity.WARN
    required = rule.block_below if severity is Severity.BLOCK else rule.warn_below
    return Finding(
        "image.dpi", severity, ctx.page.number,
        f"分辨率约 {dpi:.0f} dpi，低于要求的 {required:.0f} dpi（按{basis_zh}计算）；"
        "小字可能无法辨认，请提高分辨率重扫",
        f"Resolution is about {dpi:.0f} dpi, below the required {required:.0f} dpi (measured against "
        f"{basis_en}); small print may be unreadable, please rescan at a higher resolution",
        round(dpi, 1), required,
    )


def is_blank(stats: PageStats, cfg: CheckConfig) -> bool:
    return stats.ink_fraction < cfg.blank.max_ink_fraction


@page_step("image.blank", needs_content=False)
def check_blank(ctx: PageContext) -> Finding | None:
    if not is_blank(ctx.stats, ctx.cfg):
        return None
    share, limit = ctx.stats.ink_fraction, ctx.cfg.blank.max_ink_fraction
    # severity is settled per file: a blank back side among written pages is only a notice
    return Finding(
        "image.blank", ctx.cfg.blank.severity, ctx.page.number,
        f"空白页：有内容的面积仅 {pct(share)}，低于 {pct(limit)}",
        f"Blank page: only {pct(share)} of the page has any content, less than {pct(limit)}",
        round(share * 100, 4), round(limit * 100, 4),
    )


@page_step("image.exposure")
def check_exposure(ctx: PageContext) -> Finding | None:
    rule, stats = ctx.cfg.exposure, ctx.stats
    if stats.paper_level < rule.min_paper_level:
        return Finding(
            "image.exposure", rule.severity, ctx.page.number,
            f"图像过暗：纸张亮度 {stats.paper_level:.0f}，低于要求的 {rule.min_paper_level:.0f}（0-255）；请调亮后重扫",
            f"The scan is too dark: paper brightness {stats.paper_level:.0f} is below the required "
            f"{rule.min_paper_level:.0f} (0-255); please rescan brighter",
            stats.paper_level, rule.min_paper_level,
        )
    if stats.contrast < rule.min_contrast:
        return Finding(
            "image.exposure", rule.severity, ctx.page.number,
            f"图像过淡：文字与纸张的对比度 {stats.contrast:.0f}，低于要求的 {rule.min_contrast:.0f}；请加深后重扫",
            f"The scan is faded: contrast between text and paper is {stats.contrast:.0f}, below the "
            f"required {rule.min_contrast:.0f}; please rescan darker",
            stats.contrast, rule.min_contrast,
        )
    return None


@page_step("image.blur", kinds=_with_text)
def check_blur(ctx: PageContext) -> Finding | None:
    sharpness = ctx.stats.sharpness
    rule = ctx.cfg.blur
    if sharpness is None or sharpness >= rule.warn_below:
        return None
    severity = Severity.BLOCK if sharpness < rule.block_below else Severity.WARN
    required = rule.block_below if severity is Severity.BLOCK else rule.warn_below
    return Finding(
        "image.blur", severity, ctx.page.number,
        f"清晰度 {sharpness:.0f}，低于要求的 {required:.0f}（图像模糊）；请对焦后重扫",
        f"Sharpness {sharpness:.0f} is below the required {required:.0f} (blurred); please rescan in focus",
        round(sharpness, 1), required,
    )


def _too_blurred_for_lines(ctx: PageContext) -> bool:
    """Blurred past reading (a blocking blur finding): what is left of the text at the layout
    measure's threshold is blobs, not lines, and any direction read from them is a guess. The
    blur finding already asks for a new scan."""
    sharpness = ctx.stats.sharpness
    return sharpness is not None and sharpness < ctx.cfg.blur.block_below


def _turn_ratio(stats: PageStats) -> float:
    """How much more clearly the lines run down the page than across it."""
    lines = stats.lines
    # against the horizontal lines found anywhere, unless the best of those is no line direction
    # (the diagonals of a turned page's character grid); then against those within the vertical
    # search's range
    h_rival = max(lines.h_near if lines.h_diagonal else lines.h_score, lines.h_near)
    return lines.v_score / max(h_rival, 1e-9)


def _turned(stats: PageStats, cfg: CheckConfig) -> bool:
    lines, rule = stats.lines, cfg.orientation
    return (
        lines.points >= rule.min_ink_points
        and lines.v_score >= _MIN_LINE_SCORE
        and _turn_ratio(stats) >= rule.min_ratio
    )


def _blurred(ctx: PageContext) -> bool:
    """Blurred enough for a blur finding: thin strokes have faded below the layout measure's
    threshold while long rules and blobs of merged glyphs outlive them, so the way the lines run
    (a table's vertical rules pass for a page turned by 90 degrees) or the layout of the page
    is no longer the text's. The blur finding already asks for a new scan."""
    sharpness = ctx.stats.sharpness
    return sharpness is not None and sharpness < ctx.cfg.blur.warn_below


@page_step("image.orientation", kinds=_documents)
def check_orientation(ctx: PageContext) -> Finding | None:
    rule = ctx.cfg.orientation
    if _blurred(ctx):
        return None
    if _turned(ctx.stats, ctx.cfg):
        ratio = _turn_ratio(ctx.stats)  # the measure compared with the threshold, reported as such
        return Finding(
            "image.orientation", rule.severity, ctx.page.number,
            "页面方向旋转了 90°（文字行为竖向），请转正后重新扫描或保存",
            "The page is turned by 90 degrees (text lines run vertically); please turn it upright and rescan "
            "or save again",
            round(ratio, 2), rule.min_ratio,
        )
    votes = ctx.stats.upright
    if votes is None or votes.any_upright or -votes.total < rule.upside_down_votes:
        return None
    return Finding(
        "image.orientation", rule.severity, ctx.page.number,
        "页面上下颠倒（旋转了 180°，从版式判断），请转正后重新扫描或保存",
        "The page is upside down (turned by 180 degrees, judged from its layout); please turn it upright "
        "and rescan or save again",
        float(-votes.total), float(rule.upside_down_votes),
    )


@page_step("image.skew", kinds=_documents)
def check_skew(ctx: PageContext) -> Finding | None:
    lines, rule = ctx.stats.lines, ctx.cfg.skew
    if _too_blurred_for_lines(ctx):
        return None
    turned = _turned(ctx.stats, ctx.cfg)
    score, angle = (lines.v_score, lines.v_angle) if turned else (lines.h_score, lines.h_angle)
    if lines.points < ctx.cfg.orientation.min_ink_points or score < _MIN_LINE_SCORE:
        return None  # not enough text lines to tell
    if abs(angle) <= rule.max_degrees or abs(angle) >= EDGE_OF_SEARCH or (not turned and lines.h_diagonal):
        return None
    return Finding(
        "image.skew", rule.severity, ctx.page.number,
        f"页面倾斜 {abs(angle):.1f}°，超过允许的 {rule.max_degrees:g}°；请放正后重扫",
        f"The page is skewed by {abs(angle):.1f} degrees, more than the allowed {rule.max_degrees:g} degrees; "
        "please straighten it and rescan",
        abs(angle), rule.max_degrees,
    )


@page_step("image.cropped", kinds=_documents)
def check_cropped(ctx: PageContext) -> Finding | None:
    edge, share = ctx.stats.edges.worst
    rule = ctx.cfg.cropped
    if share < rule.min_edge_fraction:
        return None
    zh, en = _EDGE_NAMES[edge]
    return Finding(
        "image.cropped", rule.severity, ctx.page.number,
        f"内容在{zh}边缘被截断（该边 {pct(share)} 的长度有内容触边，允许 {pct(rule.min_edge_fraction)}）；请完整扫描",
        f"Content is cut off at the {en} edge ({pct(share)} of that edge is touched by content, "
        f"allowed {pct(rule.min_edge_fraction)}); please scan the whole page",
        round(share * 100, 2), round(rule.min_edge_fraction * 100, 2),
    )


PAGE_STEPS: tuple[PageStep, ...] = (
    check_dpi, check_blank, check_exposure, check_blur, check_orientation, check_skew, check_cropped,
)
