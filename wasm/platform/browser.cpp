#include "platform/browser.hpp"

#include <cstdlib>
#include <emscripten.h>

#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

std::function<void()> g_hash_handler;
std::function<void()> g_color_scheme_handler;

EM_JS(char*, js_location_hash, (), {
    var hash = decodeURI(window.location.hash || "");
    var size = lengthBytesUTF8(hash) + 1;
    var ptr = _malloc(size);
    stringToUTF8(hash, ptr, size);
    return ptr;
});

EM_JS(void, js_set_location_hash, (const char* hash, int replace), {
    var h = encodeURI(UTF8ToString(hash));
    if (decodeURI(window.location.hash || "") === UTF8ToString(hash)) return;
    var url = window.location.pathname + window.location.search + h;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
});

EM_JS(void, js_listen_hash_change, (), {
    // pushState fires no event; only the back/forward buttons and typed URLs do.
    window.addEventListener("popstate", function() { _skolnav_location_changed(); });
    window.addEventListener("hashchange", function() { _skolnav_location_changed(); });
});

EM_JS(char*, js_page_origin, (), {
    var origin = window.location.origin || "";
    var size = lengthBytesUTF8(origin) + 1;
    var ptr = _malloc(size);
    stringToUTF8(origin, ptr, size);
    return ptr;
});

EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });

EM_JS(void, js_open_url, (const char* url), {
    // noopener: the opened page gets no handle on Skolnav's window.
    window.open(UTF8ToString(url), "_blank", "noopener");
});

EM_JS(void, js_launch_app, (const char* url), {
    // An app's own scheme: the browser hands it over and the page stays where it is.
    window.location.href = UTF8ToString(url);
});

EM_JS(char*, js_stored_setting, (const char* key), {
    var value = "";
    try { value = window.localStorage.getItem(UTF8ToString(key)) || ""; } catch (e) {}
    var size = lengthBytesUTF8(value) + 1;
    var ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});

EM_JS(void, js_store_setting, (const char* key, const char* value), {
    try {
        var k = UTF8ToString(key), v = UTF8ToString(value);
        if (v) window.localStorage.setItem(k, v);
        else window.localStorage.removeItem(k);
    } catch (e) {}
});

EM_JS(int, js_prefers_dark, (), {
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0;
});

EM_JS(void, js_listen_color_scheme, (), {
    if (!window.matchMedia) return;
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function() {
        _skolnav_color_scheme_changed();
    });
});

EM_JS(void, js_set_document_language, (const char* code), {
    document.documentElement.lang = UTF8ToString(code);
});

}  // namespace

std::string location_hash() {
    char* raw = js_location_hash();
    std::string hash(raw);
    std::free(raw);
    return hash;
}

std::string page_origin() {
    char* raw = js_page_origin();
    std::string origin(raw);
    std::free(raw);
    return origin;
}

void set_location_hash(const std::string& hash, bool replace) { js_set_location_hash(hash.c_str(), replace ? 1 : 0); }

void on_location_hash_change(std::function<void()> handler) {
    bool first = !g_hash_handler;
    g_hash_handler = std::move(handler);
    if (first) js_listen_hash_change();
}

void set_document_title(const std::string& title) { js_set_title(title.c_str()); }

void open_url(const std::string& url) { js_open_url(url.c_str()); }

void launch_app(const std::string& url) { js_launch_app(url.c_str()); }

std::string stored_setting(const std::string& key) {
    char* raw = js_stored_setting(key.c_str());
    std::string value(raw);
    std::free(raw);
    return value;
}

void store_setting(const std::string& key, const std::string& value) { js_store_setting(key.c_str(), value.c_str()); }

bool system_prefers_dark() { return js_prefers_dark() != 0; }

void on_system_color_scheme_change(std::function<void()> handler) {
    bool first = !g_color_scheme_handler;
    g_color_scheme_handler = std::move(handler);
    if (first) js_listen_color_scheme();
}

void set_document_language(const char* code) { js_set_document_language(code); }

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_location_changed() {
    if (platform::g_hash_handler) platform::g_hash_handler();
    platform::request_frames();
}

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_color_scheme_changed() {
    if (platform::g_color_scheme_handler) platform::g_color_scheme_handler();
    platform::request_frames();
}
