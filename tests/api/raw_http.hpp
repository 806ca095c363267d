// HTTP over plain sockets for the availability tests and bench: many connections from
// many loopback addresses (127.0.0.N, so the per-address cap sees many clients), slow
// or idle on purpose, and replies read with a deadline. httplib's client cannot send
// half a request.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace skolnav::test {

// A blocking TCP connection to 127.0.0.1:port from `source` (e.g. "127.0.0.7"; empty:
// any); -1 when it fails.
int connect_loopback(int port, const std::string& source = "");
bool send_all(int fd, std::string_view bytes);

struct RawReply {
    int status = -1;  // -1: none within the time (or the connection closed first)
    std::string head, body;
    std::string header(const std::string& name) const;  // first value, case-insensitive name
};
// Reads one reply (head and Content-Length body). `carry` keeps bytes read past it.
RawReply read_reply(int fd, int timeout_ms, std::string& carry);
// True once the peer has closed (reads and drops what it sent), within timeout_ms.
bool closed_within(int fd, int timeout_ms);

// "GET /api/v1/me" with the session cookie, as bytes.
std::string get_request(const std::string& target, const std::string& session_token = "");
std::string post_json_request(const std::string& target, const std::string& body);

// Latency figures in milliseconds.
struct Figures {
    std::size_t count = 0;
    double p50 = 0, p99 = 0, max = 0;
};
Figures figures(std::vector<double> ms);

// Lets this process hold `n` descriptors (raises RLIMIT_NOFILE up to its hard limit);
// returns the new soft limit.
std::size_t allow_open_files(std::size_t n);

}  // namespace skolnav::test
