#include "app/theme.hpp"

namespace app::theme {
namespace {

// Light: white cards on a pale grey-blue page. Contrast of text on surface ≥ 7:1.
const Palette kLight = {
    .page = IM_COL32(244, 246, 249, 255),
    .surface = IM_COL32(255, 255, 255, 255),
    .surface_alt = IM_COL32(246, 248, 251, 255),
    .hover = IM_COL32(248, 250, 252, 255),
    .pressed = IM_COL32(250, 252, 254, 255),
    .border = IM_COL32(222, 227, 234, 255),
    .border_hover = IM_COL32(150, 190, 220, 255),
    .grid_line = IM_COL32(236, 239, 243, 255),
    .shadow = IM_COL32(20, 40, 70, 14),
    .text = IM_COL32(28, 37, 51, 255),
    .muted_text = IM_COL32(96, 108, 124, 255),
    .on_accent = IM_COL32(255, 255, 255, 255),
    .accent = IM_COL32(31, 102, 150, 255),
    .accent_hover = IM_COL32(25, 86, 128, 255),
    .accent_soft = IM_COL32(228, 240, 248, 255),
    .accent_soft_hover = IM_COL32(210, 229, 242, 255),
    .accent_soft_active = IM_COL32(190, 216, 235, 255),
    .error_text = IM_COL32(160, 33, 33, 255),
    .error_soft = IM_COL32(253, 236, 234, 255),
    .success_text = IM_COL32(24, 110, 60, 255),
    .success_soft = IM_COL32(230, 245, 235, 255),
    .warning_text = IM_COL32(138, 72, 8, 255),
    .warning_soft = IM_COL32(253, 240, 207, 255),
    .info_soft = IM_COL32(238, 241, 246, 255),
    .selection = IM_COL32(180, 212, 236, 255),
};

// Dark: deep blue-grey, not black; the accent lightened so it reads on dark surfaces.
const Palette kDark = {
    .page = IM_COL32(17, 21, 28, 255),
    .surface = IM_COL32(29, 35, 45, 255),
    .surface_alt = IM_COL32(35, 42, 53, 255),
    .hover = IM_COL32(38, 46, 58, 255),
    .pressed = IM_COL32(44, 53, 67, 255),
    .border = IM_COL32(55, 65, 80, 255),
    .border_hover = IM_COL32(95, 150, 200, 255),
    .grid_line = IM_COL32(42, 50, 62, 255),
    .shadow = IM_COL32(0, 0, 0, 60),
    .text = IM_COL32(230, 235, 242, 255),
    .muted_text = IM_COL32(160, 172, 188, 255),
    .on_accent = IM_COL32(12, 22, 34, 255),
    .accent = IM_COL32(118, 181, 232, 255),
    .accent_hover = IM_COL32(146, 198, 240, 255),
    .accent_soft = IM_COL32(33, 56, 80, 255),
    .accent_soft_hover = IM_COL32(42, 70, 99, 255),
    .accent_soft_active = IM_COL32(52, 84, 118, 255),
    .error_text = IM_COL32(255, 150, 140, 255),
    .error_soft = IM_COL32(72, 30, 30, 255),
    .success_text = IM_COL32(125, 214, 155, 255),
    .success_soft = IM_COL32(24, 60, 40, 255),
    .warning_text = IM_COL32(240, 190, 110, 255),
    .warning_soft = IM_COL32(70, 50, 20, 255),
    .info_soft = IM_COL32(36, 43, 55, 255),
    .selection = IM_COL32(52, 92, 130, 255),
};

Mode g_mode = Mode::Light;

}  // namespace

const Palette& colors() { return g_mode == Mode::Dark ? kDark : kLight; }
Mode mode() { return g_mode; }

void set_mode(Mode m) {
    g_mode = m;
    if (ImGui::GetCurrentContext()) apply(ImGui::GetStyle());
}

Tint tint(Tint light) {
    if (g_mode == Mode::Light) return light;
    // 30 % of the strong hue over the dark surface for the fill; the pastel as text.
    const ImVec4 hue = ImGui::ColorConvertU32ToFloat4(light.strong);
    const ImVec4 base = ImGui::ColorConvertU32ToFloat4(kDark.surface);
    const float a = 0.30f;
    const ImVec4 fill(base.x + (hue.x - base.x) * a, base.y + (hue.y - base.y) * a, base.z + (hue.z - base.z) * a, 1.0f);
    return {ImGui::ColorConvertFloat4ToU32(fill), light.soft};
}

void apply(ImGuiStyle& style) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(14, 10);
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.ChildBorderSize = 1;
    style.WindowRounding = 0;
    style.FrameRounding = 8;
    style.ChildRounding = kCardRounding;
    style.GrabRounding = 8;
    style.PopupRounding = 8;
    style.ScrollbarSize = 10;
    style.ScrollbarRounding = 8;
    style.DisabledAlpha = 0.55f;

    const Palette& p = colors();
    ImVec4* c = style.Colors;
    auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    c[ImGuiCol_Text] = v(p.text);
    c[ImGuiCol_TextDisabled] = v(p.muted_text);
    c[ImGuiCol_WindowBg] = v(p.page);
    c[ImGuiCol_ChildBg] = v(p.surface);
    c[ImGuiCol_PopupBg] = v(p.surface);
    c[ImGuiCol_Border] = v(p.border);
    c[ImGuiCol_FrameBg] = v(p.surface);
    c[ImGuiCol_FrameBgHovered] = v(p.hover);
    c[ImGuiCol_FrameBgActive] = v(p.surface);
    c[ImGuiCol_Button] = v(p.accent_soft);
    c[ImGuiCol_ButtonHovered] = v(p.accent_soft_hover);
    c[ImGuiCol_ButtonActive] = v(p.accent_soft_active);
    c[ImGuiCol_CheckMark] = v(p.accent);
    c[ImGuiCol_Header] = v(p.accent_soft);
    c[ImGuiCol_HeaderHovered] = v(p.accent_soft_hover);
    c[ImGuiCol_HeaderActive] = v(p.accent_soft_active);
    c[ImGuiCol_ScrollbarBg] = v(IM_COL32(0, 0, 0, 0));
    c[ImGuiCol_ScrollbarGrab] = v(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = v(p.muted_text);
    c[ImGuiCol_ScrollbarGrabActive] = v(p.muted_text);
    c[ImGuiCol_Separator] = v(p.border);
    c[ImGuiCol_TextSelectedBg] = v(p.selection);
    c[ImGuiCol_NavHighlight] = v(p.accent);
    c[ImGuiCol_ModalWindowDimBg] = v(IM_COL32(0, 0, 0, 90));
}

}  // namespace app::theme
