// The HTTP face of the server (cpp-httplib, kept to this one translation unit): every
// /api/ request goes to core's handle(); everything else is the web client's files.
// Connections are the connection gate's (connection_gate.hpp); httplib parses and
// routes the whole requests it collects, on a worker pool, and sign-ins on their own.
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/api.hpp"
#include "server/web_security.hpp"

namespace skolnav {

class TlsContext;

struct HttpOptions {
    std::filesystem::path web_dir;
    bool secure_cookies = false;             // add "Secure" (set when served over TLS)
    WebSecurityOptions web_security;         // own and embedding origins (web_security.hpp)
    std::size_t max_body_bytes = 1 << 20;    // larger request bodies get 413
    // File uploads (POST /api/v1/attachments) may be larger: just above core's 10 MiB
    // limit, so core answers an oversized file itself, naming the field.
    std::size_t max_upload_bytes = (10u << 20) + (64u << 10);
    std::size_t threads = 32;                // workers: requests in hand, never connections
    std::size_t max_queued_requests = 4096;  // more waiting for a worker: 503
    std::size_t password_threads = 1;        // sign-ins (argon2id), apart from everything else
    std::size_t password_queue = 16;         // more sign-ins waiting: 429 with Retry-After
    int read_timeout_seconds = 10;           // a request's head from its first byte (a body: plus its size at 32 KiB/s)
    int write_timeout_seconds = 10;
    int keep_alive_seconds = 5;              // an idle connection between requests (no thread)
    std::size_t max_connections_per_address = 256;
    // Reverse proxies in front (their own address): the client's is theirs to tell in
    // X-Forwarded-For, and they are not held to the per-address cap.
    std::vector<std::string> trusted_proxies;
    TlsContext* tls = nullptr;               // serve HTTPS (cookies then are Secure)
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
    std::size_t open_connections() const;  // held by the gate now (not event streams)

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
