// The server keeps answering everyone: slow and idle connections hold no worker, a
// client address has a cap, the request head has a deadline, sign-ins wait in their
// own pool and are throttled per account and address (issue 10, Availability). The
// 1,000-connection run is availability_load_test.cpp.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "raw_http.hpp"
#include "test_support.hpp"

using namespace skolnav::test;

namespace {

using Steady = std::chrono::steady_clock;

double ms_since(Steady::time_point t) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t).count();
}

struct Socket {
    int fd = -1;
    std::string carry;
    explicit Socket(int f) : fd(f) {}
    ~Socket() {
        if (fd >= 0) ::close(fd);
    }
    Socket(Socket&& o) noexcept : fd(o.fd), carry(std::move(o.carry)) { o.fd = -1; }
    Socket(const Socket&) = delete;
};

}  // namespace

TEST_CASE("availability: 40 connections trickling their heads hold no worker, and each gets 408 at the deadline",
          "[availability]") {
    Fresh fresh({"--request-timeout", "2"});
    REQUIRE(fresh.server.started());
    REQUIRE(fresh.client.sign_in("demo.vh").status == 200);
    // More than the 32 workers: a request line, then a header byte now and then.
    std::vector<Socket> slow;
    for (int i = 0; i < 40; ++i) {
        slow.emplace_back(connect_loopback(fresh.server.port(), "127.0.0." + std::to_string(2 + i % 4)));
        REQUIRE(slow.back().fd >= 0);
        REQUIRE(send_all(slow.back().fd, "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    }
    const auto started = Steady::now();
    for (int round = 0; round < 3; ++round) {
        for (auto& s : slow) send_all(s.fd, "a");
        const auto t = Steady::now();
        Reply me = fresh.client.get("/api/v1/me");
        CHECK(me.status == 200);
        CHECK(ms_since(t) < 2000);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    // Past the deadline, each trickler gets a 408 naming the cause, and is closed.
    int timed_out = 0;
    for (auto& s : slow) {
        RawReply r = read_reply(s.fd, 6000, s.carry);
        if (r.status == 408) ++timed_out;
        CHECK(r.header("Connection") == "close");
        CHECK(r.body.find("\"timeout\"") != std::string::npos);
    }
    CHECK(timed_out == 40);
    CHECK(ms_since(started) >= 1500);  // not before the deadline
}

TEST_CASE("availability: idle keep-alive connections wait without a thread", "[availability]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    REQUIRE(fresh.client.sign_in("demo.vh").status == 200);
    const std::string token = fresh.client.session_token();
    // 64 connections each make a request and then keep the connection open, idle.
    std::vector<Socket> idle;
    for (int i = 0; i < 64; ++i) {
        idle.emplace_back(connect_loopback(fresh.server.port(), "127.0.0." + std::to_string(2 + i % 4)));
        REQUIRE(send_all(idle.back().fd, get_request("/api/v1/me", token)));
        RawReply r = read_reply(idle.back().fd, 5000, idle.back().carry);
        REQUIRE(r.status == 200);
        CHECK(r.header("Connection") != "close");
    }
    // Others are answered at once, and the idle ones are still open and answered.
    for (int i = 0; i < 5; ++i) CHECK(fresh.client.get("/api/v1/me").status == 200);
    for (auto& s : idle) {
        REQUIRE(send_all(s.fd, get_request("/api/v1/me", token)));
        CHECK(read_reply(s.fd, 5000, s.carry).status == 200);
    }
}

TEST_CASE("availability: one address may hold only so many connections; past the cap a 429, others unaffected",
          "[availability]") {
    Fresh fresh({"--max-connections-per-address", "4"});
    REQUIRE(fresh.server.started());
    std::vector<Socket> held;
    for (int i = 0; i < 4; ++i) {
        held.emplace_back(connect_loopback(fresh.server.port(), "127.0.0.2"));
        REQUIRE(held.back().fd >= 0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // all four accepted
    Socket over(connect_loopback(fresh.server.port(), "127.0.0.2"));
    REQUIRE(over.fd >= 0);
    RawReply refused = read_reply(over.fd, 5000, over.carry);
    CHECK(refused.status == 429);
    CHECK(refused.header("Retry-After") == "5");
    CHECK(refused.body.find("För många anslutningar från din adress") != std::string::npos);
    CHECK(closed_within(over.fd, 2000));
    // Another address is served; one of the four leaving makes room again.
    Socket other(connect_loopback(fresh.server.port(), "127.0.0.3"));
    REQUIRE(send_all(other.fd, get_request("/api/v1/me")));
    CHECK(read_reply(other.fd, 5000, other.carry).status == 401);
    ::close(held[0].fd);
    held[0].fd = -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    Socket again(connect_loopback(fresh.server.port(), "127.0.0.2"));
    REQUIRE(send_all(again.fd, get_request("/api/v1/me")));
    CHECK(read_reply(again.fd, 5000, again.carry).status == 401);
}

TEST_CASE("availability: what the gate refuses before httplib sees it", "[availability]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    const int port = fresh.server.port();
    {  // A head larger than 16 KiB.
        Socket s(connect_loopback(port));
        send_all(s.fd, "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
        RawReply r = read_reply(s.fd, 5000, s.carry);
        CHECK(r.status == 431);
        CHECK(r.body.find("headers_too_large") != std::string::npos);
    }
    {  // A chunked body: browsers send lengths.
        Socket s(connect_loopback(port));
        send_all(s.fd, "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        CHECK(read_reply(s.fd, 5000, s.carry).status == 411);
    }
    {  // A Content-Length over the largest upload: refused unread.
        Socket s(connect_loopback(port));
        send_all(s.fd, "POST /api/v1/attachments HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n");
        CHECK(read_reply(s.fd, 5000, s.carry).status == 413);
    }
    {  // Two lengths.
        Socket s(connect_loopback(port));
        send_all(s.fd, "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        CHECK(read_reply(s.fd, 5000, s.carry).status == 400);
    }
    {  // Expect: 100-continue: the gate says go on, then the request is answered once.
        Socket s(connect_loopback(port));
        const std::string body = R"({"username":"demo.vh","password":"demo"})";
        send_all(s.fd, "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                       "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
        std::string got;
        const auto t = Steady::now();
        while (got.find("\r\n\r\n") == std::string::npos && ms_since(t) < 5000) {
            char buf[256];
            const ssize_t n = ::recv(s.fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) got.append(buf, static_cast<std::size_t>(n));
            else std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        CHECK(got.rfind("HTTP/1.1 100 Continue\r\n\r\n", 0) == 0);
        send_all(s.fd, body);
        RawReply r = read_reply(s.fd, 10000, s.carry);
        CHECK(r.status == 200);
        CHECK(s.carry.empty());
    }
    {  // Two requests sent at once on one connection: both answered, in order.
        Socket s(connect_loopback(port));
        send_all(s.fd, get_request("/api/v1/me") + get_request("/api/v1/nothing"));
        CHECK(read_reply(s.fd, 5000, s.carry).status == 401);
        CHECK(read_reply(s.fd, 5000, s.carry).status == 404);
    }
}

TEST_CASE("availability: failed sign-ins are slowed per account, told with Retry-After; others sign in meanwhile",
          "[availability]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    ApiClient attacker(fresh.server.host(), fresh.server.port());
    for (int i = 0; i < 5; ++i) CHECK(attacker.sign_in("demo.vh", "gissning").status == 401);
    Reply slowed = attacker.sign_in("demo.vh", "gissning");
    CHECK(slowed.status == 429);
    CHECK(slowed.json_body()["error"]["code"] == "too_many_attempts");
    const std::string retry = slowed.header("retry-after");
    REQUIRE(!retry.empty());
    CHECK(std::stoi(retry) >= 1);
    CHECK(slowed.json_body()["error"]["message"].get<std::string>().find("Försök igen om") != std::string::npos);
    // Another account from the same address is not slowed; the real user, after the
    // wait, gets in.
    CHECK(fresh.client.sign_in("demo.elev").status == 200);
    std::this_thread::sleep_for(std::chrono::seconds(std::stoi(retry)));
    CHECK(fresh.client.sign_in("demo.vh").status == 200);
}

TEST_CASE("availability: X-Forwarded-For counts only from a trusted proxy", "[availability]") {
    Fresh fresh({"--trust-proxy", "127.0.0.5"});
    REQUIRE(fresh.server.started());
    const int port = fresh.server.port();
    auto guess = [&](const std::string& source, const std::string& forwarded_for, const std::string& user) {
        Socket s(connect_loopback(port, source));
        const std::string body = R"({"username":")" + user + R"(","password":"fel"})";
        std::string request = post_json_request("/api/v1/session", body);
        request.insert(request.find("\r\n") + 2, "X-Forwarded-For: " + forwarded_for + "\r\n");
        send_all(s.fd, request);
        return read_reply(s.fd, 10000, s.carry).status;
    };
    // From the proxy, 20 failures for as many names from one client: that client is
    // slowed, another behind the same proxy is not.
    for (int i = 0; i < 20; ++i) CHECK(guess("127.0.0.5", "198.51.100.7", "namn" + std::to_string(i)) == 401);
    CHECK(guess("127.0.0.5", "198.51.100.7", "namn-ny") == 429);
    CHECK(guess("127.0.0.5", "198.51.100.8", "namn-ny") == 401);
    // From anyone else the header is ignored: a forged address does not dodge the count.
    for (int i = 0; i < 20; ++i) CHECK(guess("127.0.0.6", "203.0.113." + std::to_string(i), "annan" + std::to_string(i)) == 401);
    CHECK(guess("127.0.0.6", "203.0.113.99", "annan-ny") == 429);
}
