// A small HTTP client for the tests (cpp-httplib lives in api_client.cpp only): keeps
// the session cookie like a browser would, and parses JSON replies.
#pragma once
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace skolnav::test {

using json = nlohmann::json;

struct Reply {
    int status = -1;  // -1: no reply (connection failed)
    std::string body;
    std::multimap<std::string, std::string> headers;  // names in lower case
    std::string error;                                // transport error, if any

    std::string header(const std::string& name) const;  // first value, or ""
    json json_body() const;                             // null when not JSON
};

class ApiClient {
public:
    ApiClient(const std::string& host, int port);
    ~ApiClient();
    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    Reply get(const std::string& path, const std::map<std::string, std::string>& headers = {});
    Reply post(const std::string& path, const json& body);
    Reply post_raw(const std::string& path, const std::string& body,
                   const std::string& content_type = "application/json");
    Reply put_raw(const std::string& path, const std::string& body, const std::string& content_type = "application/json");
    Reply del(const std::string& path);
    // Any method, with extra headers (Origin, Sec-Fetch-Site…) beside the cookie; an
    // empty content_type sends no Content-Type.
    Reply send(const std::string& method, const std::string& path, const std::string& body,
               const std::string& content_type, const std::map<std::string, std::string>& headers = {});
    // A raw request, the target sent as written (traversal tests) and the body left as
    // it came (httplib's client cannot take gzip without zlib).
    Reply get_raw_target(const std::string& target, const std::map<std::string, std::string>& headers = {});

    // POST /api/v1/session; on success keeps the cookie.
    Reply sign_in(const std::string& username, const std::string& password = "demo");
    const std::string& session_token() const { return token_; }
    void set_session_token(std::string t) { token_ = std::move(t); }

private:
    Reply finish(void* result);
    std::string host_;
    int port_;
    std::string token_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "skolnav_session=abc; HttpOnly; …" -> "abc" ("" when it clears the cookie)
std::string cookie_token(const std::string& set_cookie);

}  // namespace skolnav::test
