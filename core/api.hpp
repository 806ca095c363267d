// The API as one function: a request in, a response out. The server's HTTP adapter
// and the browser's LocalBackend both call handle(); neither holds any rule itself.
//
// Routes (all JSON, under /api/v1; described in core/openapi/):
//   POST   /api/v1/session                          sign in (username, password)
//   DELETE /api/v1/session                          sign out
//   POST   /api/v1/bankid/orders                    start a BankID sign-in (bankid_sign_in.cpp)
//   GET    /api/v1/bankid/orders/{order}            its state and QR code; on completion, the session
//   DELETE /api/v1/bankid/orders/{order}            cancel it
//   GET    /api/v1/sessions                         my active sessions; DELETE: sign out the others
//   DELETE /api/v1/sessions/{session}               end one of my sessions
//   PUT    /api/v1/me/password                      change my password (ends my other sessions)
//   GET    /api/v1/me                               who am I, and the pupils I act for
//   … and every box module's routes: core/boxes/*.cpp (see box_module.hpp), e.g.
//   GET    /api/v1/pupils/{pupil}/absence           a pupil's absence reports
#pragma once
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "language.hpp"
#include "platform.hpp"
#include "sessions.hpp"
#include "store.hpp"

namespace skolnav {

class SignInThrottle;  // sign_in_throttle.hpp
class BankIdOrders;    // bankid_orders.hpp

struct Request {
    std::string method;  // "GET", "POST", …
    std::string path;    // "/api/v1/me", without the query string
    std::map<std::string, std::string> query;
    std::string body;           // raw JSON text, or an upload's bytes (empty for none)
    std::string content_type;   // the request's Content-Type (uploads)
    std::string session_token;  // from the transport (cookie); empty when none
    std::string user_agent;     // the browser's User-Agent: names the device in the session list
    Language language = Language::sv;  // the server's own words in replies (Accept-Language)
    std::string client_address;        // who sent it (sign-in throttling); empty when unknown
    std::string bankid_binding;        // the cookie tying BankID orders to this browser; empty when none
};

struct Response {
    int status = 200;
    json body;  // null: no JSON body (204, or a file below)
    // A file instead of JSON (downloads): bytes, their type, and the name to save as.
    std::string file_bytes;
    std::string file_content_type;
    std::string file_name;
    bool file_inline = false;  // shown in the page (pictures) rather than downloaded
    // Session cookie changes the transport must make: set a new token / clear it.
    std::optional<std::string> set_session_token;
    bool clear_session = false;
    int session_max_age_seconds = 0;
    int retry_after_seconds = 0;  // > 0: the transport says when to try again (429)
    std::optional<std::string> set_bankid_binding;  // a new BankID binding cookie (bankid_sign_in.cpp)
};

struct Services {
    Clock& clock;
    Crypto& crypto;
    Store& store;
    BlobStore* blobs = nullptr;  // uploads; absent: upload routes answer 503
    SignInThrottle* sign_in_throttle = nullptr;  // absent: sign-ins are not slowed
    BankIdOrders* bankid = nullptr;  // absent: BankID sign-in answers 503
    AuditLog* audit = nullptr;       // absent: no audit lines (the journal still records sessions)
    UnixSeconds session_idle_seconds = kDefaultSessionIdle;  // a session unused this long ends (sessions.hpp)
};

Response handle(const Request& request, Services& services);

// The error body every failure uses: {"error":{"code","message","field"}}, the message
// in `language`.
Response error_response(const ApiError& error, Language language);

}  // namespace skolnav
