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

// Sends `bytes` as the body with their own Content-Type (a file upload), otherwise as
// http_request.
void http_send_bytes(const std::string& method, const std::string& url, const std::string& content_type,
                     std::string bytes, HttpCallback done);

}  // namespace platform
