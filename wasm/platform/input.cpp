#include "platform/input.hpp"

#include <cmath>
#include <map>
#include <cstring>
#include <string>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/canvas.hpp"
#include "platform/frame_scheduler.hpp"
#include "platform/frame_timer.hpp"

namespace platform {
namespace {

constexpr const char* kCanvas = "#canvas";

// Page CSS pixels to the UI's layout units (platform/canvas: its zoom).
float ui(double css) { return static_cast<float>(css) / canvas_zoom(); }

// --- mouse -----------------------------------------------------------------------

int to_imgui_button(unsigned short dom_button) {
    switch (dom_button) {
        case 0: return ImGuiMouseButton_Left;
        case 1: return ImGuiMouseButton_Middle;
        case 2: return ImGuiMouseButton_Right;
        default: return -1;
    }
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(ui(e->targetX), ui(e->targetY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        int button = to_imgui_button(e->button);
        if (button >= 0) io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    request_frames();
    // Keep focus where we put it (the hidden text field) instead of letting a click on
    // the canvas move it; ImGui decides what has focus.
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    request_frames();
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // ImGui counts wheel "notches"; browsers report pixels (about 100 a notch), lines
    // (3 a notch) or pages.
    double scale = 1.0 / 100.0;
    if (e->deltaMode == DOM_DELTA_LINE) scale = 1.0 / 3.0;
    else if (e->deltaMode == DOM_DELTA_PAGE) scale = 1.0;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(ui(e->mouse.targetX), ui(e->mouse.targetY));
    io.AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
    request_frames();
    return EM_TRUE;  // the page itself never scrolls: ImGui scrolls its windows
}

// --- touch -----------------------------------------------------------------------
// One finger acts as the mouse. A finger that moves more than a few pixels scrolls
// instead (as on any phone page) and does not click what it started on.

constexpr float kDragThreshold = 8.0f;
long g_touch_id = -1;
float g_touch_start_x = 0, g_touch_start_y = 0, g_touch_last_y = 0, g_touch_last_x = 0;
bool g_touch_scrolling = false;
bool g_touch_selecting = false;  // a long press started a text selection
constexpr double kLongPressMs = 520;  // a little after the UI's 0.5 s: a frame to notice it

// Two fingers pinch: the UI's zoom follows the distance between them (in steps,
// platform/canvas), as a phone's browser zooms a page. A press the first finger began
// is let go away from every widget, as when it scrolls.
std::map<long, ImVec2> g_fingers;  // the fingers down, in page CSS pixels
bool g_pinching = false;
float g_pinch_distance = 0, g_pinch_zoom = 1;

float finger_distance() {
    auto a = g_fingers.begin(), b = std::next(a);
    return std::hypot(a->second.x - b->second.x, a->second.y - b->second.y);
}

// True when the event belongs to a pinch (then it does nothing else).
bool pinch(int type, const EmscriptenTouchEvent* e) {
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART || type == EMSCRIPTEN_EVENT_TOUCHMOVE)
            g_fingers[t.identifier] = ImVec2(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
        else
            g_fingers.erase(t.identifier);
    }
    if (!g_pinching && g_fingers.size() >= 2) {
        g_pinching = true;
        g_pinch_distance = std::max(1.0f, finger_distance());
        g_pinch_zoom = canvas_zoom();
        ImGuiIO& io = ImGui::GetIO();
        if (g_touch_id >= 0 && !g_touch_scrolling) {
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        }
        g_touch_id = -1;
        g_touch_selecting = false;
        return true;
    }
    if (!g_pinching) return false;
    if (g_fingers.size() >= 2) {
        canvas_set_zoom(g_pinch_zoom * finger_distance() / g_pinch_distance);
    } else if (g_fingers.empty()) {
        g_pinching = false;
        canvas_keep_zoom();
        ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    return true;  // one finger left after a pinch: nothing until it lifts too
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (pinch(type, e)) {
        request_frames();
        return EM_TRUE;
    }
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        float x = ui(t.targetX), y = ui(t.targetY);
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g_touch_id < 0) {
            g_touch_id = t.identifier;
            g_touch_start_x = g_touch_last_x = x;
            g_touch_start_y = g_touch_last_y = y;
            g_touch_scrolling = g_touch_selecting = false;
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            request_frames_after(kLongPressMs);  // a held finger draws no frames by itself
        } else if (t.identifier == g_touch_id) {
            if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
                if (!g_touch_scrolling && !g_touch_selecting && (std::fabs(y - g_touch_start_y) > kDragThreshold ||
                                           std::fabs(x - g_touch_start_x) > kDragThreshold)) {
                    // Turn the press into a scroll: release it away from every widget.
                    g_touch_scrolling = true;
                    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
                    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
                    io.AddMousePosEvent(x, y);
                }
                if (g_touch_scrolling) {
                    float notch = 5.0f * ImGui::GetFontSize();  // ImGui scrolls 5 lines a notch
                    if (notch <= 0) notch = 80.0f;
                    io.AddMouseWheelEvent((x - g_touch_last_x) / notch, (y - g_touch_last_y) / notch);
                } else {
                    io.AddMousePosEvent(x, y);
                }
                g_touch_last_x = x;
                g_touch_last_y = y;
            } else {  // end or cancel
                if (!g_touch_scrolling) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
                io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // no hover left behind on a phone
                g_touch_id = -1;
                g_touch_selecting = false;
            }
        }
    }
    request_frames();
    return EM_TRUE;  // no emulated mouse events after touches
}

// --- keys ------------------------------------------------------------------------

ImGuiKey to_imgui_key(const EmscriptenKeyboardEvent* e) {
    const char* k = e->key;
    if (k[0] && !k[1]) {  // one printable character: letters and digits for shortcuts
        char c = k[0];
        if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
        if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
        if (c == ' ') return ImGuiKey_Space;
        return ImGuiKey_None;
    }
    struct Named { const char* name; ImGuiKey key; };
    static const Named named[] = {
        {"Backspace", ImGuiKey_Backspace}, {"Tab", ImGuiKey_Tab}, {"Enter", ImGuiKey_Enter},
        {"Escape", ImGuiKey_Escape}, {"Delete", ImGuiKey_Delete}, {"Insert", ImGuiKey_Insert},
        {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
        {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Shift", ImGuiKey_LeftShift},
        {"Control", ImGuiKey_LeftCtrl}, {"Alt", ImGuiKey_LeftAlt}, {"Meta", ImGuiKey_LeftSuper},
    };
    for (const Named& n : named)
        if (std::strcmp(k, n.name) == 0) return n.key;
    return ImGuiKey_None;
}

void (*g_text_observer)(const char* utf8) = nullptr;

}  // namespace

// Typed, composed or pasted text (UTF-8) into ImGui's queue; ImWchar is 32-bit
// (IMGUI_USE_WCHAR32), so characters beyond the BMP arrive whole.
void add_text(const char* utf8) {
    if (g_text_observer) g_text_observer(utf8);
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

namespace {

bool hidden_field_focused() {
    return EM_ASM_INT({ return document.activeElement === document.getElementById('skolnav-text') ? 1 : 0; });
}

// The key's text when it types exactly one character ("a", "Å", "😀"), else null
// ("Dead", "Process", "Enter").
const char* typed_character(const EmscriptenKeyboardEvent* e) {
    const char* k = e->key;
    if (!k[0] || (e->ctrlKey && !e->altKey) || e->metaKey) return nullptr;  // AltGr is Ctrl+Alt
    unsigned int c = 0;
    int n = ImTextCharFromUtf8(&c, k, nullptr);
    if (k[n] != 0 || c < 0x20 || c == 0x7F || c == IM_UNICODE_CODEPOINT_INVALID) return nullptr;
    return k;
}

bool is_text_key(ImGuiKey key) {
    return (key >= ImGuiKey_A && key <= ImGuiKey_Z) || (key >= ImGuiKey_0 && key <= ImGuiKey_9) ||
           key == ImGuiKey_Space;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    ImGuiKey key = to_imgui_key(e);
    bool shortcut = e->ctrlKey || e->metaKey;
    // Paste arrives as text in the hidden field (the browser reads the clipboard for us);
    // ImGui's own Ctrl+V would paste a second time.
    if (key == ImGuiKey_V && shortcut) key = ImGuiKey_None;
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
    request_frames();
    // A character typed before the hidden field has focus would reach no field and be
    // lost: right after a click on a text field, ImGui activates it on the next frame
    // and only then is the hidden field focused ("demo.vh" became "emo.vh"). Queue it
    // as text behind the click instead: ImGui's queue keeps the order, so it goes to the
    // field the click activates.
    if (down) {
        if (const char* text = typed_character(e); text && !hidden_field_focused()) {
            add_text(text);
            return EM_TRUE;
        }
    }
    if (key == ImGuiKey_None) return EM_FALSE;
    // Characters come only from the hidden field's input events, so the browser must
    // go on with printable keys; ImGui gets them as keys for shortcuts only.
    if (is_text_key(key)) return shortcut && (key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y);
    // Editing and navigation keys belong to ImGui (no focus change on Tab, no page scroll).
    return EM_TRUE;
}

// --- clipboard -------------------------------------------------------------------

std::string g_clipboard;  // what ImGui copied last; pasting goes through the browser

void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    EM_ASM({ if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString($0)).catch(() => {}); },
           g_clipboard.c_str());
}

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

// --- IME position ----------------------------------------------------------------

ImVec2 g_caret_pos;
float g_caret_height = 0;

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    g_caret_pos = data->InputPos;
    g_caret_height = data->InputLineHeight;
}

bool g_text_focused = false;

}  // namespace

void input_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "skolnav_html5";
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.SetPlatformImeDataFn = set_ime_data;
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_FALSE, on_mouse_leave);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    // Keys on the window: they arrive whether the canvas or the hidden field has focus.
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
}

void touch_hold_selects() {
    if (g_touch_id >= 0 && !g_touch_scrolling) g_touch_selecting = true;
}

void input_set_text_observer(void (*observer)(const char* utf8)) { g_text_observer = observer; }

void input_sync_text_focus() {
    bool want = ImGui::GetIO().WantTextInput;
    // The field follows the caret every frame; focus only changes on a change of state.
    EM_ASM({ if (Module.skolnavTextFocus) Module.skolnavTextFocus($0, $1, $2, $3, $4); },
           want ? 1 : 0, want != g_text_focused ? 1 : 0, g_caret_pos.x * canvas_zoom(), g_caret_pos.y * canvas_zoom(),
           g_caret_height * canvas_zoom());
    g_text_focused = want;
}

}  // namespace platform

// --- called from web/skolnav_glue.js ---------------------------------------------

extern "C" {

// Text the user typed, pasted or composed in the hidden field (UTF-8).
EMSCRIPTEN_KEEPALIVE void skolnav_input_text(const char* utf8) {
    // Text from the field is text even while Ctrl is still held (Ctrl+V pasted it), but
    // ImGui drops characters typed with Ctrl down: release the modifiers first. The next
    // key event sets them again from the browser's state.
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    io.AddKeyEvent(ImGuiMod_Super, false);
    platform::add_text(utf8);
    platform::request_frames();
}

// Editing keys a phone keyboard sends only as input events (no usable keydown):
// 1 = Backspace, 2 = Enter, 3 = Delete.
EMSCRIPTEN_KEEPALIVE void skolnav_input_edit_key(int which) {
    ImGuiKey key = which == 1 ? ImGuiKey_Backspace : which == 2 ? ImGuiKey_Enter : ImGuiKey_Delete;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    platform::request_frames();
}

}
