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

// Live delivery's poll route: GET /api/v1/events?after=N.
namespace {
json events(ApiFixture& f, const std::string& token, const std::string& after = "") {
    auto r = after.empty() ? f.call("GET", "/api/v1/events", "", token)
                           : f.get("/api/v1/events", {{"after", after}}, token);
    REQUIRE(r.status == 200);
    return r.body;
}
std::vector<std::uint64_t> seqs(const json& list) {
    std::vector<std::uint64_t> out;
    for (const auto& n : list) out.push_back(n.at("seq").get<std::uint64_t>());
    return out;
}
}  // namespace

TEST_CASE("events: the cursor, and catch-up gives exactly the items after it, oldest first", "[notifications][events]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    const auto vh = f.sign_in("demo.vh");
    json none = events(f, vh);
    CHECK(none["cursor"] == 0);
    CHECK(none["unread"] == 0);
    CHECK(none["new"].empty());

    publish(f, {elsa}, Box::Information, "news");
    publish(f, {olle}, Box::Blogg, "blog_post");
    publish(f, {elsa}, Box::Information, "news_changed");
    const json list = f.call("GET", "/api/v1/notifications", "", vh).body["notifications"];  // newest first
    REQUIRE(list.size() == 3);
    const std::uint64_t s1 = list[2]["seq"], s2 = list[1]["seq"], s3 = list[0]["seq"];
    CHECK(s1 < s2);
    CHECK(s2 < s3);
    CHECK(list[0]["id"] == "not-" + std::to_string(s3));

    json all = events(f, vh);  // without after: the cursor only
    CHECK(all["cursor"] == s3);
    CHECK(all["unread"] == 3);
    CHECK(all["new"].empty());
    CHECK(seqs(events(f, vh, "0")["new"]) == std::vector<std::uint64_t>{s1, s2, s3});
    CHECK(seqs(events(f, vh, std::to_string(s1))["new"]) == std::vector<std::uint64_t>{s2, s3});
    CHECK(seqs(events(f, vh, std::to_string(s2 + 1))["new"]) == std::vector<std::uint64_t>{s3});
    CHECK(events(f, vh, std::to_string(s3))["new"].empty());
    const json item = events(f, vh, std::to_string(s2))["new"][0];
    CHECK(item["pupil_id"] == elsa);
    CHECK(item["box"] == "information");
    CHECK(item["kind"] == "news_changed");
    CHECK(item["title"] == "Nytt: news_changed");
    CHECK(item["read"] == false);
    CHECK_FALSE(item.contains("recipient_id"));
    f.language = Language::en;
    CHECK(events(f, vh, std::to_string(s2))["new"][0]["title"] == "New: news_changed");

    // Reading changes the unread count, not the cursor.
    REQUIRE(f.call("POST", "/api/v1/notifications/read", R"({"all":true})", vh).status == 204);
    json read = events(f, vh, std::to_string(s3));
    CHECK(read["cursor"] == s3);
    CHECK(read["unread"] == 0);
}

TEST_CASE("events: at most 100 new, the oldest", "[notifications][events]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    for (int i = 0; i < 105; ++i) publish(f, {elsa}, Box::Information, "news");
    const auto vh = f.sign_in("demo.vh");
    json page = events(f, vh, "0");
    REQUIRE(page["new"].size() == 100);
    const auto first = seqs(page["new"]);
    CHECK(std::is_sorted(first.begin(), first.end()));
    json rest = events(f, vh, std::to_string(first.back()));
    CHECK(rest["new"].size() == 5);
    CHECK(rest["new"].back()["seq"] == page["cursor"]);
}

TEST_CASE("events: a bad after is refused naming the field; no session, 401", "[notifications][events]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    for (const char* bad : {"", "-1", "abc", "1.5", "+3", " 4", "0x10", "99999999999999999999"}) {
        INFO(bad);
        auto r = f.get("/api/v1/events", {{"after", bad}}, vh);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == "after");
    }
    CHECK(f.get("/api/v1/events", {{"after", "0"}}, "").status == 401);
}

TEST_CASE("events: never another family's, nor an adult pupil's after insyn is withdrawn", "[notifications][events][insyn]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const auto vh = f.sign_in("demo.vh"), vh2 = f.sign_in("demo.vh2");
    publish(f, {elsa}, Box::Information, "news");
    json other = events(f, vh2, "0");
    CHECK(other["cursor"] == 0);
    CHECK(other["new"].empty());
    publish(f, {amira}, Box::Information, "news");
    for (const auto& n : events(f, vh, "0")["new"]) CHECK(n["pupil_id"] == elsa);
    for (const auto& n : events(f, vh2, "0")["new"]) CHECK(n["pupil_id"] == amira);

    const Id tyra = f.id_of("demo.elev18");
    const auto gy = f.sign_in("demo.vh.gy"), tyra_token = f.sign_in("demo.elev18");
    publish(f, {tyra}, Box::Information, "news");
    json before = events(f, gy, "0");
    REQUIRE(before["new"].size() == 1);
    CHECK(before["new"][0]["pupil_id"] == tyra);
    const std::uint64_t cursor = before["cursor"];
    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":false})", tyra_token).status == 200);
    publish(f, {tyra}, Box::Information, "news_changed");  // made after: never reaches the guardian
    json after = events(f, gy, "0");
    CHECK(after["new"].empty());
    CHECK(after["unread"] == 0);
    CHECK(after["cursor"] == 0);
    CHECK(events(f, gy, std::to_string(cursor))["new"].empty());
    CHECK(events(f, tyra_token, "0")["new"].size() == 2);  // Tyra herself still has both
}

namespace {
// Hears what a live hub would.
struct RecordingListener : StoreListener {
    std::vector<std::pair<std::uint64_t, std::vector<Id>>> commits;
    std::vector<std::uint64_t> durable;
    void on_commit(const State& state, std::uint64_t seq, const json& event) override {
        commits.emplace_back(seq, notification_watchers(state, event));
    }
    void on_durable(std::uint64_t seq) override { durable.push_back(seq); }
};
}  // namespace

TEST_CASE("the store tells a listener of each commit, whose notifications it changes, and when it is durable",
          "[notifications][events][store]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), tyra = f.id_of("demo.elev18");
    const auto vh = f.sign_in("demo.vh"), tyra_token = f.sign_in("demo.elev18");
    RecordingListener heard;
    f.store.set_listener(&heard);
    publish(f, {elsa}, Box::Information, "news");
    REQUIRE(heard.commits.size() == 1);
    std::vector<Id> expected = {f.id_of("demo.elev")};
    for (const Id& g : f.store.unsafe_state().guardians_of.at(elsa)) expected.push_back(g);
    std::sort(expected.begin(), expected.end());
    auto got = heard.commits[0].second;
    std::sort(got.begin(), got.end());
    CHECK(got == expected);
    CHECK(heard.durable == std::vector<std::uint64_t>{heard.commits[0].first});
    CHECK(f.journal.durable == heard.commits[0].first);

    REQUIRE(f.call("POST", "/api/v1/notifications/read", R"({"all":true})", vh).status == 204);
    REQUIRE(heard.commits.size() == 2);
    CHECK(heard.commits[1].second == std::vector<Id>{f.id_of("demo.vh")});
    CHECK(heard.durable.back() == heard.commits[1].first);

    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":false})", tyra_token).status == 200);
    CHECK(heard.commits.back().second == std::vector<Id>{f.id_of("demo.vh.gy")});
    // Other changes concern nobody's notifications.
    f.sign_in("demo.vh2");
    CHECK(heard.commits.back().second.empty());
    f.store.set_listener(nullptr);
    publish(f, {elsa}, Box::Information, "news");
    CHECK(heard.commits.size() == 4);

    // Without a journal the listener hears of durability at once.
    Store bare;
    RecordingListener alone;
    bare.set_listener(&alone);
    std::uint64_t seq;
    {
        auto txn = bare.begin();
        seq = txn.commit({{"type", "session_ended"}, {"token_digest", "x"}});
    }
    bare.make_durable(seq);
    CHECK(alone.durable == std::vector<std::uint64_t>{seq});
    (void)tyra;
}

TEST_CASE("start page cards carry the caller's unread notifications from that box", "[notifications][start]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    publish(f, {elsa}, Box::Information, "news");
    publish(f, {elsa}, Box::Information, "news");
    publish(f, {elsa}, Box::Blogg, "blog_post");
    const auto vh = f.sign_in("demo.vh");
    auto unread_of = [](const json& page, const std::string& box) -> int {
        for (const auto& b : page["boxes"])
            if (b["box"] == box) return b["unread"];
        FAIL("no box " << box);
        return -1;
    };
    json page = f.call("GET", pupil_route(elsa, "start"), "", vh).body;
    CHECK(page["unread"] == 3);
    CHECK(unread_of(page, "information") == 2);
    CHECK(unread_of(page, "blogg") == 1);
    for (const auto& b : page["boxes"]) {
        INFO(b["box"]);
        CHECK(b["unread"].is_number_integer());
    }
    json combined = f.call("GET", "/api/v1/start", "", vh).body;
    for (const auto& p : combined["pupils"])
        if (p["pupil"]["id"] == elsa) CHECK(unread_of(p, "information") == 2);
    REQUIRE(f.call("POST", "/api/v1/notifications/read", R"({"all":true})", vh).status == 204);
    CHECK(unread_of(f.call("GET", pupil_route(elsa, "start"), "", vh).body, "information") == 0);
    // Someone else's unread are not mine: Elsa has her own.
    CHECK(unread_of(f.call("GET", pupil_route(elsa, "start"), "", f.sign_in("demo.elev")).body, "information") == 2);
}
