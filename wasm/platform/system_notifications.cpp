#include "platform/system_notifications.hpp"

#include <emscripten.h>

#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

std::function<void()> g_answered;

EM_JS(int, js_notification_permission, (), {
    if (typeof Notification === "undefined") return 0;
    switch (Notification.permission) {
        case "granted": return 2;
        case "denied": return 3;
        default: return 1;
    }
});

EM_JS(void, js_request_notification_permission, (), {
    if (typeof Notification === "undefined") { _skolnav_notification_permission_answered(); return; }
    var done = function() { _skolnav_notification_permission_answered(); };
    try {
        var asked = Notification.requestPermission(done);  // older browsers: the callback
        if (asked && asked.then) asked.then(done, done);
    } catch (e) { done(); }
});

EM_JS(void, js_show_notification, (const char* title_c, const char* body_c, const char* tag_c, const char* hash_c), {
    if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
    var hash = UTF8ToString(hash_c);
    try {
        var n = new Notification(UTF8ToString(title_c), { body: UTF8ToString(body_c), tag: UTF8ToString(tag_c),
                                                          lang: document.documentElement.lang || "sv" });
        n.onclick = function(e) {
            if (e && e.preventDefault) e.preventDefault();
            window.focus();
            if (hash) window.location.hash = hash;  // hashchange: the app opens it
            n.close();
        };
    } catch (e) {
        // Some browsers (Chrome on Android) allow them only from a service worker.
    }
});

EM_JS(int, js_document_hidden, (), { return document.hidden ? 1 : 0; });

}  // namespace

NotificationPermission notification_permission() {
    switch (js_notification_permission()) {
        case 1: return NotificationPermission::Default;
        case 2: return NotificationPermission::Granted;
        case 3: return NotificationPermission::Denied;
        default: return NotificationPermission::Unsupported;
    }
}

void request_notification_permission(std::function<void()> answered) {
    g_answered = std::move(answered);
    js_request_notification_permission();
}

void show_system_notification(const std::string& title, const std::string& body, const std::string& tag,
                              const std::string& hash) {
    js_show_notification(title.c_str(), body.c_str(), tag.c_str(), hash.c_str());
}

bool document_hidden() { return js_document_hidden() != 0; }

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_notification_permission_answered() {
    auto answered = std::move(platform::g_answered);
    platform::g_answered = nullptr;
    if (answered) answered();
    platform::request_frames();
}
