// Live notifications through the real server: the event stream (GET /api/v1/events
// with Accept: text/event-stream) read with a raw socket, as a browser's EventSource
// would, while staff publish news.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <optional>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

using Steady = std::chrono::steady_clock;

struct Message {
    std::string id, event;
    json data;
};

// One connection to the server, reading server-sent events.
class SseStream {
public:
    SseStream(int port, const std::string& token, const std::map<std::string, std::string>& headers = {},
              const std::string& target = "/api/v1/events") {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
        if (!token.empty()) request += "Cookie: skolnav_session=" + token + "\r\n";
        for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
        request += "\r\n";
        send_raw(request);
    }
    ~SseStream() { close(); }
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    void send_raw(const std::string& bytes) { REQUIRE(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size())); }

    // Reads until `done(buffer)` holds or the time is up; false when it ran out or the
    // server closed the connection first.
    bool read_until(const std::function<bool()>& done, std::chrono::milliseconds within) {
        const auto deadline = Steady::now() + within;
        while (!done()) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Steady::now()).count();
            if (left <= 0 || closed_) return false;
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            char buf[4096];
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) {
                closed_ = true;
                return done();
            }
            raw_.append(buf, static_cast<std::size_t>(n));
        }
        return true;
    }
    // The response head (status line and headers), once read.
    std::string head() {
        read_until([&] { return raw_.find("\r\n\r\n") != std::string::npos; }, std::chrono::seconds(5));
        return raw_.substr(0, raw_.find("\r\n\r\n") + 4);
    }
    std::string body() {
        auto end = raw_.find("\r\n\r\n");
        return end == std::string::npos ? "" : raw_.substr(end + 4);
    }
    // The next complete message after those already taken, within `within`.
    std::optional<Message> next(std::chrono::milliseconds within = std::chrono::seconds(2)) {
        head();
        const bool got = read_until([&] { return body().find("\n\n", taken_) != std::string::npos && parse_next(false); },
                                    within);
        if (!got) return std::nullopt;
        return parse_next(true);
    }
    bool closed() const { return closed_; }
    const std::string& raw() const { return raw_; }

private:
    // The next block that is a message (skipping retry: and : ping blocks).
    std::optional<Message> parse_next(bool take) {
        const std::string b = body();
        std::size_t at = taken_;
        for (;;) {
            auto end = b.find("\n\n", at);
            if (end == std::string::npos) return std::nullopt;
            Message m;
            std::string block = b.substr(at, end - at);
            at = end + 2;
            std::size_t pos = 0;
            bool has_data = false;
            while (pos <= block.size()) {
                auto nl = block.find('\n', pos);
                std::string line = block.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
                if (line.rfind("id: ", 0) == 0) m.id = line.substr(4);
                else if (line.rfind("event: ", 0) == 0) m.event = line.substr(7);
                else if (line.rfind("data: ", 0) == 0) {
                    m.data = json::parse(line.substr(6));
                    has_data = true;
                }
                if (nl == std::string::npos) break;
                pos = nl + 1;
            }
            if (!has_data) continue;
            if (take) taken_ = at;
            return m;
        }
    }

    int fd_ = -1;
    std::string raw_;
    std::size_t taken_ = 0;
    bool closed_ = false;
};

std::string group_7a(const std::filesystem::path& data) {
    const json snapshot = json::parse(read_file(data / "snapshot.json"));
    for (const auto& g : snapshot.at("state").at("groups"))
        if (g.at("name") == "7A" && g.at("school_id") == "sch-2") return g.at("id");
    FAIL("no 7A");
    return "";
}

std::string publish_news(ApiClient& staff, const std::string& group, const std::string& title) {
    Reply r = staff.post("/api/v1/schools/sch-2/news", {{"title", title}, {"body", "Välkomna!"}, {"group_ids", {group}}});
    INFO(text_of(r));
    REQUIRE(r.status == 201);
    const json body = r.json_body();
    return body.contains("item") ? body["item"]["id"].get<std::string>() : body["id"].get<std::string>();
}

bool mentions(const json& message_data, const std::string& text) { return message_data.dump().find(text) != std::string::npos; }

}  // namespace

TEST_CASE("event stream: a guardian hears of published news at once, and catches up after a reconnect", "[live]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    const std::string group = group_7a(fresh.data.path());
    ApiClient vh(fresh.server.host(), fresh.server.port()), staff(fresh.server.host(), fresh.server.port()),
        gy(fresh.server.host(), fresh.server.port());
    REQUIRE(vh.sign_in("demo.vh").status == 200);
    REQUIRE(staff.sign_in("demo.personal").status == 200);
    REQUIRE(gy.sign_in("demo.vh.gy").status == 200);
    const std::string elsa = find_pupil(vh.get("/api/v1/me").json_body(), "first_name", "Elsa")["id"];

    SseStream stream(fresh.server.port(), vh.session_token());
    const std::string head = stream.head();
    CHECK(head.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(head.find("Content-Type: text/event-stream") != std::string::npos);
    CHECK(head.find("Cache-Control: no-store") != std::string::npos);
    auto first = stream.next();
    REQUIRE(first);
    CHECK(stream.body().rfind("retry: 2000\n\n", 0) == 0);
    CHECK(first->event == "notifications");
    CHECK(first->data["new"].empty());  // neither Last-Event-ID nor after
    CHECK(first->id == std::to_string(first->data["cursor"].get<std::uint64_t>()));
    const int unread_before = first->data["unread"];

    SseStream other_school(fresh.server.port(), gy.session_token());
    REQUIRE(other_school.next());

    const auto published_at = Steady::now();
    const std::string item = publish_news(staff, group, "Luciafirande");
    auto heard = stream.next(std::chrono::seconds(2));
    REQUIRE(heard);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - published_at).count();
    CHECK(took < 2000);
    CHECK(heard->data["unread"] == unread_before + 1);
    REQUIRE(heard->data["new"].size() == 1);
    const json n = heard->data["new"][0];
    CHECK(n["item_id"] == item);
    CHECK(n["kind"] == "news");
    CHECK(n["box"] == "information");
    CHECK(n["pupil_id"] == elsa);
    CHECK(heard->id == std::to_string(n["seq"].get<std::uint64_t>()));
    CHECK(heard->data["cursor"] == n["seq"]);
    // The same reply the poll route gives.
    Reply polled = vh.get("/api/v1/events?after=" + first->id);
    REQUIRE(polled.status == 200);
    CHECK(polled.json_body() == heard->data);

    // Marked read in another tab: the stream says so.
    REQUIRE(vh.post("/api/v1/notifications/read", {{"ids", {n["id"]}}}).status == 204);
    auto read = stream.next();
    REQUIRE(read);
    CHECK(read->data["unread"] == unread_before);
    CHECK(read->data["new"].empty());
    CHECK(read->id == heard->id);

    // Gone for a while: the next item waits for the reconnect, and comes once.
    stream.close();
    const std::string missed = publish_news(staff, group, "Julavslutning");
    SseStream again(fresh.server.port(), vh.session_token(), {{"Last-Event-ID", read->id}});
    auto caught = again.next();
    REQUIRE(caught);
    REQUIRE(caught->data["new"].size() == 1);
    CHECK(caught->data["new"][0]["item_id"] == missed);
    CHECK(caught->data["unread"] == unread_before + 1);
    auto later = again.next(std::chrono::milliseconds(700));
    if (later) CHECK_FALSE(mentions(later->data, missed));

    // Another school's guardian heard nothing of either.
    auto other = other_school.next(std::chrono::milliseconds(300));
    CHECK_FALSE(other);
}

TEST_CASE("event stream: another family hears nothing about my child", "[live]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    const std::string group = group_7a(fresh.data.path());
    ApiClient vh(fresh.server.host(), fresh.server.port()), vh2(fresh.server.host(), fresh.server.port()),
        staff(fresh.server.host(), fresh.server.port());
    REQUIRE(vh.sign_in("demo.vh").status == 200);
    REQUIRE(vh2.sign_in("demo.vh2").status == 200);
    REQUIRE(staff.sign_in("demo.personal").status == 200);
    const std::string elsa = find_pupil(vh.get("/api/v1/me").json_body(), "first_name", "Elsa")["id"];
    const std::string amira = find_pupil(vh2.get("/api/v1/me").json_body(), "first_name", "Amira")["id"];

    SseStream mine(fresh.server.port(), vh.session_token(), {}, "/api/v1/events?after=0");
    SseStream theirs(fresh.server.port(), vh2.session_token(), {}, "/api/v1/events?after=0");
    REQUIRE(mine.next());
    auto start = theirs.next();
    REQUIRE(start);
    CHECK_FALSE(mentions(start->data, elsa));

    // 7A is Elsa's and Amira's class: each family hears of its own child only.
    publish_news(staff, group, "Friluftsdag");
    auto for_me = mine.next();
    auto for_them = theirs.next();
    REQUIRE(for_me);
    REQUIRE(for_them);
    for (const auto& x : for_me->data["new"]) CHECK(x["pupil_id"] == elsa);
    for (const auto& x : for_them->data["new"]) CHECK(x["pupil_id"] == amira);
    CHECK_FALSE(mentions(for_them->data, elsa));

    // Marking mine read tells their stream nothing.
    REQUIRE(vh.post("/api/v1/notifications/read", {{"all", true}}).status == 204);
    REQUIRE(mine.next());
    CHECK_FALSE(theirs.next(std::chrono::milliseconds(500)));
}

TEST_CASE("event stream: refused without a session or with a bad cursor", "[live]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    SseStream anonymous(fresh.server.port(), "");
    CHECK(anonymous.head().rfind("HTTP/1.1 401", 0) == 0);
    anonymous.read_until([&] { return anonymous.closed(); }, std::chrono::seconds(2));
    CHECK(json::parse(anonymous.body())["error"]["code"] == "unauthenticated");
    SseStream forged(fresh.server.port(), "not-a-session");
    CHECK(forged.head().rfind("HTTP/1.1 401", 0) == 0);

    ApiClient vh(fresh.server.host(), fresh.server.port());
    REQUIRE(vh.sign_in("demo.vh").status == 200);
    SseStream bad(fresh.server.port(), vh.session_token(), {{"Last-Event-ID", "-3"}});
    CHECK(bad.head().rfind("HTTP/1.1 400", 0) == 0);
    bad.read_until([&] { return bad.closed(); }, std::chrono::seconds(2));
    CHECK(json::parse(bad.body())["error"]["field"] == "Last-Event-ID");
    Reply polled = vh.get("/api/v1/events?after=x");
    CHECK(polled.status == 400);
    CHECK(polled.json_body()["error"]["field"] == "after");
}

TEST_CASE("event stream asked for on a connection already in use: the stream itself", "[live]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    ApiClient vh(fresh.server.host(), fresh.server.port());
    REQUIRE(vh.sign_in("demo.vh").status == 200);
    // A first request, then the stream's on the same keep-alive connection.
    SseStream conn(fresh.server.port(), vh.session_token(), {}, "/api/v1/me");
    // (SseStream sent Accept: text/event-stream for /api/v1/me: an ordinary JSON reply.)
    std::size_t first_end = 0;
    REQUIRE(conn.read_until(
        [&] {
            const std::string& r = conn.raw();
            const auto end = r.find("\r\n\r\n"), length = r.find("Content-Length: ");
            if (end == std::string::npos || length == std::string::npos) return false;
            first_end = end + 4 + std::stoul(r.substr(length + 16));
            return r.size() >= first_end;
        },
        std::chrono::seconds(5)));
    CHECK(conn.raw().rfind("HTTP/1.1 200", 0) == 0);
    conn.send_raw("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: skolnav_session=" +
                  vh.session_token() + "\r\n\r\n");
    // The connection gate hands any stream request to the live hub, the first on a
    // connection or not: the stream's head, then its first message.
    REQUIRE(conn.read_until([&] { return conn.raw().find("event: notifications", first_end) != std::string::npos; },
                            std::chrono::seconds(5)));
    const std::string reply = conn.raw().substr(first_end);
    CHECK(reply.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(reply.find("Content-Type: text/event-stream") != std::string::npos);
    CHECK(!conn.closed());
}
