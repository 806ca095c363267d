#include "app/theme.hpp"

namespace app::theme {

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

    ImVec4* c = style.Colors;
    auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    c[ImGuiCol_Text] = v(kText);
    c[ImGuiCol_TextDisabled] = v(kMutedText);
    c[ImGuiCol_WindowBg] = v(kPage);
    c[ImGuiCol_ChildBg] = v(kSurface);
    c[ImGuiCol_PopupBg] = v(kSurface);
    c[ImGuiCol_Border] = v(kBorder);
    c[ImGuiCol_FrameBg] = v(kSurface);
    c[ImGuiCol_FrameBgHovered] = v(IM_COL32(248, 250, 252, 255));
    c[ImGuiCol_FrameBgActive] = v(kSurface);
    c[ImGuiCol_Button] = v(kAccentSoft);
    c[ImGuiCol_ButtonHovered] = v(IM_COL32(210, 229, 242, 255));
    c[ImGuiCol_ButtonActive] = v(IM_COL32(190, 216, 235, 255));
    c[ImGuiCol_CheckMark] = v(kAccent);
    c[ImGuiCol_Header] = v(kAccentSoft);
    c[ImGuiCol_HeaderHovered] = v(IM_COL32(210, 229, 242, 255));
    c[ImGuiCol_HeaderActive] = v(IM_COL32(190, 216, 235, 255));
    c[ImGuiCol_ScrollbarBg] = v(IM_COL32(0, 0, 0, 0));
    c[ImGuiCol_ScrollbarGrab] = v(IM_COL32(196, 203, 212, 255));
    c[ImGuiCol_ScrollbarGrabHovered] = v(IM_COL32(170, 178, 190, 255));
    c[ImGuiCol_ScrollbarGrabActive] = v(IM_COL32(150, 160, 172, 255));
    c[ImGuiCol_Separator] = v(kBorder);
    c[ImGuiCol_TextSelectedBg] = v(IM_COL32(180, 212, 236, 255));
    c[ImGuiCol_NavHighlight] = v(kAccent);
}

}  // namespace app::theme
