"""Build the bundled CJK font subset (a one-off build step, not a runtime dependency).

Takes the Simplified Chinese face of Noto Sans CJK (SIL OFL 1.1) from Debian's ``fonts-noto-cjk``
TTC files and keeps only what a service hall prints and shows: ASCII, Latin-1, common punctuation and
symbols, CJK punctuation, full-width forms, every GB2312 character, plus every hanzi found in the
repository's source and resource files. The family is renamed so it never clashes with a system-wide
Noto Sans CJK install.

Needs fontTools (``pip install --target /tmp/ft fonttools``), then, from the repository root::

    PYTHONPATH=/tmp/ft python3 resources/fonts/build_subset.py

Re-run it whenever new, uncommon hanzi appear in the sources (tests/ui/printing/test_fonts.py
fails and names them).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
SC_INDEX = 2  # face order in NotoSansCJK-*.ttc: JP, KR, SC, TC, HK, then the Mono faces

FAMILY = "Noto Sans SC Subset"
PS_FAMILY = "NotoSansSCSubset"
STYLES = ("Regular", "Bold")

# Ranges (inclusive) kept regardless of the text scan.
RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement: ·, ×, ÷, ©, accented names
    (0x2010, 0x2027),  # dashes, quotes, ellipsis, bullets
    (0x2030, 0x203B),  # ‰, ′, ″, ※
    (0x2103, 0x2103),  # ℃
    (0x2116, 0x2116),  # №
    (0x2160, 0x216B),  # Ⅰ..Ⅻ
    (0x2190, 0x2199),  # arrows
    (0x2460, 0x249B),  # ①..⒛ list markers
    (0x25A0, 0x25EF),  # ■□▲△○●◎ status marks
    (0x2605, 0x2606),  # ★☆ ratings
    (0x2713, 0x2717),  # ✓✔✕✖✗ check results
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x30FB, 0x30FB),  # ・
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width and half-width forms
)

# Hanzi the product needs that GB2312 lacks: UI words plus name and place characters common in
# Zhejiang and Jiangsu (a citizen's name must never print as a box).
EXTRA_TEXT = (
    "长辈版适老一窗通好差评办件出件叫号取号过号"
    "甪堃喆赟昇玥珺祎旸淏熠瑄璟彧媖嫚琤茆珏昉晔翀燊垚淼鑫犇骉焱"
    "婧妤嫣娉娴姝婕嫒琦琰瑾瑜璐璇琬琨珂珩钰铭锟锴颢颖湉澍沅泓澈"
    "祺禧禛祯稹昀昊昶晗晞暄曦煜炜烨炀焕熙烜翊翎翔骞骅骐骢骁"
)

SCAN_SUFFIXES = {".py", ".json", ".ts", ".md", ".qss", ".toml", ".txt", ".yaml", ".yml"}
SKIP_DIRS = {".git", ".venv", "node_modules", "__pycache__", "artifacts", ".mypy_cache", ".ruff_cache"}
HANZI_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def gb2312_chars() -> set[str]:
    """Every character of GB2312 (rows 0xA1-0xF7), found by decoding each code point."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def repo_hanzi(root: Path) -> set[str]:
    found: set[str] = set()
    for path in root.rglob("*"):
        if path.suffix not in SCAN_SUFFIXES or SKIP_DIRS.intersection(path.parts) or not path.is_file():
            continue
        try:
            found.update(HANZI_RE.findall(path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, OSError):
            continue
    return found


def wanted_codepoints(root: Path) -> set[int]:
    cps = {cp for lo, hi in RANGES for cp in range(lo, hi + 1)}
    cps.update(ord(c) for c in gb2312_chars())
    cps.update(ord(c) for c in repo_hanzi(root))
    cps.update(ord(c) for c in EXTRA_TEXT)
    return cps


def rename(font: TTFont, style: str) -> None:
    """Give the subset its own family name (OFL: a modified version; no Reserved Font Name used)."""
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    ps_name = f"{PS_FAMILY}-{style}"
    names = {1: FAMILY, 2: style, 3: f"2.004;ONEWINDOW;{ps_name}", 4: full, 6: ps_name}
    name_table = font["name"]
    for rec in list(name_table.names):
        if rec.nameID in (16, 17):  # typographic family/style: identical to 1/2 here
            name_table.removeNames(nameID=rec.nameID)
    for name_id, value in names.items():
        name_table.setName(value, name_id, 3, 1, 0x409)
        name_table.setName(value, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        top = cff[cff.fontNames[0]]
        top.FullName, top.FamilyName = full, FAMILY
        cff.fontNames[0] = ps_name


def build(style: str, codepoints: set[int], out_dir: Path) -> Path:
    src = NOTO_DIR / f"NotoSansCJK-{style}.ttc"
    options = subset.Options()
    options.name_IDs = ["*"]  # keep copyright, licence and licence URL records
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = True
    font = TTFont(src, fontNumber=SC_INDEX, lazy=False, recalcTimestamp=False)  # reproducible output
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    rename(font, style)
    out = out_dir / f"NotoSansSC-Subset-{style}.otf"
    font.save(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="tree scanned for hanzi")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    cps = wanted_codepoints(args.root)
    print(f"{len(cps)} code points")
    for style in STYLES:
        out = build(style, cps, args.out)
        print(f"{out}: {out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
