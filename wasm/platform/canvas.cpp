#include "platform/canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "platform/browser.hpp"
#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

constexpr const char* kCanvas = "#canvas";
constexpr const char* kZoomKey = "skolnav.zoom";
CanvasSize g_size;
double g_css_width = 0;  // the canvas's width in CSS pixels
float g_wanted = 1.0f;   // the zoom pinched (and kept)
float g_zoom = 1.0f;     // the zoom in effect: the wanted one, as far as the width allows

// The narrowest the views are laid out for: a 390 px phone zooms to 150 %, a 1280 px
// touch screen to 200 %.
constexpr double kMinLayoutWidth = 260;

float allowed(float zoom) {
    const float widest = g_css_width > 0 ? static_cast<float>(std::floor(g_css_width / kMinLayoutWidth * 10) / 10) : kMaxZoom;
    return std::clamp(std::round(zoom * 10.0f) / 10.0f, kMinZoom, std::clamp(widest, 1.0f, kMaxZoom));
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    request_frames();
    return EM_FALSE;
}

}  // namespace

bool canvas_init() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;      // opaque page: nothing behind the canvas to blend with
    attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(kCanvas, &attrs);
    if (context <= 0) return false;
    emscripten_webgl_make_context_current(context);
    // Resizing the window or zooming (which changes devicePixelRatio) needs a new frame.
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    const std::string kept = stored_setting(kZoomKey);
    if (!kept.empty()) g_wanted = std::clamp(std::strtof(kept.c_str(), nullptr), kMinZoom, kMaxZoom);
    canvas_update();
    return true;
}

void canvas_set_zoom(float zoom) {
    zoom = allowed(zoom);
    g_wanted = zoom;
    if (zoom == g_zoom) return;
    g_zoom = zoom;
    request_frames();
}

float canvas_zoom() { return g_zoom; }

void canvas_keep_zoom() {
    char text[16];
    std::snprintf(text, sizeof(text), "%.1f", g_wanted);
    store_setting(kZoomKey, g_wanted == 1.0f ? "" : text);
}

const CanvasSize& canvas_update() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    double ratio = emscripten_get_device_pixel_ratio();
    if (ratio <= 0) ratio = 1;
    int buffer_w = static_cast<int>(std::lround(css_w * ratio));
    int buffer_h = static_cast<int>(std::lround(css_h * ratio));
    if (buffer_w != g_size.buffer_width || buffer_h != g_size.buffer_height)
        emscripten_set_canvas_element_size(kCanvas, buffer_w, buffer_h);
    g_css_width = css_w;
    g_zoom = allowed(g_wanted);  // a phone turned upright may allow less than was pinched
    g_size.css_width = static_cast<float>(css_w) / g_zoom;
    g_size.css_height = static_cast<float>(css_h) / g_zoom;
    g_size.pixel_ratio = static_cast<float>(ratio) * g_zoom;
    g_size.buffer_width = buffer_w;
    g_size.buffer_height = buffer_h;
    return g_size;
}

const CanvasSize& canvas_size() { return g_size; }

void canvas_set_cursor(const char* css_cursor) {
    static const char* shown = "default";  // the page's own cursor until told otherwise
    if (std::strcmp(shown, css_cursor) == 0) return;
    shown = css_cursor;
    EM_ASM({ var c = document.getElementById('canvas'); if (c) c.style.cursor = UTF8ToString($0); }, css_cursor);
}

}  // namespace platform
