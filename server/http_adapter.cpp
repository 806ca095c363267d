#include "server/http_adapter.hpp"

// httplib reads and answers one request at a time from the bytes the connection gate
// collected (its protected process_request over an in-memory Stream); it never touches a
// socket. poll(), not select(), in case anything of httplib's still waits on one.
// OpenSSL support as in bankid_rp_client.cpp: every file sees one and the same httplib.
#define CPPHTTPLIB_USE_POLL
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <string_view>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "server/connection_gate.hpp"
#include "server/live_hub.hpp"
#include "server/static_files.hpp"

namespace skolnav {

namespace {
constexpr int kSignInBusyRetrySeconds = 2;
constexpr const char* kSessionCookie = "skolnav_session";
// Ties BankID orders to the browser that started them; sent only to the BankID routes.
constexpr const char* kBankIdCookie = "skolnav_bankid";
constexpr const char* kJson = "application/json; charset=utf-8";

void set_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    // Replace invalid UTF-8 rather than throw half-way through a reply.
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJson);
}

void api_headers(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
}

const char* status_code_name(int status) {
    switch (status) {
        case 400: return "bad_request";
        case 404: return "not_found";
        case 405: return "method_not_allowed";
        case 408: return "timeout";
        case 413: return "payload_too_large";
        case 414: return "uri_too_long";
        case 415: return "unsupported_media_type";
        case 411: return "length_required";
        case 431: return "headers_too_large";
        default: return status >= 500 ? "internal" : "bad_request";
    }
}

Text status_message(int status) {
    switch (status) {
        case 413: return {"Begäran är för stor.", "The request is too large."};
        case 414: return {"Adressen är för lång.", "The address is too long."};
        case 404: return {"Finns inte.", "Not found."};
        case 408: return {"Begäran tog för lång tid.", "The request took too long."};
        case 411: return {"Begäran saknar längd (Content-Length).", "The request has no length (Content-Length)."};
        case 431: return {"Begäran har för stora rubriker.", "The request's headers are too large."};
        case 429:
            return {"För många anslutningar från din adress just nu. Försök igen om en stund.",
                    "Too many connections from your address right now. Try again in a moment."};
        case 503: return {"Servern är fullt upptagen just nu. Försök igen om en stund.", "The server is fully busy right now. Try again in a moment."};
        default:
            return status >= 500 ? Text("Något gick fel på servern.", "Something went wrong on the server.")
                                 : Text("Felaktig begäran.", "Bad request.");
    }
}

Language language_of(const httplib::Request& req) {
    return language_from_accept_language(req.get_header_value("Accept-Language"));
}

ApiError internal_error() {
    return ApiError(500, "internal", {"Något gick fel på servern.", "Something went wrong on the server."});
}

// httplib's request processing, without its sockets: the gate hands it whole requests.
class RequestProcessor : public httplib::Server {
public:
    using httplib::Server::process_request;
};

// One request's bytes in, the reply's bytes out.
class BufferedExchange : public httplib::Stream {
public:
    BufferedExchange(const GateRequest& request, std::string& out) : request_(request), out_(out) {}
    bool is_readable() const override { return at_ < request_.bytes.size(); }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        const std::size_t n = std::min(size, request_.bytes.size() - at_);
        std::memcpy(ptr, request_.bytes.data() + at_, n);
        at_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        out_.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = request_.remote_address;
        port = request_.remote_port;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip.clear();
        port = 0;
    }
    socket_t socket() const override { return INVALID_SOCKET; }

private:
    const GateRequest& request_;
    std::string& out_;
    std::size_t at_ = 0;
};

// A header's value in a raw request head (the first one; empty when absent).
std::string head_value(std::string_view head, std::string_view name) {
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos && at + 2 < head.size()) {
        const std::size_t start = at + 2, end = head.find("\r\n", start);
        if (end == std::string_view::npos || end == start) break;
        std::string_view line = head.substr(start, end - start);
        at = end;
        if (line.size() > name.size() && line[name.size()] == ':' &&
            std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            })) {
            std::string_view value = line.substr(name.size() + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
            return std::string(value);
        }
    }
    return "";
}

// Sign-in is the one route that hashes a password (argon2id, ~50 ms of a core and
// 64 MiB): it gets its own small pool, so a flood of sign-ins waits there and never in
// front of signed-in people's requests.
bool hashes_password(std::string_view head) {
    return head.rfind("POST /api/v1/session ", 0) == 0 || head.rfind("POST /api/v1/session?", 0) == 0;
}

const char* reason_phrase(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 408: return "Request Timeout";
        case 411: return "Length Required";
        case 413: return "Payload Too Large";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 503: return "Service Unavailable";
        default: return "Error";
    }
}

// The replies the server makes before core sees a request: JSON errors like core's.
std::string refusal_reply(int status, Language language, int retry_after_seconds, bool close) {
    ApiError error(status, status_code_name(status), status_message(status));
    if (status == 429 || status == 503) error.code = status == 429 ? "too_many_requests" : "unavailable";
    const std::string body =
        error_response(error, language).body.dump(-1, ' ', false, json::error_handler_t::replace);
    return plain_reply(status, reason_phrase(status), body, retry_after_seconds, close);
}
}  // namespace

std::string cookie_value(const std::string& header, const std::string& name) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        std::string item = header.substr(pos, end - pos);
        auto b = item.find_first_not_of(' ');
        if (b != std::string::npos) {
            item = item.substr(b);
            auto eq = item.find('=');
            if (eq != std::string::npos && item.compare(0, eq, name) == 0 && eq == name.size()) {
                std::string value = item.substr(eq + 1);
                while (!value.empty() && value.back() == ' ') value.pop_back();
                if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                    value = value.substr(1, value.size() - 2);
                return value;
            }
        }
        pos = end + 1;
    }
    return "";
}

std::string content_disposition(const std::string& filename, bool inline_) {
    std::string ascii, encoded;
    static const char* hex = "0123456789ABCDEF";
    for (char ch : filename) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        ascii += alnum || (c != 0 && std::strchr(" !#$&'()+,-.=@[]^_`{}~", c)) ? static_cast<char>(c) : '_';
        if (alnum || (c != 0 && std::strchr("!#$&+-.^_`|~", c))) {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 15];
        }
    }
    // No leading or trailing dots or spaces in the fallback; never empty.
    while (!ascii.empty() && (ascii.front() == '.' || ascii.front() == ' ')) ascii.erase(ascii.begin());
    while (!ascii.empty() && (ascii.back() == '.' || ascii.back() == ' ')) ascii.pop_back();
    if (ascii.empty()) ascii = "fil";
    return std::string(inline_ ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

std::string session_cookie(const Response& response, bool secure, const std::string& same_site) {
    std::string attributes = "; HttpOnly; " + same_site + "; Path=/";
    if (secure) attributes += "; Secure";
    if (response.set_session_token) {
        return std::string(kSessionCookie) + "=" + *response.set_session_token + attributes +
               "; Max-Age=" + std::to_string(response.session_max_age_seconds);
    }
    if (response.clear_session) {
        return std::string(kSessionCookie) + "=" + attributes +
               "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    }
    return "";
}

struct HttpServer::Impl {
    Services& services;
    HttpOptions options;
    StaticFiles files;
    WebGuard guard;
    LiveHub hub;
    RequestProcessor processor;
    ConnectionGate gate;
    // Declared last: stopped first, while what their tasks use still exists.
    httplib::ThreadPool workers;
    httplib::ThreadPool passwords;

    Impl(Services& s, HttpOptions o)
        : services(s),
          options(served_options(std::move(o))),
          files(options.web_dir),
          guard(options.web_security, options.secure_cookies),
          hub(s),
          gate(gate_options(options), [this](GateRequest&& r) { dispatch(std::move(r)); }),
          workers(options.threads, options.max_queued_requests),
          passwords(options.password_threads, options.password_queue) {
        services.store.set_listener(&hub);
    }

    // Served over TLS: cookies are Secure (and the guard sends HSTS), decided before the
    // guard is made from the options.
    static HttpOptions served_options(HttpOptions o) {
        if (o.tls) o.secure_cookies = true;
        return o;
    }
    ~Impl() {
        gate.stop();
        stop_workers();
        services.store.set_listener(nullptr);
    }

    // Lets the requests in hand finish; once (httplib's pools cannot be shut down twice).
    bool workers_stopped = false;
    void stop_workers() {
        if (workers_stopped) return;
        workers_stopped = true;
        passwords.shutdown();
        workers.shutdown();
    }

    static GateOptions gate_options(const HttpOptions& o) {
        GateOptions g;
        g.head_seconds = o.read_timeout_seconds;
        g.idle_seconds = o.keep_alive_seconds;
        g.write_seconds = o.write_timeout_seconds;
        g.max_body_bytes = std::max(o.max_body_bytes, o.max_upload_bytes);
        g.max_per_address = o.max_connections_per_address;
        g.uncapped_addresses = o.trusted_proxies;
        g.tls = o.tls;
        g.refusal = [](int status) {
            return refusal_reply(status, Language::sv, status == 429 || status == 503 ? 5 : 0, true);
        };
        return g;
    }

    // On the gate thread, for each whole request: where it is served.
    void dispatch(GateRequest&& r) {
        const std::string_view head(r.bytes.data(), r.head_size);
        if (auto stream = parse_stream_request(head)) {
            gate.release(r.connection, [this, request = *stream](int fd) {
                if (fd < 0) return;
                if (!workers.enqueue([this, fd, request] { hub.adopt(fd, request); })) {
                    ::shutdown(fd, SHUT_RDWR);
                    ::close(fd);
                }
            });
            return;
        }
        const std::uint64_t connection = r.connection;
        const bool sign_in = hashes_password(head);
        const Language language = language_from_accept_language(head_value(head, "Accept-Language"));
        auto job = [this, request = std::make_shared<GateRequest>(std::move(r))] { serve(*request); };
        if (sign_in) {
            if (!passwords.enqueue(job)) {
                // Beyond the sign-in queue: at once, without hashing.
                ApiError busy(429, "sign_in_busy",
                              {"Många loggar in just nu. Försök igen om " + std::to_string(kSignInBusyRetrySeconds) +
                                   " sekunder.",
                               "Many are signing in right now. Try again in " +
                                   std::to_string(kSignInBusyRetrySeconds) + " seconds."});
                const std::string body =
                    error_response(busy, language).body.dump(-1, ' ', false, json::error_handler_t::replace);
                gate.reply(connection, plain_reply(429, "Too Many Requests", body, kSignInBusyRetrySeconds, false), false);
            }
            return;
        }
        if (!workers.enqueue(job)) gate.reply(connection, refusal_reply(503, Language::sv, 5, true), true);
    }

    // On a worker: httplib reads the request from its bytes and routes it.
    void serve(const GateRequest& request) {
        std::string out;
        BufferedExchange exchange(request, out);
        bool connection_closed = false;
        const bool ok = processor.process_request(exchange, request.remote_address, request.remote_port, "", 0,
                                                  /*close_connection*/ false, connection_closed, nullptr);
        gate.reply(request.connection, std::move(out), !ok || connection_closed);
    }

    // Who sent the request: the peer, or for a trusted reverse proxy the address it
    // appended last to X-Forwarded-For.
    std::string client_address(const httplib::Request& req) const {
        if (std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(), req.remote_addr) ==
            options.trusted_proxies.end())
            return req.remote_addr;
        std::string forwarded = req.get_header_value("X-Forwarded-For");
        const auto comma = forwarded.rfind(',');
        std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
        while (!last.empty() && last.front() == ' ') last.erase(last.begin());
        while (!last.empty() && last.back() == ' ') last.pop_back();
        return last.empty() ? req.remote_addr : last;
    }

    void api(const httplib::Request& req, httplib::Response& res) {
        Request request;
        request.method = req.method;
        request.path = req.path;
        for (const auto& [key, value] : req.params) request.query.emplace(key, value);  // first wins
        request.body = req.body;
        request.content_type = req.get_header_value("Content-Type");
        request.session_token = cookie_value(req.get_header_value("Cookie"), kSessionCookie);
        request.bankid_binding = cookie_value(req.get_header_value("Cookie"), kBankIdCookie);
        request.user_agent = req.get_header_value("User-Agent");
        request.language = language_of(req);
        request.client_address = client_address(req);

        Response response;
        try {
            // Only uploads may exceed the JSON body limit (httplib allows the larger one).
            const bool upload = is_upload(req.method, req.path);
            if (auto refused = guard.refuse({req.method, req.path, req.get_header_value("Host"),
                                             req.get_header_value("Origin"), req.get_header_value("Sec-Fetch-Site"),
                                             request.content_type, req.body.size()}))
                response = error_response(*refused, request.language);
            else if (!upload && req.body.size() > options.max_body_bytes)
                response = error_response(ApiError(413, "payload_too_large", status_message(413)), request.language);
            else
                response = handle(request, services);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "skolnav-server: %.16s %.200s failed: %.300s\n", req.method.c_str(),
                         req.path.c_str(), e.what());  // capped: a message may quote the request
            response = error_response(internal_error(), request.language);
        }
        if (response.retry_after_seconds > 0) res.set_header("Retry-After", std::to_string(response.retry_after_seconds));
        std::string cookie =
            session_cookie(response, options.secure_cookies, guard.cookie_same_site(req.get_header_value("Host")));
        if (!cookie.empty()) res.set_header("Set-Cookie", cookie);
        if (response.set_bankid_binding) {
            std::string binding = std::string(kBankIdCookie) + "=" + *response.set_bankid_binding +
                                  "; HttpOnly; " + guard.cookie_same_site(req.get_header_value("Host")) +
                                  "; Path=/api/v1/bankid; Max-Age=3600";
            if (options.secure_cookies) binding += "; Secure";
            res.set_header("Set-Cookie", binding);  // set_header adds: both cookies are sent
        }
        if (!response.file_content_type.empty()) {
            // A file: its own type, never sniffed, never cached, saved under a safe name.
            res.status = response.status;
            res.set_header("Cache-Control", "private, no-store");
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
            res.set_header("Content-Disposition", content_disposition(response.file_name, response.file_inline));
            res.set_content(std::move(response.file_bytes), response.file_content_type);
            return;
        }
        api_headers(res);
        if (response.body.is_null()) {
            res.status = response.status;
        } else {
            set_json(res, response.status, response.body);
        }
    }

    void web(const httplib::Request& req, httplib::Response& res) {
        StaticReply reply = files.get(req.path, req.get_header_value("Accept-Encoding"),
                                      req.get_header_value("If-None-Match"));
        res.status = reply.status;
        std::string type = "text/plain; charset=utf-8";
        for (auto& [name, value] : reply.headers) {
            if (name == "Content-Type") type = value;
            else res.set_header(name, value);
        }
        if (reply.status == 304) {
            res.set_header("Content-Type", type);
            return;
        }
        res.set_content(std::move(reply.body), type);
    }
};

HttpServer::HttpServer(Services& services, HttpOptions options)
    : impl_(std::make_unique<Impl>(services, std::move(options))) {
    auto& s = impl_->processor;
    Impl* impl = impl_.get();
    s.set_payload_max_length(std::max(impl->options.max_body_bytes, impl->options.max_upload_bytes));
    s.set_keep_alive_timeout(impl->options.keep_alive_seconds);
    s.set_keep_alive_max_count(1000);
    // Every reply: HSTS once cookies are Secure; every HTML page: CSP and the rest.
    s.set_post_routing_handler([impl](const httplib::Request&, httplib::Response& res) {
        for (const auto& [name, value] : impl->guard.every_reply_headers()) res.set_header(name, value);
        if (res.get_header_value("Content-Type").rfind("text/html", 0) == 0)
            for (const auto& [name, value] : impl->guard.html_headers()) res.set_header(name, value);
    });

    const char* api_pattern = R"(/api(/.*)?)";
    auto api = [impl](const httplib::Request& req, httplib::Response& res) { impl->api(req, res); };
    s.Get(api_pattern, api);
    s.Post(api_pattern, api);
    s.Put(api_pattern, api);
    s.Patch(api_pattern, api);
    s.Delete(api_pattern, api);
    s.Options(api_pattern, api);
    s.Get(R"(/.*)", [impl](const httplib::Request& req, httplib::Response& res) { impl->web(req, res); });

    // Replies httplib makes itself (413 body too large, 400 unreadable request, 404 for a
    // method with no route): JSON under /api, short text elsewhere.
    s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("X-Content-Type-Options", "nosniff");
        if (req.path.rfind("/api", 0) == 0) {
            api_headers(res);
            Response e = error_response(ApiError(res.status, status_code_name(res.status), status_message(res.status)),
                                        language_of(req));
            set_json(res, res.status, e.body);
        } else {
            res.set_content(status_message(res.status).in(language_of(req)) + "\n", "text/plain; charset=utf-8");
        }
        return httplib::Server::HandlerResponse::Handled;
    });
    s.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "skolnav-server: %.16s %.200s failed: %.300s\n", req.method.c_str(), req.path.c_str(), what.c_str());
        api_headers(res);
        set_json(res, 500, error_response(internal_error(), language_of(req)).body);
    });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) { return impl_->gate.bind(host, port); }

void HttpServer::run() {
    impl_->hub.start();
    impl_->gate.run();
    impl_->stop_workers();  // before the caller's last snapshot: no request is still writing
    impl_->hub.stop();
}

void HttpServer::stop() {
    impl_->gate.stop();
    impl_->hub.stop();
}

std::size_t HttpServer::open_connections() const { return impl_->gate.open_connections(); }

}  // namespace skolnav
