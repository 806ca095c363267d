#include "app/widget_registry.hpp"

#include <cstdarg>
#include <unordered_map>
#include <vector>
#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "imgui_internal.h"
#include "platform/canvas.hpp"

namespace app::registry {
namespace {

struct Entry {
    std::string label, role;
    ImRect rect;
    int checked = -1;  // -1: not checkable
    bool disabled = false, active = false;
};

struct Added {
    ImRect rect;
    ImGuiItemFlags flags = 0;
};

std::unordered_map<ImGuiID, Added> g_added;  // this frame's ItemAdd calls
std::vector<Entry> g_entries;
std::string g_json = "[]";
std::string g_hint_role;
int g_hint_checked = -1;

bool is_icon_byte_sequence(const unsigned char* p) {
    // Font Awesome sits in the Private Use Area U+F000..U+F8FF: UTF-8 EF 80..A3 xx.
    return p[0] == 0xEF && p[1] >= 0x80 && p[1] <= 0xA3 && p[2] != 0;
}

std::string trim(std::string s) {
    size_t b = s.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    size_t e = s.find_last_not_of(' ');
    return s.substr(b, e - b + 1);
}

}  // namespace

std::string visible_label(std::string_view label) {
    // The text shown, without icon glyphs; for an icon-only label ("<icon>##Inställningar")
    // the name after the hashes.
    auto without_icons = [](std::string_view shown) {
        std::string out;
        out.reserve(shown.size());
        for (size_t i = 0; i < shown.size();) {
            auto* p = reinterpret_cast<const unsigned char*>(shown.data() + i);
            if (i + 3 <= shown.size() && is_icon_byte_sequence(p)) {
                i += 3;
                continue;
            }
            out.push_back(shown[i++]);
        }
        return trim(out);
    };
    const size_t hashes = label.find("##");
    std::string shown = without_icons(label.substr(0, hashes));
    if (shown.empty() && hashes != std::string_view::npos) {
        std::string_view name = label.substr(hashes);
        while (!name.empty() && name.front() == '#') name.remove_prefix(1);
        shown = without_icons(name);
    }
    return shown;
}

void hint_next(const char* role, int checked) {
    g_hint_role = role;
    g_hint_checked = checked;
}

void add_text(std::string_view text, const ImVec2& min, const ImVec2& max) {
    std::string label = visible_label(text);
    if (label.empty()) return;
    g_entries.push_back(Entry{label, "text", ImRect(min, max)});
}

void begin_frame() {
    g_added.clear();
    g_entries.clear();
    g_hint_role.clear();
    GImGui->TestEngineHookItems = true;
}

void end_frame() {
    nlohmann::json out = nlohmann::json::array();
    const float zoom = platform::canvas_zoom();  // layout units back to the page's CSS pixels
    for (const Entry& e : g_entries) {
        nlohmann::json w = {{"label", e.label}, {"role", e.role},
                            {"x", e.rect.Min.x * zoom}, {"y", e.rect.Min.y * zoom},
                            {"w", e.rect.GetWidth() * zoom}, {"h", e.rect.GetHeight() * zoom},
                            {"disabled", e.disabled}, {"active", e.active}};
        if (e.checked >= 0) w["checked"] = e.checked == 1;
        out.push_back(std::move(w));
    }
    g_json = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const std::string& frame_json() { return g_json; }

void record_item_add(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* data) {
    (void)ctx;
    g_added[id] = Added{bb, data ? data->InFlags : 0};
}

void record_item_info(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto it = g_added.find(id);
    if (it == g_added.end() || !label) return;
    if (ImGui::FindWindowByID(id)) return;  // windows and child panels report themselves: not widgets
    Entry e;
    e.label = visible_label(label);
    e.rect = it->second.rect;
    e.disabled = (it->second.flags & ImGuiItemFlags_Disabled) != 0;
    e.active = ctx->ActiveId == id;
    if (!g_hint_role.empty()) {
        e.role = g_hint_role;
        e.checked = g_hint_checked;
        g_hint_role.clear();
    } else if (flags & ImGuiItemStatusFlags_Inputable) {
        e.role = "input";
    } else if (flags & ImGuiItemStatusFlags_Checkable) {
        e.role = "checkbox";
        e.checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
    } else {
        e.role = "button";
    }
    g_entries.push_back(std::move(e));
}

}  // namespace app::registry

// --- ImGui's test-engine hooks (compiled in with IMGUI_ENABLE_TEST_ENGINE) ------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    app::registry::record_item_add(ctx, id, bb, item_data);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    app::registry::record_item_info(ctx, id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

extern "C" EMSCRIPTEN_KEEPALIVE const char* skolnav_widgets_json() {
    return app::registry::frame_json().c_str();
}
