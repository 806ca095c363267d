// A multi-line text field that wraps as you type, like a web page's <textarea>: ImGui
// 1.90's multi-line field does not wrap, so the field is shown a copy of the text in
// which the space at each wrap point is a line break ("soft" breaks). Swapping one byte
// for another keeps every offset, so the caret and selection stay where they are; the
// caller's buffer only ever holds the text as typed. The field grows with its text up
// to a limit and then scrolls, keeping the caret in view (ImGui does that part).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/text_area.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui_internal.h"

namespace app::ui {
namespace {

struct AreaState {
    std::vector<char> shown;  // the text with soft breaks, NUL-terminated, the caller's size
    std::vector<bool> soft;   // soft[i]: shown[i] is a wrap point (a space in the text)
    std::string typed;        // the caller's text as of the last frame
    float wrap = 0;
};
std::unordered_map<ImGuiID, AreaState> g_areas;

// The text as typed: soft breaks back to spaces.
std::string unwrap(const char* shown, int len, const std::vector<bool>& soft) {
    std::string out(shown, static_cast<size_t>(len));
    for (int i = 0; i < len && i < static_cast<int>(soft.size()); ++i)
        if (soft[i]) out[i] = ' ';
    return out;
}

// Writes `typed` with a soft break at each wrap point into `out` (same length) and marks
// them in `soft`. Lines wrap at spaces only; a word longer than the line stays whole.
void wrap_into(const std::string& typed, float wrap, char* out, std::vector<bool>& soft) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* base = typed.c_str();
    const char* end = base + typed.size();
    std::memcpy(out, base, typed.size() + 1);
    soft.assign(typed.size(), false);
    const char* s = base;
    while (s < end) {
        const char* para_end = static_cast<const char*>(memchr(s, '\n', static_cast<size_t>(end - s)));
        if (!para_end) para_end = end;
        while (s < para_end) {
            if (font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, s, para_end).x <= wrap) break;
            const char* eol = font->CalcWordWrapPositionA(scale, s, para_end, wrap);
            const char* brk = eol;
            while (brk > s && *brk != ' ') --brk;  // break at the last space that fits
            if (*brk != ' ' || brk == s) {          // no space: the long word stays whole
                brk = static_cast<const char*>(memchr(eol, ' ', static_cast<size_t>(para_end - eol)));
                if (!brk) break;
            }
            out[brk - base] = '\n';
            soft[static_cast<size_t>(brk - base)] = true;
            s = brk + 1;
        }
        s = para_end + 1;
    }
}

struct EditContext {
    AreaState* state;
};

// After each edit: keep which breaks were soft (offsets before the change stay, those
// after it move by the change in length; a line break typed or pasted is a real one),
// then wrap again.
int on_edit(ImGuiInputTextCallbackData* data) {
    AreaState& st = *static_cast<EditContext*>(data->UserData)->state;
    const std::vector<bool> old_soft = st.soft;
    const std::vector<char>& old = st.shown;  // not yet updated: the text before the edit
    const int old_len = static_cast<int>(std::strlen(old.data()));
    const int len = data->BufTextLen;
    int prefix = 0;
    while (prefix < old_len && prefix < len && old[prefix] == data->Buf[prefix]) ++prefix;
    int suffix = 0;
    while (suffix < old_len - prefix && suffix < len - prefix &&
           old[old_len - 1 - suffix] == data->Buf[len - 1 - suffix])
        ++suffix;
    std::vector<bool> soft(static_cast<size_t>(len), false);
    for (int i = 0; i < prefix; ++i) soft[i] = old_soft[i];
    for (int i = 0; i < suffix; ++i) soft[len - 1 - i] = old_soft[old_len - 1 - i];
    const std::string typed = unwrap(data->Buf, len, soft);
    wrap_into(typed, st.wrap, data->Buf, st.soft);
    std::memcpy(st.shown.data(), data->Buf, static_cast<size_t>(len) + 1);
    data->BufDirty = true;  // same length: the caret and selection keep their offsets
    return 0;
}

}  // namespace

bool TextArea(const char* label, char* buffer, size_t size, int min_lines, int max_lines, const char* hint) {
    const std::string shown_label = registry::visible_label(label);
    Text(shown_label, 0, fonts::Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y * 0.5f);
    const std::string id = std::string("##") + shown_label;
    AreaState& st = g_areas[ImGui::GetID(id.c_str())];
    const ImGuiStyle& style = ImGui::GetStyle();
    // The scrollbar's room is kept always, so text does not re-wrap when it appears.
    const float wrap = ImGui::GetContentRegionAvail().x - style.FramePadding.x * 2 - style.ScrollbarSize - 2;
    const bool active = ImGui::GetActiveID() == ImGui::GetID(id.c_str());
    if (st.shown.size() != size || st.typed != buffer || (st.wrap != wrap && !active)) {
        st.shown.assign(size, 0);
        st.typed = buffer;
        st.wrap = wrap;
        wrap_into(st.typed, wrap, st.shown.data(), st.soft);
    }
    const int lines = 1 + static_cast<int>(std::count(st.shown.begin(), st.shown.begin() + static_cast<long>(st.typed.size()), '\n'));
    const float h = ImGui::GetTextLineHeight() * static_cast<float>(std::clamp(lines, min_lines, max_lines)) +
                    style.FramePadding.y * 2;
    EditContext ctx{&st};
    registry::hint_next("input");
    const bool changed = ImGui::InputTextMultiline(id.c_str(), st.shown.data(), size, ImVec2(-FLT_MIN, h),
                                                   ImGuiInputTextFlags_CallbackEdit, on_edit, &ctx);
    if (hint && !buffer[0] && !ImGui::IsItemActive()) {  // ImGui's multi-line field has no hint of its own
        const ImVec2 at(ImGui::GetItemRectMin().x + style.FramePadding.x, ImGui::GetItemRectMin().y + style.FramePadding.y);
        ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    }
    const std::string typed = unwrap(st.shown.data(), static_cast<int>(std::strlen(st.shown.data())), st.soft);
    if (typed != st.typed) {
        st.typed = typed;
        std::snprintf(buffer, size, "%s", typed.c_str());
    }
    return changed;
}

}  // namespace app::ui
