// What is on screen, for JavaScript: each frame every interactive widget's label, role
// and rectangle (CSS pixels), plus the visible text. Browser tests click and read by
// label through window.skolnav.widgets(); an accessibility mirror can use it too.
// Interactive widgets come from ImGui's test-engine item hooks, so nothing is missed;
// text is registered by ui.cpp's text helpers.
#pragma once
#include <string>
#include <string_view>

#include "imgui.h"

namespace app::registry {

// Roles follow ARIA names where one fits.
// The role of the next widget that reports itself (default: from its ImGui flags).
void hint_next(const char* role, int checked = -1);

// A piece of visible text and where it is.
void add_text(std::string_view text, const ImVec2& min, const ImVec2& max);

void begin_frame();
void end_frame();

// The last complete frame as JSON: [{"label","role","x","y","w","h","checked","disabled","active"}]
const std::string& frame_json();

// "Tillbaka##x" -> "Tillbaka"; "##Kommentar" -> "Kommentar"; icon glyphs removed.
std::string visible_label(std::string_view imgui_label);

}  // namespace app::registry
