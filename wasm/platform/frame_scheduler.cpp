#include "platform/frame_scheduler.hpp"
#include "platform/frame_timer.hpp"

#include <algorithm>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

namespace platform {
namespace {

FrameFunction g_draw;
int g_pending = 0;           // frames still owed after the last event
bool g_loop_running = false; // a requestAnimationFrame callback is scheduled
bool g_animating = false;    // set during a frame by keep_animating()
int g_unsettled = 0;         // consecutive frames whose output changed without an animation
unsigned g_frames = 0;

// A frame whose output keeps changing without an animation is a bug somewhere; this
// bounds the damage to a short burst instead of a loop that drains the battery.
constexpr int kMaxUnsettledFrames = 120;

EM_BOOL on_animation_frame(double /*time_ms*/, void*) {
    g_animating = false;
    bool changed = g_draw ? g_draw() : false;
    ++g_frames;
    if (g_pending > 0) --g_pending;
    if (g_animating) {
        g_pending = std::max(g_pending, 1);
        g_unsettled = 0;
    } else if (changed && g_unsettled < kMaxUnsettledFrames) {
        g_pending = std::max(g_pending, 1);
        ++g_unsettled;
    } else if (!changed) {
        g_unsettled = 0;
    }
    if (g_pending > 0) return EM_TRUE;  // keep the rAF loop going
    g_loop_running = false;
    return EM_FALSE;
}

}  // namespace

void set_frame_function(FrameFunction draw) { g_draw = std::move(draw); }

void request_frames(int frames) {
    g_pending = std::max(g_pending, frames);
    g_unsettled = 0;
    if (!g_loop_running) {
        g_loop_running = true;
        emscripten_request_animation_frame_loop(on_animation_frame, nullptr);
    }
}

namespace {
long g_timer = 0;
double g_timer_due = 0;  // emscripten_get_now() when the pending timer fires

void on_timer(void*) {
    g_timer = 0;
    request_frames();
}
}  // namespace

void request_frames_after(double ms) {
    const double due = emscripten_get_now() + ms;
    if (g_timer && g_timer_due <= due) return;
    if (g_timer) emscripten_clear_timeout(g_timer);
    g_timer_due = due;
    g_timer = emscripten_set_timeout(on_timer, ms, nullptr);
}

void keep_animating() { g_animating = true; }

unsigned frame_count() { return g_frames; }

bool frames_scheduled() { return g_loop_running; }

}  // namespace platform
