// Live notifications as server-sent events, without a worker thread per listener.
//
// The connection gate hands over every request that is GET /api/v1/events asking for
// text/event-stream (parse_stream_request) with its socket: adopt() signs the person in
// through core (the session cookie), answers with the stream's head and takes the
// socket over (for TLS, the plain end of a pair the gate relays). One hub
// thread then holds every stream with epoll: non-blocking writes into a bounded buffer
// per stream (a peer that falls too far behind is dropped; its EventSource reconnects
// and catches up with Last-Event-ID), ": ping" every 25 s, and all streams closed on
// stop().
//
// The store tells the hub of each commit (whose notifications changed: core's
// notification_watchers) and of durability; a person's streams get a new message (core's
// notification_events, the poll route's reply) only once everything it shows is durable.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/api.hpp"

namespace skolnav {

// What a stream request carries, as read from its head.
struct StreamRequest {
    std::string session_token;
    std::optional<std::string> last_event_id;  // the Last-Event-ID header (reconnects)
    std::optional<std::string> after;          // the ?after= query parameter
    Language language = Language::sv;
};

// An HTTP request head (up to and including the blank line): the stream request if it is
// "GET /api/v1/events[?…] HTTP/1.x" accepting text/event-stream and without a body;
// otherwise nullopt (it goes the normal way).
std::optional<StreamRequest> parse_stream_request(std::string_view head);

struct LiveHubOptions {
    std::size_t max_buffered_bytes = 256 * 1024;  // per stream; more: the peer is dropped
    int ping_seconds = 25;
};

class LiveHub : public StoreListener {
public:
    explicit LiveHub(Services& services, LiveHubOptions options = {});
    ~LiveHub() override;  // stops
    LiveHub(const LiveHub&) = delete;
    LiveHub& operator=(const LiveHub&) = delete;

    void start();  // starts the hub thread
    void stop();   // closes every stream and ends the thread; safe to call twice

    // Answers a stream request already read off `fd` and takes the socket over.
    void adopt(int fd, const StreamRequest& request);

    std::size_t streams() const;  // open streams now

    void on_commit(const State& state, std::uint64_t seq, const json& event) override;
    void on_durable(std::uint64_t seq) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace skolnav
