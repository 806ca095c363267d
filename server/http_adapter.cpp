#include "server/http_adapter.hpp"

// httplib listens with a backlog of 5: at 07:45 a school's guardians all open the page
// at once, and connections beyond the backlog wait for SYN retries (1 s, 3 s, 7 s).
// The kernel caps this at net.core.somaxconn.
#define CPPHTTPLIB_LISTEN_BACKLOG 1024
// poll(), not select(): with thousands of open event streams, new connections get file
// descriptors above select()'s limit of 1024.
#define CPPHTTPLIB_USE_POLL
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "server/live_hub.hpp"
#include "server/static_files.hpp"

namespace skolnav {

namespace {
constexpr const char* kSessionCookie = "skolnav_session";
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
        default: return status >= 500 ? "internal" : "bad_request";
    }
}

Text status_message(int status) {
    switch (status) {
        case 413: return {"Begäran är för stor.", "The request is too large."};
        case 414: return {"Adressen är för lång.", "The address is too long."};
        case 404: return {"Finns inte.", "Not found."};
        case 408: return {"Begäran tog för lång tid.", "The request took too long."};
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

// Set by a handler whose reply must end the connection (httplib keeps it open otherwise).
thread_local bool close_after_reply = false;

bool wants_event_stream(const httplib::Request& req) {
    return req.method == "GET" && req.path == "/api/v1/events" &&
           req.get_header_value("Accept").find("text/event-stream") != std::string::npos;
}

// httplib's Server, but a new connection whose first request asks for the event stream
// goes to the live hub instead of holding a worker thread (see live_hub.hpp). The rest
// is httplib's own process_and_close_socket.
class ServerWithStreams : public httplib::Server {
public:
    explicit ServerWithStreams(LiveHub& hub) : hub_(hub) {}

private:
    bool process_and_close_socket(socket_t sock) override {
        const int wait_ms = static_cast<int>(keep_alive_timeout_sec_ * 1000);
        if (hub_.take_if_stream(sock, wait_ms, [this] { return svr_sock_ != INVALID_SOCKET; })) return true;

        std::string remote_addr, local_addr;
        int remote_port = 0, local_port = 0;
        httplib::detail::get_remote_ip_and_port(sock, remote_addr, remote_port);
        httplib::detail::get_local_ip_and_port(sock, local_addr, local_port);
        const bool ret = httplib::detail::process_server_socket(
            svr_sock_, sock, keep_alive_max_count_, keep_alive_timeout_sec_, read_timeout_sec_, read_timeout_usec_,
            write_timeout_sec_, write_timeout_usec_,
            [&](httplib::Stream& strm, bool close_connection, bool& connection_closed) {
                close_after_reply = false;
                const bool ok = process_request(strm, remote_addr, remote_port, local_addr, local_port,
                                                close_connection, connection_closed, nullptr);
                if (close_after_reply) connection_closed = true;
                return ok;
            });
        httplib::detail::shutdown_socket(sock);
        httplib::detail::close_socket(sock);
        return ret;
    }

    LiveHub& hub_;
};
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
    ServerWithStreams server{hub};
    std::atomic<bool> stop_requested{false};

    Impl(Services& s, HttpOptions o)
        : services(s), options(std::move(o)), files(options.web_dir),
          guard(options.web_security, options.secure_cookies), hub(s) {
        services.store.set_listener(&hub);
    }
    ~Impl() { services.store.set_listener(nullptr); }

    void api(const httplib::Request& req, httplib::Response& res) {
        Request request;
        request.method = req.method;
        request.path = req.path;
        for (const auto& [key, value] : req.params) request.query.emplace(key, value);  // first wins
        request.body = req.body;
        request.content_type = req.get_header_value("Content-Type");
        request.session_token = cookie_value(req.get_header_value("Cookie"), kSessionCookie);
        request.user_agent = req.get_header_value("User-Agent");
        request.language = language_of(req);

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
            // The event stream asked for on a connection httplib already serves: a short
            // reply that ends it, so the EventSource comes back at once on a fresh
            // connection, which the hub takes.
            if (response.status == 200 && wants_event_stream(req)) {
                api_headers(res);
                res.set_header("Connection", "close");
                res.status = 200;
                res.set_content("retry: 100\n\n", "text/event-stream");
                close_after_reply = true;
                return;
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "skolnav-server: %.16s %.200s failed: %.300s\n", req.method.c_str(),
                         req.path.c_str(), e.what());  // capped: a message may quote the request
            response = error_response(internal_error(), request.language);
        }
        std::string cookie =
            session_cookie(response, options.secure_cookies, guard.cookie_same_site(req.get_header_value("Host")));
        if (!cookie.empty()) res.set_header("Set-Cookie", cookie);
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
    auto& s = impl_->server;
    Impl* impl = impl_.get();
    const std::size_t threads = impl->options.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(threads, /*max queued*/ 1024); };
    s.set_payload_max_length(std::max(impl->options.max_body_bytes, impl->options.max_upload_bytes));
    s.set_read_timeout(impl->options.read_timeout_seconds, 0);
    s.set_write_timeout(impl->options.write_timeout_seconds, 0);
    s.set_keep_alive_timeout(impl->options.keep_alive_seconds);
    s.set_keep_alive_max_count(1000);
    s.set_tcp_nodelay(true);
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

int HttpServer::bind(const std::string& host, int port) {
    auto& s = impl_->server;
    if (port == 0) {
        int bound = s.bind_to_any_port(host);
        if (bound <= 0) throw std::runtime_error("cannot listen on " + host + " (any port)");
        return bound;
    }
    if (!s.bind_to_port(host, port))
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                 " (in use, or not an address of this machine?)");
    return port;
}

void HttpServer::run() {
    if (impl_->stop_requested) return;
    impl_->hub.start();
    impl_->server.listen_after_bind();
    impl_->hub.stop();
}

void HttpServer::stop() {
    // stop() ends a running listen loop; decommission() makes a listen that has not
    // started yet return at once (stop() alone would be lost before it starts).
    impl_->stop_requested = true;
    impl_->server.stop();
    impl_->server.decommission();
    impl_->hub.stop();
}

}  // namespace skolnav
