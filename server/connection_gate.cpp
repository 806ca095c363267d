#include "server/connection_gate.hpp"

// [SECTION] framing: where a request's head and body end
// [SECTION] the gate's state: connections, per-address counts, what other threads post
// [SECTION] the loop: accept, read, frame, write, deadlines
// [SECTION] TLS relay for event streams

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/tls_context.hpp"

namespace skolnav {

namespace {

using Steady = std::chrono::steady_clock;

// epoll tags: the listening socket, the wake-up eventfd, a connection (its id), and the
// plain end of a TLS stream's relay pair (its connection's id with the top bit set).
constexpr std::uint64_t kListenTag = 0, kWakeTag = 1, kFirstId = 2;
constexpr std::uint64_t kPairBit = 1ull << 63;
constexpr std::size_t kMaxRelayBuffered = 256 * 1024;
constexpr int kLingerSeconds = 2;                          // a refused peer's rest, read and dropped
constexpr std::size_t kMaxLingerBytes = 64u << 20;

// [SECTION] framing ---------------------------------------------------------------------

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

struct Framing {
    int refuse = 0;                 // a status to answer with and close, else 0
    std::size_t body = 0;           // Content-Length
    std::size_t expect_line_at = std::string::npos, expect_line_size = 0;  // "Expect: 100-continue\r\n"
};

// Reads what framing needs from a head (which ends in "\r\n\r\n").
Framing frame(std::string_view head, std::size_t max_body) {
    Framing f;
    bool have_length = false;
    std::size_t at = head.find("\r\n");  // past the request line
    while (at != std::string_view::npos && at + 2 < head.size()) {
        const std::size_t start = at + 2;
        const std::size_t end = head.find("\r\n", start);
        if (end == std::string_view::npos || end == start) break;
        std::string_view line = head.substr(start, end - start);
        at = end;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;  // httplib answers a malformed head
        std::string_view name = line.substr(0, colon), value = trim(line.substr(colon + 1));
        if (iequals(name, "content-length")) {
            std::size_t n = 0;
            if (value.empty() || value.size() > 15 || (have_length)) {
                f.refuse = 400;
                return f;
            }
            for (char c : value) {
                if (c < '0' || c > '9') {
                    f.refuse = 400;
                    return f;
                }
                n = n * 10 + static_cast<std::size_t>(c - '0');
            }
            have_length = true;
            f.body = n;
        } else if (iequals(name, "transfer-encoding")) {
            f.refuse = 411;  // browsers send a length; chunked request bodies are not taken
            return f;
        } else if (iequals(name, "expect") && iequals(value, "100-continue")) {
            f.expect_line_at = start;
            f.expect_line_size = end + 2 - start;
        }
    }
    if (f.body > max_body) f.refuse = 413;
    return f;
}

std::string address_text(const sockaddr_storage& addr, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
        const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
        inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
        port = ntohs(a.sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
        inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
        port = ntohs(a.sin6_port);
        std::string s = text;
        if (s.rfind("::ffff:", 0) == 0 && s.find('.') != std::string::npos) return s.substr(7);  // IPv4 mapped
        return s;
    }
    return text;
}

}  // namespace

std::string plain_reply(int status, const std::string& reason, const std::string& json_body,
                        int retry_after_seconds, bool close) {
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                      "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                      std::to_string(json_body.size()) +
                      "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    if (retry_after_seconds > 0) out += "Retry-After: " + std::to_string(retry_after_seconds) + "\r\n";
    out += close ? "Connection: close\r\n\r\n" : "\r\n";
    return out + json_body;
}

// [SECTION] the gate's state ------------------------------------------------------------

struct ConnectionGate::Impl {
    GateOptions options;
    OnRequest on_request;
    SSL_CTX* tls = nullptr;

    enum class State { reading, busy, writing, draining, relay };
    struct Connection {
        std::uint64_t id = 0;
        int fd = -1;
        SSL* ssl = nullptr;
        std::string address;
        int port = 0;
        State state = State::reading;
        std::uint32_t interest = 0;
        std::string in;                 // read, not yet handed on
        std::size_t head_size = 0;      // 0: the head's end not seen yet
        std::size_t need = 0;           // head + body, once the head is read
        std::size_t scanned = 0;        // how far in `in` the head's end was looked for
        bool in_request = false;        // a byte of the next request has arrived
        bool peer_done = false;         // the peer has sent all it will (half-closed)
        std::string out;                // to write
        std::size_t out_off = 0;
        bool close_after = false;
        bool linger = false;            // refused with the request unread: drain before closing
        std::size_t drained = 0;        // bytes dropped while lingering
        Steady::time_point deadline;
        int pair_fd = -1;               // relay: the plain end the live hub writes into
        bool pair_paused = false, pair_gone = false;
        bool counted = true;            // in the per-address count
    };

    int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
    std::unordered_map<std::uint64_t, Connection> connections;
    std::unordered_map<std::string, std::size_t> per_address;
    std::uint64_t next_id = kFirstId;
    std::atomic<std::size_t> open{0};
    Steady::time_point accept_paused_until{};

    // Posted by other threads.
    struct Reply {
        std::uint64_t id;
        std::string bytes;
        bool close;
    };
    struct Release {
        std::uint64_t id;
        std::function<void(int)> take;
    };
    std::mutex mutex;
    std::vector<Reply> replies;
    std::vector<Release> releases;
    bool stopping = false;

    Impl(GateOptions o, OnRequest r) : options(std::move(o)), on_request(std::move(r)) {
        if (options.tls) tls = options.tls->native();
        epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
        wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (epoll_fd < 0 || wake_fd < 0) throw std::runtime_error("connection gate: cannot create epoll or eventfd");
        add(wake_fd, kWakeTag, EPOLLIN);
    }
    ~Impl() {
        for (auto& [id, c] : connections) close_now(c);
        if (listen_fd >= 0) ::close(listen_fd);
        ::close(epoll_fd);
        ::close(wake_fd);
    }

    void add(int fd, std::uint64_t tag, std::uint32_t events) {
        epoll_event ev{};
        ev.events = events;
        ev.data.u64 = tag;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev);
    }
    void want(Connection& c, std::uint32_t events) {
        if (c.interest == events) return;
        epoll_event ev{};
        ev.events = events;
        ev.data.u64 = c.id;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &ev);
        c.interest = events;
    }
    void wake() {
        std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wake_fd, &one, sizeof one);
    }

    void uncount(Connection& c) {
        if (!c.counted) return;
        c.counted = false;
        auto it = per_address.find(c.address);
        if (it != per_address.end() && --it->second == 0) per_address.erase(it);
    }

    // Ends a connection without erasing it from `connections`.
    void close_now(Connection& c) {
        uncount(c);
        if (c.ssl) {
            SSL_shutdown(c.ssl);  // a close_notify if it fits; never waits
            SSL_free(c.ssl);
            c.ssl = nullptr;
        }
        if (c.pair_fd >= 0) ::close(c.pair_fd);
        c.pair_fd = -1;
        if (c.fd >= 0) ::close(c.fd);  // also leaves the epoll set
        c.fd = -1;
    }
    void close(std::uint64_t id) {
        auto it = connections.find(id);
        if (it == connections.end()) return;
        close_now(it->second);
        connections.erase(it);
        open = connections.size();
    }

    // --- reads and writes, plain or TLS ----------------------------------------------

    enum class Io { progress, would_block_read, would_block_write, closed };

    Io read_into(Connection& c, char* buf, std::size_t size, std::size_t& got) {
        got = 0;
        if (c.ssl) {
            ERR_clear_error();
            const int r = SSL_read_ex(c.ssl, buf, size, &got);
            if (r == 1) return Io::progress;
            const int e = SSL_get_error(c.ssl, r);
            if (e == SSL_ERROR_WANT_READ) return Io::would_block_read;
            if (e == SSL_ERROR_WANT_WRITE) return Io::would_block_write;
            return Io::closed;
        }
        const ssize_t n = ::recv(c.fd, buf, size, 0);
        if (n > 0) {
            got = static_cast<std::size_t>(n);
            return Io::progress;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return Io::would_block_read;
        return Io::closed;
    }

    Io write_from(Connection& c, const char* data, std::size_t size, std::size_t& put) {
        put = 0;
        if (c.ssl) {
            ERR_clear_error();
            const int r = SSL_write_ex(c.ssl, data, size, &put);
            if (r == 1) return Io::progress;
            const int e = SSL_get_error(c.ssl, r);
            if (e == SSL_ERROR_WANT_WRITE) return Io::would_block_write;
            if (e == SSL_ERROR_WANT_READ) return Io::would_block_read;
            return Io::closed;
        }
        const ssize_t n = ::send(c.fd, data, size, MSG_NOSIGNAL);
        if (n > 0) {
            put = static_cast<std::size_t>(n);
            return Io::progress;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return Io::would_block_write;
        return Io::closed;
    }

    // [SECTION] the loop ------------------------------------------------------------

    void run() {
        std::vector<epoll_event> events(1024);
        auto next_sweep = Steady::now();
        for (;;) {
            const int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 200);
            if (n < 0 && errno != EINTR) break;
            for (int i = 0; i < n; ++i) {
                const std::uint64_t tag = events[i].data.u64;
                const std::uint32_t ev = events[i].events;
                if (tag == kListenTag) accept_all();
                else if (tag == kWakeTag) {
                    std::uint64_t count;
                    while (::read(wake_fd, &count, sizeof count) > 0) {
                    }
                } else if (tag & kPairBit) on_pair(tag & ~kPairBit, ev);
                else on_event(tag, ev);
            }
            std::vector<Reply> got_replies;
            std::vector<Release> got_releases;
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (stopping) break;
                got_replies.swap(replies);
                got_releases.swap(releases);
            }
            for (Reply& r : got_replies) start_reply(r.id, std::move(r.bytes), r.close);
            for (Release& r : got_releases) release(r.id, r.take);
            const auto now = Steady::now();
            if (now >= next_sweep) {
                sweep(now);
                next_sweep = now + std::chrono::milliseconds(200);
            }
        }
        for (auto& [id, c] : connections) close_now(c);
        connections.clear();
        open = 0;
    }

    void refuse_fresh(int fd, int status) {
        if (!tls && options.refusal) {
            const std::string bytes = options.refusal(status);
            [[maybe_unused]] auto n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        ::close(fd);
    }

    void accept_all() {
        if (Steady::now() < accept_paused_until) return;
        for (;;) {
            sockaddr_storage addr{};
            socklen_t len = sizeof addr;
            const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                    // Out of descriptors: leave the rest in the backlog a moment (the
                    // sweep lets them in again) rather than spin.
                    accept_paused_until = Steady::now() + std::chrono::milliseconds(100);
                    want_listen(false);
                }
                return;
            }
            int port = 0;
            std::string address = address_text(addr, port);
            if (connections.size() >= options.max_connections) {
                refuse_fresh(fd, 503);
                continue;
            }
            std::size_t& from_here = per_address[address];
            if (from_here >= options.max_per_address &&
                std::find(options.uncapped_addresses.begin(), options.uncapped_addresses.end(), address) ==
                    options.uncapped_addresses.end()) {
                refuse_fresh(fd, 429);
                continue;
            }
            ++from_here;
            int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            Connection c;
            c.id = next_id++;
            c.fd = fd;
            c.address = std::move(address);
            c.port = port;
            c.deadline = Steady::now() + std::chrono::seconds(options.head_seconds);
            if (tls) {
                c.ssl = SSL_new(tls);
                if (!c.ssl) {
                    uncount(c);
                    ::close(fd);
                    continue;
                }
                SSL_set_fd(c.ssl, fd);
                SSL_set_accept_state(c.ssl);
            }
            c.interest = EPOLLIN | EPOLLRDHUP;
            add(fd, c.id, c.interest);
            connections.emplace(c.id, std::move(c));
            open = connections.size();
        }
    }

    bool listening = true;
    void want_listen(bool on) {
        if (listening == on || listen_fd < 0) return;
        epoll_event ev{};
        ev.events = on ? std::uint32_t{EPOLLIN} : 0u;
        ev.data.u64 = kListenTag;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &ev);
        listening = on;
    }

    void on_event(std::uint64_t id, std::uint32_t ev) {
        auto it = connections.find(id);
        if (it == connections.end()) return;
        Connection& c = it->second;
        switch (c.state) {
            case State::reading:
                read_request(c);
                break;
            case State::writing:
                if (ev & (EPOLLERR | EPOLLHUP)) close(id);
                else flush(c);
                break;
            case State::busy:
                if (ev & (EPOLLERR | EPOLLHUP)) close(id);  // its reply will find it gone
                break;
            case State::draining:
                drain(c);
                break;
            case State::relay:
                relay_tls_side(c, ev);
                break;
        }
    }

    // Reads what has arrived (no more than the request being framed needs) and frames
    // it, until the request is whole or the peer has nothing more for now. The
    // connection may be gone or busy afterwards: callers do not touch it again.
    void read_request(Connection& c) {
        char buf[16384];
        for (;;) {
            bool drained = false;
            while (!drained) {
                const std::size_t limit = c.head_size == 0 ? options.max_head_bytes + 1 : c.need;
                if (c.in.size() >= limit) break;
                std::size_t got = 0;
                const Io io = read_into(c, buf, std::min(sizeof buf, limit - c.in.size()), got);
                if (io == Io::progress) {
                    if (!c.in_request) {
                        c.in_request = true;
                        c.deadline = Steady::now() + std::chrono::seconds(options.head_seconds);
                    }
                    c.in.append(buf, got);
                } else if (io == Io::closed) {
                    // A request sent whole before a half-close is still answered.
                    c.peer_done = true;
                    const std::uint64_t id = c.id;
                    if (frame_request(c)) close(id);  // nothing whole to answer
                    return;
                } else {
                    want(c, io == Io::would_block_write ? (EPOLLIN | EPOLLOUT | EPOLLRDHUP) : (EPOLLIN | EPOLLRDHUP));
                    drained = true;
                }
            }
            const bool had_head = c.head_size != 0;
            if (!frame_request(c)) return;  // handed on, refused or closed
            // Just found the head with the body still to read: read on (TLS may hold
            // bytes that epoll will not announce).
            if (drained || had_head) return;
        }
    }

    void refuse(Connection& c, int status) {
        c.in.clear();
        c.linger = true;
        c.state = State::busy;  // start_reply expects a request in hand
        start_reply(c.id, options.refusal ? options.refusal(status) : plain_reply(status, "Refused", "{}", 0, true), true);
    }

    // Looks for the head's end and the body's; false once the connection is no longer
    // reading (the request handed on, or refused).
    bool frame_request(Connection& c) {
        if (c.head_size == 0) {
            const std::size_t from = c.scanned >= 3 ? c.scanned - 3 : 0;
            const auto end = c.in.find("\r\n\r\n", from);
            c.scanned = c.in.size();
            if (end == std::string::npos) {
                if (c.in.size() > options.max_head_bytes) {
                    refuse(c, 431);
                    return false;
                }
                return true;
            }
            c.head_size = end + 4;
            if (c.head_size > options.max_head_bytes) {
                refuse(c, 431);
                return false;
            }
            Framing f = frame(std::string_view(c.in).substr(0, c.head_size), options.max_body_bytes);
            if (f.refuse) {
                refuse(c, f.refuse);
                return false;
            }
            if (f.expect_line_at != std::string::npos) {
                // Answer 100 Continue here (the body is read before httplib sees the
                // request) and drop the line, so httplib does not answer it again.
                c.in.erase(f.expect_line_at, f.expect_line_size);
                c.head_size -= f.expect_line_size;
                if (f.body > 0 && c.in.size() < c.head_size + f.body) {
                    static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                    std::size_t put = 0;
                    write_from(c, kContinue.data(), kContinue.size(), put);  // tiny: fits, or the client sends anyway
                }
            }
            c.need = c.head_size + f.body;
            c.deadline = Steady::now() + std::chrono::seconds(options.head_seconds) +
                         std::chrono::milliseconds(1000 * f.body / std::max<std::size_t>(options.min_body_bytes_per_second, 1));
        }
        if (c.in.size() < c.need) return true;
        GateRequest request;
        request.connection = c.id;
        request.head_size = c.head_size;
        request.bytes = c.in.substr(0, c.need);
        c.in.erase(0, c.need);
        request.remote_address = c.address;
        request.remote_port = c.port;
        c.head_size = c.need = c.scanned = 0;
        c.state = State::busy;
        want(c, 0);
        on_request(std::move(request));
        return false;
    }

    void start_reply(std::uint64_t id, std::string bytes, bool close_after) {
        auto it = connections.find(id);
        if (it == connections.end() || it->second.state != State::busy) return;
        Connection& c = it->second;
        c.out = std::move(bytes);
        c.out_off = 0;
        c.close_after = close_after || c.peer_done;
        c.state = State::writing;
        c.deadline = Steady::now() + std::chrono::seconds(options.write_seconds);
        flush(c);
    }

    void flush(Connection& c) {
        while (c.out_off < c.out.size()) {
            std::size_t put = 0;
            const Io io = write_from(c, c.out.data() + c.out_off, c.out.size() - c.out_off, put);
            if (io == Io::progress) {
                c.out_off += put;
                c.deadline = Steady::now() + std::chrono::seconds(options.write_seconds);
                continue;
            }
            if (io == Io::closed) {
                close(c.id);
                return;
            }
            want(c, io == Io::would_block_read ? std::uint32_t{EPOLLIN} : std::uint32_t{EPOLLOUT});
            return;
        }
        c.out.clear();
        c.out.shrink_to_fit();
        c.out_off = 0;
        if (c.close_after) {
            ::shutdown(c.fd, SHUT_WR);
            if (c.linger && !c.ssl && !c.peer_done) {
                // Refused before its body was read (413, 408, …): closing with that body
                // unread would reset the connection, and the peer, still sending, would
                // lose the reply (or die of SIGPIPE). Read and drop what it still sends
                // for a moment, as nginx's lingering close does; the FIN is already out.
                c.state = State::draining;
                c.deadline = Steady::now() + std::chrono::seconds(kLingerSeconds);
                want(c, EPOLLIN | EPOLLRDHUP);
                drain(c);
                return;
            }
            close(c.id);
            return;
        }
        // Kept alive: wait for the next request in the epoll set.
        c.state = State::reading;
        c.in_request = !c.in.empty();
        c.deadline = Steady::now() + std::chrono::seconds(c.in_request ? options.head_seconds : options.idle_seconds);
        want(c, EPOLLIN | EPOLLRDHUP);
        // A pipelined request may be in hand already, or in TLS's own buffer.
        if (c.ssl || !c.in.empty()) read_request(c);
    }

    // Reads and drops what a refused peer still sends, until it closes, goes quiet past
    // the deadline, or has sent more than any request may hold.
    void drain(Connection& c) {
        char buf[65536];
        for (;;) {
            const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n > 0) {
                c.drained += static_cast<std::size_t>(n);
                if (c.drained > kMaxLingerBytes) break;
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
            break;
        }
        close(c.id);
    }

    void sweep(Steady::time_point now) {
        if (!listening && now >= accept_paused_until) want_listen(true);
        std::vector<std::uint64_t> late, slow;
        for (auto& [id, c] : connections) {
            if (now < c.deadline) continue;
            if (c.state == State::writing || c.state == State::draining) late.push_back(id);
            else if (c.state == State::reading) (c.in_request ? slow : late).push_back(id);
        }
        for (std::uint64_t id : late) close(id);
        for (std::uint64_t id : slow) {
            auto it = connections.find(id);
            if (it != connections.end()) refuse(it->second, 408);
        }
    }

    // [SECTION] TLS relay -------------------------------------------------------------

    void release(std::uint64_t id, const std::function<void(int)>& take) {
        auto it = connections.find(id);
        if (it == connections.end() || it->second.state != State::busy) {
            take(-1);
            return;
        }
        Connection& c = it->second;
        uncount(c);  // a stream is a signed-in person's, not a load on the address
        if (!c.ssl) {
            const int fd = c.fd;
            ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
            c.fd = -1;
            connections.erase(it);
            open = connections.size();
            take(fd);
            return;
        }
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            close(id);
            take(-1);
            return;
        }
        ::fcntl(pair[0], F_SETFL, ::fcntl(pair[0], F_GETFL) | O_NONBLOCK);
        c.pair_fd = pair[0];
        c.state = State::relay;
        add(c.pair_fd, c.id | kPairBit, EPOLLIN);
        want(c, EPOLLIN | EPOLLRDHUP);
        take(pair[1]);  // blocking: the hub writes its head with a plain send
    }

    // The TLS side of a stream: the browser sends nothing more; it may go, or take what
    // waits.
    void relay_tls_side(Connection& c, std::uint32_t ev) {
        char buf[4096];
        if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
            for (;;) {
                std::size_t got = 0;
                const Io io = read_into(c, buf, sizeof buf, got);
                if (io == Io::progress) continue;
                if (io == Io::closed) {
                    close(c.id);
                    return;
                }
                break;
            }
        }
        relay_flush(c);
    }

    void on_pair(std::uint64_t id, std::uint32_t) {
        auto it = connections.find(id);
        if (it == connections.end()) return;
        Connection& c = it->second;
        char buf[16384];
        while (c.out.size() - c.out_off < kMaxRelayBuffered) {
            const ssize_t n = ::recv(c.pair_fd, buf, sizeof buf, 0);
            if (n > 0) {
                c.out.append(buf, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) break;
            c.pair_gone = true;  // the hub ended the stream: end the connection once written
            break;
        }
        relay_flush(c);
    }

    void relay_flush(Connection& c) {
        while (c.out_off < c.out.size()) {
            std::size_t put = 0;
            const Io io = write_from(c, c.out.data() + c.out_off, c.out.size() - c.out_off, put);
            if (io == Io::progress) {
                c.out_off += put;
                continue;
            }
            if (io == Io::closed) {
                close(c.id);
                return;
            }
            break;
        }
        if (c.out_off == c.out.size()) {
            c.out.clear();
            c.out_off = 0;
        }
        if (c.pair_gone && c.out.empty()) {
            close(c.id);
            return;
        }
        const bool full = c.out.size() - c.out_off >= kMaxRelayBuffered;
        want(c, EPOLLIN | EPOLLRDHUP | (c.out.empty() ? 0u : EPOLLOUT));
        if (full != c.pair_paused && !c.pair_gone) {
            epoll_event ev{};
            ev.events = full ? 0u : EPOLLIN;
            ev.data.u64 = c.id | kPairBit;
            ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.pair_fd, &ev);
            c.pair_paused = full;
        }
        if (c.pair_gone && c.pair_fd >= 0) {
            ::close(c.pair_fd);
            c.pair_fd = -1;
        }
    }
};

ConnectionGate::ConnectionGate(GateOptions options, OnRequest on_request)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(on_request))) {}

ConnectionGate::~ConnectionGate() = default;

int ConnectionGate::bind(const std::string& host, int port) {
    addrinfo hints{}, *found = nullptr;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    const std::string where = host + ":" + (port == 0 ? std::string("(any port)") : std::to_string(port));
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found)
        throw std::runtime_error("cannot listen on " + where + " (not an address of this machine?)");
    int fd = -1;
    for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        // At 07:45 a school's guardians all open the page at once: a deep backlog (the
        // kernel caps it at net.core.somaxconn) rather than SYN retries.
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(found);
    if (fd < 0) throw std::runtime_error("cannot listen on " + where + " (in use, or not an address of this machine?)");
    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
    int bound_port = 0;
    address_text(bound, bound_port);
    impl_->listen_fd = fd;
    impl_->add(fd, kListenTag, EPOLLIN);
    return bound_port;
}

void ConnectionGate::run() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        if (impl_->stopping) return;
    }
    impl_->run();
}

void ConnectionGate::stop() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake();
}

void ConnectionGate::reply(std::uint64_t connection, std::string bytes, bool close) {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        if (impl_->stopping) return;
        impl_->replies.push_back({connection, std::move(bytes), close});
    }
    impl_->wake();
}

void ConnectionGate::release(std::uint64_t connection, std::function<void(int fd)> take) {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        if (!impl_->stopping) {
            impl_->releases.push_back({connection, std::move(take)});
            take = nullptr;
        }
    }
    if (take) take(-1);
    else impl_->wake();
}

std::size_t ConnectionGate::open_connections() const { return impl_->open.load(); }

}  // namespace skolnav
