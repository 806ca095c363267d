// The header of every signed-in view: the product's name, who is signed in, the
// notifications' bell, the settings and "Logga ut".
#include <algorithm>

#include "app/app.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/tooltip.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "imgui_internal.h"

namespace app {

void App::draw_header() {
    const float height = kHeaderHeight;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 top(window->Pos.x, ImGui::GetCursorScreenPos().y);
    // A white band across the whole width, under the centred content.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y));
    dl->AddRectFilled(top, ImVec2(top.x + window->Size.x, top.y + height), theme::colors().surface);
    dl->AddLine(ImVec2(top.x, top.y + height), ImVec2(top.x + window->Size.x, top.y + height), theme::colors().border);
    dl->PopClipRect();

    // Right side: the user's name (when there is room), the bell, the settings (an icon;
    // its name for screen readers and tests) and the sign-out button. Where even those do
    // not fit beside the product's name (a narrow phone, a pinch-zoomed UI), "Logga ut"
    // keeps only its icon (its name stays for screen readers), then the name goes.
    const char* sign_out_label = signing_out_ ? tr("Loggar ut …##signout") : tr("Logga ut");
    ImGuiStyle& style = ImGui::GetStyle();
    std::string settings = std::string(icons::kSettings) + "##" + tr("Inställningar");
    const float settings_w = ui::ButtonWidth(settings.c_str());
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float left = ImGui::GetCursorPosX();
    const float bell_w = bell_width();
    ImGui::PushFont(fonts::get(fonts::Face::Heading));
    const float logo_w = ImGui::CalcTextSize(icons::kLogo).x, title_w = 8 + ImGui::CalcTextSize("Skolnav").x;
    ImGui::PopFont();
    std::string button = std::string(icons::kSignOut) + "  " + sign_out_label;
    float button_w = ImGui::CalcTextSize(button.c_str(), nullptr, true).x + style.FramePadding.x * 2;
    const float cluster_w = bell_w + 8 + settings_w + 4;
    if (left + logo_w + title_w + 8 + cluster_w + button_w > right) {
        button = std::string(icons::kSignOut) + "##" + tr("Logga ut");
        button_w = ui::ButtonWidth(button.c_str());
    }
    const bool show_title = left + logo_w + title_w + 8 + cluster_w + button_w <= right;

    float y0 = ImGui::GetCursorPosY();
    ImGui::PushFont(fonts::get(fonts::Face::Heading));
    float title_h = ImGui::GetFontSize();
    ImGui::SetCursorPosY(y0 + (height - title_h) * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().accent);
    ImGui::TextUnformatted(icons::kLogo);
    ImGui::PopStyleColor();
    if (show_title) {
        ImGui::SameLine(0, 8);
        ImGui::TextUnformatted("Skolnav");
    }
    ImGui::PopFont();

    float button_h = ImGui::GetFontSize() + style.FramePadding.y * 2;
    float name_w = ImGui::CalcTextSize(me_.name.c_str()).x;
    bool show_name = ImGui::GetContentRegionAvail().x > name_w + button_w + settings_w + bell_w + 260;
    if (show_name) {
        ImGui::SameLine();
        ImGui::SetCursorPos(
            ImVec2(right - button_w - settings_w - bell_w - name_w - 24, y0 + (height - ImGui::GetFontSize()) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().muted_text);
        ImGui::TextUnformatted(me_.name.c_str());
        ImGui::PopStyleColor();
        registry::add_text(me_.name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    draw_bell(right - button_w - settings_w - bell_w - 8, y0 + (height - button_h) * 0.5f, button_h);
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(right - button_w - settings_w - 4, y0 + (height - button_h) * 0.5f));
    if (ui::QuietButton(settings.c_str()) && !settings_open_) navigate_to("#/installningar");
    if (ImGui::IsItemHovered()) ui::Tooltip(tr("Inställningar"));
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(right - button_w, y0 + (height - button_h) * 0.5f));
    if (ui::QuietButton(button.c_str()) && !signing_out_) sign_out();
}

void App::draw_under_header() {
    ui::Space(24 - ImGui::GetStyle().ItemSpacing.y);
    if (!start_error_.empty()) {
        ui::Note(start_error_, ui::Tone::Error);
        ui::Space(4);
    }
}

void App::draw_connection_banner() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 min = window->Pos, max(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(min, max);
    dl->AddRectFilled(min, max, theme::colors().warning_soft);
    dl->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), theme::colors().border);
    // Icon and text centred; a narrow phone wraps nothing: the text is short.
    ImFont* font = fonts::get(fonts::Face::Small);
    const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const std::string text = tr("Ingen kontakt med servern – försöker igen …");
    const ImVec2 icon_ext = font->CalcTextSizeA(size, FLT_MAX, 0, icons::kWarning);
    const ImVec2 text_ext = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    const float gap = 8.0f, total = icon_ext.x + gap + text_ext.x;
    const float x = std::max(min.x + 12.0f, (min.x + max.x - total) * 0.5f);
    const float y = (min.y + max.y - text_ext.y) * 0.5f;
    dl->AddText(font, size, ImVec2(x, y), theme::colors().warning_text, icons::kWarning);
    const ImVec2 text_pos(x + icon_ext.x + gap, y);
    dl->AddText(font, size, text_pos, theme::colors().text, text.c_str());
    registry::add_text(text, text_pos, ImVec2(text_pos.x + text_ext.x, text_pos.y + text_ext.y));
    dl->PopClipRect();
}

namespace {
const EnglishText kEnglish[] = {
    {"Ingen kontakt med servern – försöker igen …", "No contact with the server – trying again …"},
    {"Loggar ut …", "Signing out …"},
    {"Logga ut", "Sign out"},
    {"Inställningar", "Settings"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
