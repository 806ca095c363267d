#include "app/fonts.hpp"

#include <vector>

#include "app/icons.hpp"

namespace app::fonts {
namespace {

// Files preloaded into the virtual file system by the build (wasm/CMakeLists.txt).
constexpr const char* kRegular = "/fonts/Inter-Regular.otf";
constexpr const char* kSemiBold = "/fonts/Inter-SemiBold.otf";
constexpr const char* kIcons = "/fonts/fontawesome-webfont.ttf";

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

// Latin, Latin-1 Supplement (å ä ö é ü …) and the typographic punctuation Swedish text uses.
const ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x2013, 0x2014,  // – —
    0x2018, 0x201D,  // ‘ ’ “ ”
    0x2022, 0x2022,  // •
    0x2026, 0x2026,  // …
    0x20AC, 0x20AC,  // €
    0,
};

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

}  // namespace

bool ensure(float ratio) {
    if (ratio == g_built_ratio) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    for (int i = 0; i < static_cast<int>(Face::Count); ++i) {
        const FaceSpec& spec = kFaces[i];
        ImFontConfig text;
        text.OversampleH = ratio >= 2 ? 1 : 2;  // dense screens need no horizontal oversampling
        text.OversampleV = 1;
        ImFont* font = io.Fonts->AddFontFromFileTTF(spec.file, spec.size * ratio, &text, kTextRanges);
        ImFontConfig icon;
        icon.MergeMode = true;
        icon.PixelSnapH = true;
        icon.GlyphMinAdvanceX = spec.size * ratio * 1.15f;  // icons line up in lists
        icon.GlyphOffset = ImVec2(0, 0.5f * ratio);
        io.Fonts->AddFontFromFileTTF(kIcons, spec.size * ratio * 0.92f, &icon, icon_ranges());
        g_fonts[i] = font;
    }
    io.Fonts->Build();
    io.FontDefault = g_fonts[static_cast<int>(Face::Body)];
    io.FontGlobalScale = 1.0f / ratio;  // layout stays in CSS pixels
    g_built_ratio = ratio;
    return true;
}

ImFont* get(Face face) { return g_fonts[static_cast<int>(face)]; }

}  // namespace app::fonts
