#include "platform/http.hpp"

#include <cstring>
#include <map>
#include <emscripten.h>
#include <emscripten/fetch.h>

#include "platform/connection.hpp"
#include "platform/frame_scheduler.hpp"

namespace platform {
namespace {

int g_in_flight = 0;
const char* g_language = "sv";  // a string literal from the caller: lives forever

struct PendingRequest {
    std::string body;  // must outlive emscripten_fetch()
    HttpCallback done;
};

void finish(emscripten_fetch_t* fetch) {
    auto* pending = static_cast<PendingRequest*>(fetch->userData);
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0)
        response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    emscripten_fetch_close(fetch);
    --g_in_flight;
    connection_note_status(response.status);
    if (pending->done) pending->done(response);
    delete pending;
    request_frames();  // a reply changes what is on screen
}

}  // namespace

namespace {

// One request; emscripten_fetch copies the headers before it returns, the body not.
void send(const std::string& method, const std::string& url, const char* content_type, std::string body,
          HttpCallback done) {
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    // The session is an HttpOnly cookie: the browser sends it, the client never sees it.
    attr.withCredentials = EM_TRUE;
    const char* with_body[] = {"Content-Type", content_type, "Accept", "application/json",
                               "Accept-Language", g_language, nullptr};
    const char* without_body[] = {"Accept", "application/json", "Accept-Language", g_language, nullptr};
    auto* pending = new PendingRequest{std::move(body), std::move(done)};
    if (!pending->body.empty()) {
        attr.requestHeaders = with_body;
        attr.requestData = pending->body.data();
        attr.requestDataSize = pending->body.size();
    } else {
        attr.requestHeaders = without_body;
    }
    attr.userData = pending;
    attr.onsuccess = finish;
    attr.onerror = finish;  // HTTP errors carry a JSON body the user should see
    ++g_in_flight;
    emscripten_fetch(&attr, url.c_str());
}

}  // namespace

void http_request(const std::string& method, const std::string& url, const std::string& body,
                  HttpCallback done) {
    send(method, url, "application/json", body, std::move(done));
}

namespace {

struct Upload {
    HttpProgress progress;
    HttpCallback done;
};
std::map<int, Upload> g_uploads;
int g_next_upload = 0;

// The bytes are copied out of the heap at once; the XHR lives in Module.skolnavUploads
// until it ends or is cancelled.
EM_JS(void, js_upload, (int id, const char* url, const char* type, const char* language, const char* data, int size), {
    var uploads = Module.skolnavUploads || (Module.skolnavUploads = {});
    var xhr = new XMLHttpRequest();
    uploads[id] = xhr;
    xhr.open("POST", UTF8ToString(url));
    xhr.withCredentials = true;
    xhr.setRequestHeader("Content-Type", UTF8ToString(type));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", UTF8ToString(language));
    xhr.upload.onprogress = function(e) {
        if (uploads[id] === xhr) _skolnav_upload_progress(id, e.loaded, e.lengthComputable ? e.total : size);
    };
    var finish = function(status) {
        if (uploads[id] !== xhr) return;
        delete uploads[id];
        var text = status ? String(xhr.responseText || "") : "";
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        stringToUTF8(text, p, n);
        _skolnav_upload_done(id, status, p);
        _free(p);
    };
    xhr.onload = function() { finish(xhr.status); };
    xhr.onerror = function() { finish(0); };
    xhr.send(HEAPU8.slice(data, data + size));
});

EM_JS(void, js_upload_cancel, (int id), {
    var uploads = Module.skolnavUploads, xhr = uploads && uploads[id];
    if (!xhr) return;
    delete uploads[id];
    xhr.abort();
});

}  // namespace

int http_upload(const std::string& url, const std::string& content_type, std::string bytes, HttpProgress progress,
                HttpCallback done) {
    const int id = ++g_next_upload;
    g_uploads[id] = Upload{std::move(progress), std::move(done)};
    ++g_in_flight;
    js_upload(id, url.c_str(), content_type.c_str(), g_language, bytes.data(), static_cast<int>(bytes.size()));
    return id;
}

void http_cancel_upload(int id) {
    if (g_uploads.erase(id) == 0) return;
    --g_in_flight;
    js_upload_cancel(id);
    request_frames();
}

void http_set_language(const char* code) { g_language = code; }

int http_in_flight() { return g_in_flight; }

}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_upload_progress(int id, double sent, double total) {
    auto it = platform::g_uploads.find(id);
    if (it == platform::g_uploads.end()) return;
    if (it->second.progress) it->second.progress(sent, total);
    platform::request_frames();
}

extern "C" EMSCRIPTEN_KEEPALIVE void skolnav_upload_done(int id, int status, const char* body) {
    auto it = platform::g_uploads.find(id);
    if (it == platform::g_uploads.end()) return;
    platform::HttpCallback done = std::move(it->second.done);
    platform::g_uploads.erase(it);
    --platform::g_in_flight;
    platform::connection_note_status(status);
    platform::HttpResponse response;
    response.status = status;
    response.body = body;
    if (done) done(response);
    platform::request_frames();
}
