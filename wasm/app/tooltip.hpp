// Tooltips that look like the rest of the product: rounded, padded, with a thin border
// on the surface colour, and wrapped at a readable width (ImGui's own are small square
// boxes with the page's wide window padding).
#pragma once
#include "app/widget_registry.hpp"
#include "imgui.h"

namespace app::ui {

// Between these, ImGui::BeginTooltip()/SetTooltip() draw a themed tooltip.
inline void PushTooltipStyle() {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 3));
}
inline void PopTooltipStyle() { ImGui::PopStyleVar(4); }

// A one-line (or wrapped) themed tooltip for the item just drawn.
inline void Tooltip(const char* text) {
    PushTooltipStyle();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
    ImGui::TextUnformatted(text);
    registry::add_text(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());  // readable like every text
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    PopTooltipStyle();
}

}  // namespace app::ui
