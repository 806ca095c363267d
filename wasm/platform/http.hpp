// Asynchronous HTTP over emscripten_fetch (XMLHttpRequest underneath): same origin,
// cookies included, never blocking a frame. Each reply schedules frames.
#pragma once
#include <functional>
#include <string>

namespace platform {

struct HttpResponse {
    int status = 0;      // 0: no answer at all (network down, server gone)
    std::string body;
};

using HttpCallback = std::function<void(const HttpResponse&)>;

// method: "GET", "POST", "DELETE", …; body is sent as application/json when not empty.
void http_request(const std::string& method, const std::string& url, const std::string& body,
                  HttpCallback done);

// The language the server should answer in ("sv", "en"): sent as Accept-Language.
void http_set_language(const char* code);

// Requests sent and not yet answered.
int http_in_flight();

// Bytes sent so far and the total, as an upload goes.
using HttpProgress = std::function<void(double sent, double total)>;

// POSTs `bytes` with their own Content-Type (a file upload), otherwise as http_request,
// reporting its progress (XMLHttpRequest's upload events: emscripten_fetch has none).
// Returns an id for http_cancel_upload.
int http_upload(const std::string& url, const std::string& content_type, std::string bytes, HttpProgress progress,
                HttpCallback done);
// Stops an upload under way; its `done` is not called.
void http_cancel_upload(int id);

}  // namespace platform
