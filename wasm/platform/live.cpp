#include "platform/live.hpp"

#include <cstdlib>
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

LiveHandlers g_handlers;
bool g_connected = false;

// The stream lives in JavaScript (Module.skolnavLive): its EventSource, the last event
// id, the pause before the next reopening and the timer for it. A generation number
// drops events of a stream that was replaced or closed.
EM_JS(void, js_live_open, (const char* url_c, const char* event_c), {
    var url = UTF8ToString(url_c), eventName = UTF8ToString(event_c);
    var live = Module.skolnavLive || (Module.skolnavLive = { generation: 0 });
    if (live.source) live.source.close();
    if (live.timer) clearTimeout(live.timer);
    live.source = null;
    live.timer = 0;
    live.generation++;
    live.lastId = "";
    live.pause = 1000;
    if (typeof EventSource === "undefined") return;
    var generation = live.generation;
    function connect() {
        if (generation !== live.generation) return;
        live.timer = 0;
        var address = url;
        if (live.lastId) address += (url.indexOf("?") < 0 ? "?" : "&") + "after=" + encodeURIComponent(live.lastId);
        var source = new EventSource(address, { withCredentials: true });
        live.source = source;
        source.onopen = function() {
            if (generation !== live.generation) return;
            live.pause = 1000;
            _skolnav_live_state(1);
        };
        source.addEventListener(eventName, function(e) {
            if (generation !== live.generation) return;
            if (e.lastEventId) live.lastId = e.lastEventId;
            live.pause = 1000;
            var data = String(e.data || "");
            var size = lengthBytesUTF8(data) + 1;
            var ptr = _malloc(size);
            stringToUTF8(data, ptr, size);
            _skolnav_live_message(ptr);
            _free(ptr);
        });
        source.onerror = function() {
            if (generation !== live.generation) return;
            _skolnav_live_state(0);
            // CONNECTING: the browser tries again by itself (after the server's "retry").
            if (source.readyState !== EventSource.CLOSED) return;
            source.close();
            live.source = null;
            var wait = live.pause * (0.8 + Math.random() * 0.4);
            live.pause = Math.min(live.pause * 2, 30000);
            live.timer = setTimeout(connect, wait);
            _skolnav_live_closed();
        };
    }
    connect();
});

EM_JS(void, js_live_close, (), {
    var live = Module.skolnavLive;
    if (!live) return;
    live.generation++;
    if (live.source) live.source.close();
    if (live.timer) clearTimeout(live.timer);
    live.source = null;
    live.timer = 0;
    live.lastId = "";
});

void run_later(void* user_data) {
    auto* done = static_cast<std::function<void()>*>(user_data);
    (*done)();
    delete done;
}

}  // namespace

void live_open(const std::string& url, const std::string& event_name, LiveHandlers handlers) {
    g_handlers = std::move(handlers);
    g_connected = false;
    js_live_open(url.c_str(), event_name.c_str());
}

void live_close() {
    js_live_close();
    g_handlers = LiveHandlers{};
    g_connected = false;
}

bool live_connected() { return g_connected; }

void call_later(double ms, std::function<void()> done) {
    emscripten_set_timeout(run_later, ms, new std::function<void()>(std::move(done)));
}

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_live_message(const char* data) {
    platform::g_connected = true;
    if (platform::g_handlers.message) platform::g_handlers.message(data);
    platform::request_frames();
}

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_live_state(int connected) { platform::g_connected = connected != 0; }

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_live_closed() {
    if (platform::g_handlers.closed) platform::g_handlers.closed();
}
