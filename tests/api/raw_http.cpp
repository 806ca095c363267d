#include "raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace skolnav::test {

int connect_loopback(int port, const std::string& source) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (!source.empty()) {
        sockaddr_in from{};
        from.sin_family = AF_INET;
        ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
            ::close(fd);
            return -1;
        }
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool send_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string RawReply::header(const std::string& name) const {
    std::string lower_head = head, lower_name = name;
    for (char& c : lower_head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : lower_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = lower_head.find("\r\n" + lower_name + ":");
    if (at == std::string::npos) return "";
    const auto start = at + 3 + name.size();
    std::string value = head.substr(start, head.find("\r\n", start) - start);
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    return value;
}

RawReply read_reply(int fd, int timeout_ms, std::string& carry) {
    RawReply reply;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::size_t need = std::string::npos;
    for (;;) {
        const auto end = carry.find("\r\n\r\n");
        if (end != std::string::npos && need == std::string::npos) {
            reply.head = carry.substr(0, end + 4);
            const std::string length = reply.header("Content-Length");
            need = end + 4 + (length.empty() ? 0 : std::stoul(length));
        }
        if (need != std::string::npos && carry.size() >= need) {
            reply.body = carry.substr(reply.head.size(), need - reply.head.size());
            carry.erase(0, need);
            if (reply.head.rfind("HTTP/1.", 0) == 0 && reply.head.size() > 12) reply.status = std::stoi(reply.head.substr(9, 3));
            if (reply.status == 100) return read_reply(fd, timeout_ms, carry);  // an interim reply
            return reply;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) return reply;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
        char buf[16384];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return reply;
        carry.append(buf, static_cast<std::size_t>(n));
    }
}

bool closed_within(int fd, int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
        char buf[4096];
        if (::recv(fd, buf, sizeof buf, 0) <= 0) return true;
    }
}

std::string get_request(const std::string& target, const std::string& session_token) {
    std::string r = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!session_token.empty()) r += "Cookie: skolnav_session=" + session_token + "\r\n";
    return r + "\r\n";
}

std::string post_json_request(const std::string& target, const std::string& body) {
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

Figures figures(std::vector<double> ms) {
    Figures f;
    f.count = ms.size();
    if (ms.empty()) return f;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(std::ceil(q * ms.size())) - 1)]; };
    f.p50 = at(0.5);
    f.p99 = at(0.99);
    f.max = ms.back();
    return f;
}

std::size_t allow_open_files(std::size_t n) {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return 0;
    if (files.rlim_cur < n) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, n);
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
    }
    return files.rlim_cur;
}

}  // namespace skolnav::test
