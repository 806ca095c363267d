// The HTTP face of the server (cpp-httplib, kept to this one translation unit): every
// /api/ request goes to core's handle(); everything else is the web client's files.
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "core/api.hpp"
#include "server/web_security.hpp"

namespace skolnav {

struct HttpOptions {
    std::filesystem::path web_dir;
    bool secure_cookies = false;             // add "Secure" (set when served over TLS)
    WebSecurityOptions web_security;         // own and embedding origins (web_security.hpp)
    std::size_t max_body_bytes = 1 << 20;    // larger request bodies get 413
    // File uploads (POST /api/v1/attachments) may be larger: just above core's 10 MiB
    // limit, so core answers an oversized file itself, naming the field.
    std::size_t max_upload_bytes = (10u << 20) + (64u << 10);
    std::size_t threads = 32;                // worker threads (one per open connection)
    int read_timeout_seconds = 10;
    int write_timeout_seconds = 10;
    int keep_alive_seconds = 5;
};

class HttpServer {
public:
    HttpServer(Services& services, HttpOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens; port 0 picks a free one. Returns the port, or throws.
    int bind(const std::string& host, int port);
    void run();   // serves until stop()
    void stop();  // safe from any thread

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The session cookie's Set-Cookie value for a core Response's session change, or
// empty when the response changes nothing. `same_site`: WebGuard::cookie_same_site().
std::string session_cookie(const Response& response, bool secure, const std::string& same_site = "SameSite=Strict");
// Content-Disposition for a download: an ASCII-only fallback name (anything else
// replaced by "_") and the exact name as RFC 8187 filename*.
std::string content_disposition(const std::string& filename, bool inline_);
// The value of cookie `name` in a Cookie request header ("a=1; skolnav_session=…").
std::string cookie_value(const std::string& cookie_header, const std::string& name);

}  // namespace skolnav
