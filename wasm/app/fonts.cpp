#include "app/fonts.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "app/font_manifest.hpp"
#include "app/icons.hpp"
#include "imgui_internal.h"
#include "platform/http.hpp"

namespace app::fonts {
namespace {

// Files preloaded into the virtual file system by the build (wasm/CMakeLists.txt), cut
// to what they are used for by scripts/subset_fonts.py.
constexpr const char* kRegular = "/fonts/Inter-Regular.otf";
constexpr const char* kSemiBold = "/fonts/Inter-SemiBold.otf";
constexpr const char* kIcons = "/fonts/icons.ttf";

struct FaceSpec {
    const char* file;
    float size;  // CSS pixels
};
constexpr FaceSpec kFaces[] = {
    {kRegular, 16.0f},   // Body
    {kRegular, 14.0f},   // Small
    {kSemiBold, 16.0f},  // Strong
    {kSemiBold, 21.0f},  // Heading
    {kSemiBold, 27.0f},  // Title
    {kSemiBold, 22.0f},  // IconLarge (card icons)
};

ImFont* g_fonts[static_cast<int>(Face::Count)] = {};
float g_built_ratio = 0;
bool g_dirty = false;  // texts need glyphs the atlas lacks, or a fallback file arrived

// Baked from the start: Latin-1 and the punctuation and arrows the UI's own texts use.
constexpr ImWchar kBaseRanges[][2] = {
    {0x0020, 0x00FF},  // Basic Latin + Latin-1 Supplement
    {0x2013, 0x2014},  // – —
    {0x2018, 0x201D},  // ‘ ’ “ ”
    {0x2022, 0x2022},  // •
    {0x2026, 0x2026},  // …
    {0x20AC, 0x20AC},  // €
    {0x2190, 0x2193},  // ← ↑ → ↓
    {0x2212, 0x2212},  // −
    {0x2264, 0x2265},  // ≤ ≥
};

bool in_base(uint32_t cp) {
    for (const auto& r : kBaseRanges)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

// Code points beyond the base that texts brought. Capped so the atlas stays well under
// 4096 px on a side at DPR 3 (six faces); a text beyond the cap draws boxes.
constexpr size_t kMaxExtraCodepoints = 600;
std::set<uint32_t> g_extra;

// The fallback files (font_manifest.hpp), as fetched.
enum class FileState { Absent, Loading, Loaded };
struct LazyFile {
    FileState state = FileState::Absent;
    std::string bytes;  // the font, kept for every rebuild (ImGui does not own it)
};
std::vector<LazyFile>& lazy_files() {
    static std::vector<LazyFile> files(static_cast<size_t>(kFontFileCount));
    return files;
}

int file_for(uint32_t cp) {
    for (int i = 0; i < kFontFileCount; ++i) {
        const FontFile& f = kFontFiles[i];
        const CodepointRun* end = f.runs + f.run_count;
        const CodepointRun* r = std::lower_bound(f.runs, end, cp,
                                                 [](const CodepointRun& run, uint32_t c) { return run.last < c; });
        if (r != end && r->first <= cp) return i;
    }
    return -1;
}

// Default-ignorable code points: they shape text (joiners, variation selectors, bidi
// marks, tags) but draw nothing, so they get an empty glyph instead of a box.
bool is_invisible(uint32_t cp) {
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160) ||
           (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
           (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

void fetch(int file) {
    LazyFile& f = lazy_files()[static_cast<size_t>(file)];
    f.state = FileState::Loading;
    platform::http_request("GET", std::string("/") + kFontFiles[file].url, "",
                           [file](const platform::HttpResponse& r) {
                               LazyFile& done = lazy_files()[static_cast<size_t>(file)];
                               // A failed fetch is tried again by the next text that needs it.
                               done.state = r.status == 200 && !r.body.empty() ? FileState::Loaded : FileState::Absent;
                               if (done.state == FileState::Loaded) {
                                   done.bytes = r.body;
                                   g_dirty = true;
                               }
                           });
}

void note_codepoint(uint32_t cp) {
    if (cp < 0x80 || cp > IM_UNICODE_CODEPOINT_MAX || in_base(cp) || g_extra.count(cp)) return;
    if (g_extra.size() >= kMaxExtraCodepoints) return;
    g_extra.insert(cp);
    g_dirty = true;
    int file = file_for(cp);
    if (file > 0 && lazy_files()[static_cast<size_t>(file)].state == FileState::Absent) fetch(file);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "\uXXXX" at p (JSON), or -1.
long json_escape(const char* p, const char* end) {
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u') return -1;
    long v = 0;
    for (int i = 2; i < 6; ++i) {
        int h = hex_value(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

std::vector<ImWchar> glyph_ranges() {
    std::vector<ImWchar> ranges;
    for (const auto& r : kBaseRanges) ranges.insert(ranges.end(), {r[0], r[1]});
    for (uint32_t cp : g_extra) {  // sorted: extend the last run where it touches
        if (ranges.size() > 2 * std::size(kBaseRanges) && ranges.back() + 1u == cp)
            ranges.back() = static_cast<ImWchar>(cp);
        else
            ranges.insert(ranges.end(), {static_cast<ImWchar>(cp), static_cast<ImWchar>(cp)});
    }
    ranges.push_back(0);
    return ranges;
}

const ImWchar* icon_ranges() {
    static std::vector<ImWchar> ranges;
    if (ranges.empty()) {
#define SKOLNAV_ICON_RANGE(name, codepoint, utf8) ranges.push_back(codepoint), ranges.push_back(codepoint);
        SKOLNAV_ICONS(SKOLNAV_ICON_RANGE)
#undef SKOLNAV_ICON_RANGE
        ranges.push_back(0);
    }
    return ranges.data();
}

// The box drawn for a code point no font has: an outlined rectangle (U+FFFD's glyph,
// which ImGui then uses as its fallback instead of "?").
void paint_missing_boxes(const std::vector<int>& rect_ids, float ratio) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    const int line = std::max(1, static_cast<int>(ratio + 0.5f));
    for (int id : rect_ids) {
        const ImFontAtlasCustomRect* r = ImGui::GetIO().Fonts->GetCustomRectByIndex(id);
        for (int y = 0; y < r->Height; ++y)
            for (int x = 0; x < r->Width; ++x) {
                bool edge = x < line || y < line || x >= r->Width - line || y >= r->Height - line;
                pixels[(r->Y + y) * width + r->X + x] = edge ? 255 : 0;
            }
    }
}

void build(float ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static std::vector<ImWchar> ranges;  // ImGui keeps a pointer to it
    ranges = glyph_ranges();
    std::vector<int> boxes;
    for (int i = 0; i < static_cast<int>(Face::Count); ++i) {
        const FaceSpec& spec = kFaces[i];
        const float px = spec.size * ratio;
        ImFontConfig text;
        text.OversampleH = ratio >= 2 ? 1 : 2;  // dense screens need no horizontal oversampling
        text.OversampleV = 1;
        ImFont* font = io.Fonts->AddFontFromFileTTF(spec.file, px, &text, ranges.data());
        ImFontConfig icon;
        icon.MergeMode = true;
        icon.PixelSnapH = true;
        icon.GlyphMinAdvanceX = px * 1.15f;  // icons line up in lists
        icon.GlyphOffset = ImVec2(0, 0.5f * ratio);
        io.Fonts->AddFontFromFileTTF(kIcons, px * 0.92f, &icon, icon_ranges());
        // Fallback files after Inter: a glyph already taken is never replaced.
        for (int f = 1; f < kFontFileCount; ++f) {
            LazyFile& file = lazy_files()[static_cast<size_t>(f)];
            if (file.state != FileState::Loaded) continue;
            ImFontConfig fallback = text;
            fallback.MergeMode = true;
            fallback.FontDataOwnedByAtlas = false;
            io.Fonts->AddFontFromMemoryTTF(file.bytes.data(), static_cast<int>(file.bytes.size()), px, &fallback,
                                           ranges.data());
        }
        const int box_w = std::max(3, static_cast<int>(px * 0.5f)), box_h = std::max(5, static_cast<int>(px * 0.7f));
        boxes.push_back(io.Fonts->AddCustomRectFontGlyph(font, IM_UNICODE_CODEPOINT_INVALID, box_w, box_h,
                                                         box_w + px * 0.15f, ImVec2(px * 0.07f, px * 0.22f)));
        g_fonts[i] = font;
    }
    io.Fonts->Build();
    paint_missing_boxes(boxes, ratio);
    for (ImFont* font : g_fonts) {
        bool added = false;
        for (uint32_t cp : g_extra)
            if (is_invisible(cp) && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) {
                font->AddGlyph(nullptr, static_cast<ImWchar>(cp), 0, 0, 0, 0, 0, 0, 0, 0, 0);
                added = true;
            }
        if (added) font->BuildLookupTable();
    }
}

}  // namespace

bool ensure(float ratio) {
    if (ratio == g_built_ratio && !g_dirty) return false;
    build(ratio);
    ImGuiIO& io = ImGui::GetIO();
    io.FontDefault = g_fonts[static_cast<int>(Face::Body)];
    io.FontGlobalScale = 1.0f / ratio;  // layout stays in CSS pixels
    g_built_ratio = ratio;
    g_dirty = false;
    return true;
}

ImFont* get(Face face) { return g_fonts[static_cast<int>(face)]; }

void note_text(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '\\') {
            long v = json_escape(p, end);
            if (v < 0) {
                p += (end - p >= 2) ? 2 : 1;  // "\\", "\"": never the start of an escape
                continue;
            }
            p += 6;
            long low = v >= 0xD800 && v <= 0xDBFF ? json_escape(p, end) : -1;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            }
            note_codepoint(static_cast<uint32_t>(v));
        } else if (c < 0x80) {
            ++p;
        } else {
            unsigned int cp = 0;
            p += ImTextCharFromUtf8(&cp, p, end);
            note_codepoint(cp);
        }
    }
}

std::string state_json() {
    const ImFont* body = g_fonts[static_cast<int>(Face::Body)];
    std::string baked, missing, files;
    for (const auto& r : kBaseRanges)
        for (uint32_t cp = std::max<uint32_t>(r[0], 0x80); cp <= r[1]; ++cp) baked += (baked.empty() ? "" : ",") + std::to_string(cp);
    for (uint32_t cp : g_extra) {
        baked += (baked.empty() ? "" : ",") + std::to_string(cp);
        const ImFontGlyph* g = body ? body->FindGlyphNoFallback(static_cast<ImWchar>(cp)) : nullptr;
        if (!g) missing += (missing.empty() ? "" : ",") + std::to_string(cp);
    }
    for (int f = 1; f < kFontFileCount; ++f)
        if (lazy_files()[static_cast<size_t>(f)].state == FileState::Loaded)
            files += std::string(files.empty() ? "" : ",") + "\"" + kFontFiles[f].url + "\"";
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    // ratio: device pixels per layout unit the glyphs are baked for (sharp at any zoom).
    return "{\"baked\":[" + baked + "],\"missing\":[" + missing + "],\"files\":[" + files + "],\"atlas\":[" +
           std::to_string(atlas->TexWidth) + "," + std::to_string(atlas->TexHeight) + "],\"ratio\":" +
           std::to_string(g_built_ratio) + "}";
}

}  // namespace app::fonts
