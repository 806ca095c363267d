// The canvas fills the window. Its drawing buffer is the CSS size times the device pixel
// ratio, so text and lines are drawn at the screen's real resolution (crisp on phones).
#pragma once

namespace platform {

struct CanvasSize {
    float css_width = 0, css_height = 0;  // layout units: ImGui works in these (CSS pixels / zoom)
    float pixel_ratio = 1;                // device pixels per layout unit (devicePixelRatio × zoom)
    int buffer_width = 0, buffer_height = 0;
};

// Creates the WebGL2 context on #canvas and makes it current. False if WebGL2 is missing.
bool canvas_init();

// Reads the CSS size and device pixel ratio and resizes the drawing buffer when needed.
const CanvasSize& canvas_update();

const CanvasSize& canvas_size();

// The UI's own zoom (a two-finger pinch on a phone, where the page itself cannot zoom:
// the canvas takes every touch). As the browser's zoom does, the UI lays out again in
// fewer, larger units and is drawn at the screen's full resolution: text stays sharp
// and nothing runs off the side. Kept in steps of 10 % between kMinZoom and kMaxZoom (or
// less, so the layout stays at least 260 units wide), and in this browser (localStorage)
// for the next visit.
inline constexpr float kMinZoom = 0.8f, kMaxZoom = 2.0f;
void canvas_set_zoom(float zoom);
float canvas_zoom();
// The zoom is final (the fingers lifted): remember it.
void canvas_keep_zoom();

// The pointer's shape over the canvas as a CSS cursor ("default", "pointer", "text", …).
// Touches the page only when it changes.
void canvas_set_cursor(const char* css_cursor);

}  // namespace platform
