#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

TEST_CASE("sign-in: right password gives a session, wrong or unknown gives the same 401") {
    ApiFixture f;
    auto ok = f.call("POST", "/api/v1/session", R"({"username":"demo.vh","password":"demo"})");
    REQUIRE(ok.status == 200);
    REQUIRE(ok.set_session_token);
    CHECK(ok.body["person"]["role"] == "guardian");
    auto wrong = f.call("POST", "/api/v1/session", R"({"username":"demo.vh","password":"nope"})");
    auto unknown = f.call("POST", "/api/v1/session", R"({"username":"ingen.alls","password":"demo"})");
    CHECK(wrong.status == 401);
    CHECK(wrong.body == unknown.body);
    CHECK_FALSE(wrong.set_session_token);
    // A preschool child has no sign-in at all.
    CHECK(f.call("POST", "/api/v1/session", R"({"username":"","password":"demo"})").status == 400);
}

TEST_CASE("the session token is stored only as a digest") {
    ApiFixture f;
    const auto token = f.sign_in("demo.vh");
    CHECK(f.store.unsafe_state().sessions.count(token) == 0);
}

TEST_CASE("me lists a guardian's children at two schools") {
    ApiFixture f;
    auto me = f.call("GET", "/api/v1/me", "", f.sign_in("demo.vh"));
    REQUIRE(me.status == 200);
    REQUIRE(me.body["pupils"].size() == 2);
    CHECK(me.body["pupils"][0]["school"]["form"] != me.body["pupils"][1]["school"]["form"]);
    auto pupil = f.call("GET", "/api/v1/me", "", f.sign_in("demo.elev"));
    REQUIRE(pupil.body["pupils"].size() == 1);
    CHECK(pupil.body["pupils"][0]["id"] == f.id_of("demo.elev"));
}

TEST_CASE("sign-out ends the session; expired sessions are refused") {
    ApiFixture f;
    const auto token = f.sign_in("demo.vh");
    CHECK(f.call("GET", "/api/v1/me", "", token).status == 200);
    auto out = f.call("DELETE", "/api/v1/session", "", token);
    CHECK(out.status == 204);
    CHECK(out.clear_session);
    CHECK(f.call("GET", "/api/v1/me", "", token).status == 401);

    const auto later = f.sign_in("demo.vh");
    f.clock.advance(31 * 24 * 3600);
    CHECK(f.call("GET", "/api/v1/me", "", later).status == 401);
}

TEST_CASE("unknown routes and methods get JSON errors") {
    ApiFixture f;
    CHECK(f.call("GET", "/api/v1/nothing-here").status == 404);
    auto wrong_method = f.call("PUT", "/api/v1/me");
    CHECK(wrong_method.status == 405);
    CHECK(wrong_method.body["error"]["code"] == "method_not_allowed");
}
