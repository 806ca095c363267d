// Skolnav's WebAssembly client: sets up ImGui on the page's WebGL2 canvas and draws
// frames on demand. There is no main loop: main() returns and the page stays alive,
// woken by input events, HTTP replies and animations (platform/frame_scheduler).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <GLES3/gl3.h>
#include <emscripten.h>

#include "app/app.hpp"
#include "app/fonts.hpp"
#include "app/preferences.hpp"
#include "app/theme.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "platform/canvas.hpp"
#include "platform/frame_scheduler.hpp"
#include "platform/http.hpp"
#include "platform/input.hpp"

namespace {

app::App g_app;
double g_last_frame_time = 0;
double g_last_build_ms = 0;  // CPU time of the last frame's UI, for the browser tests
uint64_t g_last_output_hash = 0;
bool g_shown = false;  // the first real frame is on screen: the page's loading screen is gone

// A cheap fingerprint of what was drawn: when two frames in a row match, the UI has
// settled and the scheduler can stop.
uint64_t hash_draw_data(const ImDrawData* data) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* bytes, size_t n) {
        auto* p = static_cast<const unsigned char*>(bytes);
        for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        mix(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) mix(&cmd.ClipRect, sizeof(cmd.ClipRect));
    }
    return h;
}

// The pointer follows what is under it, as on a web page: a hand over what can be
// clicked (buttons, links, cards), an I-beam over text fields and selectable text.
// ImGui names the shape it wants; it has no "clickable" shape of its own, so any hovered
// interactive item (not a scrollbar, not disabled) gets the hand.
const char* css_cursor() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.IO.MouseSource == ImGuiMouseSource_TouchScreen) return "default";
    switch (ImGui::GetMouseCursor()) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: break;
    }
    const ImGuiWindow* w = g.HoveredWindow;
    const bool scrollbar = w && (g.HoveredId == ImGui::GetWindowScrollbarID(const_cast<ImGuiWindow*>(w), ImGuiAxis_Y) ||
                                 g.HoveredId == ImGui::GetWindowScrollbarID(const_cast<ImGuiWindow*>(w), ImGuiAxis_X));
    if (g.HoveredId != 0 && !g.HoveredIdDisabled && !scrollbar) return "pointer";
    return "default";
}

bool draw_frame() {
    const platform::CanvasSize& canvas = platform::canvas_update();
    if (app::fonts::ensure(canvas.pixel_ratio)) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(canvas.css_width, canvas.css_height);
    io.DisplayFramebufferScale = ImVec2(canvas.pixel_ratio, canvas.pixel_ratio);
    double now = emscripten_get_now() / 1000.0;
    // After an idle spell the gap is long; ImGui only needs a sane, positive delta.
    io.DeltaTime = static_cast<float>(std::clamp(now - g_last_frame_time, 1.0 / 240.0, 0.1));
    g_last_frame_time = now;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    app::registry::begin_frame();
    g_app.draw();
    ImGui::Render();
    app::registry::end_frame();
    platform::canvas_set_cursor(css_cursor());
    g_last_build_ms = emscripten_get_now() - now * 1000.0;

    glViewport(0, 0, canvas.buffer_width, canvas.buffer_height);
    ImVec4 page = ImGui::ColorConvertU32ToFloat4(app::theme::colors().page);
    glClearColor(page.x, page.y, page.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    platform::input_sync_text_focus();
    if (!g_shown && g_app.shown()) {
        g_shown = true;
        EM_ASM({ if (Module.skolnavShown) Module.skolnavShown(); });
    }

    uint64_t hash = hash_draw_data(ImGui::GetDrawData());
    bool changed = hash != g_last_output_hash;
    g_last_output_hash = hash;
    bool input_queued = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    return changed || input_queued;
}

}  // namespace

extern "C" {

// Read by web/skolnav_glue.js (window.skolnav): frames drawn, and whether anything is
// still pending (requests in flight or frames scheduled).
EMSCRIPTEN_KEEPALIVE unsigned skolnav_frame_count() { return platform::frame_count(); }
// CPU time of the last frame's UI: layout, widgets and draw lists (not the GPU's work).
EMSCRIPTEN_KEEPALIVE double skolnav_last_frame_build_ms() { return g_last_build_ms; }
// The font atlas's state (app::fonts::state_json), for the browser tests.
EMSCRIPTEN_KEEPALIVE const char* skolnav_fonts_json() {
    static std::string json;
    json = app::fonts::state_json();
    return json.c_str();
}
// The UI's zoom (a pinch on a phone: platform/canvas), for the browser tests.
EMSCRIPTEN_KEEPALIVE float skolnav_zoom() { return platform::canvas_zoom(); }
EMSCRIPTEN_KEEPALIVE int skolnav_busy() {
    return platform::http_in_flight() + (platform::frames_scheduled() ? 1 : 0);
}

}

int main() {
    if (!platform::canvas_init()) {
        EM_ASM({
            if (Module.skolnavFatal)
                Module.skolnavFatal("Din webbläsare saknar WebGL 2, som Skolnav behöver.",
                                    "Your browser lacks WebGL 2, which Skolnav needs.");
        });
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to remember between visits
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep frames coming
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    app::preferences::load();  // language and theme before the first frame
    app::theme::apply(ImGui::GetStyle());
    ImGui_ImplOpenGL3_Init("#version 300 es");
    platform::input_init();
    platform::input_set_text_observer([](const char* utf8) { app::fonts::note_text(utf8); });
    platform::set_frame_function(draw_frame);
    g_app.start();
    platform::request_frames();
    EM_ASM({ if (Module.skolnavStarted) Module.skolnavStarted(); });
    return 0;
}
