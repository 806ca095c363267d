#include "platform/connection.hpp"

#include <algorithm>
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

bool g_lost = false;
bool g_probing = false;   // a probe is on its way or waiting for its timer
unsigned g_restored = 0;
double g_pause_ms = 1000;
constexpr double kMaxPauseMs = 10000;

bool no_contact(int status) { return status == 0 || status == 502 || status == 503 || status == 504; }

// fetch, not emscripten_fetch: a probe is not one of the page's requests (tests wait for
// those to finish) and its failures draw nothing.
EM_JS(void, js_probe, (), {
    var done = function(status) { Module._skolnav_connection_probe(status); };
    fetch("/api/v1/me", { credentials: "same-origin", cache: "no-store", headers: { "Accept": "application/json" } })
        .then(function(r) { done(r.status); }, function() { done(0); });
});

void probe(void*) { js_probe(); }

void probe_after(double ms) {
    g_probing = true;
    emscripten_set_timeout(probe, ms, nullptr);
}

void set_lost(bool lost) {
    if (lost == g_lost) return;
    g_lost = lost;
    if (!lost) {
        ++g_restored;
        g_pause_ms = 1000;
    }
    request_frames();  // the banner comes or goes; views retry
}

}  // namespace

void connection_note_status(int status) {
    if (!no_contact(status)) {
        set_lost(false);
        return;
    }
    set_lost(true);
    if (!g_probing) probe_after(g_pause_ms);
}

void connection_check() {
    if (g_probing) return;
    probe_after(0);
}

bool connection_lost() { return g_lost; }

unsigned connection_restored_count() { return g_restored; }

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_connection_probe(int status) {
    using namespace platform;
    g_probing = false;
    if (!no_contact(status)) {
        set_lost(false);
        return;
    }
    set_lost(true);
    g_pause_ms = std::min(g_pause_ms * 2, kMaxPauseMs);
    probe_after(g_pause_ms);
}
