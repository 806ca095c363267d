// Text a user can select and copy, as on a web page: drag over it with the mouse,
// double-click a word, triple-click a paragraph, or hold a finger on it; Ctrl+C (or the
// "Kopiera" that appears beside a selection made by touch) copies the selection.
// ImGui 1.90 has no selectable static text, so this lays the text out line by line
// itself (the same word wrap ImGui's Text uses) and maps the pointer to characters.
// One selection exists at a time, as in a browser.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/selectable_text.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui_internal.h"
#include "platform/browser.hpp"
#include "platform/frame_scheduler.hpp"
#include "platform/frame_timer.hpp"
#include "platform/input.hpp"

namespace app::ui {
namespace {

constexpr float kLongPressSeconds = 0.5f;
constexpr const char* kMenuWindow = "##selection_menu";

struct Line {
    int begin = 0, end = 0;  // byte offsets into the text; `end` excludes the break
};

struct Selection {
    ImGuiID owner = 0;        // the text that holds it (0: none)
    int anchor = 0, caret = 0;
    bool dragging = false;    // the button went down on the text and is still down
    bool by_touch = false;    // made with a finger: offer "Kopiera" beside it
    ImVec2 top_left;          // where the selection starts on screen, for the menu
    ImRect bounds;            // the owning text on screen (last frame)
    double pressed_at = 0;    // wall-clock seconds of the press (ImGui's clock stops while idle)
    std::string text;         // the selected text, once the selection is made
};
Selection g_sel;
ImRect g_menu_bounds;  // the "Kopiera" menu on screen (last frame; empty when not shown)

// A link or file row held with a finger (LinkRow), and the menu it opened.
struct HeldLink {
    ImGuiID pressing = 0;   // the row a finger is down on
    double pressed_at = 0;  // wall-clock seconds of that press
    bool menu = false;      // the menu is shown
    std::string url;        // what it opens and copies
    ImVec2 at;              // the finger, where the menu goes
};
HeldLink g_link;
ImRect g_link_menu_bounds;
constexpr const char* kLinkMenuWindow = "##link_menu";

struct Layout {
    std::vector<Line> lines;
    float width = 0;
};

Layout lay_out(ImFont* font, float size, std::string_view text, float wrap) {
    Layout out;
    const float scale = size / font->FontSize;
    const char* base = text.data();
    const char* end = base + text.size();
    const char* s = base;
    for (;;) {
        const char* para_end = static_cast<const char*>(memchr(s, '\n', static_cast<size_t>(end - s)));
        if (!para_end) para_end = end;
        const char* p = s;
        do {
            const char* eol = p < para_end ? font->CalcWordWrapPositionA(scale, p, para_end, wrap) : para_end;
            if (eol <= p && p < para_end) eol = p + ImTextCountUtf8BytesFromChar(p, para_end);
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0, p, eol).x;
            out.width = std::max(out.width, w);
            out.lines.push_back({static_cast<int>(p - base), static_cast<int>(eol - base)});
            p = eol;
            while (p < para_end && (*p == ' ' || *p == '\t')) ++p;  // a wrapped line starts at its word
        } while (p < para_end);
        if (para_end >= end) break;
        s = para_end + 1;
    }
    return out;
}

// The byte offset nearest to `x` on a line that starts at `left`.
int offset_at(ImFont* font, float size, std::string_view text, const Line& line, float left, float x) {
    const float scale = size / font->FontSize;
    const char* s = text.data() + line.begin;
    const char* end = text.data() + line.end;
    float at = left;
    while (s < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, end);
        const float advance = c == '\r' ? 0.0f : font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (x < at + advance * 0.5f) break;
        at += advance;
        s += n > 0 ? n : 1;
    }
    return static_cast<int>(s - text.data());
}

float x_of(ImFont* font, float size, std::string_view text, const Line& line, int offset) {
    const int to = std::clamp(offset, line.begin, line.end);
    return font->CalcTextSizeA(size, FLT_MAX, 0, text.data() + line.begin, text.data() + to).x;
}

bool word_char(unsigned char c) {
    if (c >= 0x80) return true;  // å, ä, ö and every other letter outside ASCII
    return std::isalnum(c) || c == '-' || c == '_' || c == '\'';
}

void select_word(std::string_view text, int at) {
    int a = std::clamp(at, 0, static_cast<int>(text.size()));
    int b = a;
    if (b < static_cast<int>(text.size()) && !word_char(text[b]) && a > 0 && word_char(text[a - 1])) --a, b = a;
    while (a > 0 && word_char(text[a - 1])) --a;
    while (b < static_cast<int>(text.size()) && word_char(text[b])) ++b;
    if (a == b && b < static_cast<int>(text.size())) b += ImTextCountUtf8BytesFromChar(text.data() + b, text.data() + text.size());
    g_sel.anchor = a;
    g_sel.caret = b;
}

void select_paragraph(std::string_view text, int at) {
    const size_t start = text.rfind('\n', at > 0 ? static_cast<size_t>(at - 1) : 0);
    const size_t stop = text.find('\n', static_cast<size_t>(at));
    g_sel.anchor = start == std::string_view::npos || at == 0 ? 0 : static_cast<int>(start) + 1;
    g_sel.caret = stop == std::string_view::npos ? static_cast<int>(text.size()) : static_cast<int>(stop);
}

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void copy(const std::string& text) {
    if (text.empty()) return;
    ImGui::SetClipboardText(text.c_str());
}

}  // namespace

void SelectableText(std::string_view text, ImU32 color, fonts::Face face) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    ImFont* font = fonts::get(face);
    ImGui::PushFont(font);
    const float size = ImGui::GetFontSize();
    const float line_h = size;
    const float wrap_x = window->DC.TextWrapPos < 0.0f ? 0.0f : window->DC.TextWrapPos;
    const float wrap = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_x);
    const Layout layout = lay_out(font, size, text, wrap);
    const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    const ImVec2 text_size(layout.width, line_h * static_cast<float>(layout.lines.size()));
    const ImRect bb(pos, ImVec2(pos.x + std::max(text_size.x, wrap), pos.y + text_size.y));
    const ImGuiID id = window->GetID(text.data(), text.data() + std::min<size_t>(text.size(), 256));
    ImGui::ItemSize(text_size, 0.0f);
    // Registered before the clipping check, as ImGui's own items reach the registry
    // through the test-engine hook: text scrolled out of view is still on the page.
    registry::add_text(text, pos, ImVec2(pos.x + text_size.x, pos.y + text_size.y));
    if (!ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_NoNav)) {
        ImGui::PopFont();
        return;
    }

    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::ItemHoverable(bb, id, 0);
    if (g_sel.owner == id) g_sel.bounds = bb;
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    const int n = static_cast<int>(text.size());
    auto hit = [&](ImVec2 p) {
        const int row = std::clamp(static_cast<int>((p.y - pos.y) / line_h), 0, static_cast<int>(layout.lines.size()) - 1);
        if (p.y < pos.y) return 0;
        if (p.y >= pos.y + text_size.y) return n;
        return offset_at(font, size, text, layout.lines[row], pos.x, p.x);
    };
    const bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;
    bool changed = false;

    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const int at = hit(io.MousePos);
        g_sel.owner = id;
        g_sel.bounds = bb;
        g_sel.pressed_at = now_seconds();
        g_sel.by_touch = touch;
        g_sel.dragging = !touch;  // a finger scrolls; it selects by holding still
        const int clicks = io.MouseClickedCount[ImGuiMouseButton_Left];
        if (touch) g_sel.anchor = g_sel.caret = at;
        else if (clicks == 2) select_word(text, at);
        else if (clicks >= 3) select_paragraph(text, at);
        else if (io.KeyShift && g_sel.owner == id) g_sel.caret = at;
        else g_sel.anchor = g_sel.caret = at;
        if (!touch) {
            ImGui::SetActiveID(id, window);
            ImGui::SetFocusID(id, window);
            ImGui::FocusWindow(window);
        }
        changed = true;
    }
    if (g_sel.owner == id) {
        // A finger held still on the text selects the word under it, and then drags
        // the selection's end (the platform stops turning its moves into scrolling).
        if (touch && !g_sel.dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left) && hovered &&
            now_seconds() - g_sel.pressed_at >= kLongPressSeconds) {
            select_word(text, hit(io.MouseClickedPos[ImGuiMouseButton_Left]));
            g_sel.dragging = true;
            platform::touch_hold_selects();
            changed = true;
        }
        if (g_sel.dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            const int at = hit(io.MousePos);
            const bool moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
            if (moved && !(touch && at == g_sel.caret)) {
                if (io.MouseClickedCount[ImGuiMouseButton_Left] <= 1 || touch) g_sel.caret = at;
                changed = true;
            }
        } else if (g_sel.dragging) {
            g_sel.dragging = false;
            if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
        }
        g_sel.anchor = std::clamp(g_sel.anchor, 0, n);
        g_sel.caret = std::clamp(g_sel.caret, 0, n);
    }

    const int a = std::min(g_sel.anchor, g_sel.caret), b = std::max(g_sel.anchor, g_sel.caret);
    const bool selected = g_sel.owner == id && a < b;
    if (g_sel.owner == id) {
        if (changed) g_sel.text = selected ? std::string(text.substr(a, b - a)) : std::string();
        const bool editing = ImGui::GetIO().WantTextInput;
        if (selected && !editing && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_C, false)) copy(g_sel.text);
    }

    ImDrawList* dl = window->DrawList;
    if (selected) {
        for (size_t i = 0; i < layout.lines.size(); ++i) {
            const Line& line = layout.lines[i];
            const int next = i + 1 < layout.lines.size() ? layout.lines[i + 1].begin : n;
            if (b <= line.begin || a >= std::max(line.end + 1, next)) continue;
            const float y = pos.y + line_h * static_cast<float>(i);
            float x0 = pos.x + x_of(font, size, text, line, a);
            float x1 = pos.x + x_of(font, size, text, line, b);
            if (b > line.end) x1 += size * 0.3f;  // the break is selected too
            dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + line_h), theme::colors().selection, 2.0f);
        }
        // Where the menu goes: above the first selected line.
        for (size_t i = 0; i < layout.lines.size(); ++i) {
            const int next = i + 1 < layout.lines.size() ? layout.lines[i + 1].begin : n + 1;
            if (a < next) {
                g_sel.top_left = ImVec2(pos.x + x_of(font, size, text, layout.lines[i], a), pos.y + line_h * static_cast<float>(i));
                break;
            }
        }
    }
    const ImU32 col = color ? color : ImGui::GetColorU32(ImGuiCol_Text);
    for (size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& line = layout.lines[i];
        if (line.end > line.begin)
            dl->AddText(font, size, ImVec2(pos.x, pos.y + line_h * static_cast<float>(i)), col, text.data() + line.begin,
                        text.data() + line.end);
    }
    ImGui::PopFont();
    if (changed) platform::request_frames();
}

bool LinkRow(const std::string& name, const std::string& detail, const std::string& button_label,
             const std::string& url) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool pressed = NamedAction(name, detail, button_label);
    // The whole row: the name and detail at the left, the button at the right.
    const ImRect row(start, ImVec2(start.x + width, ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y));
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiID id = ImGui::GetID(url.c_str());
    if (io.MouseSource == ImGuiMouseSource_TouchScreen && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
        row.Contains(io.MouseClickedPos[ImGuiMouseButton_Left])) {
        g_link.pressing = id;
        g_link.pressed_at = now_seconds();
    }
    if (g_link.pressing == id) {
        // A finger that lifts or scrolls (the platform lets the press go) is no hold.
        const double held = now_seconds() - g_link.pressed_at;
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            g_link.pressing = 0;
        } else if (held < kLongPressSeconds) {
            // A frame when the hold is long enough (the platform's own may come early).
            platform::request_frames_after((kLongPressSeconds - held) * 1000.0 + 20.0);
        } else {
            g_link.pressing = 0;
            g_link.menu = true;
            g_link.url = url;
            g_link.at = io.MouseClickedPos[ImGuiMouseButton_Left];
            ImGui::ClearActiveID();  // lifting the finger must not press the button under it
            platform::touch_hold_selects();  // and moving it must not scroll
            platform::request_frames();
        }
    }
    return pressed;
}

void ClearSelectionOnOutsideClick() {
    // Called once a frame before the page is drawn: a press anywhere but on the owning
    // text (or on the menu beside it) ends the selection, as a click does on a web page.
    // (Positions, not hover: a finger's press comes with its position in one frame.)
    if (g_link.menu && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
        !g_link_menu_bounds.Contains(ImGui::GetIO().MousePos))
        g_link.menu = false;
    if (!g_sel.owner || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
    const ImVec2 at = ImGui::GetIO().MousePos;
    if (g_menu_bounds.Contains(at) || g_sel.bounds.Contains(at)) return;
    g_sel = Selection();
}

namespace {
// "Öppna" and "Kopiera länk" above the finger that held a link or file row.
void link_menu() {
    g_link_menu_bounds = ImRect();
    if (!g_link.menu) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float h = ImGui::GetFontSize() + style.FramePadding.y * 2 + 12;
    // Centred above the finger (below it at the top of the screen), inside the screen.
    const float w = ButtonWidth(tr("Öppna##link_menu")) * 1.1f + ButtonWidth(tr("Kopiera länk##link_menu")) + 12 + 8;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImVec2 at(std::clamp(g_link.at.x, w * 0.5f + 8, std::max(w * 0.5f + 8, display.x - w * 0.5f - 8)), g_link.at.y - h - 24);
    if (at.y < 8) at.y = g_link.at.y + 32;
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::colors().surface);
    ImGui::PushStyleColor(ImGuiCol_Border, theme::colors().border_hover);
    ImGui::Begin(kLinkMenuWindow, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    if (PrimaryButton(tr("Öppna##link_menu"))) {
        platform::open_url(g_link.url);
        g_link.menu = false;
    }
    ImGui::SameLine(0, 8);
    if (SecondaryButton(tr("Kopiera länk##link_menu"))) {
        // The whole address, as a browser copies a link: a file's is on this origin.
        copy(g_link.url.rfind("/", 0) == 0 ? platform::page_origin() + g_link.url : g_link.url);
        g_link.menu = false;
    }
    g_link_menu_bounds = ImGui::GetCurrentWindow()->Rect();
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    if (!g_link.menu) platform::request_frames();
}
}  // namespace

void SelectionMenu() {
    g_menu_bounds = ImRect();
    link_menu();
    if (!g_sel.owner || !g_sel.by_touch || g_sel.text.empty() || g_sel.dragging) return;
    const char* label = tr("Kopiera##selection");
    const ImGuiStyle& style = ImGui::GetStyle();
    const float h = ImGui::GetFontSize() + style.FramePadding.y * 2 + style.WindowPadding.y;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImVec2 at(std::clamp(g_sel.top_left.x, 8.0f, std::max(8.0f, display.x - 140.0f)), g_sel.top_left.y - h - 8);
    if (at.y < 8) at.y = g_sel.top_left.y + ImGui::GetFontSize() * 2;
    ImGui::SetNextWindowPos(at);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
    ImGui::Begin(kMenuWindow, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    if (PrimaryButton(label)) {
        copy(g_sel.text);
        g_sel = Selection();
    }
    g_menu_bounds = ImGui::GetCurrentWindow()->Rect();
    ImGui::End();
    ImGui::PopStyleVar(2);
}

bool CopyButton(const char* id, const std::string& text) {
    // "Kopiera texten" and, once pressed, "Texten är kopierad" until another text is copied.
    static ImGuiID copied = 0;
    ImGui::PushID(id);
    const ImGuiID key = ImGui::GetID(text.data(), text.data() + std::min<size_t>(text.size(), 256));
    const bool done = copied == key;
    const std::string label = done ? std::string(icons::kSuccess) + "  " + tr("Texten är kopierad##copy_item")
                                   : std::string(tr("Kopiera texten##copy_item"));
    // Moved left by its padding, as BackButton: its text (not its frame) lines up with the text above.
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetStyle().FramePadding.x);
    const bool clicked = QuietButton(label.c_str());
    ImGui::PopID();
    if (clicked) {
        copy(text);
        copied = key;
    }
    return clicked;
}

namespace {
const EnglishText kEnglish[] = {
    {"Kopiera", "Copy"},
    {"Kopiera texten", "Copy the text"},
    {"Texten är kopierad", "Text copied"},
    {"Öppna", "Open"},
    {"Kopiera länk", "Copy link"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app::ui
