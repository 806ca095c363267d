// Every connection the server holds, on one epoll thread, so that a slow or idle peer
// never holds a worker thread.
//
// The gate accepts, reads each request whole (head within a deadline, a body at a
// minimum rate) into memory, and only then hands it on, as bytes, to whoever serves it
// (http_adapter: httplib's request processing in a worker pool). The reply comes back as
// bytes and the gate writes it out without blocking; a keep-alive connection then waits
// for its next request in the epoll set, not in a thread. It also caps the connections
// per client address and in all, and answers a peer over a cap with 429 or 503.
//
// It does not know HTTP beyond framing: the end of the head, Content-Length, and the
// Expect: 100-continue an upload may wait for. TLS (server/tls_context.hpp) is a layer
// of the connection's reads and writes here.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace skolnav {

class TlsContext;

struct GateOptions {
    int head_seconds = 10;              // from the first byte to the head's blank line
    int idle_seconds = 5;               // a kept-alive connection waiting for its next request
    int write_seconds = 10;             // without any progress writing a reply
    std::size_t min_body_bytes_per_second = 32 * 1024;  // the body's deadline: head + size at this rate
    std::size_t max_head_bytes = 16 * 1024;             // larger: 431
    std::size_t max_body_bytes = 11 << 20;              // larger Content-Length: 413, unread
    std::size_t max_per_address = 256;  // open connections from one client address
    std::size_t max_connections = 20000;
    std::vector<std::string> uncapped_addresses;  // trusted reverse proxies

    TlsContext* tls = nullptr;          // when set, every connection speaks TLS
    // The whole reply (see plain_reply) for what the gate refuses itself: 408 (head or
    // body too slow), 411, 413, 429 (over the per-address cap), 431, 503 (over the cap).
    std::function<std::string(int status)> refusal;
};

// One whole request as it arrived.
struct GateRequest {
    std::uint64_t connection = 0;  // for reply() / release()
    std::string bytes;             // head and body, exactly
    std::size_t head_size = 0;     // bytes[0, head_size) is the head (ends in the blank line)
    std::string remote_address;
    int remote_port = 0;
};

class ConnectionGate {
public:
    // Called on the gate thread with each whole request; must not block (queue the work
    // and answer later with reply() or release()).
    using OnRequest = std::function<void(GateRequest&&)>;

    ConnectionGate(GateOptions options, OnRequest on_request);
    ~ConnectionGate();
    ConnectionGate(const ConnectionGate&) = delete;
    ConnectionGate& operator=(const ConnectionGate&) = delete;

    int bind(const std::string& host, int port);  // port 0: any free one; returns it, or throws
    void run();   // the epoll loop, until stop()
    void stop();  // safe from any thread, also before run()

    // From any thread: the reply to the connection's request (bytes as they go on the
    // wire); with close, the connection ends once they are written. Ignored when the
    // connection has gone meanwhile.
    void reply(std::uint64_t connection, std::string bytes, bool close);
    // From any thread: the connection leaves the gate (an event stream taking it over);
    // `take` gets a plain socket to write to (for TLS, one end of a pair the gate relays
    // through TLS), or -1 when the connection has gone. `take` runs on the gate thread.
    void release(std::uint64_t connection, std::function<void(int fd)> take);

    std::size_t open_connections() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A short complete reply (429, 503, 408, …) with a JSON body, for the gate and the adapter.
std::string plain_reply(int status, const std::string& reason, const std::string& json_body,
                        int retry_after_seconds, bool close);

}  // namespace skolnav
