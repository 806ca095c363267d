#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {
std::vector<std::string> box_names(const json& page) {
    std::vector<std::string> out;
    for (const auto& b : page["boxes"]) out.push_back(b["box"]);
    return out;
}
bool has(const std::vector<std::string>& v, const char* name) { return std::find(v.begin(), v.end(), name) != v.end(); }
}  // namespace

TEST_CASE("a pupil's start page has a card per visible box, with the Frånvaro summary", "[start]") {
    ApiFixture f;
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto page = f.call("GET", "/api/v1/pupils/" + elsa + "/start", "", t);
    REQUIRE(page.status == 200);
    CHECK(page.body["pupil"]["name"] == "Elsa Lindqvist");
    const auto boxes = box_names(page.body);
    CHECK(has(boxes, "franvaro"));
    CHECK_FALSE(has(boxes, "etest"));  // never for guardians
    CHECK_THAT(page.body["boxes"][0]["card"]["summary"].get<std::string>(), Catch::StartsWith("Ingen anmäld frånvaro"));

    REQUIRE(f.call("POST", "/api/v1/pupils/" + elsa + "/absence", R"({"date":"2026-12-01","comment":"Tandläkare"})", t).status == 201);
    page = f.call("GET", "/api/v1/pupils/" + elsa + "/start", "", t);
    CHECK(page.body["boxes"][0]["card"]["count"] == 1);
    CHECK(page.body["boxes"][0]["card"]["next"]["date"] == "2026-12-01");

    CHECK(box_names(f.call("GET", "/api/v1/pupils/" + elsa + "/start", "", f.sign_in("demo.elev")).body).size() > boxes.size() - 1);
}

TEST_CASE("the start page is denied like every pupil route", "[start]") {
    ApiFixture f;
    const Id amira = f.child_of("demo.vh2", "Amira");
    CHECK(f.call("GET", "/api/v1/pupils/" + amira + "/start").status == 401);
    CHECK(f.call("GET", "/api/v1/pupils/" + amira + "/start", "", f.sign_in("demo.vh")).status == 404);
    CHECK(f.call("GET", "/api/v1/pupils/" + amira + "/start", "", f.sign_in("demo.elev")).status == 404);
    CHECK(f.call("GET", "/api/v1/pupils/" + f.id_of("demo.elev18.privat") + "/start", "", f.sign_in("demo.vh.gy")).status == 403);
}

TEST_CASE("the combined start page tags every card with its child", "[start]") {
    ApiFixture f;
    auto page = f.call("GET", "/api/v1/start", "", f.sign_in("demo.vh"));
    REQUIRE(page.status == 200);
    REQUIRE(page.body["pupils"].size() == 2);
    std::set<std::string> forms;
    for (const auto& p : page.body["pupils"]) {
        forms.insert(p["pupil"]["school"]["form"]);
        CHECK_FALSE(p["boxes"].empty());
    }
    CHECK(forms == std::set<std::string>{"forskola", "grundskola"});
    // The guardian of an adult pupil without insyn gets the child listed with no boxes.
    auto gy = f.call("GET", "/api/v1/start", "", f.sign_in("demo.vh.gy"));
    for (const auto& p : gy.body["pupils"])
        if (p["pupil"]["first_name"] == "Måns") CHECK(p["boxes"].empty());
}

TEST_CASE("a school admin chooses the school's boxes; nobody else can", "[start][admin]") {
    ApiFixture f;
    const Id school = "sch-2";  // Ekbyskolan, demo.admin's school
    const auto admin = f.sign_in("demo.admin");
    auto ok = f.call("PUT", "/api/v1/schools/" + school + "/boxes", R"({"boxes":["information","franvaro"]})", admin);
    REQUIRE(ok.status == 200);
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    CHECK(box_names(f.call("GET", "/api/v1/pupils/" + elsa + "/start", "", t).body) == std::vector<std::string>{"information", "franvaro"});

    // Switching Frånvaro off closes its routes too.
    REQUIRE(f.call("PUT", "/api/v1/schools/" + school + "/boxes", R"({"boxes":["information"]})", admin).status == 200);
    CHECK(f.call("POST", "/api/v1/pupils/" + elsa + "/absence", R"({"date":"2026-12-01"})", t).status == 403);

    // Denials and bad input.
    CHECK(f.call("PUT", "/api/v1/schools/sch-3/boxes", R"({"boxes":[]})", admin).status == 404);  // another school
    CHECK(f.call("PUT", "/api/v1/schools/" + school + "/boxes", R"({"boxes":[]})", f.sign_in("demo.personal")).status == 404);
    CHECK(f.call("PUT", "/api/v1/schools/" + school + "/boxes", R"({"boxes":[]})", t).status == 404);
    auto wrong_form = f.call("PUT", "/api/v1/schools/" + school + "/boxes", R"({"boxes":["tidsregistrering"]})", admin);
    CHECK(wrong_form.status == 400);
    CHECK(wrong_form.body["error"]["field"] == "boxes");
    CHECK(f.call("PUT", "/api/v1/schools/" + school + "/boxes", R"({"boxes":["information","information"]})", admin).status == 400);
    CHECK(f.call("PUT", "/api/v1/schools/" + school + "/boxes", R"({"boxen":[]})", admin).status == 400);
    CHECK(box_names(f.call("GET", "/api/v1/pupils/" + elsa + "/start", "", t).body) == std::vector<std::string>{"information"});
}

TEST_CASE("the Utvecklingssamtal card shows only while there is a time to book or a booked meeting ahead", "[start][meetings]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto vh = f.sign_in("demo.vh");
    const auto start = [&](const std::string& token) {
        return box_names(f.call("GET", "/api/v1/pupils/" + elsa + "/start", "", token).body);
    };
    const auto me_boxes = [&](const std::string& token) {
        std::vector<std::string> out;
        const json pupils = f.call("GET", "/api/v1/me", "", token).body["pupils"];
        for (const auto& p : pupils)
            if (p["id"] == elsa)
                for (const auto& b : p["boxes"]) out.push_back(b);
        return out;
    };
    CHECK(has(start(vh), "utvecklingssamtal"));  // the demo offers class 7A times next week
    CHECK_FALSE(has(start(f.sign_in("demo.elev")), "utvecklingssamtal"));  // grundskola: the guardians book

    // Book one; once every other time has passed, the card stays while the booking is ahead.
    const auto slots = f.call("GET", "/api/v1/pupils/" + elsa + "/meetings", "", vh).body["slots"];
    REQUIRE(slots.size() >= 2);
    const std::string last = slots.back()["id"];
    REQUIRE(f.call("POST", "/api/v1/pupils/" + elsa + "/meetings/" + last + "/booking", "", vh).status == 201);
    const UnixSeconds last_start = f.store.unsafe_state().meetings.slots.at(last).start;
    f.clock.set(last_start - 60);
    CHECK(has(start(vh), "utvecklingssamtal"));
    CHECK(has(me_boxes(vh), "utvecklingssamtal"));
    // After the meeting, with nothing left to book: no card, but the box still answers.
    f.clock.set(last_start + 24 * 3600);
    CHECK_FALSE(has(start(vh), "utvecklingssamtal"));
    CHECK_FALSE(has(me_boxes(vh), "utvecklingssamtal"));
    CHECK(f.call("GET", "/api/v1/pupils/" + elsa + "/meetings", "", vh).status == 200);
}

TEST_CASE("after an adult pupil withdraws insyn, no count about her reaches her guardian", "[start][insyn]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    const Id adult = f.id_of("demo.elev18");
    const Person& pupil = s.people.at(adult);
    REQUIRE(pupil.insyn_consent);
    std::string guardian;
    for (const Id& g : s.guardians_of.at(adult))
        if (!s.people.at(g).username.empty()) guardian = s.people.at(g).username;
    REQUIRE(!guardian.empty());
    const auto vh = f.sign_in(guardian);
    // News for her class: a notification about her for the guardian.
    const auto teacher = f.sign_in(f.teacher_of(pupil.group_id));
    REQUIRE(f.call("POST", school_route(pupil.school_id, "news"), json{{"title", "Prov"}, {"group_ids", {pupil.group_id}}}.dump(),
                   teacher)
                .status == 201);

    auto her_page = [&](const json& start) {
        for (const auto& page : start["pupils"])
            if (page["pupil"]["id"] == adult) return page;
        return json();
    };
    auto counts = [&] {
        const json page = her_page(f.call("GET", "/api/v1/start", "", vh).body);
        int boxes_unread = 0;
        for (const auto& b : page["boxes"]) boxes_unread += b["unread"].get<int>();
        return std::vector<int>{page["unread"].get<int>(), boxes_unread,
                                f.call("GET", "/api/v1/notifications", "", vh).body["unread"].get<int>(),
                                f.get("/api/v1/notifications", {{"pupil", adult}}, vh).body["unread"].get<int>(),
                                f.call("GET", "/api/v1/events", "", vh).body["unread"].get<int>()};
    };
    for (int n : counts()) CHECK(n >= 1);  // with insyn she is counted everywhere

    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":false})", f.sign_in("demo.elev18")).status == 200);
    for (int n : counts()) CHECK(n == 0);
    const json page = her_page(f.call("GET", "/api/v1/start", "", vh).body);
    CHECK(page["pupil"]["insyn"] == false);
    CHECK(page["boxes"].empty());
    CHECK(f.get("/api/v1/notifications", {{"pupil", adult}}, vh).body["notifications"].empty());
}
