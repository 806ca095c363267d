// Sign-in throttling (core/sign_in_throttle.hpp): growing waits per account and per
// client address, never a lasting lock-out, told in the reply.
#include <catch2/catch.hpp>

#include "core/sign_in_throttle.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {
const char* kWrong = R"({"username":"demo.vh","password":"fel"})";
const char* kRight = R"({"username":"demo.vh","password":"demo"})";
}  // namespace

TEST_CASE("sign-in throttle: five free failures, then waits that double, told in the reply with Retry-After") {
    ApiFixture f;
    SignInThrottle throttle;
    f.services.sign_in_throttle = &throttle;
    for (int i = 0; i < 5; ++i) CHECK(f.call("POST", "/api/v1/session", kWrong).status == 401);
    // The sixth try at once: refused without looking at the password, even the right one.
    Response refused = f.call("POST", "/api/v1/session", kRight);
    CHECK(refused.status == 429);
    CHECK(refused.body["error"]["code"] == "too_many_attempts");
    CHECK(refused.retry_after_seconds == 2);
    CHECK(refused.body["error"]["message"] == "För många misslyckade inloggningar. Försök igen om 2 sekunder.");
    CHECK_FALSE(refused.set_session_token);
    f.clock.advance(2);
    CHECK(f.call("POST", "/api/v1/session", kWrong).status == 401);  // the sixth failure: now 4 s
    f.clock.advance(2);
    CHECK(f.call("POST", "/api/v1/session", kWrong).status == 429);
    f.clock.advance(2);
    CHECK(f.call("POST", "/api/v1/session", kWrong).status == 401);  // the seventh: now 8 s
    Response eight = f.call("POST", "/api/v1/session", kWrong);
    CHECK(eight.status == 429);
    CHECK(eight.retry_after_seconds == 8);
    f.clock.advance(7);
    CHECK(f.call("POST", "/api/v1/session", kWrong).body["error"]["message"] ==
          "För många misslyckade inloggningar. Försök igen om 1 sekund.");
    f.language = Language::en;
    f.clock.advance(-4);  // (as if asked three seconds after the failure)
    CHECK(f.call("POST", "/api/v1/session", kWrong).body["error"]["message"] ==
          "Too many failed sign-ins. Try again in 5 seconds.");
    // Another account is not slowed by this one's failures (no address: the browser).
    CHECK(f.call("POST", "/api/v1/session", R"({"username":"demo.elev","password":"demo"})").status == 200);
}

TEST_CASE("sign-in throttle: the wait stops growing at 15 minutes, and the right password then clears it") {
    ApiFixture f;
    SignInThrottle throttle;
    f.services.sign_in_throttle = &throttle;
    for (int i = 0; i < 30; ++i) {
        Response r = f.call("POST", "/api/v1/session", kWrong);
        if (r.status == 429) {
            CHECK(r.retry_after_seconds <= 15 * 60);
            f.clock.advance(r.retry_after_seconds);
            CHECK(f.call("POST", "/api/v1/session", kWrong).status == 401);
        }
    }
    Response capped = f.call("POST", "/api/v1/session", kRight);
    REQUIRE(capped.status == 429);
    CHECK(capped.retry_after_seconds == 15 * 60);
    CHECK(capped.body["error"]["message"] == "För många misslyckade inloggningar. Försök igen om 15 minuter.");
    f.clock.advance(15 * 60);
    CHECK(f.call("POST", "/api/v1/session", kRight).status == 200);
    // A clean slate: five free failures again.
    for (int i = 0; i < 5; ++i) CHECK(f.call("POST", "/api/v1/session", kWrong).status == 401);
    CHECK(f.call("POST", "/api/v1/session", kWrong).status == 429);
}

TEST_CASE("sign-in throttle: an hour without failures forgets them") {
    ApiFixture f;
    SignInThrottle throttle;
    f.services.sign_in_throttle = &throttle;
    for (int i = 0; i < 5; ++i) CHECK(f.call("POST", "/api/v1/session", kWrong).status == 401);
    CHECK(f.call("POST", "/api/v1/session", kWrong).status == 429);
    f.clock.advance(3600);
    for (int i = 0; i < 5; ++i) CHECK(f.call("POST", "/api/v1/session", kWrong).status == 401);
}

TEST_CASE("sign-in throttle: an address guessing many accounts is slowed after 20 failures, up to a minute") {
    SignInThrottle throttle;
    const UnixSeconds t0 = 1'000'000;
    for (int i = 0; i < 20; ++i) CHECK(throttle.admit("user" + std::to_string(i), "203.0.113.7", t0) == 0);
    CHECK(throttle.admit("user-new", "203.0.113.7", t0) == 2);
    CHECK(throttle.admit("user-new", "198.51.100.1", t0) == 0);  // another address is not slowed
    UnixSeconds t = t0;
    UnixSeconds wait = 0;
    for (int i = 0; i < 12; ++i) {
        wait = throttle.admit("someone", "203.0.113.7", t);
        if (wait > 0) t += wait;
        CHECK(throttle.admit("someone-" + std::to_string(i), "203.0.113.7", t) == 0);
    }
    CHECK(throttle.admit("x", "203.0.113.7", t) == 60);
    // Right passwords from the address do not pile up as failures.
    SignInThrottle school;
    for (int i = 0; i < 200; ++i) {
        const std::string who = "guardian" + std::to_string(i);
        REQUIRE(school.admit(who, "192.0.2.1", t0) == 0);
        school.succeeded(who, "192.0.2.1");
    }
    CHECK(school.admit("late", "192.0.2.1", t0) == 0);
}

TEST_CASE("sign-in throttle: concurrent guesses count before their answers are known") {
    SignInThrottle throttle;
    int admitted = 0;
    for (int i = 0; i < 100; ++i)
        if (throttle.admit("demo.vh", "", 5000) == 0) ++admitted;
    CHECK(admitted == 5);
}
