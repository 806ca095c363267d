// Which font file holds which code points: generated at build time by
// scripts/subset_fonts.py from the files' own character maps. File 0 is preloaded
// (Inter); the others are fetched from `url` the first time a text needs one of theirs.
// Every code point is in at most one file.
#pragma once
#include <cstdint>

namespace app::fonts {

struct CodepointRun {
    uint32_t first, last;
};

struct FontFile {
    const char* url;  // "" for the preloaded file
    const CodepointRun* runs;  // sorted, not overlapping
    int run_count;
};

extern const FontFile kFontFiles[];
extern const int kFontFileCount;

}  // namespace app::fonts
