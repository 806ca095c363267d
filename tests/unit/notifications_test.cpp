#include <catch2/catch.hpp>

#include "core/notifications.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {
// Publishes through the notification core directly, as a box module does.
void publish(ApiFixture& f, const std::vector<Id>& pupils, Box box, const std::string& kind) {
    std::uint64_t seq;
    {
        auto txn = f.store.begin();
        seq = notify_pupils(txn, pupils, {box, kind, "item-1", {"Nytt: " + kind, "New: " + kind}}, f.clock.now());
    }
    f.store.make_durable(seq);
}
int unread(ApiFixture& f, const std::string& token) {
    return f.call("GET", "/api/v1/notifications", "", token).body["unread"];
}
}  // namespace

TEST_CASE("notifications reach the pupil and guardians who see the box", "[notifications]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto vh = f.sign_in("demo.vh"), elev = f.sign_in("demo.elev"), other = f.sign_in("demo.vh2");
    publish(f, {elsa}, Box::Information, "news");
    CHECK(unread(f, vh) == 1);
    CHECK(unread(f, elev) == 1);
    CHECK(unread(f, other) == 0);
    auto list = f.call("GET", "/api/v1/notifications", "", vh).body["notifications"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["pupil_id"] == elsa);
    CHECK(list[0]["box"] == "information");
    CHECK_FALSE(list[0].contains("recipient_id"));
}

TEST_CASE("eTest notifications never reach guardians", "[notifications]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    publish(f, {elsa}, Box::ETest, "etest");
    CHECK(unread(f, f.sign_in("demo.elev")) == 1);
    CHECK(unread(f, f.sign_in("demo.vh")) == 0);
}

TEST_CASE("insyn governs an adult pupil's notifications, also after the fact", "[notifications][insyn]") {
    ApiFixture f;
    const Id tyra = f.id_of("demo.elev18"), mans = f.id_of("demo.elev18.privat");
    publish(f, {tyra, mans}, Box::Information, "news");
    const auto guardian = f.sign_in("demo.vh.gy");
    auto list = f.call("GET", "/api/v1/notifications", "", guardian).body["notifications"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["pupil_id"] == tyra);
    CHECK(unread(f, f.sign_in("demo.elev18.privat")) == 1);
    // Tyra withdraws her consent: what was sent before disappears from the guardian's list.
    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":false})", f.sign_in("demo.elev18")).status == 200);
    CHECK(f.call("GET", "/api/v1/notifications", "", guardian).body["notifications"].empty());
}

TEST_CASE("marking read: some, all, and bad input", "[notifications]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    publish(f, {elsa}, Box::Information, "news");
    publish(f, {olle}, Box::Blogg, "blog_post");
    const auto vh = f.sign_in("demo.vh");
    CHECK(unread(f, vh) == 2);
    CHECK(f.call("GET", "/api/v1/notifications?pupil=" + olle, "", vh).status == 200);
    auto first = f.call("GET", "/api/v1/notifications", "", vh).body["notifications"][0]["id"].get<std::string>();
    CHECK(f.call("POST", "/api/v1/notifications/read", json{{"ids", {first}}}.dump(), vh).status == 204);
    CHECK(unread(f, vh) == 1);
    // Someone else's ids change nothing of mine, and mine nothing of theirs.
    const auto partner_token = f.sign_in("demo.elev");
    CHECK(f.call("POST", "/api/v1/notifications/read", R"({"all":true})", partner_token).status == 204);
    CHECK(unread(f, vh) == 1);
    CHECK(f.call("POST", "/api/v1/notifications/read", R"({"all":true})", vh).status == 204);
    CHECK(unread(f, vh) == 0);
    for (const char* bad : {"{}", R"({"ids":"x"})", R"({"ids":[1]})", R"({"all":"yes"})", R"({"every":true})", "nej"}) {
        INFO(bad);
        auto r = f.call("POST", "/api/v1/notifications/read", bad, vh);
        CHECK(r.status == 400);
    }
    CHECK(f.call("GET", "/api/v1/notifications").status == 401);
}
