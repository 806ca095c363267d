#include <catch2/catch.hpp>

#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

std::string pupil_etests(const Id& pupil) { return pupil_route(pupil, "etests"); }
std::string group_etests(const ApiFixture& f, const std::string& group) { return group_route(f.group_named(group), "etests"); }

// Fixture time is 2026-11-30T09:00Z (10:00 in Stockholm).
json test_body(bool published = true) {
    return {{"title", "Prov i geografi"},
            {"instructions", "Svara på alla frågor."},
            {"opens_at", "2026-11-30T08:00:00+01:00"},
            {"closes_at", "2026-12-04T16:00:00+01:00"},
            {"published", published},
            {"questions",
             json::array({{{"type", "single"}, {"text", "Sveriges huvudstad?"}, {"options", {"Oslo", "Stockholm"}}, {"correct", {1}}},
                          {{"type", "multiple"},
                           {"text", "Vilka är nordiska länder?"},
                           {"options", {"Norge", "Spanien", "Finland"}},
                           {"correct", {0, 2}}},
                          {{"type", "text"}, {"text", "Beskriv fjällen."}}})}};
}
Id create(ApiFixture& f, const std::string& token, const std::string& group, const json& body = test_body()) {
    auto r = f.call("POST", group_etests(f, group), body.dump(), token);
    REQUIRE(r.status == 201);
    return r.body["etest"]["id"];
}
const char* kAnswers = R"({"answers":[{"choice":1},{"choices":[0,2]},{"text":"Höga och kalla."}]})";

}  // namespace

TEST_CASE("the pupil lists, opens and submits a published test once; staff see results", "[etest]") {
    ApiFixture f;
    const DemoCast c(f);
    const Id t = create(f, c.staff, "7A");

    auto list = f.call("GET", pupil_etests(c.elsa), "", c.elev);
    REQUIRE(list.status == 200);
    json mine = find_id(list.body["etests"], t);
    REQUIRE(mine.is_object());
    CHECK(mine["status"] == "open");
    CHECK(mine["closes_at"] == "2026-12-04T16:00:00+01:00");

    auto one = f.call("GET", pupil_etests(c.elsa) + "/" + t, "", c.elev);
    REQUIRE(one.status == 200);
    CHECK(one.body["etest"]["questions"].size() == 3);
    for (const auto& q : one.body["etest"]["questions"]) CHECK_FALSE(q.contains("correct"));
    CHECK(one.body["etest"]["answers"].is_null());

    auto sent = f.call("POST", pupil_etests(c.elsa) + "/" + t + "/submission", kAnswers, c.elev);
    REQUIRE(sent.status == 201);
    CHECK(sent.body["etest"]["status"] == "submitted");
    auto again = f.call("POST", pupil_etests(c.elsa) + "/" + t + "/submission", kAnswers, c.elev);
    CHECK(again.status == 409);
    CHECK(again.body["error"]["code"] == "already_submitted");
    auto after = f.call("GET", pupil_etests(c.elsa) + "/" + t, "", c.elev);
    CHECK(after.body["etest"]["status"] == "submitted");
    CHECK(after.body["etest"]["answers"][2]["text"] == "Höga och kalla.");

    auto results = f.call("GET", group_etests(f, "7A") + "/" + t + "/results", "", c.staff);
    REQUIRE(results.status == 200);
    CHECK(results.body["max_score"] == 2);
    for (const auto& p : results.body["pupils"]) {
        if (p["id"] != c.elsa) {
            CHECK(p["submitted"] == false);
            continue;
        }
        CHECK(p["score"] == 2);
        CHECK(p["answers"][2]["correct"].is_null());
        CHECK(p["answers"][2]["text"] == "Höga och kalla.");
    }
}

TEST_CASE("scoring: wrong and skipped answers score nothing", "[etest]") {
    ApiFixture f;
    const DemoCast c(f);
    const Id t = create(f, c.staff, "7A");
    REQUIRE(f.call("POST", pupil_etests(c.elsa) + "/" + t + "/submission", R"({"answers":[{"choice":0},{"choices":[0]},null]})",
                   c.elev)
                .status == 201);
    auto results = f.call("GET", group_etests(f, "7A") + "/" + t + "/results", "", c.staff);
    for (const auto& p : results.body["pupils"])
        if (p["id"] == c.elsa) CHECK(p["score"] == 0);
}

TEST_CASE("submissions only inside the open window", "[etest]") {
    ApiFixture f;
    const DemoCast c(f);
    json body = test_body();
    body["opens_at"] = "2026-12-01T08:00:00+01:00";
    const Id t = create(f, c.staff, "7A", body);
    auto early = f.call("GET", pupil_etests(c.elsa) + "/" + t, "", c.elev);
    CHECK(early.body["etest"]["status"] == "upcoming");
    CHECK(early.body["etest"]["questions"].empty());
    auto r = f.call("POST", pupil_etests(c.elsa) + "/" + t + "/submission", kAnswers, c.elev);
    CHECK(r.status == 409);
    CHECK(r.body["error"]["code"] == "not_open");
    f.clock.set(at("2026-12-04T15:00:00Z"));  // 16:00 Stockholm: closed
    r = f.call("POST", pupil_etests(c.elsa) + "/" + t + "/submission", kAnswers, c.elev);
    CHECK(r.status == 409);
    CHECK(r.body["error"]["code"] == "closed");
    f.clock.set(at("2026-12-04T14:59:00Z"));
    CHECK(f.call("POST", pupil_etests(c.elsa) + "/" + t + "/submission", kAnswers, c.elev).status == 201);
}

TEST_CASE("eTest questions are validated strictly, naming the nested field", "[etest]") {
    ApiFixture f;
    const auto staff = f.sign_in("demo.personal");
    const auto path = group_etests(f, "7A");
    const auto before = f.store.unsafe_state().etests.tests.size();
    auto expect = [&](json body, const char* field) {
        auto r = f.call("POST", path, body.dump(), staff);
        INFO(body.dump());
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == field);
    };
    json b = test_body();
    b.erase("title");
    expect(b, "title");
    b = test_body();
    b["opens_at"] = "2026-11-30 08:00";
    expect(b, "opens_at");
    b = test_body();
    b["closes_at"] = "2026-11-30T07:00:00+01:00";
    expect(b, "closes_at");
    b = test_body();
    b["questions"] = json::array();
    expect(b, "questions");
    b = test_body();
    b["questions"] = "många";
    expect(b, "questions");
    b = test_body();
    b["questions"][1]["options"] = {"Bara ett"};
    expect(b, "questions[1].options");
    b = test_body();
    b["questions"][0]["correct"] = {0, 1};
    expect(b, "questions[0].correct");
    b = test_body();
    b["questions"][1]["correct"] = {5};
    expect(b, "questions[1].correct");
    b = test_body();
    b["questions"][2]["type"] = "essay";
    expect(b, "questions[2].type");
    b = test_body();
    b["questions"][2]["options"] = {"a", "b"};
    expect(b, "questions[2].options");
    b = test_body();
    b["questions"][0]["text"] = "";
    expect(b, "questions[0].text");
    b = test_body();
    b["questions"][0]["points"] = 3;
    expect(b, "questions[0].points");
    b = test_body();
    b["questions"][1]["options"][1] = 7;
    expect(b, "questions[1].options[1]");
    b = test_body();
    b["questions"][0] = "fråga";
    expect(b, "questions[0]");
    CHECK(f.store.unsafe_state().etests.tests.size() == before);
}

TEST_CASE("answers are validated against the question types", "[etest]") {
    ApiFixture f;
    const DemoCast c(f);
    const Id t = create(f, c.staff, "7A");
    const std::string path = pupil_etests(c.elsa) + "/" + t + "/submission";
    struct Bad {
        const char* body;
        const char* field;
    };
    for (const Bad& b : {Bad{R"({})", "answers"}, Bad{R"({"answers":[{"choice":1}]})", "answers"},
                         Bad{R"({"answers":[{"choice":2},null,null]})", "answers[0].choice"},
                         Bad{R"({"answers":[{"choices":[1]},null,null]})", "answers[0].choices"},
                         Bad{R"({"answers":[null,{"choices":[0,0]},null]})", "answers[1].choices"},
                         Bad{R"({"answers":[null,{"choices":"0"},null]})", "answers[1].choices"},
                         Bad{R"({"answers":[null,null,{"text":5}]})", "answers[2].text"},
                         Bad{R"({"answers":[null,null,"text"]})", "answers[2]"},
                         Bad{R"({"answers":[],"extra":true})", "extra"}}) {
        auto r = f.call("POST", path, b.body, c.elev);
        INFO(b.body);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == b.field);
    }
    CHECK(f.store.unsafe_state().etests.submissions.count(t) == 0);
    CHECK(f.call("POST", path, R"({"answers":[null,null,null]})", c.elev).status == 201);
}

TEST_CASE("eTest is the pupil's own: guardians get 404 everywhere, even for their own child", "[etest]") {
    ApiFixture f;
    const DemoCast c(f);
    const Id t = create(f, c.staff, "7A");
    CHECK(f.call("GET", pupil_etests(c.elsa), "", c.vh).status == 404);
    CHECK(f.call("GET", pupil_etests(c.elsa) + "/" + t, "", c.vh).status == 404);
    CHECK(f.call("POST", pupil_etests(c.elsa) + "/" + t + "/submission", kAnswers, c.vh).status == 404);
    // Also the guardian of an adult without insyn: 404, not 403.
    const Id mans = f.child_of("demo.vh.gy", "Måns");
    CHECK(f.call("GET", pupil_etests(mans), "", f.sign_in("demo.vh.gy")).status == 404);
    // Another pupil, staff, and a test of another group.
    CHECK(f.call("GET", pupil_etests(c.elsa), "", f.sign_in("demo.elev.gy")).status == 404);
    CHECK(f.call("GET", pupil_etests(c.elsa), "", c.staff).status == 404);
    const Id other = create(f, f.sign_in(f.teacher_of(f.group_named("7B"))), "7B");
    CHECK(f.call("GET", pupil_etests(c.elsa) + "/" + other, "", c.elev).status == 404);
    // Drafts are not shown.
    const Id draft = create(f, c.staff, "7A", test_body(false));
    CHECK(f.call("GET", pupil_etests(c.elsa) + "/" + draft, "", c.elev).status == 404);
    // Staff of another group cannot see or change 7A's tests.
    const auto other_staff = f.sign_in(f.teacher_of(f.group_named("7B")));
    CHECK(f.call("GET", group_etests(f, "7A"), "", other_staff).status == 404);
    CHECK(f.call("POST", group_etests(f, "7A"), test_body().dump(), other_staff).status == 404);
    CHECK(f.call("GET", group_etests(f, "7A") + "/" + t + "/results", "", other_staff).status == 404);
    CHECK(f.call("POST", group_etests(f, "7A") + "/" + draft + "/publish", "", other_staff).status == 404);
    CHECK(f.call("POST", group_etests(f, "7A"), test_body().dump(), f.sign_in("demo.elev")).status == 404);
}

TEST_CASE("drafts are changed and published; publishing notifies pupils, never guardians", "[etest]") {
    ApiFixture f;
    const DemoCast c(f);
    const Id draft = create(f, c.staff, "7A", test_body(false));
    json changed = test_body(false);
    changed["title"] = "Geografi, ändrat";
    auto put = f.call("PUT", group_etests(f, "7A") + "/" + draft, changed.dump(), c.staff);
    REQUIRE(put.status == 200);
    CHECK(put.body["etest"]["title"] == "Geografi, ändrat");
    CHECK(f.notifications(c.elev, "etest") == 0);
    REQUIRE(f.call("POST", group_etests(f, "7A") + "/" + draft + "/publish", "", c.staff).status == 200);
    CHECK(f.notifications(c.elev, "etest") == 1);
    CHECK(f.notifications(c.vh, "etest") == 0);
    CHECK(f.call("POST", group_etests(f, "7A") + "/" + draft + "/publish", "", c.staff).status == 409);
    CHECK(f.call("PUT", group_etests(f, "7A") + "/" + draft, changed.dump(), c.staff).status == 409);
    auto list = f.call("GET", group_etests(f, "7A"), "", c.staff);
    REQUIRE(list.status == 200);
    bool found = false;
    for (const auto& e : list.body["etests"])
        if (e["id"] == draft) found = e["published"] == true && e["questions"][0]["correct"] == json{1};
    CHECK(found);
}

TEST_CASE("the eTest card counts open tests not yet submitted", "[etest]") {
    ApiFixture f;
    const DemoCast c(f);
    json card = f.start_card(c.elsa, c.elev, "etest");
    CHECK(card["summary"] == "1 prov att göra");
    REQUIRE(card.contains("next"));
    const std::string demo_test = card["next"]["id"];
    auto one = f.call("GET", pupil_etests(c.elsa) + "/" + demo_test, "", c.elev);
    REQUIRE(one.status == 200);
    json answers = json::array();
    for (std::size_t i = 0; i < one.body["etest"]["questions"].size(); ++i) answers.push_back(nullptr);
    REQUIRE(f.call("POST", pupil_etests(c.elsa) + "/" + demo_test + "/submission", json{{"answers", answers}}.dump(), c.elev).status ==
            201);
    CHECK(f.start_card(c.elsa, c.elev, "etest")["summary"] == "Inga prov att göra");
}

TEST_CASE("eTest events replay to the same state", "[etest]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const auto staff = f.sign_in("demo.personal");
    const auto elev = f.sign_in("demo.elev");
    const Id t = create(f, staff, "7A");
    const Id draft = create(f, staff, "7A", test_body(false));
    REQUIRE(f.call("POST", group_etests(f, "7A") + "/" + draft + "/publish", "", staff).status == 200);
    REQUIRE(f.call("POST", pupil_etests(f.id_of("demo.elev")) + "/" + t + "/submission", kAnswers, elev).status == 201);
    CHECK(f.journal.durable == f.journal.records.size());
    check_replay(f, before);
    check_snapshot_round_trip(f);
}
