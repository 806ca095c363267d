// The calm theme, light and dark: colours and spacing in one place. Views read colours
// through colors() every frame, so switching the theme repaints everything at once.
#pragma once
#include "imgui.h"

namespace app::theme {

// Colours as packed ABGR for draw lists.
struct Palette {
    ImU32 page;          // behind the cards
    ImU32 surface;       // cards and panels
    ImU32 surface_alt;   // a quieter surface: weekend cells, folded rows
    ImU32 hover;         // a surface under the pointer
    ImU32 pressed;       // a surface held down
    ImU32 border;
    ImU32 border_hover;
    ImU32 grid_line;     // faint lines inside a view (hour lines)
    ImU32 shadow;        // a card's drop shadow
    ImU32 text;
    ImU32 muted_text;
    ImU32 on_accent;     // text on an accent fill
    ImU32 accent;
    ImU32 accent_hover;
    ImU32 accent_soft;
    ImU32 accent_soft_hover;
    ImU32 accent_soft_active;
    ImU32 error_text;
    ImU32 error_soft;
    ImU32 success_text;
    ImU32 success_soft;
    ImU32 warning_text;
    ImU32 warning_soft;
    ImU32 info_soft;
    ImU32 selection;     // selected text
};

enum class Mode { Light, Dark };

const Palette& colors();
Mode mode();
// Switches the palette and ImGui's style colours.
void set_mode(Mode mode);

// A coloured tag's pair (a soft fill with strong text), given as drawn in the light
// theme; the dark theme turns it into a deep fill with light text of the same hue.
struct Tint {
    ImU32 soft, strong;
};
Tint tint(Tint light);

inline constexpr float kCardRounding = 14.0f;
inline constexpr float kContentMaxWidth = 980.0f;
inline constexpr float kNarrowWidth = 600.0f;  // under this: one column, phone spacing

// Spacing and the current palette's colours into ImGui's style.
void apply(ImGuiStyle& style);

}  // namespace app::theme
