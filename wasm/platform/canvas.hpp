// The canvas fills the window. Its drawing buffer is the CSS size times the device pixel
// ratio, so text and lines are drawn at the screen's real resolution (crisp on phones).
#pragma once

namespace platform {

struct CanvasSize {
    float css_width = 0, css_height = 0;  // layout units: ImGui works in these
    float pixel_ratio = 1;                // device pixels per CSS pixel
    int buffer_width = 0, buffer_height = 0;
};

// Creates the WebGL2 context on #canvas and makes it current. False if WebGL2 is missing.
bool canvas_init();

// Reads the CSS size and device pixel ratio and resizes the drawing buffer when needed.
const CanvasSize& canvas_update();

const CanvasSize& canvas_size();

// The pointer's shape over the canvas as a CSS cursor ("default", "pointer", "text", …).
// Touches the page only when it changes.
void canvas_set_cursor(const char* css_cursor);

}  // namespace platform
