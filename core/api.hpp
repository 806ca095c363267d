// The API as one function: a request in, a response out. The server's HTTP adapter
// and the browser's LocalBackend both call handle(); neither holds any rule itself.
//
// Routes (all JSON, under /api/v1; described in core/openapi.yaml):
//   POST   /api/v1/session                          sign in (username, password)
//   DELETE /api/v1/session                          sign out
//   GET    /api/v1/me                               who am I, and the pupils I act for
//   GET    /api/v1/pupils/{id}/absence              a pupil's absence reports
//   POST   /api/v1/pupils/{id}/absence              report absence (today / tomorrow)
//   DELETE /api/v1/pupils/{id}/absence/{report}     withdraw a report before its day
#pragma once
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "platform.hpp"
#include "store.hpp"

namespace skolnav {

struct Request {
    std::string method;  // "GET", "POST", …
    std::string path;    // "/api/v1/me", without the query string
    std::map<std::string, std::string> query;
    std::string body;           // raw JSON text (empty for none)
    std::string session_token;  // from the transport (cookie); empty when none
};

struct Response {
    int status = 200;
    json body;  // null: no body (204)
    // Session cookie changes the transport must make: set a new token / clear it.
    std::optional<std::string> set_session_token;
    bool clear_session = false;
    int session_max_age_seconds = 0;
};

struct Services {
    Clock& clock;
    Crypto& crypto;
    Store& store;
};

Response handle(const Request& request, Services& services);

// The error body every failure uses: {"error":{"code","message","field"}}.
Response error_response(int status, const std::string& code, const std::string& message,
                        const std::string& field = "");

}  // namespace skolnav
