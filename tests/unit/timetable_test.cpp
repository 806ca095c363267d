#include <catch2/catch.hpp>

#include "core/boxes/timetable.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {
std::string timetable_path(const Id& pupil) { return pupil_route(pupil, "timetable"); }
std::string lessons_path(const Id& group) { return group_route(group, "lessons"); }
void check_timetable_replay(const ApiFixture& f, const json& before) {
    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().timetable.by_group == f.store.unsafe_state().timetable.by_group);
    CHECK(again->unsafe_state().timetable.per_school == f.store.unsafe_state().timetable.per_school);
}
const char* kLesson = R"({"subject":"Schack","weekday":2,"start":"15:00","end":"15:45","room":"A204"})";
}  // namespace

TEST_CASE("ISO weeks and local instants", "[timetable]") {
    CHECK(iso_week_label(*Date::parse("2026-11-30")) == "2026-W49");
    CHECK(iso_week_label(*Date::parse("2026-12-31")) == "2026-W53");
    CHECK(iso_week_label(*Date::parse("2027-01-03")) == "2026-W53");
    CHECK(iso_week_label(*Date::parse("2027-01-04")) == "2027-W01");
    CHECK(iso_week_label(*Date::parse("2024-12-30")) == "2025-W01");
    CHECK(monday_of_iso_week("2026-W49")->iso() == "2026-11-30");
    CHECK(monday_of_iso_week("2026-W53")->iso() == "2026-12-28");
    CHECK(monday_of_iso_week("2025-W01")->iso() == "2024-12-30");
    CHECK_FALSE(monday_of_iso_week("2025-W53"));
    CHECK_FALSE(monday_of_iso_week("2026-W00"));
    CHECK_FALSE(monday_of_iso_week("2026-49"));
    CHECK_FALSE(monday_of_iso_week("2026-Wxx"));
    School s{"s", "S", SchoolForm::Grundskola, "Europe/Stockholm", {}};
    CHECK(local_instant(s, *Date::parse("2026-11-30"), 10 * 60) == at("2026-11-30T09:00:00Z"));
    CHECK(local_instant(s, *Date::parse("2026-03-29"), 10 * 60) == at("2026-03-29T08:00:00Z"));  // summer time began 02:00
    CHECK(local_instant(s, *Date::parse("2026-10-25"), 10 * 60) == at("2026-10-25T09:00:00Z"));  // and ended 03:00
    CHECK(short_date(*Date::parse("2026-12-01"), Language::sv) == "tis 1 dec");
}

TEST_CASE("the pupil's timetable by week and by day", "[timetable]") {
    ApiFixture f;  // Monday 30 November 2026, 10:00 in Stockholm
    const Id elsa = f.child_of("demo.vh", "Elsa");
    for (const char* who : {"demo.vh", "demo.elev"}) {
        const auto t = f.sign_in(who);
        auto week = f.call("GET", timetable_path(elsa), "", t);
        REQUIRE(week.status == 200);
        CHECK(week.body["week"] == "2026-W49");
        CHECK(week.body["from"] == "2026-11-30");
        CHECK(week.body["to"] == "2026-12-06");
        CHECK(week.body["in_skolnav"] == true);
        REQUIRE(week.body["days"].size() == 7);
        for (int i = 0; i < 5; ++i) CHECK(week.body["days"][i]["lessons"].size() >= 5);
        CHECK(week.body["days"][5]["lessons"].empty());  // Saturday
        const json first = week.body["days"][0]["lessons"][0];
        CHECK(first["date"] == "2026-11-30");
        CHECK(first["start"] == "08:10");
        CHECK(first["starts_at"] == "2026-11-30T08:10:00+01:00");
        CHECK(first["subject"].is_string());
        CHECK(first["teacher"]["name"].is_string());
    }
    const auto t = f.sign_in("demo.vh");
    auto w50 = f.get(timetable_path(elsa), {{"week", "2026-W50"}}, t);
    REQUIRE(w50.status == 200);
    CHECK(w50.body["from"] == "2026-12-07");
    CHECK(w50.body["days"][0]["lessons"][0]["date"] == "2026-12-07");
    auto day = f.get(timetable_path(elsa), {{"date", "2026-12-02"}}, t);
    REQUIRE(day.status == 200);
    REQUIRE(day.body["days"].size() == 1);
    CHECK(day.body["days"][0]["date"] == "2026-12-02");
    CHECK(day.body["days"][0]["weekday"] == 3);
    // Bad queries name the parameter.
    for (const auto& [query, field] : std::vector<std::pair<std::map<std::string, std::string>, std::string>>{
             {{{"week", "2026-W54"}}, "week"},
             {{{"week", "49"}}, "week"},
             {{{"date", "2026-02-30"}}, "date"},
             {{{"date", "2026-12-01"}, {"week", "2026-W49"}}, "week"}}) {
        auto bad = f.get(timetable_path(elsa), query, t);
        CHECK(bad.status == 400);
        CHECK(bad.body["error"]["field"] == field);
    }
}

TEST_CASE("timetable denials", "[timetable]") {
    ApiFixture f;
    const Id olle = f.child_of("demo.vh", "Olle");
    check_reader_denials(f, "timetable");  // staff use group routes
    CHECK(f.call("GET", timetable_path(olle), "", f.sign_in("demo.vh")).status == 404);  // förskola has no Schema
    CHECK(f.call("GET", timetable_path(f.id_of("demo.elev18")), "", f.sign_in("demo.vh.gy")).status == 200);
}

TEST_CASE("staff keep the group's lessons; the pupil's timetable follows", "[timetable]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const Id class_7a = f.group_named("7A");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto staff = f.sign_in("demo.personal");
    auto made = f.call("POST", lessons_path(class_7a), kLesson, staff);
    REQUIRE(made.status == 201);
    const Id lesson = made.body["lesson"]["id"];
    CHECK(made.body["lesson"]["start"] == "15:00");
    auto listed = f.call("GET", lessons_path(class_7a), "", staff);
    REQUIRE(listed.status == 200);
    CHECK(listed.body["lessons"].dump().find(lesson) != std::string::npos);

    const auto vh = f.sign_in("demo.vh");
    const auto lessons_on = [&](const char* date) {
        return f.get(timetable_path(elsa), {{"date", date}}, vh).body["days"][0]["lessons"].dump();
    };
    CHECK(lessons_on("2026-12-01").find("Schack") != std::string::npos);
    CHECK(lessons_on("2026-12-02").find("Schack") == std::string::npos);

    // Change: moved to Wednesday with a teacher of the school.
    const Id teacher = f.id_of("demo.personal");
    auto changed = f.call("PUT", lessons_path(class_7a) + "/" + lesson,
                          json{{"subject", "Schack"}, {"weekday", 3}, {"start", "15:00"}, {"end", "15:45"}, {"teacher", teacher},
                               {"valid_from", "2026-12-01"}, {"valid_to", "2026-12-31"}}.dump(),
                          staff);
    REQUIRE(changed.status == 200);
    CHECK(changed.body["lesson"]["teacher"]["id"] == teacher);
    CHECK(lessons_on("2026-12-02").find("Schack") != std::string::npos);
    CHECK(lessons_on("2027-01-06").find("Schack") == std::string::npos);  // after valid_to

    // The school's admin may too.
    const auto admin = f.sign_in("demo.admin");
    CHECK(f.call("DELETE", lessons_path(class_7a) + "/" + lesson, "", admin).status == 204);
    CHECK(f.call("DELETE", lessons_path(class_7a) + "/" + lesson, "", admin).status == 404);
    CHECK(f.store.unsafe_state().timetable.lessons.count(lesson) == 0);
    check_timetable_replay(f, before);
}

TEST_CASE("lesson bad input names the field and changes nothing", "[timetable]") {
    ApiFixture f;
    const Id class_7a = f.group_named("7A");
    const auto staff = f.sign_in("demo.personal");
    const auto count = f.store.unsafe_state().timetable.lessons.size();
    Id gy_teacher;
    for (const auto& [id, p] : f.store.unsafe_state().people)
        if (p.role == Role::Staff && p.school_id == "sch-3") gy_teacher = id;
    const std::pair<std::string, std::string> cases[] = {
        {"{", ""},
        {R"({"weekday":1,"start":"08:00","end":"09:00"})", "subject"},
        {R"({"subject":"X","weekday":8,"start":"08:00","end":"09:00"})", "weekday"},
        {R"({"subject":"X","weekday":1,"start":"8:00","end":"09:00"})", "start"},
        {R"({"subject":"X","weekday":1,"start":"09:00","end":"09:00"})", "end"},
        {R"({"subject":"X","weekday":1,"start":"08:00","end":"09:00","colour":"red"})", "colour"},
        {R"({"subject":"X","weekday":1,"start":"08:00","end":"09:00","valid_from":"2026-12-10","valid_to":"2026-12-01"})", "valid_to"},
        {json{{"subject", std::string(61, 'x')}, {"weekday", 1}, {"start", "08:00"}, {"end", "09:00"}}.dump(), "subject"},
        {json{{"subject", "X"}, {"weekday", 1}, {"start", "08:00"}, {"end", "09:00"}, {"teacher", gy_teacher}}.dump(), "teacher"},
        {json{{"subject", "X"}, {"weekday", 1}, {"start", "08:00"}, {"end", "09:00"}, {"teacher", f.id_of("demo.vh")}}.dump(), "teacher"},
    };
    for (const auto& [body, field] : cases) {
        INFO(body);
        auto r = f.call("POST", lessons_path(class_7a), body, staff);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == (field.empty() ? json(nullptr) : json(field)));
    }
    CHECK(f.store.unsafe_state().timetable.lessons.size() == count);
}

TEST_CASE("lesson routes refuse everyone but the group's staff and the school's admin", "[timetable]") {
    ApiFixture f;
    const Id class_7a = f.group_named("7A"), class_7b = f.group_named("7B");
    Id gy_group;
    for (const auto& [id, g] : f.store.unsafe_state().groups)
        if (g.school_id == "sch-3") gy_group = id;
    const Id some_lesson = f.store.unsafe_state().timetable.by_group.at(class_7b).front();
    const auto staff = f.sign_in("demo.personal");
    const auto nobody = f.call("POST", lessons_path("grp-99999"), kLesson, staff);
    CHECK(nobody.status == 404);
    CHECK(f.call("POST", lessons_path(class_7b), kLesson, staff).body == nobody.body);  // not staff of 7B
    CHECK(f.call("GET", lessons_path(class_7b), "", staff).status == 404);
    CHECK(f.call("PUT", lessons_path(class_7b) + "/" + some_lesson, kLesson, staff).status == 404);
    CHECK(f.call("DELETE", lessons_path(class_7b) + "/" + some_lesson, "", staff).status == 404);
    // A lesson id of another group through one's own group: 404.
    CHECK(f.call("DELETE", lessons_path(class_7a) + "/" + some_lesson, "", staff).status == 404);
    CHECK(f.call("POST", lessons_path(gy_group), kLesson, f.sign_in("demo.admin")).status == 404);  // another school
    for (const char* who : {"demo.vh", "demo.elev"})
        CHECK(f.call("POST", lessons_path(class_7a), kLesson, f.sign_in(who)).status == 404);
    CHECK(f.call("POST", lessons_path(class_7a), kLesson).status == 401);
    CHECK(f.store.unsafe_state().timetable.lessons.count(some_lesson) == 1);
}

TEST_CASE("the Schema card shows the next lesson", "[timetable]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto card_at = [&](const char* utc) { return f.card("timetable", Box::Schema, "demo.vh", elsa, at(utc)); };
    const json morning = card_at("2026-11-30T06:00:00Z");  // 07:00 Monday
    CHECK(morning["next"]["start"] == "08:10");
    CHECK_THAT(morning["summary"].get<std::string>(), Catch::StartsWith("Nästa: "));
    const json evening = card_at("2026-11-30T19:00:00Z");  // 20:00 Monday
    CHECK(evening["next"]["date"] == "2026-12-01");
    CHECK_THAT(evening["summary"].get<std::string>(), Catch::StartsWith("I morgon: "));
    const json friday_night = card_at("2026-12-04T20:00:00Z");
    CHECK(friday_night["summary"] == "Inga fler lektioner idag eller i morgon");
}
