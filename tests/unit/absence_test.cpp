#include <catch2/catch.hpp>

#include "core/boxes/absence.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {
std::string absence_path(const Id& pupil) { return pupil_route(pupil, "absence"); }
std::string report(const char* date, const char* comment = "") {
    return json{{"date", date}, {"comment", comment}}.dump();
}
}  // namespace

TEST_CASE("a guardian reports today and tomorrow, and sees both listed") {
    ApiFixture f("2026-11-30T09:00:00Z");
    const auto token = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto r1 = f.call("POST", absence_path(elsa), report("2026-11-30", "Magsjuk, åäö"), token);
    REQUIRE(r1.status == 201);
    CHECK(r1.body["report"]["comment"] == "Magsjuk, åäö");
    CHECK(r1.body["report"]["reported_by"]["name"] == "Anna Lindqvist");
    CHECK(r1.body["report"]["reported_at"] == "2026-11-30T10:00:00+01:00");
    CHECK(f.call("POST", absence_path(elsa), report("2026-12-01"), token).status == 201);

    auto list = f.call("GET", absence_path(elsa), "", token);
    REQUIRE(list.status == 200);
    CHECK(list.body["today"] == "2026-11-30");
    CHECK(list.body["tomorrow"] == "2026-12-01");
    CHECK(list.body["can_report"] == true);
    REQUIRE(list.body["reports"].size() == 2);
    CHECK(list.body["reports"][0]["date"] == "2026-12-01");  // newest day first
    CHECK(list.body["reports"][0]["can_withdraw"] == true);
    CHECK(list.body["reports"][1]["can_withdraw"] == false);  // today has begun
    // The other guardian of the same child sees the reports too.
    const auto partner = f.sign_in(f.store.unsafe_state().people.at(
        [&] { for (const auto& [id, p] : f.store.unsafe_state().people)
                  if (p.role == Role::Guardian && p.username != "demo.vh" && is_guardian_of(p, elsa)) return id;
              return Id(); }()).username);
    CHECK(f.call("GET", absence_path(elsa), "", partner).body["reports"].size() == 2);
}

TEST_CASE("today and tomorrow follow the school's clock across midnight and summer time") {
    SECTION("23:59 Stockholm: tomorrow is the next day") {
        ApiFixture f("2026-11-30T22:59:00Z");
        const auto t = f.sign_in("demo.vh");
        const Id elsa = f.child_of("demo.vh", "Elsa");
        CHECK(f.call("POST", absence_path(elsa), report("2026-12-01"), t).status == 201);
        CHECK(f.call("POST", absence_path(elsa), report("2026-12-02"), t).status == 400);
    }
    SECTION("00:30 Stockholm is still the previous day in UTC") {
        ApiFixture f("2026-11-30T23:30:00Z");
        const auto t = f.sign_in("demo.vh");
        const Id elsa = f.child_of("demo.vh", "Elsa");
        CHECK(f.call("POST", absence_path(elsa), report("2026-11-30"), t).status == 400);
        CHECK(f.call("POST", absence_path(elsa), report("2026-12-02"), t).status == 201);
    }
    SECTION("the night summer time starts") {
        ApiFixture f("2026-03-29T22:30:00Z");  // 00:30 CEST on Monday 30 March
        const auto t = f.sign_in("demo.vh");
        const Id elsa = f.child_of("demo.vh", "Elsa");
        CHECK(f.call("GET", absence_path(elsa), "", t).body["today"] == "2026-03-30");
        CHECK(f.call("POST", absence_path(elsa), report("2026-03-29"), t).status == 400);
        CHECK(f.call("POST", absence_path(elsa), report("2026-03-31"), t).status == 201);
    }
    SECTION("the night summer time ends") {
        ApiFixture f("2026-10-25T22:30:00Z");  // 23:30 CET on Sunday 25 October
        const auto t = f.sign_in("demo.vh");
        const Id elsa = f.child_of("demo.vh", "Elsa");
        CHECK(f.call("GET", absence_path(elsa), "", t).body["today"] == "2026-10-25");
    }
}

TEST_CASE("reports outside today and tomorrow are refused with a message saying so") {
    ApiFixture f;
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    for (const char* day : {"2026-11-29", "2026-12-02", "2027-11-30"}) {
        auto r = f.call("POST", absence_path(elsa), report(day), t);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == "date");
        CHECK_THAT(r.body["error"]["message"].get<std::string>(), Catch::Contains("idag") && Catch::Contains("i morgon"));
    }
    CHECK(f.store.unsafe_state().absence.reports.empty());
}

TEST_CASE("bad input names the field and changes nothing") {
    ApiFixture f;
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    struct Case { std::string body, field; };
    const Case cases[] = {
        {"{not json", ""},
        {"[]", ""},
        {R"({"comment":"x"})", "date"},
        {R"({"date":20261201})", "date"},
        {R"({"date":"1/12/2026"})", "date"},
        {R"({"date":"2026-12-01","comment":5})", "comment"},
        {R"({"date":"2026-12-01","colour":"red"})", "colour"},
        {json{{"date", "2026-12-01"}, {"comment", std::string(1001, 'a')}}.dump(), "comment"},
        {json{{"date", "2026-12-01"}, {"comment", std::string("a\x01")}}.dump(), "comment"},
    };
    for (const auto& c : cases) {
        auto r = f.call("POST", absence_path(elsa), c.body, t);
        INFO(c.body);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["code"] == "bad_request");
        CHECK(r.body["error"]["field"] == (c.field.empty() ? json(nullptr) : json(c.field)));
    }
    // 1000 characters of å (2000 bytes) is within the limit: it counts characters.
    std::string long_ok;
    for (int i = 0; i < 1000; ++i) long_ok += "å";
    CHECK(f.call("POST", absence_path(elsa), json{{"date", "2026-12-01"}, {"comment", long_ok}}.dump(), t).status == 201);
    CHECK(f.store.unsafe_state().absence.reports.size() == 1);
}

TEST_CASE("one whole-day report per child and day") {
    ApiFixture f;
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    REQUIRE(f.call("POST", absence_path(elsa), report("2026-12-01"), t).status == 201);
    auto again = f.call("POST", absence_path(elsa), report("2026-12-01"), t);
    CHECK(again.status == 409);
    CHECK(again.body["error"]["field"] == "date");
}

TEST_CASE("withdrawing: until the day begins, only one's own child's reports") {
    ApiFixture f;
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    const Id today_id = f.call("POST", absence_path(elsa), report("2026-11-30"), t).body["report"]["id"];
    const Id tomorrow_id = f.call("POST", absence_path(elsa), report("2026-12-01"), t).body["report"]["id"];
    CHECK(f.call("DELETE", absence_path(elsa) + "/" + today_id, "", t).status == 409);
    CHECK(f.call("DELETE", absence_path(olle) + "/" + tomorrow_id, "", t).status == 404);  // wrong child in the path
    CHECK(f.call("DELETE", absence_path(elsa) + "/abs-999999", "", t).status == 404);
    const auto other = f.sign_in("demo.vh2");
    CHECK(f.call("DELETE", absence_path(elsa) + "/" + tomorrow_id, "", other).status == 404);
    CHECK(f.call("DELETE", absence_path(elsa) + "/" + tomorrow_id, "", t).status == 204);
    CHECK(f.call("GET", absence_path(elsa), "", t).body["reports"].size() == 1);
    // The next morning the report for "tomorrow" could no longer be withdrawn.
    const Id late = f.call("POST", absence_path(elsa), report("2026-12-01"), t).body["report"]["id"];
    f.clock.set(at("2026-11-30T23:00:00Z"));
    CHECK(f.call("DELETE", absence_path(elsa) + "/" + late, "", t).status == 409);
}

TEST_CASE("Frånvaro denials") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id amira = f.child_of("demo.vh2", "Amira");
    const Id tyra = f.id_of("demo.elev18"), mans = f.id_of("demo.elev18.privat"), yusuf = f.id_of("demo.elev.gy");

    SECTION("not signed in: 401 on every route") {
        CHECK(f.call("GET", absence_path(elsa)).status == 401);
        CHECK(f.call("POST", absence_path(elsa), report("2026-12-01")).status == 401);
        CHECK(f.call("DELETE", absence_path(elsa) + "/abs-1").status == 401);
        CHECK(f.call("GET", absence_path(elsa), "", "forged-token").status == 401);
    }
    SECTION("another family's child looks exactly like a child that does not exist") {
        const auto t = f.sign_in("demo.vh");
        const auto stranger = f.call("GET", absence_path(amira), "", t);
        const auto nobody = f.call("GET", absence_path("per-999999"), "", t);
        CHECK(stranger.status == 404);
        CHECK(stranger.body == nobody.body);
        CHECK(f.call("POST", absence_path(amira), report("2026-12-01"), t).body == nobody.body);
        CHECK(f.store.unsafe_state().absence.reports.empty());
    }
    SECTION("a pupil under 18 sees their own absence but cannot report or withdraw") {
        const auto guardian = f.sign_in("demo.vh");
        const Id rid = f.call("POST", absence_path(elsa), report("2026-12-01"), guardian).body["report"]["id"];
        const auto t = f.sign_in("demo.elev");
        auto own = f.call("GET", absence_path(elsa), "", t);
        CHECK(own.status == 200);
        CHECK(own.body["can_report"] == false);
        CHECK(own.body["reports"][0]["can_withdraw"] == false);
        CHECK(f.call("POST", absence_path(elsa), report("2026-12-01"), t).status == 403);
        CHECK(f.call("DELETE", absence_path(elsa) + "/" + rid, "", t).status == 403);
        CHECK(f.call("GET", absence_path(amira), "", t).status == 404);  // a classmate
    }
    SECTION("a gymnasieskola pupil under 18 cannot report") {
        const auto t = f.sign_in("demo.elev.gy");
        CHECK(f.call("POST", absence_path(yusuf), report("2026-12-01"), t).status == 403);
    }
    SECTION("an adult pupil reports for themself, not for others") {
        const auto t = f.sign_in("demo.elev18");
        CHECK(f.call("POST", absence_path(tyra), report("2026-12-01"), t).status == 201);
        CHECK(f.call("POST", absence_path(mans), report("2026-12-01"), t).status == 404);  // sibling
    }
    SECTION("a guardian of an adult pupil: with insyn allowed, without refused with the reason") {
        const auto t = f.sign_in("demo.vh.gy");
        CHECK(f.call("POST", absence_path(tyra), report("2026-12-01"), t).status == 201);
        auto refused = f.call("POST", absence_path(mans), report("2026-12-01"), t);
        CHECK(refused.status == 403);
        CHECK(refused.body["error"]["code"] == "no_insyn");
        CHECK(f.call("GET", absence_path(mans), "", t).status == 403);
    }
    SECTION("staff and admins do not use the guardian's route") {
        for (const char* who : {"demo.personal", "demo.admin"}) {
            const auto t = f.sign_in(who);
            CHECK(f.call("POST", absence_path(elsa), report("2026-12-01"), t).status == 404);
        }
    }
}

TEST_CASE("the 18-year rule flips at local midnight on the birthday") {
    State state;
    state.schools["s"] = School{"s", "Gy", SchoolForm::Gymnasieskola, "Europe/Stockholm", {Box::Franvaro}};
    Person pupil;
    pupil.id = "p";
    pupil.role = Role::Pupil;
    pupil.school_id = "s";
    pupil.birth_date = Date::parse("2008-12-01");
    Person guardian;
    guardian.id = "g";
    guardian.role = Role::Guardian;
    guardian.children = {"p"};
    state.people["p"] = pupil;
    state.people["g"] = guardian;
    const School& school = state.schools["s"];

    const Date before = today_at(school, at("2026-11-30T22:59:59Z"));  // 23:59:59 on the eve
    const Date on = today_at(school, at("2026-11-30T23:00:00Z"));      // 00:00 on the birthday
    CHECK(may_report_absence(state, pupil, pupil, on));
    CHECK_FALSE(may_report_absence(state, pupil, pupil, before));
    // The guardian loses sight at 18 unless the pupil consents, and regains it with consent.
    CHECK(may_report_absence(state, guardian, pupil, before));
    CHECK_FALSE(may_report_absence(state, guardian, pupil, on));
    state.people["p"].insyn_consent = true;
    CHECK(may_report_absence(state, guardian, state.people["p"], on));

    // A school that has switched Frånvaro off takes no reports from anyone.
    state.schools["s"].enabled_boxes.clear();
    CHECK_FALSE(may_report_absence(state, guardian, state.people["p"], on));
    CHECK_FALSE(may_report_absence(state, pupil, pupil, on));
}

TEST_CASE("eTest never reaches guardians; gymnasieskola Utvecklingssamtal follows the 18-year rule") {
    ApiFixture f;
    const auto boxes = [&](const char* who, const Id& pupil) {
        return f.call("GET", "/api/v1/me", "", f.sign_in(who)).body["pupils"];
    };
    for (const auto& child : boxes("demo.vh", "")) CHECK(child["boxes"].dump().find("etest") == std::string::npos);
    const auto elev = boxes("demo.elev", "")[0]["boxes"].dump();
    CHECK(elev.find("etest") != std::string::npos);
    CHECK(boxes("demo.elev.gy", "")[0]["boxes"].dump().find("utvecklingssamtal") == std::string::npos);
    CHECK(boxes("demo.elev18", "")[0]["boxes"].dump().find("utvecklingssamtal") != std::string::npos);
    for (const auto& child : boxes("demo.vh.gy", "")) {
        if (child["first_name"] == "Måns") {
            CHECK(child["insyn"] == false);
            CHECK(child["boxes"].empty());
        } else {
            CHECK(child["insyn"] == true);
            CHECK(child["boxes"].dump().find("utvecklingssamtal") != std::string::npos);
        }
    }
}

// ---- part-of-day reports against the timetable, and registered absence ----------------

namespace {
std::vector<Id> lesson_ids(const json& lessons) {
    std::vector<Id> out;
    for (const auto& l : lessons) out.push_back(l["id"]);
    return out;
}
std::string part_day(const char* date, const std::vector<Id>& lessons) {
    return json{{"date", date}, {"lessons", lessons}}.dump();
}
std::string registered_path(const Id& pupil) { return pupil_route(pupil, "registered-absence"); }
}  // namespace

TEST_CASE("GET absence offers today's and tomorrow's lessons where the school keeps its timetable", "[absence]") {
    ApiFixture f;  // Monday 30 November 2026, 10:00
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    auto list = f.call("GET", absence_path(elsa), "", t);
    REQUIRE(list.status == 200);
    CHECK(list.body["timetable_in_skolnav"] == true);
    REQUIRE(list.body["lessons_today"].size() == 6);
    CHECK(list.body["lessons_today"][0]["start"] == "08:10");
    CHECK(list.body["lessons_today"][0]["reported"] == false);
    CHECK(list.body["lessons_tomorrow"].size() == 6);
    CHECK(list.body["registered"].is_array());
    auto preschool = f.call("GET", absence_path(olle), "", t);
    CHECK(preschool.body["timetable_in_skolnav"] == false);
    CHECK(preschool.body["lessons_today"].empty());
}

TEST_CASE("part-of-day reports: only the pupil's lessons that day, conflicts only where they overlap", "[absence]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto today = lesson_ids(f.call("GET", absence_path(elsa), "", t).body["lessons_today"]);
    const auto tomorrow = lesson_ids(f.call("GET", absence_path(elsa), "", t).body["lessons_tomorrow"]);

    auto first = f.call("POST", absence_path(elsa), part_day("2026-12-01", {tomorrow[1], tomorrow[0]}), t);
    REQUIRE(first.status == 201);
    CHECK(first.body["report"]["part_of_day"] == true);
    REQUIRE(first.body["report"]["lessons"].size() == 2);
    CHECK(first.body["report"]["lessons"][0]["id"] == tomorrow[0]);  // in the day's order
    CHECK(first.body["report"]["can_withdraw"] == true);
    CHECK(f.call("POST", absence_path(elsa), part_day("2026-12-01", {tomorrow[2]}), t).status == 201);
    auto overlap = f.call("POST", absence_path(elsa), part_day("2026-12-01", {tomorrow[1], tomorrow[3]}), t);
    CHECK(overlap.status == 409);
    CHECK(overlap.body["error"]["field"] == "lessons");
    auto whole = f.call("POST", absence_path(elsa), report("2026-12-01"), t);
    CHECK(whole.status == 409);
    CHECK(whole.body["error"]["field"] == "date");
    const auto shown = f.call("GET", absence_path(elsa), "", t).body["lessons_tomorrow"];
    CHECK(shown[0]["reported"] == true);
    CHECK(shown[2]["reported"] == true);
    CHECK(shown[3]["reported"] == false);

    // A whole day first: every part-day report for that day conflicts.
    REQUIRE(f.call("POST", absence_path(elsa), report("2026-11-30"), t).status == 201);
    auto after_whole = f.call("POST", absence_path(elsa), part_day("2026-11-30", {today[5]}), t);
    CHECK(after_whole.status == 409);
    CHECK(after_whole.body["error"]["field"] == "lessons");
    CHECK(f.store.unsafe_state().absence.reports.size() == 3);

    // Replay rebuilds the same reports.
    check_replay(f, before);
}

TEST_CASE("part-of-day bad input names lessons and changes nothing", "[absence]") {
    ApiFixture f;
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    const auto today = lesson_ids(f.call("GET", absence_path(elsa), "", t).body["lessons_today"]);
    const Id other_group_lesson = f.store.unsafe_state().timetable.by_group.at(f.group_named("7B")).front();
    const std::string cases[] = {
        part_day("2026-12-03", {today[0]}),
        R"({"date":"2026-12-01","lessons":[]})",
        R"({"date":"2026-12-01","lessons":"lsn-1"})",
        R"({"date":"2026-12-01","lessons":[5]})",
        part_day("2026-12-01", {"lsn-999999"}),
        part_day("2026-12-01", {other_group_lesson}),
    };
    for (const auto& body : cases) {
        INFO(body);
        auto r = f.call("POST", absence_path(elsa), body, t);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == (body.find("2026-12-03") != std::string::npos ? "date" : "lessons"));
    }
    // Monday's first lesson is not a Tuesday lesson (Tuesday's has its own id only if the subject repeats).
    auto tuesday = lesson_ids(f.call("GET", absence_path(elsa), "", t).body["lessons_tomorrow"]);
    if (std::find(tuesday.begin(), tuesday.end(), today[0]) == tuesday.end())
        CHECK(f.call("POST", absence_path(elsa), part_day("2026-12-01", {today[0]}), t).status == 400);
    // A preschool has no timetable in Skolnav: the message says so.
    auto no_timetable = f.call("POST", absence_path(olle), part_day("2026-12-01", {today[0]}), t);
    CHECK(no_timetable.status == 400);
    CHECK(no_timetable.body["error"]["field"] == "lessons");
    CHECK_THAT(no_timetable.body["error"]["message"].get<std::string>(), Catch::Contains("inget schema i Skolnav"));
    CHECK(f.store.unsafe_state().absence.reports.empty());
}

TEST_CASE("a part-of-day report can be withdrawn until its first lesson starts", "[absence]") {
    ApiFixture f;  // 10:00
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto today = lesson_ids(f.call("GET", absence_path(elsa), "", t).body["lessons_today"]);
    // 09:10 has begun; 10:20 has not.
    auto started = f.call("POST", absence_path(elsa), part_day("2026-11-30", {today[1]}), t);
    REQUIRE(started.status == 201);
    CHECK(started.body["report"]["can_withdraw"] == false);
    CHECK(f.call("DELETE", absence_path(elsa) + "/" + started.body["report"]["id"].get<std::string>(), "", t).status == 409);
    auto later = f.call("POST", absence_path(elsa), part_day("2026-11-30", {today[3], today[2]}), t);
    REQUIRE(later.status == 201);
    CHECK(later.body["report"]["can_withdraw"] == true);
    const std::string later_id = later.body["report"]["id"];
    f.clock.set(at("2026-11-30T09:19:59Z"));  // 10:19:59
    auto again = f.call("POST", absence_path(elsa), part_day("2026-11-30", {today[4]}), t);
    REQUIRE(again.status == 201);
    f.clock.set(at("2026-11-30T09:20:00Z"));  // 10:20, the first chosen lesson starts
    CHECK(f.call("DELETE", absence_path(elsa) + "/" + later_id, "", t).status == 409);
    CHECK(f.call("DELETE", absence_path(elsa) + "/" + again.body["report"]["id"].get<std::string>(), "", t).status == 204);
    // The pupil under 18 cannot report part of a day either.
    CHECK(f.call("POST", absence_path(elsa), part_day("2026-12-01", {today[0]}), f.sign_in("demo.elev")).status == 403);
}

TEST_CASE("staff register absence; guardians and the pupil see it", "[absence]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const auto staff = f.sign_in("demo.personal");
    const auto guardian = f.sign_in("demo.vh");
    const auto today = lesson_ids(f.call("GET", absence_path(elsa), "", guardian).body["lessons_today"]);
    const auto registered_before = f.call("GET", absence_path(elsa), "", guardian).body["registered"].size();

    auto late = f.call("POST", registered_path(elsa),
                       json{{"date", "2026-11-30"}, {"lesson", today[0]}, {"minutes", 10}, {"valid", false}, {"note", "Kom för sent"}}.dump(),
                       staff);
    REQUIRE(late.status == 201);
    CHECK(late.body["absence"]["lesson"]["start"] == "08:10");
    CHECK(late.body["absence"]["validity"] == "ogiltig");
    CHECK(late.body["absence"]["registered_by"]["name"] == "Lena Forsberg");
    auto full_lesson = f.call("POST", registered_path(elsa), json{{"date", "2026-11-30"}, {"lesson", today[1]}, {"valid", true}}.dump(), staff);
    REQUIRE(full_lesson.status == 201);
    CHECK(full_lesson.body["absence"]["minutes"] == 50);
    auto friday = f.call("POST", registered_path(elsa), json{{"date", "2026-11-27"}, {"valid", true}, {"note", "Sjuk"}}.dump(), staff);
    REQUIRE(friday.status == 201);
    CHECK(friday.body["absence"]["whole_day"] == true);
    CHECK(friday.body["absence"]["minutes"].get<int>() >= 250);

    for (const char* who : {"demo.vh", "demo.elev"}) {
        auto seen = f.call("GET", absence_path(elsa), "", f.sign_in(who));
        REQUIRE(seen.status == 200);
        CHECK(seen.body["registered"].size() == registered_before + 3);
        CHECK(seen.body["registered"].dump().find("Kom för sent") != std::string::npos);
    }
    // Conflicts: the same lesson again; a whole day over a registered lesson.
    auto same = f.call("POST", registered_path(elsa), json{{"date", "2026-11-30"}, {"lesson", today[0]}, {"valid", true}}.dump(), staff);
    CHECK(same.status == 409);
    CHECK(same.body["error"]["field"] == "lesson");
    CHECK(f.call("POST", registered_path(elsa), json{{"date", "2026-11-30"}, {"valid", true}}.dump(), staff).status == 409);
    CHECK(f.call("POST", registered_path(elsa), json{{"date", "2026-11-27"}, {"lesson", today[0]}, {"valid", true}}.dump(), staff).status != 201);

    // The group's view for a day.
    auto group = f.call("GET", group_route(f.group_named("7A"), "absence"), "", staff);
    REQUIRE(group.status == 200);
    CHECK(group.body["date"] == "2026-11-30");
    CHECK(group.body["lessons"].size() == 6);
    bool found = false;
    for (const auto& p : group.body["pupils"])
        if (p["id"] == elsa) found = p["registered"].size() == 2;
    CHECK(found);

    // Removing.
    const std::string id = late.body["absence"]["id"];
    CHECK(f.call("DELETE", registered_path(amira) + "/" + id, "", staff).status == 404);  // wrong pupil in the path
    CHECK(f.call("DELETE", registered_path(elsa) + "/" + id, "", guardian).status == 404);
    CHECK(f.call("DELETE", registered_path(elsa) + "/" + id, "", staff).status == 204);
    CHECK(f.call("DELETE", registered_path(elsa) + "/" + id, "", staff).status == 404);

    check_replay(f, before);
}

TEST_CASE("registered absence: bad input and denials", "[absence]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto staff = f.sign_in("demo.personal");
    const auto today = lesson_ids(f.call("GET", absence_path(elsa), "", f.sign_in("demo.vh")).body["lessons_today"]);
    const auto count = f.store.unsafe_state().absence.registered.size();
    const std::pair<std::string, std::string> cases[] = {
        {R"({"date":"2026-11-30"})", "valid"},
        {R"({"date":"2026-11-30","valid":"ja"})", "valid"},
        {R"({"valid":true})", "date"},
        {R"({"date":"2026-12-01","valid":true})", "date"},  // not yet
        {R"({"date":"2026-11-30","valid":true,"minutes":0})", "minutes"},
        {json{{"date", "2026-11-30"}, {"valid", true}, {"lesson", today[0]}, {"minutes", 51}}.dump(), "minutes"},
        {json{{"date", "2026-11-29"}, {"valid", true}, {"lesson", today[0]}}.dump(), "lesson"},  // a Sunday
        {R"({"date":"2026-11-30","valid":true,"lesson":"lsn-999999"})", "lesson"},
        {R"({"date":"2026-11-30","valid":true,"grade":"A"})", "grade"},
    };
    for (const auto& [body, field] : cases) {
        INFO(body);
        auto r = f.call("POST", registered_path(elsa), body, staff);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == field);
    }
    const std::string ok = R"({"date":"2026-11-30","valid":true})";
    // Another group's teacher, guardians and pupils: 404 like a pupil that does not exist.
    Id teacher_7b;
    for (const auto& [id, p] : f.store.unsafe_state().people)
        if (p.role == Role::Staff && p.group_id == f.group_named("7B")) teacher_7b = id;
    const auto t7b = f.sign_in(f.store.unsafe_state().people.at(teacher_7b).username);
    const auto missing = f.call("POST", registered_path("per-999999"), ok, staff);
    CHECK(missing.status == 404);
    CHECK(f.call("POST", registered_path(elsa), ok, t7b).body == missing.body);
    CHECK(f.call("GET", group_route(f.group_named("7A"), "absence"), "", t7b).status == 404);
    for (const char* who : {"demo.vh", "demo.elev"})
        CHECK(f.call("POST", registered_path(elsa), ok, f.sign_in(who)).status == 404);
    CHECK(f.get(group_route(f.group_named("7A"), "absence"), {{"date", "30/11/2026"}}, staff).status == 400);
    CHECK(f.store.unsafe_state().absence.registered.size() == count);
}
