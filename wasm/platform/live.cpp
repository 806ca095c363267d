#include "platform/live.hpp"

#include <cstdlib>
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include "platform/connection.hpp"
#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

LiveHandlers g_handlers;
bool g_connected = false;

// The stream lives in JavaScript (Module.skolnavLive): its EventSource, the last event
// id, the pause before the next reopening and the timer for it. A generation number
// drops events of a stream that was replaced or closed.
//
// One stream per person per browser, not per tab: a browser opens at most six HTTP/1.1
// connections to a server, and a parent with six tabs open would otherwise have none
// left for requests. The tabs of one person elect a leader with a Web Lock named after
// them; the leader holds the EventSource and passes every message to the others over a
// BroadcastChannel of the same name (another person signed in in another tab has other
// names, and hears nothing). When the leader's tab closes, the lock passes to another
// tab, which opens the stream from the last id it heard. Browsers without Web Locks or
// BroadcastChannel: one stream per tab.
EM_JS(void, js_live_open, (const char* url_c, const char* event_c, const char* owner_c), {
    var url = UTF8ToString(url_c), eventName = UTF8ToString(event_c), owner = UTF8ToString(owner_c);
    var live = Module.skolnavLive || (Module.skolnavLive = { generation: 0 });
    if (live.source) live.source.close();
    if (live.timer) clearTimeout(live.timer);
    if (live.channel) live.channel.close();
    if (live.release) live.release();
    live.source = null;
    live.timer = 0;
    live.channel = null;
    live.release = null;
    live.generation++;
    live.lastId = "";
    live.pause = 1000;
    if (typeof EventSource === "undefined") return;
    var generation = live.generation;
    function deliver(data, id) {
        if (id) live.lastId = id;
        var size = lengthBytesUTF8(data) + 1;
        var ptr = _malloc(size);
        stringToUTF8(data, ptr, size);
        _skolnav_live_message(ptr);
        _free(ptr);
    }
    function tell(message) { if (live.channel && generation === live.generation) live.channel.postMessage(message); }
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
            live.pause = 1000;
            var data = String(e.data || "");
            tell({ kind: "message", data: data, id: e.lastEventId || "" });
            deliver(data, e.lastEventId);
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
            tell({ kind: "closed" });
            _skolnav_live_closed();
        };
    }
    if (!owner || typeof BroadcastChannel === "undefined" || !navigator.locks || !navigator.locks.request) {
        connect();
        return;
    }
    var name = "skolnav-live-" + owner;
    live.channel = new BroadcastChannel(name);
    live.channel.onmessage = function(e) {
        if (generation !== live.generation || live.source || !e.data) return;  // the leader has its own
        if (e.data.kind === "message") {
            _skolnav_live_state(1);
            deliver(String(e.data.data || ""), e.data.id);
        } else if (e.data.kind === "closed") {
            _skolnav_live_state(0);
            _skolnav_live_closed();
        }
    };
    navigator.locks.request(name, function() {
        if (generation !== live.generation) return;  // closed while waiting for the lock
        connect();
        // Held until this tab closes the stream (or the tab goes away).
        return new Promise(function(release) { live.release = release; });
    }).catch(function() {
        // No lock to be had (a frame under another site's page may refuse it): this tab's own stream.
        if (generation === live.generation && !live.source) connect();
    });
});

EM_JS(void, js_live_close, (), {
    var live = Module.skolnavLive;
    if (!live) return;
    live.generation++;
    if (live.source) live.source.close();
    if (live.timer) clearTimeout(live.timer);
    if (live.channel) live.channel.close();
    if (live.release) live.release();  // the lock: another tab of this person leads now
    live.source = null;
    live.timer = 0;
    live.channel = null;
    live.release = null;
    live.lastId = "";
});

void run_later(void* user_data) {
    auto* done = static_cast<std::function<void()>*>(user_data);
    (*done)();
    delete done;
}

}  // namespace

void live_open(const std::string& url, const std::string& event_name, const std::string& owner, LiveHandlers handlers) {
    g_handlers = std::move(handlers);
    g_connected = false;
    js_live_open(url.c_str(), event_name.c_str(), owner.c_str());
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

// The stream's opening is contact; its error may be the server gone: a probe tells.
extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_live_state(int connected) {
    platform::g_connected = connected != 0;
    if (connected) platform::connection_note_status(200);
    else platform::connection_check();
}

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_live_closed() {
    if (platform::g_handlers.closed) platform::g_handlers.closed();
}
