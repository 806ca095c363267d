#include "platform/canvas.hpp"

#include <cmath>
#include <cstring>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

constexpr const char* kCanvas = "#canvas";
CanvasSize g_size;

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
    canvas_update();
    return true;
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
    g_size.css_width = static_cast<float>(css_w);
    g_size.css_height = static_cast<float>(css_h);
    g_size.pixel_ratio = static_cast<float>(ratio);
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
