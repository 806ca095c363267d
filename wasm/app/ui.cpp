#include "app/ui.hpp"

#include <algorithm>
#include <cmath>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/widget_registry.hpp"
#include "imgui_internal.h"
#include "platform/connection.hpp"
#include "platform/frame_scheduler.hpp"

namespace app::ui {

void Text(std::string_view text, ImU32 color, fonts::Face face) {
    ImGui::PushFont(fonts::get(face));
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    // Wrap at the content edge, or where the caller asked (a card's inner edge).
    const bool own_wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
    if (own_wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (own_wrap) ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
    ImGui::PopFont();
    registry::add_text(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void MutedText(std::string_view text) { Text(text, theme::colors().muted_text); }
void Heading(std::string_view text) { Text(text, 0, fonts::Face::Heading); }
void Title(std::string_view text) { Text(text, 0, fonts::Face::Title); }

bool PrimaryButton(const char* label, bool enabled, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, theme::colors().accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().accent_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colors().accent_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().on_accent);
    ImGui::PushStyleColor(ImGuiCol_Border, theme::colors().accent);
    ImGui::PushFont(fonts::get(fonts::Face::Strong));
    ImGui::BeginDisabled(!enabled);
    registry::hint_next("button");
    bool clicked = ImGui::Button(label, ImVec2(width, 0));
    ImGui::EndDisabled();
    ImGui::PopFont();
    ImGui::PopStyleColor(5);
    return clicked && enabled;
}

bool SecondaryButton(const char* label, bool enabled) {
    ImGui::PushStyleColor(ImGuiCol_Button, theme::colors().surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colors().accent_soft_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().accent);
    ImGui::BeginDisabled(!enabled);
    registry::hint_next("button");
    bool clicked = ImGui::Button(label);
    ImGui::EndDisabled();
    ImGui::PopStyleColor(4);
    return clicked && enabled;
}

bool QuietButton(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colors().accent_soft_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    registry::hint_next("button");
    bool clicked = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    return clicked;
}

bool BackButton(std::string_view label) {
    const std::string text = std::string(icons::kBack) + "  " + std::string(label);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetStyle().FramePadding.x);
    const bool clicked = QuietButton(text.c_str());
    // Escape goes back one step: the innermost back button takes it (an open news item's
    // "Tillbaka till nyheterna", not the box's "Tillbaka" above it), i.e. the last one
    // drawn in the previous frame; not while a text field has the keyboard (Escape
    // leaves the field first).
    static ImGuiID last_drawn = 0, last_drawn_before = 0;
    static int frame = -1;
    if (frame != ImGui::GetFrameCount()) {
        frame = ImGui::GetFrameCount();
        last_drawn_before = last_drawn;
        last_drawn = 0;
    }
    const ImGuiID id = ImGui::GetItemID();
    last_drawn = id;
    const bool escape = id == last_drawn_before && ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
                        !ImGui::GetIO().WantTextInput;
    if (escape) platform::request_frames();
    return clicked || escape;
}

bool Radio(const char* label, bool selected) {
    // ImGui's radio is small for fingers: a full-width selectable row with a drawn dot.
    ImGuiStyle& style = ImGui::GetStyle();
    float h = ImGui::GetFontSize() + style.FramePadding.y * 2;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    std::string text = registry::visible_label(label);
    float w = ImGui::CalcTextSize(text.c_str()).x + h + style.FramePadding.x * 2;
    registry::hint_next("radio", selected ? 1 : 0);
    bool clicked = ImGui::InvisibleButton(label, ImVec2(w, h));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h),
                      selected ? theme::colors().accent_soft : (hovered ? theme::colors().hover : theme::colors().surface),
                      style.FrameRounding);
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), selected ? theme::colors().accent : theme::colors().border,
                style.FrameRounding, 0, selected ? 1.5f : 1.0f);
    float r = ImGui::GetFontSize() * 0.42f;
    ImVec2 c(pos.x + style.FramePadding.x + r, pos.y + h * 0.5f);
    dl->AddCircle(c, r, selected ? theme::colors().accent : theme::colors().muted_text, 24, 1.5f);
    if (selected) dl->AddCircleFilled(c, r * 0.55f, theme::colors().accent, 24);
    dl->AddText(ImVec2(c.x + r + style.ItemInnerSpacing.x, pos.y + style.FramePadding.y), theme::colors().text,
                text.c_str());
    if (clicked) platform::request_frames();
    return clicked;
}

bool Tab(const char* label, bool selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? theme::colors().accent : theme::colors().surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? theme::colors().accent_hover : theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, selected ? theme::colors().accent_hover : theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? theme::colors().on_accent : theme::colors().text);
    ImGui::PushStyleColor(ImGuiCol_Border, selected ? theme::colors().accent : theme::colors().border);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 100.0f);
    ImGui::PushFont(fonts::get(fonts::Face::Strong));
    registry::hint_next("tab", selected ? 1 : 0);
    bool clicked = ImGui::Button(label);
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    return clicked;
}

bool InputField(const char* label, char* buffer, size_t size, bool password, const char* hint) {
    std::string shown = registry::visible_label(label);
    Text(shown, 0, fonts::Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y * 0.5f);
    std::string id = std::string("##") + shown;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (password) flags |= ImGuiInputTextFlags_Password;
    registry::hint_next("input");
    return ImGui::InputTextWithHint(id.c_str(), hint ? hint : "", buffer, size, flags);
}

void Note(std::string_view text, Tone tone) {
    ImU32 bg = tone == Tone::Error ? theme::colors().error_soft : tone == Tone::Success ? theme::colors().success_soft : theme::colors().info_soft;
    ImU32 fg = tone == Tone::Error ? theme::colors().error_text : tone == Tone::Success ? theme::colors().success_text : theme::colors().text;
    const char* icon = tone == Tone::Error ? icons::kError : tone == Tone::Success ? icons::kSuccess : icons::kInfo;
    const float pad = 12.0f, gap = 10.0f;
    ImVec2 start = ImGui::GetCursorScreenPos();
    float avail = ImGui::GetContentRegionAvail().x;
    float icon_w = ImGui::CalcTextSize(icon).x;
    float wrap = avail - pad * 2 - icon_w - gap;
    ImVec2 text_size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrap);
    ImVec2 end(start.x + avail, start.y + text_size.y + pad * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(start, end, bg, 10.0f);  // background first: no channel juggling
    dl->AddText(ImVec2(start.x + pad, start.y + pad), fg, icon);
    ImVec2 text_pos(start.x + pad + icon_w + gap, start.y + pad);
    dl->AddText(nullptr, 0.0f, text_pos, fg, text.data(), text.data() + text.size(), wrap);
    registry::add_text(text, text_pos, ImVec2(text_pos.x + text_size.x, text_pos.y + text_size.y));
    ImGui::Dummy(ImVec2(avail, end.y - start.y));
}

void Loading(std::string_view text) {
    // A rotating arc: this is an animation, so frames keep coming while it is shown.
    platform::keep_animating();
    float size = ImGui::GetFontSize();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 c(pos.x + size * 0.5f, pos.y + size * 0.5f + 1);
    float t = static_cast<float>(ImGui::GetTime());
    float start = t * 5.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathArcTo(c, size * 0.42f, start, start + IM_PI * 1.4f, 24);
    dl->PathStroke(theme::colors().accent, 0, 2.2f);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine(0, 10);
    Text(text, theme::colors().muted_text);
}

namespace {
bool g_retry_now = false;  // contact came back since the last frame
unsigned g_restores_seen = 0;
}  // namespace

void BeginFrameRetries() {
    const unsigned restored = platform::connection_restored_count();
    g_retry_now = restored != g_restores_seen;
    g_restores_seen = restored;
}

bool RetryingAfterReconnect() { return g_retry_now; }

bool ErrorAndRetry(std::string_view error, bool can_retry, const char* retry_label) {
    Note(error, can_retry ? Tone::Error : Tone::Info);
    if (!can_retry) return false;
    const bool pressed = SecondaryButton(retry_label ? retry_label : tr("Försök igen"));
    return pressed || g_retry_now;
}

bool LoadingOrError(bool failed, std::string_view error, std::string_view loading_text, bool can_retry,
                    const char* retry_label) {
    if (failed) return ErrorAndRetry(error, can_retry, retry_label);
    Loading(loading_text);
    return false;
}

float Badge(std::string_view text, ImVec2 right_centre, bool strong) {
    ImFont* font = fonts::get(fonts::Face::Small);
    const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
    const ImVec2 pad(8, 3);
    const ImVec2 min(right_centre.x - ext.x - pad.x * 2, right_centre.y - ext.y * 0.5f - pad.y);
    const ImVec2 max(right_centre.x, right_centre.y + ext.y * 0.5f + pad.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, strong ? theme::colors().accent : theme::colors().accent_soft, (max.y - min.y) * 0.5f);
    dl->AddText(font, size, ImVec2(min.x + pad.x, min.y + pad.y), strong ? theme::colors().surface : theme::colors().accent, text.data(),
                text.data() + text.size());
    registry::add_text(text, min, max);
    return min.x;
}

CardResult CardButton(const char* label, ImVec2 size) {
    CardResult r;
    r.min = ImGui::GetCursorScreenPos();
    r.max = ImVec2(r.min.x + size.x, r.min.y + size.y);
    registry::hint_next("link");
    r.clicked = ImGui::InvisibleButton(label, size);
    bool hovered = ImGui::IsItemHovered();
    bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // A soft shadow lifts the card; stronger when hovered.
    dl->AddRectFilled(ImVec2(r.min.x, r.min.y + (hovered ? 3.0f : 2.0f)),
                      ImVec2(r.max.x, r.max.y + (hovered ? 3.0f : 2.0f)),
                      theme::colors().shadow, theme::kCardRounding);
    dl->AddRectFilled(r.min, r.max, held ? theme::colors().pressed : theme::colors().surface, theme::kCardRounding);
    dl->AddRect(r.min, r.max, hovered ? theme::colors().border_hover : theme::colors().border, theme::kCardRounding, 0, 1.0f);
    if (r.clicked) platform::request_frames();
    return r;
}

void Chevron(ImVec2 right_centre) {
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(right_centre.x - ImGui::CalcTextSize(icons::kChevronRight).x, right_centre.y - ImGui::GetFontSize() * 0.5f),
        theme::colors().muted_text, icons::kChevronRight);
}

float PageScrollY() {
    ImGuiWindow* window = ImGui::GetCurrentContext()->CurrentWindow;
    if (!window) window = ImGui::FindWindowByName("##page");
    return window ? window->Scroll.y : 0.0f;
}

void ScrollPageTo(float screen_y) {
    ImGuiWindow* page = ImGui::FindWindowByName("##page");
    if (!page) return;
    ImGui::SetScrollY(page, std::max(0.0f, screen_y - page->Pos.y + page->Scroll.y - 24.0f));
}

void LinkedFrame(ImVec2 min, ImVec2 max) {
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3),
                                        theme::colors().accent, theme::kCardRounding, 0, 2.0f);
}

void ListScroll::open_item() {
    list_y_ = PageScrollY();
    to_y_ = 0;
    pending_ = true;
}

void ListScroll::back_to_list() {
    to_y_ = list_y_;
    pending_ = true;
}

void ListScroll::to_top() {
    to_y_ = 0;
    pending_ = true;
}

void ListScroll::cancel() { pending_ = false; }

void ListScroll::apply() {
    if (!pending_) return;
    ImGui::SetScrollY(to_y_);
    pending_ = false;
}

void BeginPanel(const char* id) {
    // A child window that grows with its content (one frame behind, which the
    // render-until-stable scheduler absorbs) gives a padded white panel.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    ImGui::PushStyleColor(ImGuiCol_Border, theme::colors().border);
    ImGui::BeginChild(id, ImVec2(0, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

void EndPanel() {
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void Space(float pixels) { ImGui::Dummy(ImVec2(1, pixels)); }

void Divider() {
    ImVec2 a = ImGui::GetCursorScreenPos();
    a.y += 4;
    ImGui::GetWindowDrawList()->AddLine(a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y), theme::colors().border, 1.0f);
    Space(8);
}

void ArticleHeading(std::string_view title, std::string_view line, std::string_view about) {
    Heading(title);
    Text(line, theme::colors().muted_text);
    if (about.empty()) return;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    Text(about, theme::colors().muted_text, fonts::Face::Small);
}

// --- Laying out text ------------------------------------------------------------

namespace {
void pop_utf8_char(std::string& s) {
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty()) s.pop_back();
}
}  // namespace

ImVec2 TextSize(fonts::Face face, const std::string& text, float wrap) {
    ImGui::PushFont(fonts::get(face));
    ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    ImGui::PopFont();
    return size;
}

void TextAt(ImVec2 pos, float width, const std::string& text, ImU32 color, fonts::Face face) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    Text(text, color, face);
    ImGui::PopTextWrapPos();
}

std::string ClipToLines(const std::string& text, float width, int lines) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* s = text.c_str();
    const char* end = s + text.size();
    for (int i = 0; i < lines; ++i) {
        if (s >= end) return text;
        const char* brk = font->CalcWordWrapPositionA(scale, s, end, width);
        if (brk <= s) brk = s + 1;
        if (i == lines - 1 && brk < end) {
            std::string out(text.c_str(), brk);
            while (!out.empty() && out.back() == ' ') out.pop_back();
            const std::string start_of_line(text.c_str(), s);
            // Cut after a whole word, as a reader expects ("Glöm inte …", never "idrottskläder p…");
            // only a single word longer than the line is cut inside.
            auto fits = [&] { return ImGui::CalcTextSize((out.substr(start_of_line.size()) + " …").c_str()).x <= width; };
            while (out.size() > start_of_line.size() && !fits()) {
                const size_t space = out.find_last_of(' ');
                if (space == std::string::npos || space <= start_of_line.size()) {
                    pop_utf8_char(out);
                    continue;
                }
                out.resize(space);
                while (!out.empty() && out.back() == ' ') out.pop_back();
            }
            return out + " …";
        }
        s = brk;
        while (s < end && *s == ' ') ++s;
    }
    return text;
}

float ButtonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool NamedAction(const std::string& name, const std::string& detail, const std::string& button_label) {
    const float button_w = ButtonWidth(button_label.c_str());
    const float text_w = ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    Text(name);
    if (!detail.empty()) Text(detail, theme::colors().muted_text, fonts::Face::Small);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - button_w);
    return SecondaryButton(button_label.c_str());
}

std::string FileSize(long long bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " byte";
    if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " kB";
    const long long tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

bool Checkbox(const char* label, bool* value, bool enabled) {
    // ImGui's own checkbox is small for fingers: a row like Radio's, with a square box.
    ImGuiStyle& style = ImGui::GetStyle();
    const float h = ImGui::GetFontSize() + style.FramePadding.y * 2;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string text = registry::visible_label(label);
    const float box = ImGui::GetFontSize() * 0.95f;
    const float w = ImMin(ImGui::GetContentRegionAvail().x,
                             style.FramePadding.x * 2 + box + style.ItemInnerSpacing.x + ImGui::CalcTextSize(text.c_str()).x);
    ImGui::BeginDisabled(!enabled);
    registry::hint_next("checkbox", *value ? 1 : 0);
    bool clicked = ImGui::InvisibleButton(label, ImVec2(w, h)) && enabled;
    const bool hovered = ImGui::IsItemHovered() && enabled;
    ImGui::EndDisabled();
    if (clicked) {
        *value = !*value;
        platform::request_frames();
    }
    const theme::Palette& c = theme::colors();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), c.hover, style.FrameRounding);
    const ImVec2 b0(pos.x + style.FramePadding.x, pos.y + (h - box) * 0.5f);
    const ImVec2 b1(b0.x + box, b0.y + box);
    if (*value) {
        dl->AddRectFilled(b0, b1, enabled ? c.accent : c.muted_text, 4.0f);
        ImGui::RenderCheckMark(dl, ImVec2(b0.x + box * 0.18f, b0.y + box * 0.2f), c.on_accent, box * 0.64f);
    } else {
        dl->AddRectFilled(b0, b1, c.surface, 4.0f);
        dl->AddRect(b0, b1, hovered ? c.accent : c.muted_text, 4.0f, 0, 1.5f);
    }
    dl->AddText(ImVec2(b1.x + style.ItemInnerSpacing.x, pos.y + style.FramePadding.y), enabled ? c.text : c.muted_text,
                text.c_str());
    return clicked;
}

namespace {

const EnglishText kEnglish[] = {
    {"Försök igen", "Try again"},
};
const EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace app::ui
