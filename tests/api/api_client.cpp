#include "api_client.hpp"

#include <httplib.h>

#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

namespace skolnav::test {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}
}  // namespace

std::string Reply::header(const std::string& name) const {
    auto it = headers.find(lower(name));
    return it == headers.end() ? "" : it->second;
}

json Reply::json_body() const {
    return json::parse(body, nullptr, /*allow_exceptions*/ false);
}

std::string cookie_token(const std::string& set_cookie) {
    const std::string prefix = "skolnav_session=";
    if (set_cookie.rfind(prefix, 0) != 0) return "";
    auto end = set_cookie.find(';');
    return set_cookie.substr(prefix.size(), end == std::string::npos ? std::string::npos : end - prefix.size());
}

struct ApiClient::Impl {
    httplib::Client client;
    Impl(const std::string& host, int port) : client(host, port) {
        client.set_connection_timeout(5, 0);
        client.set_read_timeout(60, 0);
        client.set_write_timeout(10, 0);
        client.set_keep_alive(true);
    }
};

ApiClient::ApiClient(const std::string& host, int port)
    : host_(host), port_(port), impl_(std::make_unique<Impl>(host, port)) {}

ApiClient::~ApiClient() = default;

Reply ApiClient::finish(void* opaque) {
    auto& result = *static_cast<httplib::Result*>(opaque);
    Reply r;
    if (!result) {
        r.error = httplib::to_string(result.error());
        return r;
    }
    r.status = result->status;
    r.body = result->body;
    for (const auto& [k, v] : result->headers) r.headers.emplace(lower(k), v);
    return r;
}

static httplib::Headers with_cookie(const std::string& token, const std::map<std::string, std::string>& extra = {}) {
    httplib::Headers h;
    if (!token.empty()) h.emplace("Cookie", "skolnav_session=" + token);
    for (const auto& [k, v] : extra) h.emplace(k, v);
    return h;
}

Reply ApiClient::get(const std::string& path, const std::map<std::string, std::string>& headers) {
    auto result = impl_->client.Get(path, with_cookie(token_, headers));
    return finish(&result);
}

Reply ApiClient::post(const std::string& path, const json& body) {
    return post_raw(path, body.dump());
}

Reply ApiClient::post_raw(const std::string& path, const std::string& body, const std::string& content_type) {
    auto result = impl_->client.Post(path, with_cookie(token_), body, content_type);
    return finish(&result);
}

Reply ApiClient::put_raw(const std::string& path, const std::string& body, const std::string& content_type) {
    auto result = impl_->client.Put(path, with_cookie(token_), body, content_type);
    return finish(&result);
}

Reply ApiClient::del(const std::string& path) {
    auto result = impl_->client.Delete(path, with_cookie(token_));
    return finish(&result);
}

Reply ApiClient::send(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& content_type, const std::map<std::string, std::string>& headers) {
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.headers = with_cookie(token_, headers);
    req.body = body;
    if (!content_type.empty()) req.set_header("Content-Type", content_type);
    auto result = impl_->client.send(req);
    return finish(&result);
}

Reply ApiClient::sign_in(const std::string& username, const std::string& password) {
    Reply r = post("/api/v1/session", {{"username", username}, {"password", password}});
    if (r.status == 200) token_ = cookie_token(r.header("set-cookie"));
    return r;
}

Reply ApiClient::get_raw_target(const std::string& target, const std::map<std::string, std::string>& headers) {
    // httplib would normalise the path; write the request by hand.
    Reply r;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    ::inet_pton(AF_INET, host_.c_str(), &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        r.error = "connect failed";
        return r;
    }
    std::string request = "GET " + target + " HTTP/1.1\r\nHost: " + host_ + "\r\nConnection: close\r\n";
    for (const auto& [k, v] : headers) request += k + ": " + v + "\r\n";
    request += "\r\n";
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string text;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) text.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    // "HTTP/1.1 404 Not Found\r\n…\r\n\r\nbody"
    if (text.size() > 12 && text.rfind("HTTP/1.", 0) == 0) r.status = std::stoi(text.substr(9, 3));
    auto split = text.find("\r\n\r\n");
    if (split != std::string::npos) {
        std::string head = text.substr(0, split);
        r.body = text.substr(split + 4);
        std::size_t pos = head.find("\r\n");
        while (pos != std::string::npos) {
            std::size_t next = head.find("\r\n", pos + 2);
            std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
            auto colon = line.find(':');
            if (colon != std::string::npos) {
                std::string value = line.substr(colon + 1);
                value.erase(0, value.find_first_not_of(' '));
                r.headers.emplace(lower(line.substr(0, colon)), value);
            }
            pos = next;
        }
    }
    return r;
}

}  // namespace skolnav::test
