#!/usr/bin/python3
"""Builds the client's font files from Debian's font packages (wasm/CMakeLists.txt runs it).

First load (preloaded into skolnav.data): Inter Regular and SemiBold cut to the code points
Inter has (Latin with its extensions, Greek, Cyrillic, punctuation, symbols), without the
OpenType layout tables ImGui never reads; Font Awesome cut to the icons in app/icons.hpp.

Loaded lazily (web/fonts/NAME.ttf, fetched when a text needs one of their code points):
fallback files, each holding only code points that no file before it has, so every code
point maps to exactly one file. The coverage of every file goes into a generated C++
table (app/font_manifest.hpp) the client looks code points up in.

Usage: subset_fonts.py ICONS_HPP PRELOAD_DIR LAZY_DIR MANIFEST_CPP
"""
import gzip
import io
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

INTER = "/usr/share/fonts/opentype/inter"
NOTO = "/usr/share/fonts/truetype/noto"
SYMBOLA = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"

# Inter's own coverage within these blocks is shipped on the first load.
FIRST_LOAD_BLOCKS = [
    (0x0020, 0x036F),  # Latin, Latin-1, Extended-A/B, IPA, modifier letters, combining marks
    (0x0370, 0x052F),  # Greek, Cyrillic (+ supplement)
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2000, 0x2BFF),  # punctuation, currency, letterlike, arrows, math, shapes, symbols
    (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),  # Latin Extended-C/D/E
    (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F),  # Cyrillic Extended
]

# Lazily loaded, in the order a code point is looked for: (file name, source, blocks or None = all).
ALL = [(0, 0x10FFFF)]
LAZY = [
    ("latin-greek-cyrillic", f"{NOTO}/NotoSans-Regular.ttf", ALL),
    ("hebrew", f"{NOTO}/NotoSansHebrew-Regular.ttf", ALL),
    ("arabic", f"{NOTO}/NotoSansArabic-Regular.ttf", ALL),
    ("syriac", f"{NOTO}/NotoSansSyriac-Regular.ttf", ALL),
    ("thaana", f"{NOTO}/NotoSansThaana-Regular.ttf", ALL),
    ("devanagari", f"{NOTO}/NotoSansDevanagari-Regular.ttf", ALL),
    ("bengali", f"{NOTO}/NotoSansBengali-Regular.ttf", ALL),
    ("gurmukhi", f"{NOTO}/NotoSansGurmukhi-Regular.ttf", ALL),
    ("gujarati", f"{NOTO}/NotoSansGujarati-Regular.ttf", ALL),
    ("tamil", f"{NOTO}/NotoSansTamil-Regular.ttf", ALL),
    ("telugu", f"{NOTO}/NotoSansTelugu-Regular.ttf", ALL),
    ("kannada", f"{NOTO}/NotoSansKannada-Regular.ttf", ALL),
    ("malayalam", f"{NOTO}/NotoSansMalayalam-Regular.ttf", ALL),
    ("sinhala", f"{NOTO}/NotoSansSinhala-Regular.ttf", ALL),
    ("thai", f"{NOTO}/NotoSansThai-Regular.ttf", ALL),
    ("lao", f"{NOTO}/NotoSansLao-Regular.ttf", ALL),
    ("khmer", f"{NOTO}/NotoSansKhmer-Regular.ttf", ALL),
    ("myanmar", f"{NOTO}/NotoSansMyanmar-Regular.ttf", ALL),
    ("armenian", f"{NOTO}/NotoSansArmenian-Regular.ttf", ALL),
    ("georgian", f"{NOTO}/NotoSansGeorgian-Regular.ttf", ALL),
    ("ethiopic", f"{NOTO}/NotoSansEthiopic-Regular.ttf", ALL),
    ("tifinagh", f"{NOTO}/NotoSansTifinagh-Regular.ttf", ALL),
    # Symbola (monochrome) in parts, so one smiley does not fetch every pictograph.
    ("symbols", SYMBOLA, [(0, 0xFFFF)]),
    ("math-music", SYMBOLA, [(0x10000, 0x1EFFF)]),
    ("emoji-faces", SYMBOLA, [(0x1F600, 0x1F64F), (0x1F900, 0x1F9FF)]),
    ("emoji-objects", SYMBOLA, [(0x1F300, 0x1F5FF)]),
    ("emoji-more", SYMBOLA, [(0x1F000, 0x10FFFF)]),
]


def cmap_in(path, blocks):
    return {cp for cp in TTFont(path).getBestCmap() if any(a <= cp <= b for a, b in blocks)}


def cut(source, codepoints, out_path):
    options = subset.Options()
    options.layout_features = []  # ImGui neither shapes nor kerns
    options.hinting = False
    options.name_IDs = ["*"]      # keeps the licence and copyright notices
    options.notdef_outline = True
    font = subset.load_font(source, options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    with open(out_path, "wb") as f:
        f.write(data)
    return len(data)


def runs(codepoints):
    out = []
    for cp in sorted(codepoints):
        if out and out[-1][1] + 1 == cp:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def main():
    icons_hpp, preload_dir, lazy_dir, manifest = sys.argv[1:5]
    os.makedirs(preload_dir, exist_ok=True)
    os.makedirs(lazy_dir, exist_ok=True)

    inter = cmap_in(f"{INTER}/Inter-Regular.otf", FIRST_LOAD_BLOCKS)
    semibold = cmap_in(f"{INTER}/Inter-SemiBold.otf", FIRST_LOAD_BLOCKS)
    cut(f"{INTER}/Inter-Regular.otf", inter, f"{preload_dir}/Inter-Regular.otf")
    cut(f"{INTER}/Inter-SemiBold.otf", semibold, f"{preload_dir}/Inter-SemiBold.otf")
    icons = {int(h, 16) for h in re.findall(r"X\(\s*\w+\s*,\s*0x([0-9A-Fa-f]+)", open(icons_hpp).read())}
    cut("/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf", icons, f"{preload_dir}/icons.ttf")

    covered = set(inter)
    files = [("", runs(inter))]
    lazy_count = 0
    for name, source, blocks in LAZY:
        own = cmap_in(source, blocks) - covered
        own = {cp for cp in own if cp >= 0x20}
        if not own:
            continue
        path = f"{lazy_dir}/{name}.ttf"
        cut(source, own, path)
        with open(path, "rb") as f, open(path + ".gz", "wb") as gz:
            gz.write(gzip.compress(f.read(), 9, mtime=0))
        covered |= own
        lazy_count += len(own)
        files.append((f"fonts/{name}.ttf", runs(own)))

    with open(manifest, "w") as out:
        out.write("// Generated by scripts/subset_fonts.py: which font file holds which code points.\n")
        out.write('#include "app/font_manifest.hpp"\n\nnamespace app::fonts {\nnamespace {\n')
        for i, (_, rs) in enumerate(files):
            out.write(f"const CodepointRun kRuns{i}[] = {{")
            out.write(",".join(f"{{{a:#x},{b:#x}}}" for a, b in rs))
            out.write("};\n")
        out.write("}  // namespace\n\nconst FontFile kFontFiles[] = {\n")
        for i, (url, rs) in enumerate(files):
            out.write(f'    {{"{url}", kRuns{i}, {len(rs)}}},\n')
        out.write("};\nconst int kFontFileCount = %d;\n\n}  // namespace app::fonts\n" % len(files))

    print(f"fonts: first load covers {len(inter)} code points (+{len(icons)} icons); "
          f"{len(files) - 1} lazy files add {lazy_count}")


if __name__ == "__main__":
    main()
