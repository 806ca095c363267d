// Browser input -> Dear ImGui's input queue: mouse, wheel, touch and keys through
// Emscripten's html5 API; typed text (å ä ö, phone keyboards, IME, paste) through a
// hidden <input> in the page (web/skolnav_glue.js), because only a focused text field
// gets the browser's text composition and opens a phone's keyboard.
#pragma once

namespace platform {

// Registers the html5 callbacks on #canvas and the window. Needs a current ImGui context.
void input_init();

// Called with every text typed, composed or pasted (UTF-8) before ImGui gets it: the
// fonts bake its glyphs.
void input_set_text_observer(void (*observer)(const char* utf8));

// After each frame: focus the hidden text field while ImGui edits text, place it at
// the caret (for IME candidate windows), blur it otherwise.
void input_sync_text_focus();

// A finger held still has started a text selection: until it lifts, its moves move the
// selection's end instead of scrolling the page.
void touch_hold_selects();

}  // namespace platform
