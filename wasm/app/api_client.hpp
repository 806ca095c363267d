// The client's side of the JSON API (/api/v1): requests over HTTP, replies and the
// server's errors ({"error":{"code","message","field"}}) turned into plain values.
#pragma once
#include <functional>
#include <string>

#include "app/json_util.hpp"

namespace app {

struct ApiError {
    int status = 0;
    std::string code;     // "invalid_credentials", "conflict", … ("network" when no answer)
    std::string message;  // Swedish, for the user
    std::string field;    // the form field it concerns, or empty
};

struct ApiReply {
    int status = 0;
    Json body;      // the parsed reply (null for 204)
    ApiError error; // set when !ok()
    bool ok() const { return status >= 200 && status < 300; }
};

class ApiClient {
public:
    using Callback = std::function<void(const ApiReply&)>;

    void get(const std::string& path, Callback done);
    void post(const std::string& path, const Json& body, Callback done);
    void put(const std::string& path, const Json& body, Callback done);
    void del(const std::string& path, Callback done);
    // A file's bytes as the body with their Content-Type (POST /api/v1/attachments?filename=…);
    // `progress` (may be empty) follows the bytes sent. Returns an id for cancel_upload.
    using Progress = std::function<void(double sent, double total)>;
    int upload(const std::string& path, const std::string& content_type, std::string bytes, Callback done,
               Progress progress = {});
    // Stops an upload under way: its `done` is not called.
    void cancel_upload(int id);

    // Replies to requests sent before this call are dropped (after signing out, the
    // objects that asked are gone).
    void forget_pending();

    // Called when the server says the session is gone (401 unauthenticated).
    std::function<void()> on_signed_out;

private:
    void send(const char* method, const std::string& path, const std::string& body, Callback done);
    unsigned generation_ = 0;
};

// Escapes an id for use in a URL path.
std::string url_segment(const std::string& id);

}  // namespace app
