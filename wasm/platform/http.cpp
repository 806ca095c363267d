#include "platform/http.hpp"

#include <cstring>
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

void http_send_bytes(const std::string& method, const std::string& url, const std::string& content_type,
                     std::string bytes, HttpCallback done) {
    send(method, url, content_type.c_str(), std::move(bytes), std::move(done));
}

void http_set_language(const char* code) { g_language = code; }

int http_in_flight() { return g_in_flight; }

}  // namespace platform
