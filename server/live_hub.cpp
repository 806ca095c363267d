#include "server/live_hub.hpp"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/api_error.hpp"
#include "core/notifications.hpp"
#include "core/permissions.hpp"
#include "core/routes.hpp"
#include "server/http_adapter.hpp"

namespace skolnav {

namespace {

using Clock_ = std::chrono::steady_clock;
constexpr std::string_view kStreamStart = "GET /api/v1/events";

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Writes all of `bytes` (a stream's head, or an error: small, the socket buffer takes them).
void write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void close_socket(int fd) {
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
}

// A JSON error reply that ends the connection (the stream's 400 and 401).
void answer_error_and_close(int fd, const ApiError& error, Language language) {
    const std::string body =
        error_response(error, language).body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const char* reason = error.status == 401 ? "Unauthorized" : error.status == 400 ? "Bad Request" : "Error";
    write_all(fd, "HTTP/1.1 " + std::to_string(error.status) + " " + reason +
                      "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                      std::to_string(body.size()) +
                      "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n" + body);
    close_socket(fd);
}

constexpr const char* kStreamHead =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: text/event-stream\r\n"
    "Cache-Control: no-store\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Accel-Buffering: no\r\n"
    "Connection: keep-alive\r\n"
    "\r\n"
    "retry: 2000\n\n";

}  // namespace

std::optional<StreamRequest> parse_stream_request(std::string_view head) {
    const auto line_end = head.find("\r\n");
    if (line_end == std::string_view::npos) return std::nullopt;
    std::string_view line = head.substr(0, line_end);
    if (line.substr(0, kStreamStart.size()) != kStreamStart) return std::nullopt;
    std::string_view rest = line.substr(kStreamStart.size());
    const auto space = rest.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    std::string_view query = rest.substr(0, space), version = rest.substr(space + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") return std::nullopt;
    if (!query.empty() && query.front() != '?') return std::nullopt;  // "/api/v1/eventsX"

    StreamRequest request;
    if (!query.empty()) {
        query.remove_prefix(1);
        while (!query.empty()) {
            auto amp = query.find('&');
            std::string_view pair = query.substr(0, amp);
            auto eq = pair.find('=');
            if (pair.substr(0, eq) == "after" && !request.after)
                request.after = std::string(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
            if (amp == std::string_view::npos) break;
            query.remove_prefix(amp + 1);
        }
    }
    bool event_stream = false;
    std::string_view headers = head.substr(line_end + 2);
    while (!headers.empty()) {
        auto end = headers.find("\r\n");
        std::string_view h = headers.substr(0, end);
        headers.remove_prefix(end == std::string_view::npos ? headers.size() : end + 2);
        if (h.empty()) break;
        auto colon = h.find(':');
        if (colon == std::string_view::npos) return std::nullopt;  // malformed: httplib answers it
        const std::string name = lower(h.substr(0, colon));
        const std::string_view value = trim(h.substr(colon + 1));
        if (name == "accept") event_stream = lower(value).find("text/event-stream") != std::string::npos;
        else if (name == "cookie") {
            if (request.session_token.empty()) request.session_token = cookie_value(std::string(value), "skolnav_session");
        } else if (name == "last-event-id") request.last_event_id = std::string(value);
        else if (name == "accept-language") request.language = language_from_accept_language(value);
        else if (name == "content-length" && value != "0") return std::nullopt;
        else if (name == "transfer-encoding") return std::nullopt;
    }
    if (!event_stream) return std::nullopt;
    return request;
}

struct LiveHub::Impl {
    Services& services;
    LiveHubOptions options;

    // One open stream. Owned by the hub thread.
    struct Stream {
        int fd = -1;
        Id person;
        std::string session_digest;
        Language language = Language::sv;
        std::optional<std::uint64_t> after;  // the id of the last message sent (or the request's)
        bool first = true;                   // the first message is always sent
        std::uint64_t sent_cursor = 0;       // of the last message sent
        int sent_unread = -1;
        std::string out;            // bytes not yet written
        std::size_t out_off = 0;
        bool want_write = false;    // registered for EPOLLOUT
        // A built message waiting until the state it shows is durable.
        std::optional<std::string> held;
        std::uint64_t held_needs = 0;  // the store's seq it was built at
        std::uint64_t held_id = 0, held_cursor = 0;
        int held_unread = 0;
        Clock_::time_point held_since;
    };

    // Shared with other threads, under `mutex`.
    std::mutex mutex;
    std::vector<Stream> incoming;
    std::vector<std::pair<std::uint64_t, std::vector<Id>>> pending;  // committed, maybe not durable
    std::uint64_t durable = 0;
    bool stopping = false;
    bool started = false;

    // The hub thread's own.
    std::unordered_map<int, Stream> streams;
    std::unordered_map<Id, std::vector<int>> by_person;
    std::unordered_set<int> held;  // streams with a message waiting for durability
    std::atomic<bool> any_held{false};
    std::thread thread;
    std::mutex stop_mutex;
    int epoll_fd = -1, wake_fd = -1;
    std::atomic<std::size_t> open_streams{0};

    Impl(Services& s, LiveHubOptions o) : services(s), options(o) {
        epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
        wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (epoll_fd < 0 || wake_fd < 0) throw std::runtime_error("live hub: cannot create epoll or eventfd");
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = wake_fd;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, wake_fd, &ev);
    }
    ~Impl() {
        ::close(epoll_fd);
        ::close(wake_fd);
    }

    void wake() {
        std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wake_fd, &one, sizeof one);
    }

    // --- the hub thread ---------------------------------------------------------------

    void run() {
        std::vector<epoll_event> events(512);
        auto next_ping = Clock_::now() + std::chrono::seconds(options.ping_seconds);
        for (;;) {
            int timeout_ms = static_cast<int>(
                std::chrono::duration_cast<std::chrono::milliseconds>(next_ping - Clock_::now()).count());
            if (!held.empty()) timeout_ms = std::min(timeout_ms, 50);  // to fall back on make_durable
            int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), std::max(timeout_ms, 0));
            if (n < 0 && errno != EINTR) break;
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == wake_fd) {
                    std::uint64_t count;
                    while (::read(wake_fd, &count, sizeof count) > 0) {
                    }
                    continue;
                }
                auto it = streams.find(fd);
                if (it == streams.end()) continue;
                if (events[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
                    if (!drain_input(fd)) {
                        drop(fd);
                        continue;
                    }
                }
                if (events[i].events & EPOLLOUT) flush(it->second);
            }

            std::vector<Stream> arrived;
            std::vector<Id> changed;
            std::uint64_t durable_now;
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (stopping) break;
                arrived.swap(incoming);
                durable_now = durable;
                auto ready = std::stable_partition(pending.begin(), pending.end(),
                                                   [&](const auto& p) { return p.first <= durable_now; });
                for (auto p = pending.begin(); p != ready; ++p)
                    changed.insert(changed.end(), p->second.begin(), p->second.end());
                pending.erase(pending.begin(), ready);
            }
            std::vector<int> dirty;
            for (Stream& s : arrived) {
                const int fd = s.fd;
                epoll_event ev{};
                ev.events = EPOLLIN | EPOLLRDHUP;
                ev.data.fd = fd;
                if (::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) {
                    close_socket(fd);
                    continue;
                }
                by_person[s.person].push_back(fd);
                streams.emplace(fd, std::move(s));
                open_streams = streams.size();
                dirty.push_back(fd);
            }
            std::sort(changed.begin(), changed.end());
            changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
            for (const Id& person : changed)
                if (auto it = by_person.find(person); it != by_person.end())
                    dirty.insert(dirty.end(), it->second.begin(), it->second.end());
            if (!dirty.empty()) rebuild(dirty);
            any_held = !held.empty();
            if (!held.empty()) {
                // Read again after any_held is set: a later durability wakes us.
                std::lock_guard<std::mutex> lock(mutex);
                durable_now = durable;
            }
            if (!held.empty()) release_held(durable_now);

            if (Clock_::now() >= next_ping) {
                std::vector<int> all;
                for (auto& [fd, s] : streams) all.push_back(fd);
                for (int fd : all)
                    if (auto it = streams.find(fd); it != streams.end()) send(it->second, ": ping\n\n");
                next_ping = Clock_::now() + std::chrono::seconds(options.ping_seconds);
            }
        }
        // Stopping: every stream ends (the browsers reconnect to the next server).
        std::vector<Stream> left;
        {
            std::lock_guard<std::mutex> lock(mutex);
            left.swap(incoming);
        }
        for (Stream& s : left) close_socket(s.fd);
        for (auto& [fd, s] : streams) close_socket(fd);
        streams.clear();
        by_person.clear();
        open_streams = 0;
    }

    // Reads and discards what the peer sends; false when it has gone.
    bool drain_input(int fd) {
        char buf[1024];
        for (;;) {
            ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) continue;
            if (n == 0) return false;
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        }
    }

    void drop(int fd) {
        auto it = streams.find(fd);
        if (it == streams.end()) return;
        auto& list = by_person[it->second.person];
        list.erase(std::remove(list.begin(), list.end(), fd), list.end());
        if (list.empty()) by_person.erase(it->second.person);
        streams.erase(it);
        held.erase(fd);
        open_streams = streams.size();
        close_socket(fd);  // also leaves the epoll set
    }

    void set_want_write(Stream& s, bool want) {
        if (s.want_write == want) return;
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLRDHUP | (want ? EPOLLOUT : 0u);
        ev.data.fd = s.fd;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, s.fd, &ev);
        s.want_write = want;
    }

    // Writes what it can without blocking; drops the stream on an error.
    void flush(Stream& s) {
        while (s.out_off < s.out.size()) {
            ssize_t n = ::send(s.fd, s.out.data() + s.out_off, s.out.size() - s.out_off, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                s.out_off += static_cast<std::size_t>(n);
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                set_want_write(s, true);
                return;
            } else {
                drop(s.fd);
                return;
            }
        }
        s.out.clear();
        s.out_off = 0;
        set_want_write(s, false);
    }

    // Queues bytes for the stream; a peer with too much unread is dropped (it reconnects
    // and catches up with Last-Event-ID).
    void send(Stream& s, std::string_view bytes) {
        if (s.out.size() - s.out_off + bytes.size() > options.max_buffered_bytes) {
            drop(s.fd);
            return;
        }
        if (s.out_off > 0 && s.out_off == s.out.size()) {
            s.out.clear();
            s.out_off = 0;
        }
        s.out.append(bytes);
        if (!s.want_write) flush(s);  // else EPOLLOUT will
    }

    // Builds the message each dirty stream needs now, person by person (one look at the
    // state each); streams of one person with the same cursor and language share it.
    void rebuild(std::vector<int> dirty) {
        std::sort(dirty.begin(), dirty.end());
        dirty.erase(std::unique(dirty.begin(), dirty.end()), dirty.end());
        std::map<Id, std::vector<int>> per_person;
        for (int fd : dirty)
            if (auto it = streams.find(fd); it != streams.end()) per_person[it->second.person].push_back(fd);
        const UnixSeconds now = services.clock.now();
        for (auto& [person, fds] : per_person) {
            struct Built {
                json reply;
                std::string message;
                std::uint64_t id;
            };
            std::map<std::pair<std::optional<std::uint64_t>, Language>, Built> cache;
            std::vector<int> gone;
            std::uint64_t built_at;
            {
                auto txn = services.store.begin();
                const State& state = txn.state();
                built_at = services.store.last_seq();
                const Person* me = find_person(state, person);
                for (int fd : fds) {
                    Stream& s = streams.at(fd);
                    // A stream lasts as long as its session: signed out, the browser
                    // reconnects and gets 401.
                    auto session = state.sessions.find(s.session_digest);
                    if (!me || session == state.sessions.end() || !session_active(session->second, now, services.session_idle_seconds)) {
                        gone.push_back(fd);
                        continue;
                    }
                    auto key = std::make_pair(s.after, s.language);
                    auto c = cache.find(key);
                    if (c == cache.end()) {
                        json reply = notification_events(state, *me, s.after, now, s.language);
                        const auto& fresh = reply["new"];
                        // More than fit in one message: this one's id is the last it holds,
                        // and the next follows at once.
                        std::uint64_t id = reply["cursor"].get<std::uint64_t>();
                        if (fresh.size() >= 100 && fresh.back()["seq"].get<std::uint64_t>() < id)
                            id = fresh.back()["seq"].get<std::uint64_t>();
                        std::string message = "id: " + std::to_string(id) + "\nevent: notifications\ndata: " +
                                              reply.dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
                        c = cache.emplace(key, Built{std::move(reply), std::move(message), id}).first;
                    }
                    const Built& b = c->second;
                    const std::uint64_t cursor = b.reply["cursor"];
                    const int unread = b.reply["unread"];
                    if (!s.first && b.reply["new"].empty() && cursor == s.sent_cursor && unread == s.sent_unread) {
                        s.held.reset();  // nothing new to say
                        held.erase(fd);
                        continue;
                    }
                    if (!s.held) s.held_since = Clock_::now();
                    s.held = b.message;
                    s.held_needs = built_at;
                    s.held_id = b.id;
                    s.held_cursor = cursor;
                    s.held_unread = unread;
                    held.insert(fd);
                }
            }
            for (int fd : gone) drop(fd);
        }
    }

    // Sends the held messages whose state is durable. One held too long (a change whose
    // handler did not wait for durability) makes it durable itself.
    void release_held(std::uint64_t durable_now) {
        std::vector<int> ready;
        std::uint64_t late_needs = 0;
        for (int fd : held) {
            const Stream& s = streams.at(fd);
            if (s.held_needs <= durable_now) ready.push_back(fd);
            else if (Clock_::now() - s.held_since > std::chrono::milliseconds(200))
                late_needs = std::max(late_needs, s.held_needs);
        }
        if (late_needs > 0) {
            services.store.make_durable(late_needs);  // tells on_durable
            durable_now = std::max(durable_now, late_needs);
            for (int fd : held)
                if (streams.at(fd).held_needs <= durable_now && std::find(ready.begin(), ready.end(), fd) == ready.end())
                    ready.push_back(fd);
        }
        std::vector<int> more;
        for (int fd : ready) {
            held.erase(fd);
            Stream& s = streams.at(fd);
            const std::string message = std::move(*s.held);
            s.held.reset();
            s.first = false;
            s.after = s.held_id;
            s.sent_cursor = s.held_cursor;
            s.sent_unread = s.held_unread;
            const bool truncated = s.held_id < s.held_cursor;
            send(s, message);  // may drop it
            if (truncated && streams.count(fd)) more.push_back(fd);
        }
        any_held = !held.empty();
        if (!more.empty()) {
            rebuild(more);
            release_held(durable_now);
        }
    }
};

LiveHub::LiveHub(Services& services, LiveHubOptions options)
    : impl_(std::make_unique<Impl>(services, options)) {}

LiveHub::~LiveHub() { stop(); }

void LiveHub::start() {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->started || impl_->stopping) return;
    impl_->started = true;
    impl_->durable = impl_->services.store.last_seq();  // what was loaded is on disk
    impl_->thread = std::thread([this] { impl_->run(); });
}

void LiveHub::stop() {
    std::lock_guard<std::mutex> one_at_a_time(impl_->stop_mutex);  // HttpServer::stop() and run() both may
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake();
    if (impl_->thread.joinable()) impl_->thread.join();
    std::lock_guard<std::mutex> lock(impl_->mutex);
    for (auto& s : impl_->incoming) close_socket(s.fd);
    impl_->incoming.clear();
}

std::size_t LiveHub::streams() const { return impl_->open_streams.load(); }

void LiveHub::on_commit(const State& state, std::uint64_t seq, const json& event) {
    std::vector<Id> watchers = notification_watchers(state, event);
    if (watchers.empty()) return;
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->started && !impl_->stopping) impl_->pending.emplace_back(seq, std::move(watchers));
}

void LiveHub::on_durable(std::uint64_t seq) {
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        if (seq <= impl_->durable) return;
        impl_->durable = seq;
        // Wake the hub for changes now durable, and for messages waiting for durability.
        wake = impl_->any_held || std::any_of(impl_->pending.begin(), impl_->pending.end(),
                                              [&](const auto& p) { return p.first <= seq; });
    }
    if (wake) impl_->wake();
}

void LiveHub::adopt(int fd, const StreamRequest& request) {
    // Last-Event-ID (a reconnect) wins over ?after=.
    std::optional<std::uint64_t> after;
    const std::optional<std::string>& given = request.last_event_id ? request.last_event_id : request.after;
    if (given) {
        after = parse_notification_cursor(*given);
        if (!after) {
            answer_error_and_close(fd, bad_request(request.last_event_id ? "Last-Event-ID" : "after",
                                                   "Fältet after ska vara ett heltal som är 0 eller större.",
                                                   "The field after must be a whole number of 0 or more."),
                                   request.language);
            return;
        }
    }
    Impl::Stream s;
    s.fd = fd;
    s.language = request.language;
    s.after = after;
    {
        auto txn = impl_->services.store.begin();
        const Person* me = authenticate(txn.state(), impl_->services, request.session_token,
                                        impl_->services.clock.now(), s.session_digest);
        if (me) s.person = me->id;
    }
    if (s.person.empty()) {
        answer_error_and_close(fd, unauthenticated(), request.language);
        return;
    }
    // The head goes out now (blocking, it is small); messages follow from the hub thread.
    write_all(fd, kStreamHead);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        if (impl_->started && !impl_->stopping) {
            impl_->incoming.push_back(std::move(s));
            fd = -1;
        }
    }
    if (fd >= 0) close_socket(fd);
    else impl_->wake();
}

}  // namespace skolnav
